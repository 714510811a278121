#!/usr/bin/env bash
# Usage and allocation over a national-scale synthetic year with SQLite (356
# municipalities, 5 000 000 check-ins stored through the host's real ingest),
# each timed as a fresh `tavla-host` process, beside a plain SQL GROUP BY over
# the same raw check-in rows. The database (several GB) lives in a temporary
# directory under /tmp that is removed at exit.
# Usage: bench/host_national.sh [CHECKINS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
./tavla setup >/dev/null
[ -f build-release/CMakeCache.txt ] || cmake --preset release >/dev/null
cmake --build build-release -j2 --target tavla_bench_host_national >/dev/null
dir="$(mktemp -d /tmp/tavla-bench-national.XXXXXX)"
trap 'rm -rf "$dir"' EXIT
echo "# $(date -u +%Y-%m-%d) nproc=$(nproc) cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
timeout 7200 build-release/bin/tavla_bench_host_national "$dir" "${1:-5000000}" "${2:-7}"
