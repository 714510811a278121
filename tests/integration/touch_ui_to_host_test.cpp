// The real touch UI against the real host: tavla-kiosk under Xvfb plays a
// group-guidance session through its screens as a finger would (tiles, a
// PIN, an undo, a walk-in guest, the leader closing the session) on kiosk-1
// of the example site, through a real mosquitto to `tavla-host serve` on
// SQLite. Once the kiosk shows that the host has acknowledged every event,
// the host's usage and allocation must count exactly what was tapped.
// `./tavla demo` (docs/demo/) plays a day the same way.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>

#include "group_session.hpp"
#include "tavla/testing/system_rig.hpp"
#include "tavla/testing/ui_rig.hpp"
#include "tavla/testing/xvfb_server.hpp"

namespace tavla::testing {
namespace {

constexpr int kWidth = 800;  // the smallest screen the kiosk is laid out for
constexpr int kHeight = 480;

// gv-1 meets 09:00-11:30 in Oslo on the day of kSessionDay (09:30), so the
// kiosk's scheduler opens session "samling-ui" as soon as the room config
// arrives. Only this file's site has it: the headless tests open gv-1
// themselves.
constexpr const char* kSchedule = R"(
[[session]]
id = "samling-ui"
group = "gv-1"
title = "Samling"
date = 2026-11-27
start = 09:00:00
end = 11:30:00
)";

// The members of gv-1 (tests/host/support): Kari N. (p-1, PIN 1234) and
// Ola N. (p-2) of Nannestad share foster home fh-1; Liv H. (p-3) is from
// Hurdal, Eva E. (p-4) from Eidsvoll, Tor O. (p-5) from Oslo, an outside
// buyer; Åse V. (p-v, PIN 4321) leads the group.
constexpr const char* kSessionScript = R"(wait-for home.checkin.samling-ui 20000
tap home.checkin.samling-ui
# Kari N. with her PIN, then Ola N. of the same foster home.
tap checkin.member.p-1
tap pin.1
tap pin.2
tap pin.3
tap pin.4
tap pin.ok
expect checkin.present.p-1
tap checkin.member.p-2
expect checkin.present.p-2
tap checkin.member.p-3
expect checkin.present.p-3
tap checkin.member.p-5
expect checkin.present.p-5
# Eva E. is tapped by mistake and undone.
tap checkin.member.p-4
expect checkin.present.p-4
tap banner.undo
expect banner Innsjekkingen er angret.
expect-absent checkin.present.p-4
# A walk-in guest, a foster parent from Gjerdrum.
tap checkin.guest
tap guest.municipality.gjerdrum
expect banner Velkommen! Du er sjekket inn som gjest.
shot check-in.png
tap nav.back
# The leader closes the session.
tap home.leader
tap pin.leader.p-v
tap pin.4
tap pin.3
tap pin.2
tap pin.1
tap pin.ok
expect screen.title Leder: Åse V.
tap leader.close.samling-ui
tap leader.close.confirm
expect-absent leader.close.samling-ui
tap nav.back
expect-absent home.checkin.samling-ui
# Every event acknowledged means every event committed by the host.
wait-for sync.idle 30000
shot synced.png
quit
)";

// (group-guidance sessions, attendance units, enrollments, meetings attended)
using Counts = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>;

// What the taps imply, per municipality of the site (all of them, in usage).
// Units count foster homes: Kari N. and Ola N. are one. The undone check-in
// counts nothing, so Eidsvoll has only its enrolled foster home. The guest
// is a unit of the municipality picked. Enrollments are gv-1's member list
// (its leader left out).
std::map<std::string, Counts> tapped() {
  return {
      {"nannestad", {1, 1, 1, 0}},  {"gjerdrum", {1, 1, 0, 0}}, {"hurdal", {1, 1, 1, 0}},
      {"nes", {0, 0, 0, 0}},        {"lunner", {0, 0, 0, 0}},   {"eidsvoll", {0, 0, 1, 0}},
      {"ullensaker", {0, 0, 0, 0}}, {"oslo", {1, 1, 1, 0}},
  };
}

std::map<std::string, Counts> usage_of(const SystemRig& rig) {
  const auto r = rig.host_command({"usage", "--year", "2026", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, Counts> counts;
  for (const auto& row : nlohmann::json::parse(r.out)) {
    EXPECT_EQ(row.at("year"), 2026);
    counts[row.at("municipality").get<std::string>()] = {
        row.at("group_guidance_sessions").get<std::int64_t>(),
        row.at("attendance_units").get<std::int64_t>(), row.at("enrollments").get<std::int64_t>(),
        row.at("meetings_attended").get<std::int64_t>()};
  }
  return counts;
}

// `allocate --format json`: the units of each municipality in `part`.
std::map<std::string, std::string> allocated_units(const SystemRig& rig, const std::string& part) {
  const auto r = rig.host_command({"allocate", "--year", "2026", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> units;
  for (const auto& row : nlohmann::json::parse(r.out)) {
    if (row.at("part") == part) {
      units[row.at("municipality").get<std::string>()] = row.at("units").dump();
    }
  }
  return units;
}

TEST(TouchUiToHost, TappedCheckInsAreTheHostsUsage) {
  SystemRig rig(kSchedule);
  ASSERT_TRUE(rig.start_host()) << rig.host_log();
  XvfbServer xvfb({.width = kWidth, .height = kHeight});
  const auto shots = ui_artifacts();
  write_file(shots / "session.script", kSessionScript);
  const auto ui = run_touch_ui({rig.kiosk_file("kiosk-1"),
                                shots / "session.script",
                                shots,
                                xvfb.display(),
                                kWidth,
                                kHeight,
                                {"--start-time", kSessionDay}});
  ASSERT_EQ(ui.exit_code, 0) << ui.log;

  EXPECT_EQ(usage_of(rig), tapped());
  // Money follows the units: the consumption part counts the same units,
  // and Oslo's foster home is billed outside the allocation.
  EXPECT_EQ(allocated_units(rig, "Forbruk"),
            (std::map<std::string, std::string>{{"nannestad", "1"},
                                                {"gjerdrum", "1"},
                                                {"hurdal", "1"},
                                                {"nes", "0"},
                                                {"lunner", "0"},
                                                {"eidsvoll", "0"},
                                                {"ullensaker", "0"}}));
  EXPECT_EQ(allocated_units(rig, "external"), (std::map<std::string, std::string>{{"oslo", "1"}}));
  // Nothing lost or refused on the way: the session's opening, six
  // check-ins (one a guest), the undo and the close are seqs 1-9 of the
  // kiosk, with none missing and none in quarantine.
  nlohmann::json kiosk;
  for (const auto& d :
       nlohmann::json::parse(rig.host_command({"devices", "--format", "json"}).out)) {
    if (d.at("device") == "kiosk-1") {
      kiosk = d;
    }
  }
  EXPECT_EQ(kiosk.value("highest_seq", -1), 9) << kiosk;
  EXPECT_EQ(kiosk.value("missing", -1), 0) << kiosk;
  const auto quarantine = rig.host_command({"quarantine", "list", "--format", "json"});
  EXPECT_EQ(quarantine.out, "[]\n") << quarantine.err;
  EXPECT_EQ(rig.stop_host(), 0) << rig.host_log();
  EXPECT_EQ(usage_of(rig), tapped());  // committed, not only served
}

}  // namespace
}  // namespace tavla::testing
