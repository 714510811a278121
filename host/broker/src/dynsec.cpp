#include "tavla/host/broker/dynsec.hpp"

#include <nlohmann/json.hpp>

#include <charconv>

namespace tavla::host::broker {
namespace {

using nlohmann::json;

DynsecCommand command(const std::string& name, json body) {
  body["command"] = name;
  return {name, body.dump()};
}

json roles_json(const std::vector<std::string>& roles) {
  json list = json::array();
  for (const auto& role : roles) {
    list.push_back({{"rolename", role}});
  }
  return list;
}

// What a response's "data" carries, by command.
void read_data(const json& data, DynsecResponse& response) {
  if (const auto clients = data.find("clients"); clients != data.end() && clients->is_array()) {
    for (const auto& c : *clients) {
      if (c.is_string()) {
        response.names.push_back(c.get<std::string>());
      }
    }
  }
  if (const auto client = data.find("client"); client != data.end() && client->is_object()) {
    if (const auto id = client->find("clientid"); id != client->end() && id->is_string()) {
      response.client_id = id->get<std::string>();
    }
    for (const auto& role : client->value("roles", json::array())) {
      response.names.push_back(role.value("rolename", ""));
    }
  }
  if (const auto role = data.find("role"); role != data.end() && role->is_object()) {
    for (const auto& acl : role->value("acls", json::array())) {
      response.acls.push_back(
          {acl.value("acltype", ""), acl.value("topic", ""), acl.value("allow", false)});
    }
  }
}

}  // namespace

DynsecCommand create_role(const std::string& role, const std::vector<Acl>& acls) {
  json list = json::array();
  for (const auto& acl : acls) {
    list.push_back({{"acltype", acl.type}, {"topic", acl.topic}, {"allow", acl.allow}});
  }
  return command("createRole", {{"rolename", role}, {"acls", list}});
}

DynsecCommand delete_role(const std::string& role) {
  return command("deleteRole", {{"rolename", role}});
}

DynsecCommand get_role(const std::string& role) {
  return command("getRole", {{"rolename", role}});
}

DynsecCommand create_client(const std::string& username, const std::string& password,
                            const std::optional<std::string>& client_id,
                            const std::vector<std::string>& roles) {
  json body{{"username", username}, {"password", password}, {"roles", roles_json(roles)}};
  if (client_id) {
    body["clientid"] = *client_id;
  }
  return command("createClient", body);
}

DynsecCommand delete_client(const std::string& username) {
  return command("deleteClient", {{"username", username}});
}

DynsecCommand set_client_password(const std::string& username, const std::string& password) {
  return command("setClientPassword", {{"username", username}, {"password", password}});
}

DynsecCommand add_client_role(const std::string& username, const std::string& role) {
  return command("addClientRole", {{"username", username}, {"rolename", role}});
}

DynsecCommand get_client(const std::string& username) {
  return command("getClient", {{"username", username}});
}

DynsecCommand list_clients() {
  return command("listClients", json::object());
}

std::string encode_dynsec_request(const std::vector<DynsecCommand>& commands,
                                  const std::string& correlation) {
  json list = json::array();
  for (std::size_t i = 0; i < commands.size(); ++i) {
    json one = json::parse(commands[i].json);
    one["correlationData"] = correlation + "-" + std::to_string(i);
    list.push_back(std::move(one));
  }
  return json{{"commands", list}}.dump();
}

std::optional<std::vector<DynsecResponse>> decode_dynsec_responses(std::string_view payload,
                                                                   const std::string& correlation,
                                                                   std::size_t count) {
  const json doc = json::parse(payload, nullptr, false);
  if (!doc.is_object() || !doc.contains("responses") || !doc["responses"].is_array()) {
    return std::nullopt;
  }
  std::vector<std::optional<DynsecResponse>> found(count);
  std::size_t ours = 0;
  const std::string prefix = correlation + "-";
  for (const auto& r : doc["responses"]) {
    const std::string tag = r.value("correlationData", "");
    if (!tag.starts_with(prefix)) {
      continue;
    }
    std::size_t index = 0;
    const auto* first = tag.data() + prefix.size();
    const auto* last = tag.data() + tag.size();
    if (std::from_chars(first, last, index).ptr != last || index >= count) {
      continue;
    }
    DynsecResponse response{r.value("command", ""), std::nullopt, {}, std::nullopt, {}};
    if (const auto error = r.find("error"); error != r.end() && error->is_string()) {
      response.error = error->get<std::string>();
    }
    if (const auto data = r.find("data"); data != r.end() && data->is_object()) {
      read_data(*data, response);
    }
    found[index] = std::move(response);
    ++ours;
  }
  if (ours == 0) {
    return std::nullopt;
  }
  std::vector<DynsecResponse> responses;
  for (std::size_t i = 0; i < count; ++i) {
    responses.push_back(found[i] ? std::move(*found[i])
                                 : DynsecResponse{"", "no answer to this command", {}, {}, {}});
  }
  return responses;
}

}  // namespace tavla::host::broker
