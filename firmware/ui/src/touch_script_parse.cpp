#include <array>
#include <charconv>
#include <sstream>

#include "tavla/ui/touch_script.hpp"

namespace tavla::ui::touch_script {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The rest of the line as text: optional surrounding quotes removed, `\n`
// and `\\` unescaped (a decision may have two lines).
std::string text_argument(std::string_view rest) {
  rest = trim(rest);
  if (rest.size() >= 2 && rest.front() == '"' && rest.back() == '"') {
    rest = rest.substr(1, rest.size() - 2);
  }
  std::string out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '\\' && i + 1 < rest.size() && (rest[i + 1] == 'n' || rest[i + 1] == '\\')) {
      out += rest[i + 1] == 'n' ? '\n' : '\\';
      ++i;
    } else {
      out += rest[i];
    }
  }
  return out;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
      ++i;
    }
    const auto start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') {
      ++i;
    }
    if (i > start) {
      out.push_back(s.substr(start, i - start));
    }
  }
  return out;
}

std::optional<long> number(std::string_view s) {
  long value = 0;
  const auto* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, value);
  if (ec != std::errc{} || ptr != end || value < 0) {
    return std::nullopt;
  }
  return value;
}

struct LineParser {
  using Parsed = std::variant<Command, ParseError>;

  int line;
  std::string_view verb;
  std::string_view rest;
  std::vector<std::string_view> args;

  [[nodiscard]] Parsed error(const std::string& message) const { return ParseError{line, message}; }

  [[nodiscard]] std::optional<float> coordinate(std::size_t i) const {
    const auto n = number(args[i]);
    return n ? std::optional<float>(static_cast<float>(*n)) : std::nullopt;
  }

  [[nodiscard]] Parsed tap() const {
    if (args.size() == 1) {
      return Tap{std::string(args[0]), {}};
    }
    if (args.size() == 2 && coordinate(0) && coordinate(1)) {
      return Tap{std::nullopt, {*coordinate(0), *coordinate(1)}};
    }
    return error("tap takes a widget id or X Y");
  }

  [[nodiscard]] Parsed drag() const {
    if ((args.size() != 4 && args.size() != 5) || !coordinate(0) || !coordinate(1) ||
        !coordinate(2) || !coordinate(3)) {
      return error("drag takes X1 Y1 X2 Y2 [MS]");
    }
    Drag drag{{*coordinate(0), *coordinate(1)}, {*coordinate(2), *coordinate(3)}};
    if (args.size() == 5) {
      const auto ms = number(args[4]);
      if (!ms || *ms == 0) {
        return error("drag: MS must be a positive number");
      }
      drag.duration = std::chrono::milliseconds(*ms);
    }
    return drag;
  }

  // `type` and `text`: the rest of the line.
  [[nodiscard]] std::optional<std::string> text() const {
    auto value = text_argument(rest);
    return value.empty() ? std::nullopt : std::optional<std::string>(std::move(value));
  }
  [[nodiscard]] Parsed type() const {
    auto value = text();
    return value ? Parsed(Type{std::move(*value)}) : error("type needs text");
  }
  [[nodiscard]] Parsed text_input() const {
    auto value = text();
    return value ? Parsed(Text{std::move(*value)}) : error("text needs text");
  }

  [[nodiscard]] Parsed key() const {
    if (args.size() != 1) {
      return error("key takes one key name (Return, BackSpace, Escape)");
    }
    return Key{std::string(args[0])};
  }

  [[nodiscard]] Parsed wait() const {
    const auto ms = args.size() == 1 ? number(args[0]) : std::nullopt;
    if (!ms) {
      return error("wait takes milliseconds");
    }
    return Wait{std::chrono::milliseconds(*ms)};
  }

  [[nodiscard]] Parsed wait_for() const {
    if (args.empty() || args.size() > 2) {
      return error("wait-for takes ID [MS]");
    }
    WaitFor w{std::string(args[0])};
    if (args.size() == 2) {
      const auto ms = number(args[1]);
      if (!ms) {
        return error("wait-for: MS must be a number");
      }
      w.timeout = std::chrono::milliseconds(*ms);
    }
    return w;
  }

  [[nodiscard]] Parsed expect() const {
    if (args.empty()) {
      return error("expect takes ID [LABEL]");
    }
    Expect e{std::string(args[0])};
    const auto after_id = trim(rest).substr(args[0].size());
    if (!trim(after_id).empty()) {
      e.label = text_argument(after_id);
    }
    return e;
  }

  [[nodiscard]] Parsed expect_absent() const {
    if (args.size() != 1) {
      return error("expect-absent takes one ID");
    }
    return Expect{std::string(args[0]), std::nullopt, true};
  }

  [[nodiscard]] Parsed shot() const {
    if (args.size() != 1) {
      return error("shot takes one file name");
    }
    return Shot{std::string(args[0])};
  }

  [[nodiscard]] Parsed quit() const {
    if (!args.empty()) {
      return error("quit takes nothing");
    }
    return Quit{};
  }

  [[nodiscard]] Parsed parse() const;
};

// Every verb of the format (README.md, "Scripted runs") and its parser.
struct Verb {
  std::string_view name;
  LineParser::Parsed (LineParser::*parse)() const;
};
constexpr std::array<Verb, 11> kVerbs{{
    {"tap", &LineParser::tap},
    {"drag", &LineParser::drag},
    {"type", &LineParser::type},
    {"text", &LineParser::text_input},
    {"key", &LineParser::key},
    {"wait", &LineParser::wait},
    {"wait-for", &LineParser::wait_for},
    {"expect", &LineParser::expect},
    {"expect-absent", &LineParser::expect_absent},
    {"shot", &LineParser::shot},
    {"quit", &LineParser::quit},
}};

LineParser::Parsed LineParser::parse() const {
  for (const auto& known : kVerbs) {
    if (known.name == verb) {
      return (this->*known.parse)();
    }
  }
  return error("unknown command '" + std::string(verb) + "'");
}

}  // namespace

std::variant<Script, ParseError> parse(std::string_view text) {
  Script script;
  std::istringstream in{std::string(text)};
  std::string raw;
  int number_of_line = 0;
  while (std::getline(in, raw)) {
    ++number_of_line;
    const auto line = trim(raw);
    if (line.empty() || line.front() == '#') {
      continue;
    }
    const auto space = line.find_first_of(" \t");
    const auto verb = line.substr(0, space);
    const auto rest = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
    const LineParser parser{number_of_line, verb, rest, words(rest)};
    auto result = parser.parse();
    if (auto* error = std::get_if<ParseError>(&result)) {
      return *error;
    }
    script.lines.push_back({number_of_line, std::get<Command>(std::move(result))});
  }
  return script;
}

}  // namespace tavla::ui::touch_script
