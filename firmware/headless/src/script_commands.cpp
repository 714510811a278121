#include "script_commands.hpp"

#include <algorithm>
#include <array>
#include <type_traits>
#include <utility>
#include <variant>

namespace tavla::kiosk::headless {
namespace {

template <class C>
using Tag = std::type_identity<C>;

// One builder per command: the table below is made from the Command variant,
// so a command without a builder here does not compile. Fields are read in
// order, so the first wrong one is the one named.
OpenSession build(Tag<OpenSession>, const ScriptLine& l) {
  return {l.text("group"),
          l.text("leader"),
          l.text("pin"),
          l.optional_text("title"),
          l.optional_text("agenda"),
          static_cast<std::uint64_t>(
              l.number("minutes", static_cast<std::int64_t>(OpenSession::kDefaultMinutes)))};
}
CloseSession build(Tag<CloseSession>, const ScriptLine& l) {
  return {l.session(), l.text("leader"), l.text("pin")};
}
CorrectAttendance build(Tag<CorrectAttendance>, const ScriptLine& l) {
  return {l.session(), l.ref("participant"), l.number("present", 1) != 0, l.text("leader"),
          l.text("pin")};
}
LeadMeeting build(Tag<LeadMeeting>, const ScriptLine& l) {
  return {l.session(), l.text("leader"), l.text("pin")};
}
CheckIn build(Tag<CheckIn>, const ScriptLine& l) {
  return {l.session(), l.ref("participant")};
}
CheckInByPin build(Tag<CheckInByPin>, const ScriptLine& l) {
  return {l.session(), l.ref("participant"), l.text("pin")};
}
CheckInGuest build(Tag<CheckInGuest>, const ScriptLine& l) {
  return {l.session(), l.affiliation()};
}
UndoCheckIn build(Tag<UndoCheckIn>, const ScriptLine& l) {
  return {l.session(), l.ref("participant")};
}
AddAgendaItem build(Tag<AddAgendaItem>, const ScriptLine& l) {
  return {l.session(), l.text("title"), static_cast<std::uint64_t>(l.number("minutes", 0))};
}
StartItem build(Tag<StartItem>, const ScriptLine& l) {
  return {l.session(), l.ref("item"), l.number("skip_passed", 0) != 0};
}
NextItem build(Tag<NextItem>, const ScriptLine& l) {
  return {l.session(), l.ref("from")};
}
ExtendItem build(Tag<ExtendItem>, const ScriptLine& l) {
  return {l.session(), l.ref("item"),
          static_cast<std::uint64_t>(
              l.number("minutes", static_cast<std::int64_t>(ExtendItem::kDefaultMinutes)))};
}
PauseMeeting build(Tag<PauseMeeting>, const ScriptLine& l) {
  return {l.session()};
}
ResumeMeeting build(Tag<ResumeMeeting>, const ScriptLine& l) {
  return {l.session()};
}
FinishItem build(Tag<FinishItem>, const ScriptLine& l) {
  return {l.session(), l.ref("item")};
}
RecordDecision build(Tag<RecordDecision>, const ScriptLine& l) {
  return {l.session(), l.optional_text("item"), l.text("text")};
}
RecordAction build(Tag<RecordAction>, const ScriptLine& l) {
  return {l.session(), l.optional_text("item"), l.text("text"), l.ref("owner"), l.due()};
}
Retract build(Tag<Retract>, const ScriptLine& l) {
  return {l.session(), l.ref("target"), l.optional_text("reason")};
}
MarkActionDone build(Tag<MarkActionDone>, const ScriptLine& l) {
  return {l.session(), l.ref("action")};
}
UndoActionDone build(Tag<UndoActionDone>, const ScriptLine& l) {
  return {l.session(), l.ref("action")};
}

struct CommandVerb {
  std::string_view verb;  // the command's kName
  Command (*build)(const ScriptLine& line);
};

template <class C>
Command build_command(const ScriptLine& line) {
  return build(Tag<C>{}, line);
}

template <std::size_t... I>
constexpr auto command_verbs(std::index_sequence<I...> /*alternatives*/) {
  return std::array{CommandVerb{std::variant_alternative_t<I, Command>::kName,
                                &build_command<std::variant_alternative_t<I, Command>>}...};
}

constexpr auto kCommandVerbs =
    command_verbs(std::make_index_sequence<std::variant_size_v<Command>>{});

}  // namespace

std::optional<Command> command_for(std::string_view verb, const ScriptLine& line) {
  const auto* it = std::ranges::find(kCommandVerbs, verb, &CommandVerb::verb);
  if (it == kCommandVerbs.end()) {
    return std::nullopt;
  }
  return it->build(line);
}

}  // namespace tavla::kiosk::headless
