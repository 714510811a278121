#!/usr/bin/env bash
# Tap-to-durable latency of the kiosk core's check-in (Kiosk::execute incl.
# its fsync) beside a bare single-row SQLite commit (WAL, synchronous=FULL)
# on the same disk, in the same run. Usage: bench/kiosk_checkin_latency.sh [N] [DIR]
# DIR: where the databases go (default: a temporary directory under $TMPDIR).
set -euo pipefail
cd "$(dirname "$0")/.."
./tavla setup >/dev/null
[ -f build-release/CMakeCache.txt ] || cmake --preset release >/dev/null
cmake --build build-release -j2 --target tavla_bench_kiosk_checkin >/dev/null
echo "# $(date -u +%Y-%m-%d) nproc=$(nproc) cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
build-release/bin/tavla_bench_kiosk_checkin "${1:-2000}" ${2:+"$2"}
