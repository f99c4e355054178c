#!/usr/bin/env bash
# CPU time of the load-generating JVM per HTTP request, orderflow samplers vs JMeter's stock HTTP
# Request sampler (HttpClient4) with JSON Extractors, for the same order flow against the reference
# shop running in its own process. The two plans run alternately, each in a fresh JVM.
#
#   bench/samplers/run.sh                 # 50 users x 100 iterations, 3 rounds
#   USERS=50 ITERATIONS=200 ROUNDS=5 bench/samplers/run.sh
#
# Goal: orderflow / stock <= 0.7.
set -euo pipefail
cd "$(dirname "$0")/../.."

USERS=${USERS:-50}
ITERATIONS=${ITERATIONS:-100}
WARMUP_ITERATIONS=${WARMUP_ITERATIONS:-40}
ROUNDS=${ROUNDS:-3}
JVM_OPTS=${JVM_OPTS:--Xms512m -Xmx512m}
OUT=${OUT:-target/bench-samplers}
mkdir -p "$OUT"

echo "building the shop and the plugin's test classes …"
./mvnw -B -q -pl shop install -DskipTests
./mvnw -B -q -pl plugin test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CLASSPATH_FILE=plugin/target/bench-classpath.txt
CP="plugin/target/test-classes:plugin/target/classes:$(cat "$CLASSPATH_FILE")"

SHOP_LOG="$OUT/shop.log"
# all users connect from 127.0.0.1, one connection each: the shop's per-address cap must hold them
java -Xmx1g -jar shop/target/orderflow-shop.jar --port 0 --max-connections-per-address $((USERS * 2 + 256)) \
    --data csv-data --admin-key bench-admin-key >"$SHOP_LOG" 2>&1 &
SHOP_PID=$!
trap 'kill "$SHOP_PID" 2>/dev/null || true; wait "$SHOP_PID" 2>/dev/null || true' EXIT
# the shop prints "listening on http://127.0.0.1:PORT" once it is ready: read its log as it grows
exec {SHOP_LINES}< <(exec tail -n +1 -f "$SHOP_LOG")
TAIL_PID=$!
SHOP_URL=""
while IFS= read -r -t 120 -u "$SHOP_LINES" line; do
    case "$line" in
        *"listening on "*) SHOP_URL=${line##*listening on }; break ;;
    esac
done
kill "$TAIL_PID" 2>/dev/null || true
exec {SHOP_LINES}<&-
if [ -z "$SHOP_URL" ]; then
    echo "the shop did not start within 120 s; its log:" >&2
    cat "$SHOP_LOG" >&2
    exit 1
fi
echo "shop at $SHOP_URL (pid $SHOP_PID)"

RESULTS="$OUT/results.txt"
: >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
    for plan in orderflow stock; do
        curl -fsS -X POST -H "X-Admin-Key: bench-admin-key" "$SHOP_URL/api/admin/reset" >/dev/null
        line=$(java $JVM_OPTS -cp "$CP" \
            -Dorderflow.test.jmeterHome=plugin/target/jmeter-home \
            dev.orderflow.jmeter.bench.SamplerCpuBenchmark \
            --plan "$plan" --shop "$SHOP_URL" --users-csv csv-data/users.csv \
            --users "$USERS" --iterations "$ITERATIONS" --warmup-iterations "$WARMUP_ITERATIONS" | grep '^RESULT')
        echo "round $round: $line" | tee -a "$RESULTS"
    done
done

awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      n[v["plan"]]++; cpu[v["plan"], n[v["plan"]]] = v["cpu_us_per_request"] }
    function median(plan,   k, i, j, t, a) {
        k = n[plan]; for (i = 1; i <= k; i++) a[i] = cpu[plan, i]
        for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    END {
        o = median("orderflow"); s = median("stock")
        printf "median CPU per request: orderflow %.1f us, stock HTTP sampler + JSON extractors %.1f us\n", o, s
        printf "ratio orderflow / stock = %.2f (goal <= 0.70)\n", o / s
    }' "$RESULTS" | tee "$OUT/summary.txt"
