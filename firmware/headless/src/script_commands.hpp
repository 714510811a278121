// The command-script verbs that are commands: one table, made from the
// Command variant, maps each command's kName to the function that builds it
// from a script line.
#pragma once

#include <optional>
#include <string_view>

#include "script_line.hpp"
#include "tavla/kiosk/commands.hpp"

namespace tavla::kiosk::headless {

// The command `verb` names, built from the line; nullopt when `verb` is no
// command's name. Throws BadScript for a field that is missing or wrong.
[[nodiscard]] std::optional<Command> command_for(std::string_view verb, const ScriptLine& line);

}  // namespace tavla::kiosk::headless
