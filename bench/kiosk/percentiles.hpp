// Percentiles of a list of durations, for the kiosk benchmarks.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace tavla::bench {

using Micros = std::chrono::duration<double, std::micro>;

// The p-th percentile (0..100) by nearest rank.
inline double percentile_us(std::vector<Micros> samples, double p) {
  if (samples.empty()) {
    return 0;
  }
  std::sort(samples.begin(), samples.end());
  const auto rank =
      static_cast<std::size_t>(p / 100.0 * static_cast<double>(samples.size() - 1) + 0.5);
  return samples[std::min(rank, samples.size() - 1)].count();
}

}  // namespace tavla::bench
