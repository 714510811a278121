#include <array>
#include <cstring>

#include "tavla/kiosk/ids.hpp"

namespace tavla::kiosk {
namespace {
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}  // namespace

void SystemRandom::fill(std::span<std::uint8_t> bytes) {
  for (std::size_t i = 0; i < bytes.size(); i += 4) {
    const auto word = device_();
    for (std::size_t j = 0; j < 4 && i + j < bytes.size(); ++j) {
      bytes[i + j] = static_cast<std::uint8_t>(word >> (8U * j));
    }
  }
}

void SeededRandom::fill(std::span<std::uint8_t> bytes) {
  for (std::size_t i = 0; i < bytes.size(); i += 8) {
    const auto word = engine_();
    for (std::size_t j = 0; j < 8 && i + j < bytes.size(); ++j) {
      bytes[i + j] = static_cast<std::uint8_t>(word >> (8U * j));
    }
  }
}

std::string UlidFactory::next() {
  const auto now = clock_.now().time_since_epoch().count();
  const auto ms = now < 0 ? std::uint64_t{0} : static_cast<std::uint64_t>(now);
  if (ms == last_ms_) {
    // Same millisecond: increment the 80-bit random part (as the ULID spec's
    // monotonic mode), so ids keep creation order.
    for (int i = 9; i >= 0; --i) {
      if (++last_random_[i] != 0) {
        break;
      }
    }
  } else {
    last_ms_ = ms;
    random_.fill(std::span<std::uint8_t>(last_random_, sizeof last_random_));
  }
  // 128 bits: 48-bit time then 80 random bits, written as 26 base-32 digits
  // (the first digit carries only 3 bits).
  std::array<std::uint8_t, 16> bytes{};
  for (int i = 0; i < 6; ++i) {
    bytes[static_cast<std::size_t>(i)] =
        static_cast<std::uint8_t>(ms >> (8U * (5U - static_cast<unsigned>(i))));
  }
  std::memcpy(bytes.data() + 6, last_random_, sizeof last_random_);
  std::string out(26, '0');
  // Take 5 bits at a time from the 130-bit big-endian number (2 leading zero bits).
  for (int digit = 0; digit < 26; ++digit) {
    const int bit = digit * 5 - 2;  // position of the digit's first bit in the 128 bits
    unsigned value = 0;
    for (int b = 0; b < 5; ++b) {
      const int pos = bit + b;
      value <<= 1U;
      if (pos >= 0) {
        const auto byte = bytes[static_cast<std::size_t>(pos / 8)];
        value |= (byte >> (7U - static_cast<unsigned>(pos % 8))) & 1U;
      }
    }
    out[static_cast<std::size_t>(digit)] = kCrockford[value];
  }
  return out;
}

std::string guest_participant_id(UlidFactory& ids) {
  return "guest-" + ids.next();
}

}  // namespace tavla::kiosk
