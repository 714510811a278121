#include "tavla/protocol/pin_verifier.hpp"

#include <charconv>

#include "tavla/protocol/base64.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::protocol {
namespace {

constexpr std::string_view kPrefix = "$argon2id$v=19$";
constexpr std::string_view kMessageContext = "tavla-pin-v1";

// Consumes `expected` from the front of `text`.
bool take(std::string_view& text, std::string_view expected) {
  if (!text.starts_with(expected)) {
    return false;
  }
  text.remove_prefix(expected.size());
  return true;
}

// Consumes a decimal number without leading zeros (the one spelling).
std::optional<std::uint64_t> take_number(std::string_view& text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    ++digits;
  }
  if (digits == 0 || digits > 10 || (digits > 1 && text[0] == '0')) {
    return std::nullopt;
  }
  std::uint64_t value = 0;
  std::from_chars(text.data(), text.data() + digits, value);
  text.remove_prefix(digits);
  return value;
}

}  // namespace

std::string format_pin_verifier(const PinVerifierParts& parts) {
  std::string out(kPrefix);
  out.append("m=").append(std::to_string(parts.memory_kib));
  out.append(",t=").append(std::to_string(parts.passes));
  out.append(",p=").append(std::to_string(parts.lanes));
  out.append("$").append(to_base64(parts.salt, Padding::without));
  out.append("$").append(to_base64(parts.hash, Padding::without));
  return out;
}

std::optional<PinVerifierParts> parse_pin_verifier(std::string_view verifier) {
  PinVerifierParts parts;
  std::optional<std::uint64_t> m;
  std::optional<std::uint64_t> t;
  std::optional<std::uint64_t> p;
  if (!take(verifier, kPrefix) || !take(verifier, "m=") || !(m = take_number(verifier)) ||
      !take(verifier, ",t=") || !(t = take_number(verifier)) || !take(verifier, ",p=") ||
      !(p = take_number(verifier)) || !take(verifier, "$")) {
    return std::nullopt;
  }
  const auto dollar = verifier.find('$');
  if (dollar == std::string_view::npos) {
    return std::nullopt;
  }
  auto salt = from_base64(verifier.substr(0, dollar), Padding::without);
  auto hash = from_base64(verifier.substr(dollar + 1), Padding::without);
  if (!salt || !hash || salt->empty() || hash->empty()) {
    return std::nullopt;
  }
  parts.memory_kib = *m;
  parts.passes = *t;
  parts.lanes = *p;
  parts.salt = std::move(*salt);
  parts.hash = std::move(*hash);
  return parts;
}

bool is_valid_pin_verifier(std::string_view verifier) {
  const auto parts = parse_pin_verifier(verifier);
  if (!parts) {
    return false;
  }
  const auto within = [](std::uint64_t v, std::uint64_t min, std::uint64_t max) {
    return v >= min && v <= max;
  };
  return within(parts->memory_kib, kMinPinVerifierMemoryKib, kMaxPinVerifierMemoryKib) &&
         within(parts->passes, kMinPinVerifierPasses, kMaxPinVerifierPasses) &&
         within(parts->lanes, kMinPinVerifierLanes, kMaxPinVerifierLanes) &&
         within(parts->salt.size(), kMinPinVerifierSaltBytes, kMaxPinVerifierSaltBytes) &&
         within(parts->hash.size(), kMinPinVerifierHashBytes, kMaxPinVerifierHashBytes);
}

std::string pin_verifier_message(std::string_view participant, std::string_view pin) {
  std::string message(kMessageContext);
  message += '\0';
  message.append(participant);
  message += '\0';
  message.append(pin);
  return message;
}

}  // namespace tavla::protocol
