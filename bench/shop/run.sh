#!/usr/bin/env bash
# Benchmarks the reference shop with wrk on this machine: GET / and the order flow.
# Usage: bench/shop/run.sh   (from anywhere; see bench/shop/README.md for the knobs)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/shop"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
INDEX_THREADS="${INDEX_THREADS:-2}"
INDEX_CONNECTIONS="${INDEX_CONNECTIONS:-50}"
ORDER_USERS="${ORDER_USERS:-50}"
DATA="${DATA:-$ROOT/csv-data}"
JAVA_OPTS="${JAVA_OPTS:-}"
SHOP_ARGS="${SHOP_ARGS:-}"

if ! command -v wrk >/dev/null; then
  echo "installing wrk" >&2
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$ROOT/shop/target/orderflow-shop.jar" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl shop -DskipTests package)
fi

WORK="$(mktemp -d)"
ADMIN_KEY="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
mkfifo "$WORK/stdout"
# wrk's connections all come from 127.0.0.1: the shop's per-address cap must hold them
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$ROOT/shop/target/orderflow-shop.jar" --port 0 \
  --max-connections-per-address $((2 * (INDEX_CONNECTIONS + ORDER_USERS) + 256)) \
  --data "$DATA" --admin-key "$ADMIN_KEY" $SHOP_ARGS \
  >"$WORK/stdout" 2>"$WORK/stderr" &
SHOP_PID=$!
stop_shop() {
  kill "$SHOP_PID" 2>/dev/null || true
  wait "$SHOP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop_shop EXIT
exec 3<"$WORK/stdout"
if ! read -r -t 120 -u 3 LINE; then
  echo "the shop did not start:" >&2
  cat "$WORK/stderr" >&2
  exit 1
fi
BASE="${LINE#listening on }"
echo "shop: $BASE (pid $SHOP_PID), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(nproc) cores"

stats() {
  curl -fsS -H "X-Admin-Key: $ADMIN_KEY" "$BASE/api/admin/stats"
}
field() {
  sed -E "s/.*\"$1\":([0-9]+).*/\1/"
}

echo
echo "== GET / : warm-up $WARMUP, then wrk -t$INDEX_THREADS -c$INDEX_CONNECTIONS -d$DURATION"
wrk -t"$INDEX_THREADS" -c"$INDEX_CONNECTIONS" -d"$WARMUP" "$BASE/" >/dev/null
wrk -t"$INDEX_THREADS" -c"$INDEX_CONNECTIONS" -d"$DURATION" --latency "$BASE/" | tee "$WORK/index.txt"
INDEX_RPS="$(awk '/Requests\/sec/ {print $2}' "$WORK/index.txt")"

echo
echo "== order flow: $ORDER_USERS users (one connection each), product list step: ${LIST_PRODUCTS:-0}, warm-up $WARMUP, then $DURATION"
export USERS_CSV="$DATA/users.csv"
export LIST_PRODUCTS="${LIST_PRODUCTS:-0}"
export PRODUCTS="$(($(wc -l <"$DATA/products.csv") - 1))"
wrk -t"$ORDER_USERS" -c"$ORDER_USERS" -d"$WARMUP" -s "$HERE/order-flow.lua" "$BASE" >/dev/null
BEFORE="$(stats)"
wrk -t"$ORDER_USERS" -c"$ORDER_USERS" -d"$DURATION" --latency -s "$HERE/order-flow.lua" "$BASE" | tee "$WORK/orders.txt"
AFTER="$(stats)"
CREATED="$(awk -F= '/^ORDERS_CREATED=/ {print $2}' "$WORK/orders.txt")"
ORDERS_PER_SECOND="$(awk -F= '/^ORDERS_PER_SECOND=/ {print $2}' "$WORK/orders.txt")"
SHOP_CREATED=$(($(echo "$AFTER" | field orders) - $(echo "$BEFORE" | field orders)))
INITIAL="$(echo "$AFTER" | field initial_stock)"
REMAINING="$(echo "$AFTER" | field stock_remaining)"
SOLD="$(echo "$AFTER" | field units_sold)"

echo
echo "== summary"
echo "GET /: $INDEX_RPS req/s"
echo "orders created: $CREATED counted by wrk, $SHOP_CREATED by the shop's stats (wrk stops counting at the deadline; the difference is orders in flight then)"
echo "orders/s: $ORDERS_PER_SECOND"
if [ "$INITIAL" -eq $((REMAINING + SOLD)) ]; then
  echo "stock balances: initial_stock $INITIAL == stock_remaining $REMAINING + units_sold $SOLD"
else
  echo "STOCK DOES NOT BALANCE: initial_stock $INITIAL != stock_remaining $REMAINING + units_sold $SOLD" >&2
  exit 1
fi
if grep -q -E "Exception|ERROR" "$WORK/stderr"; then
  echo "the shop logged errors:" >&2
  cat "$WORK/stderr" >&2
  exit 1
fi
