#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the benchmarks and runs all six, printing what BENCHMARKS.md records.
#   bbb-benchmarks/run.sh            full run (about 10 minutes on 2 cores)
#   QUICK=1 bbb-benchmarks/run.sh    shorter JMH and harness settings, for trying things out
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bbb-benchmarks/target/results"
JAR="$ROOT/bbb-benchmarks/target/benchmarks.jar"
mkdir -p "$OUT"

if [[ "${QUICK:-0}" == 1 ]]; then
  JMH_OPTS=(-f 1 -wi 2 -w 1 -i 3 -r 1); E2E=(3 2); COLD=3; NODE_N=50000
else
  JMH_OPTS=(-f 1 -wi 3 -w 1 -i 10 -r 1); E2E=(10 5); COLD=10; NODE_N=200000
fi

echo "== machine"
echo "cores: $(nproc)"; lscpu | grep -E '^(Model name|Thread|Core|Socket)' || true
java -version 2>&1 | head -1; node --version; uptime

echo "== build"
mvn -q -B -pl bbb-benchmarks -am package -DskipTests

echo "== peer install (ignored folder bbb-benchmarks/peer/node_modules)"
npm install --silent --prefix bbb-benchmarks/peer --no-save --no-package-lock bigbluebutton-js@0.2.0 >/dev/null

echo "== 1+2: JMH (join URL with -prof gc, parsing)"
java -jar "$JAR" 'JoinUrlBenchmark|ParseBenchmark' "${JMH_OPTS[@]}" -prof gc -rf json -rff "$OUT/jmh.json" \
  > "$OUT/jmh.txt" 2>&1
grep -E '^(Benchmark|JoinUrl|Parse)' "$OUT/jmh.txt" | grep -vE 'gc\.(count|time|alloc\.rate) ' || true

echo "== 5: peer (Node, one core)"
node bbb-benchmarks/peer/join-urls.js "$NODE_N" 5 | tee "$OUT/peer.txt"
PEER=$(sed -n 's/^peer.exactParams.urlsPerSecond=//p' "$OUT/peer.txt")

echo "== summary of 1, 2, 5"
java -cp "$JAR" de.hessen.schulportal.bbb.benchmarks.Summary "$OUT/jmh.json" "$PEER" | tee "$OUT/summary.md"

echo "== 3: end to end against the simulator (separate JVM)"
java -Xmx1g -cp "$JAR" de.hessen.schulportal.bbb.benchmarks.EndToEnd "${E2E[@]}" 2>/dev/null | tee "$OUT/e2e.md"
echo "== 3b: the same with the common pool's parallelism at 2 (JDK HttpClient's async hand-off, see BENCHMARKS.md)"
java -Xmx1g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$JAR" \
  de.hessen.schulportal.bbb.benchmarks.EndToEnd "${E2E[@]}" 2>/dev/null | tee "$OUT/e2e-common-pool-2.md"

echo "== 4: 8 o'clock peak replay, through the portal adapter, then the client-only comparison"
java -Xmx1g -cp "$JAR" de.hessen.schulportal.bbb.benchmarks.PeakReplay 3000 25 16 adapter 2>/dev/null | tee "$OUT/peak.txt"
java -Xmx1g -cp "$JAR" de.hessen.schulportal.bbb.benchmarks.PeakReplay 3000 25 16 direct 2>/dev/null | tee -a "$OUT/peak.txt"

echo "== 6: cold start (whole processes)"
java -cp "$JAR" de.hessen.schulportal.bbb.benchmarks.ColdStart "$COLD" 2>/dev/null | tee "$OUT/cold.md"
uptime

echo "== 7: the 8 o'clock peak through the privacy gateway (SchulMoodle's calls), paired with the direct calls"
uptime; echo "(other builds may share this machine: the load average above and in the output belongs with the figures)"
java -Xmx1g -cp "$JAR" de.hessen.schulportal.bbb.benchmarks.GatewayPeak 3000 25 16 "${PEAK_PAIRS:-3}" 2>/dev/null | tee "$OUT/gateway-peak.txt"
