#!/usr/bin/env bash
# HTTP load on a running Corridor node: submission rate (SubmitLoad, the Java load generator in the bench
# module) and then GET /accounts/{id} rate (wrk, Debian package `wrk`). Start a node first, e.g.
#   deployments/corridor up --close-ms 1000
#   bench/http/run-load.sh [URL] [ACCOUNTS] [SECONDS]
# Defaults: http://127.0.0.1:8080, 1000 accounts, 30 s per phase.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
url="${1:-http://127.0.0.1:8080}"
accounts="${2:-1000}"
seconds="${3:-30}"
command -v wrk >/dev/null || { echo "run-load: wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
jar="$repo/bench/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "run-load: building $jar (mvn -pl bench -am package -DskipTests)..."
  (cd "$repo" && mvn -B -q -pl bench -am package -DskipTests)
fi
curl -fsS "$url/" >/dev/null || { echo "run-load: no node answers at $url (start one: deployments/corridor up --close-ms 1000)" >&2; exit 2; }

echo "=== submissions: $accounts accounts, one payment in flight each, $seconds s"
out="$(mktemp)"
java -Xmx1g -cp "$jar" io.corridor.bench.SubmitLoad --url "$url" --accounts "$accounts" --seconds "$seconds" | tee "$out"
target="$(sed -n 's/^read-target: //p' "$out")"
rm -f "$out"

echo "=== GET $target: wrk, 2 threads, 32 connections, ${seconds} s"
wrk -t2 -c32 -d"${seconds}s" --latency "$url$target"
