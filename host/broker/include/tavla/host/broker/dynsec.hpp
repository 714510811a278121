// The control API of mosquitto's dynamic-security plugin (Debian 12's
// mosquitto 2.0): JSON commands published to $CONTROL/dynamic-security/v1 by
// an account with the plugin's admin role, answered on …/response. Here as
// values; the JSON stays in dynsec.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tavla::host::broker {

inline constexpr std::string_view kDynsecTopic = "$CONTROL/dynamic-security/v1";
inline constexpr std::string_view kDynsecResponseTopic = "$CONTROL/dynamic-security/v1/response";

// One rule of a role: publishClientSend, publishClientReceive,
// subscribeLiteral, subscribePattern, unsubscribeLiteral or unsubscribePattern.
struct Acl {
  std::string type;
  std::string topic;
  bool allow = true;
  bool operator==(const Acl&) const = default;
};

// One command, as the plugin reads it.
struct DynsecCommand {
  std::string name;  // "createClient": the response names it too
  std::string json;  // the command's object, without its correlation data
};

[[nodiscard]] DynsecCommand create_role(const std::string& role, const std::vector<Acl>& acls);
[[nodiscard]] DynsecCommand delete_role(const std::string& role);
[[nodiscard]] DynsecCommand get_role(const std::string& role);
// A client whose client id must be `client_id` (nullopt: any).
[[nodiscard]] DynsecCommand create_client(const std::string& username, const std::string& password,
                                          const std::optional<std::string>& client_id,
                                          const std::vector<std::string>& roles);
[[nodiscard]] DynsecCommand delete_client(const std::string& username);
[[nodiscard]] DynsecCommand set_client_password(const std::string& username,
                                                const std::string& password);
[[nodiscard]] DynsecCommand add_client_role(const std::string& username, const std::string& role);
[[nodiscard]] DynsecCommand get_client(const std::string& username);
[[nodiscard]] DynsecCommand list_clients();

// The plugin's answer to one command.
struct DynsecResponse {
  std::string command;
  std::optional<std::string> error;  // "Client not found", "Client already exists", …
  std::vector<std::string> names;    // listClients: the usernames; getClient: the client's roles
  std::optional<std::string> client_id;  // getClient: the id the client is bound to
  std::vector<Acl> acls;                 // getRole: the role's rules
};

// The request's payload; each command's correlation data is `correlation`
// and its index, so the answers can be told from another admin's.
[[nodiscard]] std::string encode_dynsec_request(const std::vector<DynsecCommand>& commands,
                                                const std::string& correlation);

// The answers to the request `correlation` in a response payload, in the
// request's order; nullopt when the payload holds none of them (another
// admin's) or is not the plugin's answer.
[[nodiscard]] std::optional<std::vector<DynsecResponse>> decode_dynsec_responses(
    std::string_view payload, const std::string& correlation, std::size_t count);

}  // namespace tavla::host::broker
