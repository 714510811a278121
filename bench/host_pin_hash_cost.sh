#!/usr/bin/env bash
# What a PIN verifier costs at the cost room configs carry (Argon2id,
# m=19 MiB, t=2, p=1): made once per member and PIN by the host, checked once
# per PIN try by the kiosk.
# Usage: bench/host_pin_hash_cost.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
./tavla setup >/dev/null
[ -f build-release/CMakeCache.txt ] || cmake --preset release >/dev/null
cmake --build build-release -j2 --target tavla_bench_pin_hash_cost >/dev/null
echo "# $(date -u +%Y-%m-%d) nproc=$(nproc) cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) load=$(cut -d' ' -f1-3 /proc/loadavg)"
build-release/bin/tavla_bench_pin_hash_cost "${1:-20}"
