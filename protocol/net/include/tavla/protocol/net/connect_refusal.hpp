// What a refused MQTT connection means, in words both kiosk and host log:
// Paho reports only a number (the CONNACK code of MQTT 3.1.1, the reason
// code of MQTT 5, or its own negative codes).
#pragma once

#include <optional>
#include <string>

namespace tavla::protocol::net {

// The CONNACK codes of a refused login: 4 and 5 (MQTT 3.1.1), 134 and 135 (MQTT 5).
[[nodiscard]] bool is_login_refusal(int code);

// "not authorised: the broker refused the login of user 'kiosk-1' (…)" for a
// refused login; the client id's refusal and the broker's own failures in
// words; other codes as "refused by the broker (code N)".
[[nodiscard]] std::string describe_connect_refusal(int code,
                                                   const std::optional<std::string>& username);

}  // namespace tavla::protocol::net
