// What one PIN verifier costs: made on the host (tavla-host, once per member
// and PIN) and checked on the kiosk (once per PIN try), at the cost room
// configs carry (host/secrets/pin_verifiers.hpp, OWASP's minimum for
// Argon2id). The same Argon2id on both sides; the HMAC is noise beside it.
// Usage: tavla_bench_pin_hash_cost [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <time.h>

#include <sys/resource.h>

#include "tavla/host/secrets/pin_verifiers.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this process, in ms: on a shared machine the wall time waits
// for other processes, the CPU time does not.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

void report(const char* what, std::vector<double> ms, std::vector<double> cpu) {
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("%-26s runs=%zu wall min=%.1f median=%.1f max=%.1f ms; CPU median=%.1f ms\n", what,
              ms.size(), ms.front(), ms[ms.size() / 2], ms.back(), cpu[cpu.size() / 2]);
}

}  // namespace

int main(int argc, char** argv) {
  namespace s = tavla::host::secrets;
  const int runs = argc > 1 ? std::atoi(argv[1]) : 20;
  const std::string secret(32, '\x5a');
  const s::PinCost cost;
  std::printf("Argon2id m=%u KiB t=%u p=%u, %zu-byte hash\n", cost.memory_kib, cost.passes,
              cost.lanes, s::kPinHashBytes);
  std::vector<double> make;
  std::vector<double> check;
  std::vector<double> make_cpu;
  std::vector<double> check_cpu;
  std::string verifier;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    const double cpu = cpu_ms();
    verifier = s::make_pin_verifier(secret, "p-0043", "4321", s::random_salt(), cost);
    make.push_back(ms_since(start));
    make_cpu.push_back(cpu_ms() - cpu);
  }
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    const double cpu = cpu_ms();
    const bool right = s::check_pin(secret, "p-0043", i % 2 == 0 ? "4321" : "4322", verifier);
    check.push_back(ms_since(start));
    check_cpu.push_back(cpu_ms() - cpu);
    if (right != (i % 2 == 0)) {
      std::fprintf(stderr, "check_pin gave the wrong answer\n");
      return 1;
    }
  }
  report("make (host, per member)", make, make_cpu);
  report("check (kiosk, per try)", check, check_cpu);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS %ld KiB\n", usage.ru_maxrss);
  return 0;
}
