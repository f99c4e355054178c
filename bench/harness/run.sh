#!/usr/bin/env bash
# orderflow side-by-side benchmark: orderflow's JMeter plugin against JMeter's stock HTTP sampler,
# Locust (FastHttpUser, HttpUser) and wrk, on the reference shop, on this machine.
#
#   bench/harness/run.sh            full run: 3 rounds, ~26 min on 2 cores
#   bench/harness/run.sh --quick    seconds-long runs, one round: tries the harness out
#   bench/harness/run.sh --help     every option (tools, workloads, rounds, CPU pinning, profiling)
#   BENCH_CANDIDATE_JAR=… bench/harness/run.sh --tools orderflow,orderflow-candidate …
#                                   a candidate build of the plugin side by side with the current one
#
# Installs wrk and python3-locust with apt-get when missing, builds the shop and plugin jars when
# their sources are newer, builds a JMeter 5.6.3 home from Maven Central with the plugin in lib/ext.
# Writes bench/harness/results/<timestamp>.md and .json (and the raw runs under results/runs/).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
python=/usr/bin/python3   # Debian's python, the one python3-locust is installed for

for arg in "$@"; do
  if [[ $arg == -h || $arg == --help ]]; then
    cd "$here" && exec "$python" -m orderbench --help
  fi
done

missing=()
[[ -x /usr/bin/wrk ]] || missing+=(wrk)
[[ -x /usr/bin/locust ]] || missing+=(python3-locust)
if ((${#missing[@]})); then
  echo "installing ${missing[*]} with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

shop_jar=$repo/shop/target/orderflow-shop.jar
plugin_jar=$repo/plugin/target/orderflow-jmeter-plugin-0.1.0-SNAPSHOT.jar
stale() {  # stale JAR SRC_DIR...: the jar is missing or older than a file under the sources
  local jar=$1; shift
  [[ ! -f $jar ]] || [[ -n $(find "$@" -newer "$jar" -type f -print -quit 2>/dev/null) ]]
}
if stale "$shop_jar" "$repo/shop/src" "$repo/shop/pom.xml" || stale "$plugin_jar" "$repo/plugin/src" "$repo/plugin/pom.xml"; then
  echo "building the shop and plugin jars" >&2
  (cd "$repo" && ./mvnw -B -q -pl shop,plugin -am install -DskipTests -Djacoco.skip=true)
fi

jmeter_home=$here/jmeter-home/target/jmeter
if [[ ! -f $jmeter_home/bin/ApacheJMeter.jar || ! -f $here/jmeter-home/target/async-profiler/linux-x64/libasyncProfiler.so ]]; then
  echo "building a JMeter 5.6.3 home from Maven Central" >&2
  (cd "$repo" && ./mvnw -B -q -f bench/harness/jmeter-home/pom.xml package)
fi
mkdir -p "$jmeter_home/lib/junit"   # JMeter's launcher looks for it
rm -f "$jmeter_home"/lib/ext/orderflow-jmeter-plugin-*.jar
cp "$plugin_jar" "$jmeter_home/lib/ext/"
# JMeter scans every jar in lib/ext and fails on one without a manifest: its functions (__P …) then
# stay unevaluated in every plan. Give the benchmark's copy one if the build left it out.
if ! unzip -l "$plugin_jar" META-INF/MANIFEST.MF >/dev/null 2>&1; then
  echo "warning: $plugin_jar has no META-INF/MANIFEST.MF; adding one to the copy in lib/ext" >&2
  manifest=$(mktemp)
  printf 'Manifest-Version: 1.0\n' >"$manifest"
  "$(dirname "$(readlink -f "$(command -v java)")")/jar" --update --file "$jmeter_home/lib/ext/$(basename "$plugin_jar")" --manifest "$manifest"
  rm -f "$manifest"
fi

# BENCH_CANDIDATE_JAR: another build of the plugin (a change to measure), run as the tool
# orderflow-candidate from a JMeter home of its own that shares every other jar
candidate=()
if [[ -n ${BENCH_CANDIDATE_JAR:-} ]]; then
  candidate_home=$here/jmeter-home/target/jmeter-candidate
  rm -rf "$candidate_home"
  cp -al "$jmeter_home" "$candidate_home"
  rm -f "$candidate_home"/lib/ext/orderflow-jmeter-plugin-*.jar
  cp "$BENCH_CANDIDATE_JAR" "$candidate_home/lib/ext/"
  candidate=(--candidate-jmeter-home "$candidate_home")
fi

# Both JMeter variants run on the same JVM: the newest installed (orderflow's thread group uses
# virtual threads from Java 21 on), unless BENCH_JMETER_JAVA names another.
jmeter_java=${BENCH_JMETER_JAVA:-}
if [[ -z $jmeter_java ]]; then
  jmeter_java=$(command -v java)
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    if [[ -x $jdk/bin/java ]]; then jmeter_java=$jdk/bin/java; break; fi
  done
fi

mkdir -p "$here/results"
cd "$here"
exec "$python" -m orderbench \
  --shop-jar "$shop_jar" --csv-data "$repo/csv-data" \
  --jmeter-home "$jmeter_home" --jmeter-java "$jmeter_java" \
  --results "$here/results" "${candidate[@]}" "$@"
