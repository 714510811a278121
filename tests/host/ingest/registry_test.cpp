// The registry decides who pays (docs/domain.md, "Rules of trust"): member
// lists imported as dated versions, and check-ins and corrections billed by
// the version in force on the session's date, whatever the kiosk claimed.
// On SQLite and PostgreSQL.
#include "tavla/host/ingest/registry.hpp"

#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/host/ingest/corrections.hpp"
#include "tavla/host/ingest/processor.hpp"

namespace tavla::host::ingest {
namespace {

using testing::Backend;
using testing::EventMaker;
using testing::message;

protocol::Timestamp at(const std::string& text) {
  return *protocol::parse_timestamp(text);
}

class RegistryBillingTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    config_ = testing::write_example_site(dir_, testing::database_url(GetParam(), dir_));
    site_ = config::load_site(config_);
    repos_ = std::make_unique<storage::Repositories>(site_.database_url);
    processor_ = std::make_unique<Processor>(*repos_, site_, [this] { return now_; });
    EXPECT_EQ(import_registry(*repos_, site_, now_).added, 9U);  // both groups' lists
  }

  // Units per municipality in 2026.
  std::map<std::string, std::int64_t> units() {
    std::map<std::string, std::int64_t> result;
    for (const auto& m : repos_->usage().months(2026)) {
      if (m.units != 0) {
        result[m.municipality] += m.units;
      }
    }
    return result;
  }

  void process(const std::vector<protocol::Event>& events) {
    std::vector<Message> batch;
    for (const auto& e : events) {
      batch.push_back(message(e));
    }
    processor_->process(batch);
  }

  // p-3 moves from Hurdal (fh-2) to Eidsvoll (fh-3); the list is imported on `day`.
  void move_p3_to_eidsvoll_on(const std::string& day) {
    auto text = tavla::testing::read_file(dir_ / "gv.csv");
    const std::string before = "p-3,Liv H.,hurdal,,fh-2,";
    text.replace(text.find(before), before.size(), "p-3,Liv H.,eidsvoll,,fh-3,");
    tavla::testing::write_file(dir_ / "gv.csv", text);
    moved_ = config::load_site(config_);
    EXPECT_EQ(import_registry(*repos_, moved_, at(day + "T07:00:00.000Z")).changed, 1U);
    processor_->set_site(moved_);
  }

  tavla::testing::TempDir dir_;
  std::filesystem::path config_;
  config::Site site_;
  config::Site moved_;
  protocol::Timestamp now_ = at("2026-03-27T12:00:00.000Z");  // the events' day
  std::unique_ptr<storage::Repositories> repos_;
  std::unique_ptr<Processor> processor_;
};

TEST_P(RegistryBillingTest, AKioskEventClaimingAnotherMunicipalityForAMemberBillsTheRegistrys) {
  EventMaker k("kiosk-1", "epoch-0001");
  const auto opened = k.opened("s-1", "gv-1");
  const auto claim = k.checked_in("s-1", "p-3", "nes", "fh-9");  // the registry: hurdal, fh-2
  const auto guest = k.guest("s-1", "nes");                      // a guest keeps what it picked
  std::vector<Message> batch = {message(opened), message(claim), message(guest)};
  const auto result = processor_->process(batch);
  EXPECT_EQ(result.stored, 3U);
  EXPECT_EQ(result.mismatches, 1U);
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{{"hurdal", 1}, {"nes", 1}}));
  const auto noted = repos_->registry().mismatches(10);
  ASSERT_EQ(noted.size(), 1U);
  EXPECT_EQ(noted[0].event_id, claim.id);
  EXPECT_EQ(noted[0].kiosk_municipality, "nes");
  EXPECT_EQ(noted[0].kiosk_foster_home, "fh-9");
  EXPECT_EQ(noted[0].registry_municipality, "hurdal");
  EXPECT_EQ(noted[0].registry_foster_home, "fh-2");
  // A resend changes nothing and notes nothing again.
  EXPECT_EQ(processor_->process(batch).mismatches, 0U);
  EXPECT_EQ(repos_->registry().mismatches(10).size(), 1U);
}

TEST_P(RegistryBillingTest, TwoAdultsOfOneFosterHomeAreOneUnitWhateverTheKioskSays) {
  EventMaker k("kiosk-1", "epoch-0001");
  // The kiosk leaves out p-2's foster home and puts p-1 in another: the
  // registry has both in fh-1, so Nannestad has one unit.
  process({k.opened("s-1", "gv-1"), k.checked_in("s-1", "p-1", "nannestad", "fh-7"),
           k.checked_in("s-1", "p-2", "nannestad")});
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{{"nannestad", 1}}));
  EXPECT_EQ(repos_->registry().mismatches(10).size(), 2U);
}

TEST_P(RegistryBillingTest, ACheckInWaitingForItsSessionIsBilledByTheRegistryWhenItOpens) {
  EventMaker k("kiosk-1", "epoch-0001");
  const auto opened = k.opened("s-1", "gv-1");
  process({k.checked_in("s-1", "p-4", "oslo", "fh-4")});  // the registry: eidsvoll, fh-3
  EXPECT_TRUE(units().empty());
  process({opened});
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{{"eidsvoll", 1}}));
  EXPECT_EQ(repos_->registry().mismatches(10).size(), 1U);
}

TEST_P(RegistryBillingTest, AChangedListIsANewVersionAndAnEarlierSessionBillsTheOldMunicipality) {
  move_p3_to_eidsvoll_on("2026-06-15");
  now_ = at("2026-06-20T12:00:00.000Z");
  EventMaker early("kiosk-1", "epoch-0001", "2026-05-20");  // arrives after the change
  EventMaker late("kiosk-1", "epoch-0002", "2026-06-19");
  process({early.opened("s-may", "gv-1"), early.checked_in("s-may", "p-3", "hurdal", "fh-2"),
           late.opened("s-june", "gv-1"), late.checked_in("s-june", "p-3", "hurdal", "fh-2")});
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{{"hurdal", 1}, {"eidsvoll", 1}}));
  const auto noted = repos_->registry().mismatches(10);
  ASSERT_EQ(noted.size(), 1U);  // only the June claim differs from its date's version
  EXPECT_EQ(noted[0].session, "s-june");
  EXPECT_EQ(noted[0].registry_municipality, "eidsvoll");
}

TEST_P(RegistryBillingTest, CorrectionsOfMembersTakeTheRegistrysVersionOfTheirDate) {
  move_p3_to_eidsvoll_on("2026-06-15");
  const auto correction = [&](const std::string& session, const std::string& date) {
    CorrectionRequest r{session,         "p-3",  true,
                        "Held on video", "kari", at("2026-06-20T10:00:00.000Z")};
    r.group = "gv-1";
    r.date = protocol::parse_date(date);
    return r;
  };
  correct_attendance(*repos_, moved_, correction("video-april", "2026-04-01"));
  correct_attendance(*repos_, moved_, correction("video-july", "2026-07-01"));
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{{"hurdal", 1}, {"eidsvoll", 1}}));
  auto overridden = correction("video-august", "2026-08-01");
  overridden.municipality = "nes";  // a member's municipality is not the operator's to choose
  EXPECT_THROW(correct_attendance(*repos_, moved_, overridden), CorrectionError);
  const auto listed = repos_->corrections().list(2026, std::nullopt);
  ASSERT_EQ(listed.size(), 2U);
  EXPECT_EQ(listed[0].municipality, "hurdal");
  EXPECT_EQ(listed[0].foster_home, "fh-2");
  EXPECT_EQ(listed[1].municipality, "eidsvoll");
}

INSTANTIATE_TEST_SUITE_P(Backends, RegistryBillingTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::ingest
