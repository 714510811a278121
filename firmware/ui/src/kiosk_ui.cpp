#include "tavla/ui/kiosk_ui.hpp"

#include <imgui.h>

#include <algorithm>

#include "tavla/ui/chrome.hpp"
#include "tavla/ui/widgets.hpp"

namespace tavla::ui {
namespace {

Language language_of(protocol::Locale locale) {
  switch (locale) {
    case protocol::Locale::nn:
      return Language::nn;
    case protocol::Locale::en:
      return Language::en;
    case protocol::Locale::nb:
      break;
  }
  return Language::nb;
}

// Screens that need an open session go home when it closes under them.
bool needs_session(Screen screen) {
  return screen == Screen::check_in || screen == Screen::member_pin || screen == Screen::guest ||
         screen == Screen::meeting;
}

// Screens that return home when nobody touches them for a while (the
// meeting stays: it is watched, not touched).
bool returns_home_when_idle(Screen screen) {
  return screen != Screen::home && screen != Screen::meeting;
}

const kiosk::RosterEntry* member_of(const kiosk::SessionView& session,
                                    const std::string& participant) {
  const auto it = std::ranges::find(session.roster, participant, &kiosk::RosterEntry::participant);
  return it == session.roster.end() ? nullptr : &*it;
}

}  // namespace

KioskUi::KioskUi(kiosk::Kiosk& kiosk, const kiosk::Clock& clock, const Fonts& fonts,
                 const Metrics& metrics, KioskUiOptions options)
    : kiosk_(kiosk),
      clock_(clock),
      fonts_(fonts),
      metrics_(metrics),
      options_(std::move(options)),
      zone_(options_.timezone),
      catalogues_{Catalogue(Language::nb), Catalogue(Language::nn), Catalogue(Language::en)},
      snapshot_(kiosk.snapshot()) {}

const Catalogue& KioskUi::catalogue(const kiosk::Snapshot& snap) const {
  // This screen's choice, else the device's (kept across restarts), else the room's.
  const auto language =
      state_.language_override.value_or(language_of(snap.locale_override.value_or(snap.locale)));
  return catalogues_.at(static_cast<std::size_t>(language));
}

bool KioskUi::within_hours(std::chrono::system_clock::time_point) {
  const auto snap = kiosk_.snapshot();
  if (!snap->has_config || !snap->open_sessions.empty()) {
    return true;  // provisioning, or a session is on: the screen stays on
  }
  const auto now = clock_.now();
  // From a little before a scheduled session until a little after it.
  constexpr std::chrono::minutes kAround{30};
  return std::ranges::any_of(snap->today, [&](const kiosk::ScheduleEntryView& e) {
    return now >= e.start - kAround && now <= e.end + kAround;
  });
}

FrameOutcome KioskUi::frame(const FrameInput& input, WidgetRegistry& registry) {
  snapshot_ = kiosk_.snapshot();
  const auto& snap = *snapshot_;
  const Route route_before = state_.route;
  Ui ui{metrics_, fonts_, catalogue(snap), zone_, registry, input, clock_.now(), {}};

  const ImGuiIO& io = ImGui::GetIO();
  const bool touched = ImGui::IsMouseClicked(0) || io.MouseDown[0] || !input.text.empty() ||
                       input.backspaces > 0 || input.enter;
  if (touched || state_.last_input == SteadyTime{}) {
    state_.last_input = input.now;
  }

  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##tavla", nullptr, kRootWindowFlags);
  Intents intents;
  draw(ui, snap, intents);
  if (state_.banner) {
    if (input.now >= state_.banner->until) {
      state_.banner.reset();
    } else {
      banner_view(ui, *state_.banner, intents);
      ui.redraw_at_steady(state_.banner->until);
    }
  }
  ImGui::End();

  for (const auto& intent : intents) {
    apply(intent, input.now);
  }
  // Back home after a while without a touch; forget any PIN on the way.
  if (returns_home_when_idle(state_.route.screen)) {
    const auto deadline = state_.last_input + options_.idle_return;
    if (input.now >= deadline) {
      go({Screen::home, {}, {}});
    } else {
      ui.redraw_at_steady(deadline);
    }
  }
  FrameOutcome outcome;
  outcome.changed = !intents.empty() || state_.route != route_before;
  outcome.redraw_at = ui.redraw_at;
  outcome.quit = quit_;
  return outcome;
}

void KioskUi::draw(Ui& ui, const kiosk::Snapshot& snap, Intents& out) {
  auto& route = state_.route;
  const auto* session = snap.session(route.session);
  if (needs_session(route.screen) && session == nullptr) {
    go({Screen::home, {}, {}});
  }
  switch (route.screen) {
    case Screen::home:
      home_screen(ui, snap, out);
      break;
    case Screen::privacy:
      privacy_screen(ui, out);
      break;
    case Screen::check_in:
      check_in_screen(ui, snap, *session, state_.check_in, out);
      break;
    case Screen::member_pin: {
      const auto* member = member_of(*session, route.participant);
      if (member == nullptr) {
        go({Screen::check_in, route.session, {}});
        break;
      }
      member_pin_screen(ui, snap, *session, *member, state_.pin, out);
      break;
    }
    case Screen::guest:
      guest_screen(ui, snap, *session, route.back, out);
      break;
    case Screen::leader_pin:
      leader_pin_screen(ui, snap, state_.pin, out);
      break;
    case Screen::leader:
      leader_screen(ui, snap, state_.leader, out);
      break;
    case Screen::meeting:
      meeting_screen(ui, snap, *session, state_.meeting, out);
      break;
    case Screen::admin_pin:
      admin_pin_screen(ui, snap, state_.pin, out);
      break;
    case Screen::admin:
      admin_screen(ui, snap, AdminFacts{options_.display}, state_.admin, out);
      break;
  }
}

}  // namespace tavla::ui
