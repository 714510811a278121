#include "script_line.hpp"

namespace tavla::kiosk::headless {

std::string ScriptLine::text(const char* key) const {
  const auto it = fields_.find(key);
  if (it == fields_.end() || !it->is_string()) {
    throw BadScript{std::string("\"") + key + "\" must be a string"};
  }
  return it->get<std::string>();
}

std::optional<std::string> ScriptLine::optional_text(const char* key) const {
  if (!has(key)) {
    return std::nullopt;
  }
  return text(key);
}

std::int64_t ScriptLine::number(const char* key, std::int64_t fallback) const {
  const auto it = fields_.find(key);
  if (it == fields_.end()) {
    return fallback;
  }
  if (!it->is_number_integer()) {
    throw BadScript{std::string("\"") + key + "\" must be an integer"};
  }
  return it->get<std::int64_t>();
}

std::string ScriptLine::ref(const char* key) const {
  auto value = text(key);
  return value == "$last" ? refs_.last : value;
}

std::string ScriptLine::session() const {
  std::string id = has("session") ? text("session") : "$session";
  if (id != "$session") {
    return id;
  }
  if (!refs_.session.empty()) {
    return refs_.session;
  }
  const auto snap = kiosk_.snapshot();
  return snap->open_sessions.empty() ? std::string{} : snap->open_sessions.front().session;
}

protocol::Affiliation ScriptLine::affiliation() const {
  if (has("org")) {
    return {protocol::Affiliation::Kind::org, text("org")};
  }
  return {protocol::Affiliation::Kind::municipality, text("municipality")};
}

std::optional<Date> ScriptLine::due() const {
  const auto text = optional_text("due");
  if (!text) {
    return std::nullopt;
  }
  const auto date = protocol::parse_date(*text);
  if (!date) {
    throw BadScript{"\"due\" must be YYYY-MM-DD"};
  }
  return date;
}

}  // namespace tavla::kiosk::headless
