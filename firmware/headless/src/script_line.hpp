// One line of a command script: its JSON fields, read with errors that name
// the field, and the script's references ("$session", "$last").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "tavla/kiosk/kiosk.hpp"

namespace tavla::kiosk::headless {

// A malformed line: the run stops with CommandScriptStatus::bad and says why.
struct BadScript {
  std::string why;
};

// What "$session" and "$last" stand for.
struct ScriptRefs {
  std::string session;  // the session this script opened last
  std::string last;     // the subject of the last successful command
};

class ScriptLine {
 public:
  ScriptLine(const nlohmann::json& fields, const ScriptRefs& refs, const Kiosk& kiosk)
      : fields_(fields), refs_(refs), kiosk_(kiosk) {}

  [[nodiscard]] bool has(const char* key) const { return fields_.contains(key); }
  // Each throws BadScript naming the key when the field has the wrong type
  // (or, without a fallback, is absent).
  [[nodiscard]] std::string text(const char* key) const;
  [[nodiscard]] std::optional<std::string> optional_text(const char* key) const;
  [[nodiscard]] std::int64_t number(const char* key, std::int64_t fallback) const;
  // A text field where "$last" means the subject of the last command.
  [[nodiscard]] std::string ref(const char* key) const;
  // "session", "$session" when absent: the session this script opened last,
  // else the first open one.
  [[nodiscard]] std::string session() const;
  // "org" when present, else "municipality".
  [[nodiscard]] protocol::Affiliation affiliation() const;
  // "due" as YYYY-MM-DD, when present.
  [[nodiscard]] std::optional<Date> due() const;

 private:
  const nlohmann::json& fields_;
  const ScriptRefs& refs_;
  const Kiosk& kiosk_;
};

}  // namespace tavla::kiosk::headless
