#!/usr/bin/env bash
# End-to-end latency of 1 000 check-ins: from the kiosk's check-in call
# returning to the host's ack (sent right after its commit) arriving at an
# independent subscriber, with the real tavla-host serve on SQLite and its
# own mosquitto; beside it, alternating sample by sample, a bare Paho QoS 1
# publish -> receive of a message of the event's size through the same broker.
# Usage: bench/e2e_latency.sh [N] [nagle]
set -euo pipefail
cd "$(dirname "$0")/.."
./tavla setup >/dev/null
[ -f build-release/CMakeCache.txt ] || cmake --preset release >/dev/null
cmake --build build-release -j2 --target tavla_bench_e2e_latency >/dev/null
echo "# $(date -u +%Y-%m-%d) nproc=$(nproc) cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
build-release/bin/tavla_bench_e2e_latency "${1:-1000}" "${2:-}" 2> >(grep -v '^tavla-kiosk' >&2)
