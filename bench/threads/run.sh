#!/usr/bin/env bash
# Thread group benchmark: test 7's shape on one load JVM. 10 000 users spawned at 1000/s by the
# orderflow thread group load the reference shop's index page with 5–10 s of think time, for 60 s.
# Runs it twice in one go: virtual threads on Temurin 25, platform threads on Java 17. Reports the
# load JVM's peak RSS (VmHWM) and peak heap, and how many users were active at 10 s, 11 s and 60 s.
#
#   bench/threads/run.sh                     the full benchmark (about 3 minutes)
#   USERS=1000 SPAWN_RATE=100 DURATION=20 bench/threads/run.sh     a smaller one
#   MODES=virtual LIVE_VIEW="off on" bench/threads/run.sh           the live view's cost: the same run without
#                                    and with the live view (a client reading its events, as a browser does)
#
# Environment: USERS, SPAWN_RATE, DURATION (s), HEAP (load JVM options, default -Xmx768m: the 10 000
# users of this plan keep about 600 MB live; a 1 GB heap lets RSS pass 1 GiB),
# JAVA_VIRTUAL (default Temurin 25), JAVA_PLATFORM (default Java 17), MODES ("virtual platform").
# The shop runs in its own JVM on a free port. Results: bench/threads/results/<timestamp>/.
# Goal: all users active by 11 s; with virtual threads, peak RSS at most 1 GiB.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
users=${USERS:-10000}
spawn_rate=${SPAWN_RATE:-1000}
duration=${DURATION:-60}
heap=${HEAP:--Xmx768m}
java_virtual=${JAVA_VIRTUAL:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
java_platform=${JAVA_PLATFORM:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
modes=${MODES:-virtual platform}
live_views=${LIVE_VIEW:-off}

shop_jar=$repo/shop/target/orderflow-shop.jar
plugin_jar=$repo/plugin/target/orderflow-jmeter-plugin-0.1.0-SNAPSHOT.jar
stale() {  # stale JAR SRC_DIR...: the jar is missing or older than a file under the sources
  local jar=$1; shift
  [[ ! -f $jar ]] || [[ -n $(find "$@" -newer "$jar" -type f -print -quit 2>/dev/null) ]]
}
if stale "$shop_jar" "$repo/shop/src" "$repo/shop/pom.xml" || stale "$plugin_jar" "$repo/plugin/src" "$repo/plugin/pom.xml"; then
  echo "building the shop and plugin jars" >&2
  (cd "$repo" && ./mvnw -B -q -pl shop,plugin -am package -DskipTests -Djacoco.skip=true)
fi

# A JMeter 5.6.3 home of our own (the harness's recipe, built into this folder), the plugin in lib/ext.
jmeter_home=$here/target/jmeter
if [[ ! -f $jmeter_home/bin/ApacheJMeter.jar ]]; then
  echo "building a JMeter 5.6.3 home from Maven Central" >&2
  (cd "$repo" && ./mvnw -B -q -f bench/harness/jmeter-home/pom.xml package -Dhome="$jmeter_home")
fi
mkdir -p "$jmeter_home/lib/junit"
rm -f "$jmeter_home"/lib/ext/orderflow-jmeter-plugin-*.jar
cp "$plugin_jar" "$jmeter_home/lib/ext/"

out=$here/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"

# 10 000 keep-alive connections on each side.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

shop_pid=
cleanup() {
  # the shop ends on SIGTERM with status 143: expected here, so not the script's status (set -e)
  if [[ -n $shop_pid ]] && kill "$shop_pid" 2>/dev/null; then
    wait "$shop_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

: >"$out/shop.log"
# all users connect from 127.0.0.1, one connection each: the shop's per-address cap must hold them
"$java_platform" -Xmx4g -jar "$shop_jar" --port 0 --max-connections-per-address $((2 * users)) \
  --data "$repo/csv-data" --admin-key bench >"$out/shop.log" 2>&1 &
shop_pid=$!
# Wait for its "listening on" line (tail ends by SIGPIPE once grep has it, hence no pipefail here).
listening=$(set +o pipefail; timeout 60 tail -n +1 -f "$out/shop.log" | grep -m1 -o 'listening on http://127.0.0.1:[0-9]*' || true)
port=${listening##*:}
if [[ -z $listening || -z $port ]]; then
  echo "the shop did not start; see $out/shop.log" >&2
  exit 1
fi
echo "shop on port $port (pid $shop_pid)" >&2

run() {  # run MODE JAVA VIRTUAL_THREADS LIVE_VIEW
  local mode=$1 java=$2 virtual=$3 live=$4 dir=$out/$1
  local live_port=off
  if [[ $live == on ]]; then
    live_port=0
    dir=$out/$1-live-view
  fi
  mkdir -p "$dir"
  echo "$mode: $users users at $spawn_rate/s for $duration s on $("$java" -version 2>&1 | head -1)" >&2
  (cd "$dir" && exec "$java" $heap "-Xlog:gc:file=$dir/gc.log" -jar "$jmeter_home/bin/ApacheJMeter.jar" \
      -n -t "$here/index-10k.jmx" -l "$dir/results.csv" -j "$dir/jmeter.log" \
      -Jhost=127.0.0.1 -Jport="$port" -Jusers="$users" -Jspawn_rate="$spawn_rate" -Jduration="$duration" \
      -Jvirtual_threads="$virtual" -Jusers_csv="$repo/csv-data/users.csv" -Jlive_view_port="$live_port" \
      -Jjmeter.save.saveservice.output_format=csv -Jsampleresult.timestamp.start=true \
      -Jsummariser.interval=10 >"$dir/console.txt" 2>&1) &
  local pid=$!
  # The load JVM's memory once a second: VmRSS and VmHWM (its peak) from /proc.
  : >"$dir/memory.csv"
  local second=0 rss hwm ticks watcher=
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n $rss && -n $hwm ]] && echo "$second,$rss,$hwm" >>"$dir/memory.csv"
    # the load JVM's CPU time so far (user + system, in clock ticks): its last value is the run's
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true)
    [[ -n $ticks ]] && echo "$ticks" >"$dir/cpu_ticks"
    # the live view's own threads (its ticker and the threads serving the page): their CPU time so far
    if [[ $live == on ]]; then
      # (kept at its highest: the last read, as the JVM exits, finds no threads)
      ticks=$(cat /proc/"$pid"/task/*/stat 2>/dev/null | awk '$2 ~ /^\(orderflow-live/ {t += $14 + $15} END {print t + 0}')
      if [[ ! -f $dir/live_view_ticks ]] || ((ticks > $(cat "$dir/live_view_ticks"))); then
        echo "$ticks" >"$dir/live_view_ticks"
      fi
    fi
    if [[ $live == on && -z $watcher ]] && grep -q 'Live view of the run: ' "$dir/console.txt" 2>/dev/null; then
      # a watcher for the whole run, reading every event as a browser's page does
      curl -sN "$(grep -o 'Live view of the run: .*' "$dir/console.txt" | head -1 | cut -d' ' -f6)events" \
        >"$dir/live-view-events.txt" 2>/dev/null &
      watcher=$!
    fi
    sleep 1
    second=$((second + 1))
  done
  wait "$pid" || echo "$mode: JMeter exited with status $?" >&2
  [[ -n $watcher ]] && { kill "$watcher" 2>/dev/null || true; }
  local hz samples
  hz=$(getconf CLK_TCK)
  samples=$(($(wc -l <"$dir/results.csv") - 1))
  echo "$mode, live view $live: $samples samples, load JVM CPU $(awk -v hz="$hz" -v n="$samples" \
    '{printf "%.1f s, %.3f ms per sample", $1 / hz, 1000 * $1 / hz / n}' "$dir/cpu_ticks")" >&2
  if [[ $live == on ]]; then
    echo "$mode, live view threads: CPU $(awk -v hz="$hz" '{printf "%.2f", $1 / hz}' "$dir/live_view_ticks") s" >&2
  fi
  "$repo/bench/threads/analyze.py" "$dir" "$users" "$duration" | tee "$dir/figures.json"
}

for mode in $modes; do
  for live in $live_views; do
    case $mode in
      virtual) run virtual "$java_virtual" true "$live" ;;
      platform) run platform "$java_platform" false "$live" ;;
      *) echo "unknown mode $mode (virtual, platform)" >&2; exit 2 ;;
    esac
  done
done
echo "results in $out" >&2
