// The MQTT connection as the screen shows it.
#pragma once

#include <string_view>

namespace tavla::kiosk {

enum class BrokerState {
  connecting,    // an attempt is under way
  connected,     // the MQTT session is up
  disconnected,  // lost or refused; the next attempt follows after a backoff
};
[[nodiscard]] std::string_view to_string(BrokerState state);

}  // namespace tavla::kiosk
