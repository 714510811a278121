#!/usr/bin/env bash
# Durable ingest: the real `tavla-host serve` (SQLite WAL synchronous=FULL,
# then PostgreSQL 15 with fsync and synchronous_commit on; acks on) receiving
# N QoS 1 events of one kiosk through a local mosquitto, beside a bare
# `mosquitto_sub -q 1` on the same topic in the same run; both count what
# arrived, and the host's database is counted after it stopped.
# Usage: bench/host_ingest.sh [N] [sqlite|postgresql|both|postgresql-fsync-off]
# (postgresql-fsync-off: the tests' non-durable server, to see what durability costs)
set -euo pipefail
cd "$(dirname "$0")/.."
./tavla setup >/dev/null
[ -f build-release/CMakeCache.txt ] || cmake --preset release >/dev/null
cmake --build build-release -j2 --target tavla_bench_host_ingest >/dev/null
echo "# $(date -u +%Y-%m-%d) nproc=$(nproc) cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
build-release/bin/tavla_bench_host_ingest "${1:-50000}" "${2:-both}"
