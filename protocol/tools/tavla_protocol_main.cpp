// tavla-protocol: check a message against the contract, or show a round trip.
//
//   tavla-protocol check <events|ack|status|config> [TOPIC] < payload
//   tavla-protocol roundtrip
//
// A signed config (version 2) is checked as an envelope and then as the
// config it carries; its signature is the kiosk's to verify, not this tool's.
//
// Only data goes to stdout; the verdict on a rejected message goes to stderr.
#include <exception>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "tavla/protocol/protocol.hpp"

namespace {

namespace p = tavla::protocol;

constexpr std::string_view kUsage =
    "usage: tavla-protocol check <events|ack|status|config> [TOPIC] < payload\n"
    "       tavla-protocol roundtrip\n"
    "       tavla-protocol --help | --version\n";

template <class T>
int report(const p::Result<T>& result) {
  if (!result) {
    std::cerr << "rejected: " << result.error().message() << "\n";
    return 1;
  }
  std::cout << p::encode(result.value()) << "\n";
  return 0;
}

// A config in the version it came in: version 2 is the one with a signing epoch.
int report(const p::Result<p::RoomConfig>& result) {
  if (!result) {
    std::cerr << "rejected: " << result.error().message() << "\n";
    return 1;
  }
  const auto& config = result.value();
  std::cout << p::encode(config, config.signing_epoch != 0 ? p::kSignedConfigVersion : 1) << "\n";
  return 0;
}

int check(std::string_view channel, const std::string* topic) {
  const std::string payload{std::istreambuf_iterator<char>(std::cin),
                            std::istreambuf_iterator<char>()};
  if (channel == "events") {
    return topic ? report(p::decode_event(*topic, payload)) : report(p::decode_event(payload));
  }
  if (channel == "ack") {
    return topic ? report(p::decode_ack(*topic, payload)) : report(p::decode_ack(payload));
  }
  if (channel == "status") {
    return topic ? report(p::decode_status(*topic, payload)) : report(p::decode_status(payload));
  }
  if (channel == "config") {
    const auto envelope =
        topic ? p::decode_signed_config(*topic, payload) : p::decode_signed_config(payload);
    if (envelope) {
      std::cerr << "a signed config (signature not checked here); the config it carries:\n";
      const std::string& inner = envelope.value().payload;
      return topic ? report(p::decode_config(*topic, inner)) : report(p::decode_config(inner));
    }
    return topic ? report(p::decode_config(*topic, payload)) : report(p::decode_config(payload));
  }
  std::cerr << "unknown channel '" << channel << "'\n" << kUsage;
  return 2;
}

// Encodes a check-in, decodes it as the host would, and shows that a message
// naming another device than its topic is refused.
int roundtrip() {
  p::Event event;
  event.id = "01JD0Z8X4C5N8E2Q7T9V3W6Y1A";
  event.device = "kiosk-1";
  event.epoch = "01JD0Y00000000000000000000";
  event.seq = 1;
  event.ts = *p::parse_timestamp("2026-11-22T09:03:12.345Z");
  event.body = p::CheckedIn{"s-2026-11-22-gv",
                            "p-0042",
                            p::CheckInMethod::roster,
                            {p::Affiliation::Kind::municipality, "nannestad"},
                            "fh-0017"};
  const std::string topic = p::topic_for("stottepilar", event.device, p::Channel::events);
  const std::string bytes = p::encode(event);
  std::cout << "topic:   " << topic << "\npayload: " << bytes << "\n";

  const auto decoded = p::decode_event(topic, bytes);
  if (!decoded) {
    std::cerr << "round trip failed: " << decoded.error().message() << "\n";
    return 1;
  }
  const bool same = decoded.value() == event && p::encode(decoded.value()) == bytes;
  std::cout << "decoded: " << p::type_of(decoded.value().body) << " seq " << decoded.value().seq
            << " from " << decoded.value().device
            << (same ? " (identical after the round trip)" : " (DIFFERS)") << "\n";

  const std::string other = p::topic_for("stottepilar", "kiosk-2", p::Channel::events);
  const auto refused = p::decode_event(other, bytes);
  std::cout << "on " << other << ": "
            << (refused ? std::string("accepted (WRONG)") : refused.error().message()) << "\n";
  return same && !refused ? 0 : 1;
}

int run(int argc, char** argv) {
  const std::string_view command = argc > 1 ? argv[1] : "";
  if (command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "--version") {
    std::cout << "tavla-protocol, protocol version " << p::kVersion << "\n";
    return 0;
  }
  if (command == "roundtrip" && argc == 2) {
    return roundtrip();
  }
  if (command == "check" && (argc == 3 || argc == 4)) {
    const std::string topic = argc == 4 ? argv[3] : "";
    return check(argv[2], argc == 4 ? &topic : nullptr);
  }
  std::cerr << kUsage;
  return 2;
}

}  // namespace

// An exception (out of memory, a broken stream) ends the tool with a message
// and status 1 instead of std::terminate.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "tavla-protocol: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "tavla-protocol: unknown error\n";
  }
  return 1;
}
