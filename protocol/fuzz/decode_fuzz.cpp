// Fuzzes every decoder with the same bytes. Oracles: no crash, no sanitizer
// report, no exception (libFuzzer reports an escaping exception as a crash),
// and a decoded value re-encodes to bytes that decode to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/signed_config.hpp"
#include "tavla/protocol/topic.hpp"

namespace {

namespace p = tavla::protocol;

template <class T, class Decode>
void check_round_trip(const p::Result<T>& result, Decode decode) {
  if (result) {
    const auto again = decode(p::encode(result.value()));
    if (!again || !(again.value() == result.value())) {
      std::abort();
    }
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): bytes in, bytes viewed
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check_round_trip(p::decode_event(bytes), [](std::string_view b) { return p::decode_event(b); });
  check_round_trip(p::decode_ack(bytes), [](std::string_view b) { return p::decode_ack(b); });
  check_round_trip(p::decode_status(bytes), [](std::string_view b) { return p::decode_status(b); });
  if (const auto config = p::decode_config(bytes)) {
    // A decoded config does not say its version: version 2 has a signing epoch.
    const auto again = p::decode_config(
        p::encode(config.value(), config.value().signing_epoch != 0 ? p::kSignedConfigVersion : 1));
    if (!again || !(again.value() == config.value())) {
      std::abort();
    }
  }
  check_round_trip(p::decode_signed_config(bytes),
                   [](std::string_view b) { return p::decode_signed_config(b); });
  (void)p::decode_event("tavla/v1/stottepilar/kiosk-1/events", bytes);
  (void)p::parse_topic(bytes);
  return 0;
}
