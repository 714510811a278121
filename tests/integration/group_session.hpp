// One group-guidance session on kiosk-1 of the example site
// (tests/host/support), as a headless script, and the usage it must give:
// shared by the tests that run it online and through outages.
#pragma once

#include <string>

#include "tavla/testing/system_rig.hpp"

namespace tavla::testing {

// Friday 27 November 2026, 09:30 in Oslo.
inline constexpr const char* kSessionDay = "2026-11-27T08:30:00.000Z";

// The leader (Åse V., PIN 4321) opens gv-1; members from Nannestad, Hurdal
// and Oslo (an outside buyer) check in, one from Eidsvoll checks in and
// undoes it; walk-in guests from Eidsvoll and Bufetat; the leader closes.
// A snapshot after the close shows what is still unacknowledged; then the
// kiosk waits until the host has acked every event.
inline std::string group_session_script() {
  using nlohmann::json;
  return script_of({
      {{"do", "wait_config"}},
      {{"do", "open"}, {"group", "gv-1"}, {"leader", "p-v"}, {"pin", "4321"}, {"expect", "ok"}},
      {{"do", "check_in"}, {"participant", "p-2"}, {"expect", "ok"}},
      {{"do", "check_in"}, {"participant", "p-3"}, {"expect", "ok"}},
      {{"do", "check_in"}, {"participant", "p-5"}, {"expect", "ok"}},
      {{"do", "check_in"}, {"participant", "p-4"}, {"expect", "ok"}},
      {{"do", "undo"}, {"participant", "p-4"}, {"expect", "ok"}},
      {{"do", "check_in_guest"}, {"municipality", "eidsvoll"}, {"expect", "ok"}},
      {{"do", "check_in_guest"}, {"org", "bufetat"}, {"expect", "ok"}},
      {{"do", "close"}, {"leader", "p-v"}, {"pin", "4321"}, {"expect", "ok"}},
      {{"do", "snapshot"}},
      {{"do", "wait_outbox_empty"}, {"timeout_ms", 60000}},
  });
}

// `tavla-host usage --year 2026 --format csv` after that session: one
// session and one unit for Nannestad (p-2), Hurdal (p-3), Eidsvoll (the
// guest; p-4's check-in was undone) and Oslo (p-5, billed outside the
// allocation); enrollments are the foster homes in gv-1's member list.
inline const std::string kSessionUsage =
    "municipality,year,group_guidance_sessions,attendance_units,enrollments,meetings_attended\r\n"
    "nannestad,2026,1,1,1,0\r\n"
    "gjerdrum,2026,0,0,0,0\r\n"
    "hurdal,2026,1,1,1,0\r\n"
    "nes,2026,0,0,0,0\r\n"
    "lunner,2026,0,0,0,0\r\n"
    "eidsvoll,2026,1,1,1,0\r\n"
    "ullensaker,2026,0,0,0,0\r\n"
    "oslo,2026,1,1,1,0\r\n";

}  // namespace tavla::testing
