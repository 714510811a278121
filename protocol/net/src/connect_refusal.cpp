#include "tavla/protocol/net/connect_refusal.hpp"

namespace tavla::protocol::net {
namespace {

// MQTT 3.1.1, CONNACK return codes.
constexpr int kIdentifierRejected = 2;
constexpr int kServerUnavailable = 3;
constexpr int kBadUserNameOrPassword = 4;
constexpr int kNotAuthorised = 5;
// MQTT 5, CONNACK reason codes.
constexpr int kV5ClientIdNotValid = 133;
constexpr int kV5BadUserNameOrPassword = 134;
constexpr int kV5NotAuthorised = 135;
constexpr int kV5ServerUnavailable = 136;
constexpr int kV5ServerBusy = 137;
constexpr int kV5Banned = 138;

}  // namespace

bool is_login_refusal(int code) {
  return code == kBadUserNameOrPassword || code == kNotAuthorised ||
         code == kV5BadUserNameOrPassword || code == kV5NotAuthorised || code == kV5Banned;
}

std::string describe_connect_refusal(int code, const std::optional<std::string>& username) {
  if (is_login_refusal(code)) {
    if (!username) {
      return "not authorised: the broker refuses anonymous clients (set the broker username and "
             "password file)";
    }
    return "not authorised: the broker refused the login of user '" + *username +
           "' (a wrong password, an account it does not know or has revoked, or a client id "
           "other than the username)";
  }
  switch (code) {
    case kIdentifierRejected:
    case kV5ClientIdNotValid:
      return "the broker refused the client id";
    case kServerUnavailable:
    case kV5ServerUnavailable:
    case kV5ServerBusy:
      return "the broker is unavailable";
    default:
      return "refused by the broker (code " + std::to_string(code) + ")";
  }
}

}  // namespace tavla::protocol::net
