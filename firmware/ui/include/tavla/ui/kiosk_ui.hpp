// The kiosk's touch UI as the loop sees it (a FrameApp): each frame takes
// the core's latest snapshot, draws the current screen, and applies the
// intents the screen returned: commands go to the core, navigation and
// typing to the UI's own state. Needs an ImGui context with fonts loaded.
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <string>

#include "tavla/kiosk/kiosk.hpp"
#include "tavla/ui/catalogue.hpp"
#include "tavla/ui/fonts.hpp"
#include "tavla/ui/frame.hpp"
#include "tavla/ui/local_time.hpp"
#include "tavla/ui/metrics.hpp"
#include "tavla/ui/screens.hpp"
#include "tavla/ui/ui_state.hpp"

namespace tavla::ui {

struct KioskUiOptions {
  std::string timezone = "Europe/Oslo";
  std::string display;  // the platform's description, for the admin screen
  // Leader, admin, check-in and other screens return home after this long
  // without a touch (the leader's PIN is forgotten then).
  std::chrono::seconds idle_return{90};
  // A welcome or an error stays this long.
  std::chrono::seconds banner_time{8};
};

class KioskUi final : public FrameApp {
 public:
  KioskUi(kiosk::Kiosk& kiosk, const kiosk::Clock& clock, const Fonts& fonts,
          const Metrics& metrics, KioskUiOptions options);

  FrameOutcome frame(const FrameInput& input, WidgetRegistry& registry) override;
  bool within_hours(std::chrono::system_clock::time_point now) override;

  // Applies one intent (public for tests of the intent → core path).
  void apply(const Intent& intent, SteadyTime now);

  [[nodiscard]] const UiState& state() const { return state_; }
  [[nodiscard]] bool quit_requested() const { return quit_; }
  [[nodiscard]] const Catalogue& catalogue(const kiosk::Snapshot& snap) const;

 private:
  void draw(Ui& ui, const kiosk::Snapshot& snap, Intents& out);
  void go(const Route& route);
  void show(Banner::Kind kind, std::string text, SteadyTime now,
            std::optional<kiosk::UndoCheckIn> undo = std::nullopt);
  // Executes a command and shows what came of it.
  void run(const kiosk::Command& command, SteadyTime now);
  void enter_leader_pin(const std::string& participant, const std::string& pin);
  void set_language(Language language);
  void enter_admin_pin(const std::string& pin);
  void after_done(const kiosk::Command& command, const kiosk::Done& done, SteadyTime now);
  void after_refusal(const kiosk::Command& command, const kiosk::Refusal& refusal, SteadyTime now);
  void back_to_meeting();
  void forget_secrets();

  kiosk::Kiosk& kiosk_;
  const kiosk::Clock& clock_;
  const Fonts& fonts_;
  const Metrics& metrics_;
  KioskUiOptions options_;
  LocalTime zone_;
  std::array<Catalogue, 3> catalogues_;
  UiState state_;
  std::shared_ptr<const kiosk::Snapshot> snapshot_;
  bool quit_ = false;
};

}  // namespace tavla::ui
