// The registry decides who pays, through the real program: `tavla-host
// serve` against a real mosquitto (and SQLite or a real PostgreSQL) bills a
// member by the member list as it stood on the session's date, whatever the
// kiosk claimed; `quarantine list --mismatches` shows the claims it
// overruled; an edited list is a new version from the day it is loaded.
#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "host_service.hpp"
#include "tavla/host/config/schedule.hpp"
#include "tavla/testing/mosquitto_broker.hpp"

namespace tavla::host::testing {
namespace {

using tavla::testing::MosquittoBroker;
using tavla::testing::TempDir;

protocol::Timestamp now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

class RegistryBillingTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    config_ = write_example_site(dir_, database_url(GetParam(), dir_), broker_.url());
  }

  // Attendance units per municipality in `year` (zeros left out).
  std::map<std::string, std::string> units(int year) {
    const auto r =
        run_host(TAVLA_HOST, config_, {"usage", "--year", std::to_string(year), "--format", "csv"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, std::string> result;
    for (const auto& row : parse_report(r.out)) {
      if (row.at("attendance_units") != "0") {
        result[row.at("municipality")] = row.at("attendance_units");
      }
    }
    return result;
  }

  std::vector<Record> mismatches() {
    const auto r =
        run_host(TAVLA_HOST, config_, {"quarantine", "list", "--mismatches", "--format", "csv"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return parse_report(r.out);
  }

  MosquittoBroker broker_;
  TempDir dir_;
  std::filesystem::path config_;
};

TEST_P(RegistryBillingTest, AClaimOfAnotherMunicipalityBillsTheRegistrysAndIsListed) {
  HostService host(TAVLA_HOST, config_, dir_ / "host.log");
  KioskPeer kiosk(broker_.url(), "kiosk-1");
  EventMaker k("kiosk-1", "epoch-0001");
  const std::vector<protocol::Event> day = {
      k.opened("s-1", "gv-1"), k.checked_in("s-1", "p-3", "nes", "fh-9"),  // the list: hurdal, fh-2
      k.checked_in("s-1", "p-1", "nannestad", "fh-1"),                     // as listed
      k.checked_in("s-1", "p-2", "nannestad"),  // the list: fh-1, so one unit with p-1
      k.closed("s-1")};
  for (const auto& e : day) {
    kiosk.send(e);
  }
  ASSERT_TRUE(kiosk.all_acked(day)) << host.log();
  EXPECT_EQ(host.stop(), 0);

  EXPECT_EQ(units(2026), (std::map<std::string, std::string>{{"hurdal", "1"}, {"nannestad", "1"}}));
  const auto listed = mismatches();
  ASSERT_EQ(listed.size(), 2U);
  const auto& p3 = listed[0].at("participant") == "p-3" ? listed[0] : listed[1];
  EXPECT_EQ(p3.at("session"), "s-1");
  EXPECT_EQ(p3.at("event_id"), day[1].id);
  EXPECT_EQ(p3.at("kiosk_said"), "municipality nes, foster home fh-9");
  EXPECT_EQ(p3.at("registry_says"), "municipality hurdal, foster home fh-2");
}

TEST_P(RegistryBillingTest, AnEditedListIsANewVersionAndEarlierSessionsKeepTheOldMunicipality) {
  HostService host(TAVLA_HOST, config_, dir_ / "host.log");
  KioskPeer kiosk(broker_.url(), "kiosk-1");
  EventMaker march("kiosk-1", "epoch-0001", "2026-03-27");
  const std::vector<protocol::Event> before = {march.opened("s-1", "gv-1"),
                                               march.checked_in("s-1", "p-3", "hurdal", "fh-2")};
  for (const auto& e : before) {
    kiosk.send(e);
  }
  ASSERT_TRUE(kiosk.all_acked(before)) << host.log();

  // Liv H. moves to Eidsvoll; the host reloads the list today.
  auto text = tavla::testing::read_file(dir_ / "gv.csv");
  const std::string row = "p-3,Liv H.,hurdal,,fh-2,";
  text.replace(text.find(row), row.size(), "p-3,Liv H.,eidsvoll,,fh-3,");
  tavla::testing::write_file(dir_ / "gv.csv", text);
  ASSERT_TRUE(host.reload()) << host.log();
  EXPECT_NE(host.log().find("registry: 0 member(s) added, 1 changed, 0 removed"), std::string::npos)
      << host.log();

  // Today's session bills Eidsvoll; a session of March arriving late still Hurdal.
  const auto today = now();
  EventMaker current("kiosk-1", "epoch-0002");
  auto opened_today = current.opened("s-today", "gv-1");
  auto in_today = current.checked_in("s-today", "p-3", "hurdal", "fh-2");
  opened_today.ts = in_today.ts = today;
  const auto late_opened = current.opened("s-late", "gv-1");  // dated 2026-03-27
  const auto late_in = current.checked_in("s-late", "p-3", "hurdal", "fh-2");
  const std::vector<protocol::Event> after = {opened_today, in_today, late_opened, late_in};
  for (const auto& e : after) {
    kiosk.send(e);
  }
  ASSERT_TRUE(kiosk.all_acked(after)) << host.log();
  EXPECT_EQ(host.stop(), 0);

  const int this_year = static_cast<int>(config::oslo_date(today).year());
  EXPECT_EQ(units(2026).at("hurdal"), "2");  // s-1 and s-late
  EXPECT_EQ(units(this_year).at("eidsvoll"), "1");

  // A correction of a member takes the version of its session's date, and
  // may not name another municipality.
  const auto add = [&](const std::string& session, const std::string& date,
                       std::vector<std::string> extra) {
    std::vector<std::string> args = {"attendance",    "add",  "--session", session,
                                     "--group",       "gv-1", "--date",    date,
                                     "--participant", "p-3",  "--reason",  "Holdt på video"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_host(TAVLA_HOST, config_, args);
  };
  const auto video = add("video-march", "2026-03-20", {});
  EXPECT_EQ(video.exit_code, 0) << video.err;
  EXPECT_EQ(units(2026).at("hurdal"), "3");
  const auto overridden = add("video-march-2", "2026-03-21", {"--municipality", "nes"});
  EXPECT_EQ(overridden.exit_code, 1);
  EXPECT_NE(overridden.err.find("are for guests"), std::string::npos) << overridden.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, RegistryBillingTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
