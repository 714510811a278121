// The processor against both backends: what is stored, what is quarantined
// and why, what is acked, and that duplicates and order change nothing.
#include "tavla/host/ingest/processor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "host_fixture.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::ingest {
namespace {

using testing::Backend;
using testing::EventMaker;
using testing::message;

class ProcessorTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    site_ = config::load_site(
        testing::write_example_site(dir_, testing::database_url(GetParam(), dir_)));
    repos_ = std::make_unique<storage::Repositories>(site_.database_url);
    processor_ = std::make_unique<Processor>(
        *repos_, site_, [] { return *protocol::parse_timestamp("2026-03-27T12:00:00.000Z"); });
  }

  std::map<std::string, std::int64_t> units() {
    std::map<std::string, std::int64_t> result;
    for (const auto& m : repos_->usage().months(2026)) {
      if (m.units != 0) {
        result[m.municipality] += m.units;
      }
    }
    return result;
  }

  tavla::testing::TempDir dir_;
  config::Site site_;
  std::unique_ptr<storage::Repositories> repos_;
  std::unique_ptr<Processor> processor_;
};

// A day of group guidance on kiosk-1: two check-ins of one foster home, a
// guest, an undo, an outside buyer's foster home.
std::vector<protocol::Event> a_day() {
  EventMaker k("kiosk-1", "epoch-0001");
  std::vector<protocol::Event> events;
  events.push_back(k.opened("s-1", "gv-1"));
  events.push_back(k.checked_in("s-1", "p-1", "nannestad", "fh-1"));
  events.push_back(k.checked_in("s-1", "p-2", "nannestad", "fh-1"));
  events.push_back(k.checked_in("s-1", "p-3", "hurdal", "fh-2"));
  events.push_back(k.guest("s-1", "eidsvoll"));
  events.push_back(k.checked_in("s-1", "p-4", "eidsvoll", "fh-3"));
  events.push_back(k.checked_out("s-1", "p-4"));
  events.push_back(k.checked_in("s-1", "p-5", "oslo", "fh-4"));
  events.push_back(k.closed("s-1"));
  return events;
}

TEST_P(ProcessorTest, StoresADayAndAcksEveryEvent) {
  const auto events = a_day();
  std::vector<Message> batch;
  for (const auto& e : events) {
    batch.push_back(message(e));
  }
  const auto result = processor_->process(batch);
  EXPECT_EQ(result.stored, events.size());
  EXPECT_EQ(result.quarantined, 0U);
  ASSERT_EQ(result.acks.at("kiosk-1").ids.size(), events.size());
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{
                         {"nannestad", 1}, {"hurdal", 1}, {"eidsvoll", 1}, {"oslo", 1}}));
  const auto epochs = repos_->devices().device_epochs();
  ASSERT_EQ(epochs.size(), 1U);
  EXPECT_EQ(epochs[0].missing(), 0);
}

TEST_P(ProcessorTest, DuplicateStormGivesTheSameUsageAsCleanInput) {
  const auto events = a_day();
  std::vector<Message> storm;
  for (int copy = 0; copy < 3; ++copy) {
    for (const auto& e : events) {
      storm.push_back(message(e));
    }
  }
  std::mt19937 random(20261127);
  std::shuffle(storm.begin(), storm.end(), random);
  std::size_t acked = 0;
  for (std::size_t i = 0; i < storm.size(); i += 5) {  // several batches
    const auto r =
        processor_->process({storm.begin() + static_cast<long>(i),
                             storm.begin() + static_cast<long>(std::min(i + 5, storm.size()))});
    for (const auto& [_, ack] : r.acks) {
      acked += ack.ids.size();
    }
  }
  EXPECT_EQ(acked, storm.size());  // every copy is acked, so no device resends forever
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{
                         {"nannestad", 1}, {"hurdal", 1}, {"eidsvoll", 1}, {"oslo", 1}}));
  EXPECT_EQ(repos_->events().pending_count(), 0);
  EXPECT_TRUE(repos_->events().quarantine_entries(10).empty());
}

TEST_P(ProcessorTest, EventsBeforeTheirSessionWaitThenCount) {
  EventMaker k("kiosk-1", "epoch-0001");
  const auto opened = k.opened("s-1", "gv-1");
  const auto in = k.checked_in("s-1", "p-1", "nannestad", "fh-1");
  const auto stranger = k.checked_in("s-1", "p-nobody", "nannestad");
  processor_->process({message(in), message(stranger)});
  EXPECT_EQ(repos_->events().pending_count(), 2);
  EXPECT_TRUE(units().empty());
  processor_->process({message(opened)});
  EXPECT_EQ(repos_->events().pending_count(), 0);
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{{"nannestad", 1}}));
  const auto q = repos_->events().quarantine_entries(10);
  ASSERT_EQ(q.size(), 1U);
  EXPECT_EQ(q[0].event_id, stranger.id);
  EXPECT_NE(q[0].reason.find("not a member"), std::string::npos) << q[0].reason;
}

TEST_P(ProcessorTest, GarbageGoesToQuarantineWithReasonsAndIsAcked) {
  EventMaker k1("kiosk-1", "epoch-0001");
  EventMaker k2("kiosk-2", "epoch-0002");
  EventMaker unknown("kiosk-9", "epoch-0009");
  const auto opened = k1.opened("s-1", "gv-1");
  processor_->process({message(opened)});
  auto wrong_type = protocol::encode(k1.checked_in("s-1", "p-1", "nannestad"));
  wrong_type.replace(wrong_type.find("\"method\":\"roster\""), 17, "\"method\":7");
  const auto other_room = k2.checked_in("s-1", "p-leder-nes", "nes");
  const auto unknown_muni = k1.guest("s-1", "atlantis");
  const auto mismatch = k2.closed("s-x");
  std::vector<Message> garbage = {
      {testing::events_topic("kiosk-1"), "{not json"},
      {testing::events_topic("kiosk-1"), wrong_type},
      {testing::events_topic("kiosk-1"), std::string(70 * 1024, ' ')},
      {testing::events_topic("kiosk-1"), protocol::encode(mismatch)},
      message(unknown.closed("s-1")),
      message(other_room),
      message(unknown_muni),
  };
  const auto r = processor_->process(garbage);
  EXPECT_EQ(r.quarantined, garbage.size());
  EXPECT_EQ(r.stored, 0U);
  const auto q = repos_->events().quarantine_entries(100);
  ASSERT_EQ(q.size(), garbage.size());
  std::vector<std::string> reasons;
  for (const auto& e : q) {
    reasons.push_back(e.reason);
  }
  const auto has = [&](const std::string& text) {
    return std::any_of(reasons.begin(), reasons.end(),
                       [&](const auto& r2) { return r2.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(has("invalid_json"));
  EXPECT_TRUE(has("wrong_type"));
  EXPECT_TRUE(has("too_large"));
  EXPECT_TRUE(has("device_mismatch"));
  EXPECT_TRUE(has("unknown device 'kiosk-9'"));
  EXPECT_TRUE(has("another room"));
  EXPECT_TRUE(has("unknown municipality 'atlantis'"));
  // Acked where an id could be read: all but the unparseable and the blank one.
  std::size_t acked = 0;
  for (const auto& [_, ack] : r.acks) {
    acked += ack.ids.size();
  }
  EXPECT_EQ(acked, garbage.size() - 2);
  EXPECT_EQ(r.acks.at("kiosk-9").ids.size(), 1U);
  // The quarantined seq 2 of kiosk-1 closes what would otherwise be a gap.
  processor_->process({message(k1.closed("s-1"))});
  for (const auto& e : repos_->devices().device_epochs()) {
    if (e.device == "kiosk-1") {
      EXPECT_EQ(e.missing(), 0) << e.epoch;
    }
  }
  EXPECT_TRUE(units().empty());
}

// One batch with two epochs of a kiosk, a resend of an event inside the batch,
// one seq under two ids and a quarantined seq: every seq is counted once, and
// the sequence and usage (summed per batch) are those of the same messages
// one per batch.
TEST_P(ProcessorTest, ABatchNotesItsSeqsAsOneMessagePerBatchWould) {
  EventMaker first("kiosk-1", "epoch-0001");
  EventMaker second("kiosk-1", "epoch-0002");
  std::vector<Message> batch = {message(first.opened("s-1", "gv-1"))};
  const auto in = first.checked_in("s-1", "p-1", "nannestad", "fh-1");
  batch.push_back(message(in));
  batch.push_back(message(in));          // resent before the batch was acked
  (void)first.guest("s-1", "eidsvoll");  // seq 3 never arrives
  auto same_seq = first.checked_in("s-1", "p-3", "hurdal", "fh-2");
  batch.push_back(message(same_seq));
  batch.push_back(message(second.opened("s-2", "gv-1")));
  batch.push_back(message(second.checked_in("s-2", "p-4", "eidsvoll", "fh-3")));
  batch.push_back(message(second.guest("s-2", "atlantis")));  // quarantined, seq counts
  batch.push_back(message(second.closed("s-2")));
  same_seq.id += "-b";  // another event under seq 4
  batch.push_back(message(same_seq));

  const auto r = processor_->process(batch);
  EXPECT_EQ(r.duplicates, 1U);
  EXPECT_EQ(r.quarantined, 1U);
  EXPECT_EQ(r.stored, batch.size() - 2);
  const auto epochs = repos_->devices().device_epochs();
  ASSERT_EQ(epochs.size(), 2U);
  EXPECT_EQ(epochs[0].epoch, "epoch-0001");
  EXPECT_EQ(epochs[0].max_seq, 4);
  EXPECT_EQ(epochs[0].received, 3);
  EXPECT_EQ(epochs[1].epoch, "epoch-0002");
  EXPECT_EQ(epochs[1].max_seq, 4);
  EXPECT_EQ(epochs[1].received, 4);
  const auto gaps = repos_->devices().gaps("kiosk-1", "epoch-0001", 10);
  ASSERT_EQ(gaps.size(), 1U);
  EXPECT_EQ(gaps[0].first, 3);
  EXPECT_EQ(gaps[0].last, 3);
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{
                         {"nannestad", 1}, {"hurdal", 1}, {"eidsvoll", 1}}));

  tavla::testing::TempDir other_dir;
  storage::Repositories one_by_one(testing::database_url(GetParam(), other_dir));
  Processor single(one_by_one, site_,
                   [] { return *protocol::parse_timestamp("2026-03-27T12:00:00.000Z"); });
  for (const auto& m : batch) {
    single.process({m});
  }
  const auto expected = one_by_one.devices().device_epochs();
  ASSERT_EQ(expected.size(), epochs.size());
  for (std::size_t i = 0; i < epochs.size(); ++i) {
    EXPECT_EQ(epochs[i].max_seq, expected[i].max_seq);
    EXPECT_EQ(epochs[i].received, expected[i].received);
    EXPECT_EQ(epochs[i].first_seen, expected[i].first_seen);
    EXPECT_EQ(epochs[i].last_seen, expected[i].last_seen);
  }
  const auto usage = repos_->usage().months(2026);
  const auto expected_usage = one_by_one.usage().months(2026);
  ASSERT_EQ(usage.size(), expected_usage.size());
  for (std::size_t i = 0; i < usage.size(); ++i) {
    EXPECT_EQ(usage[i].municipality, expected_usage[i].municipality);
    EXPECT_EQ(usage[i].month, expected_usage[i].month);
    EXPECT_EQ(usage[i].sessions, expected_usage[i].sessions);
    EXPECT_EQ(usage[i].units, expected_usage[i].units);
    EXPECT_EQ(usage[i].meetings, expected_usage[i].meetings);
  }

  // The whole batch again: all duplicates, nothing changes.
  const auto again = processor_->process(batch);
  EXPECT_EQ(again.duplicates, batch.size());  // the quarantined one too
  const auto after = repos_->devices().device_epochs();
  ASSERT_EQ(after.size(), 2U);
  EXPECT_EQ(after[0].received, 3);
  EXPECT_EQ(after[1].received, 4);
}

// Every quarantine decision carries a code: a decode error's name or one of
// the host's rules, in the quarantine table and, for every id it could read,
// in the ack's `rejected`.
TEST_P(ProcessorTest, EachQuarantinedEventCarriesItsCodeInTableAndAck) {
  EventMaker k1("kiosk-1", "epoch-0001");
  EventMaker k2("kiosk-2", "epoch-0002");
  EventMaker k9("kiosk-9", "epoch-0009");
  processor_->process(
      {message(k1.opened("s-1", "gv-1")),
       message(k2.opened("nm-1", "nettverk", protocol::SessionKind::network_meeting))});
  std::map<std::string, std::string> expected;  // event id -> code
  std::vector<Message> batch;
  const auto add = [&](const protocol::Event& e, const std::string& code) {
    batch.push_back(message(e));
    expected[e.id] = code;
  };
  const auto closed = k1.closed("s-1");
  auto teleported = protocol::encode(closed);
  teleported.replace(teleported.find("session.closed"), 14, "attendance.teleported");
  batch.push_back({testing::events_topic("kiosk-1"), teleported});
  expected[closed.id] = "unknown_type";
  add(k9.closed("s-1"), "unknown_device");
  add(k1.opened("s-2", "no-such-group"), "unknown_group");
  add(k1.opened("s-3", "gv-1", protocol::SessionKind::network_meeting), "wrong_session_kind");
  add(k1.opened("s-4", "nettverk", protocol::SessionKind::network_meeting),
      "group_of_another_device");
  add(k1.opened("s-1", "gv-1"), "session_already_opened");
  add(k1.checked_in("nm-1", "p-leder-nes", "nes"), "session_of_another_device");
  add(k1.checked_in("s-1", "p-nobody", "nannestad"), "not_a_member");
  add(k1.guest("s-1", "atlantis"), "unknown_affiliation");
  auto by_a_member = k1.checked_in("s-1", "p-3", "hurdal");
  std::get<protocol::CheckedIn>(by_a_member.body).corrected_by = "p-2";  // no leader
  add(by_a_member, "not_a_leader");
  const auto r = processor_->process(batch);
  EXPECT_EQ(r.quarantined, batch.size());

  std::map<std::string, std::string> in_table;
  for (const auto& q : repos_->events().quarantine_entries(100)) {
    in_table[q.event_id.value_or("?")] = q.code;
  }
  for (const auto& [id, code] : expected) {
    EXPECT_EQ(in_table[id], code) << id;
  }
  std::map<std::string, std::string> rejected;
  std::set<std::string> acked;
  for (const auto& [device, ack] : r.acks) {
    acked.insert(ack.ids.begin(), ack.ids.end());
    for (const auto& rejection : ack.rejected) {
      EXPECT_TRUE(acked.contains(rejection.id)) << rejection.id;
      rejected[rejection.id] = rejection.code;
    }
  }
  for (const auto& [id, code] : expected) {
    EXPECT_EQ(rejected[id], code) << id;
  }
  EXPECT_EQ(rejected.size(), expected.size());
  EXPECT_TRUE(units().empty());
  for (const auto code : protocol::all_rejection_codes()) {  // every rule is exercised here
    EXPECT_TRUE(std::any_of(expected.begin(), expected.end(), [&](const auto& e) {
      return e.second == protocol::to_string(code);
    })) << protocol::to_string(code);
  }
}

// A room that opens another room's scheduled session id first learns it in
// its ack's `rejected`, and the room the schedule names still opens it.
TEST_P(ProcessorTest, ASquattedScheduledSessionIsRejectedAndItsRoomStillOpensIt) {
  EventMaker k1("kiosk-1", "epoch-0001");
  EventMaker k2("kiosk-2", "epoch-0002");
  const auto squat = k1.opened("nm-20260327", "gv-1");
  const auto r = processor_->process({message(squat)});
  EXPECT_EQ(r.quarantined, 1U);
  EXPECT_EQ(r.acks.at("kiosk-1").rejected,
            (std::vector<protocol::Rejection>{{squat.id, "session_of_another_device"}}));
  const auto real = processor_->process(
      {message(k2.opened("nm-20260327", "nettverk", protocol::SessionKind::network_meeting)),
       message(k2.checked_in("nm-20260327", "p-leder-nes", "nes"))});
  EXPECT_EQ(real.stored, 2U);
  EXPECT_EQ(real.quarantined, 0U);
  EXPECT_TRUE(real.acks.at("kiosk-2").rejected.empty());
}

// A resend of a quarantined event is acked again with the same rejection; a
// resend of a stored one without.
TEST_P(ProcessorTest, ResendsAreAckedAgainWithTheSameRejection) {
  EventMaker k("kiosk-1", "epoch-0001");
  const auto opened = k.opened("s-1", "gv-1");
  const auto stranger = k.checked_in("s-1", "p-nobody", "nannestad");
  processor_->process({message(opened), message(stranger)});
  const auto again = processor_->process({message(opened), message(stranger)});
  EXPECT_EQ(again.duplicates, 2U);
  const protocol::Ack& ack = again.acks.at("kiosk-1");
  EXPECT_EQ(ack.ids, (std::vector<std::string>{opened.id, stranger.id}));
  EXPECT_EQ(ack.rejected, (std::vector<protocol::Rejection>{{stranger.id, "not_a_member"}}));
}

// An event that waited for its session and is refused when the session opens
// goes to quarantine with its code and is acked again with it.
TEST_P(ProcessorTest, AWaitingEventRefusedLaterIsAckedAgainWithItsCode) {
  EventMaker k("kiosk-1", "epoch-0001");
  const auto opened = k.opened("s-1", "gv-1");
  const auto stranger = k.checked_in("s-1", "p-nobody", "nannestad");
  const auto first = processor_->process({message(stranger)});
  EXPECT_TRUE(first.acks.at("kiosk-1").rejected.empty());
  const auto r = processor_->process({message(opened)});
  EXPECT_EQ(r.acks.at("kiosk-1").rejected,
            (std::vector<protocol::Rejection>{{stranger.id, "not_a_member"}}));
  const auto q = repos_->events().quarantine_entries(10);
  ASSERT_EQ(q.size(), 1U);
  EXPECT_EQ(q[0].code, "not_a_member");
}

// The kiosk's undo of a "done" (minutes.action_reopened) makes the action
// open again, so the group's next room config carries it over once more.
TEST_P(ProcessorTest, AReopenedActionIsOpenAgain) {
  EventMaker k2("kiosk-2", "epoch-0002");
  processor_->process(
      {message(k2.opened("nm-1", "nettverk", protocol::SessionKind::network_meeting)),
       message(k2.action("nm-1", "act-1")), message(k2.action_done("nm-1", "act-1"))});
  EXPECT_TRUE(repos_->minutes().open_actions({"nettverk"}).empty());
  const auto r = processor_->process({message(k2.make(protocol::ActionReopened{"nm-1", "act-1"}))});
  EXPECT_TRUE(r.action_groups.contains("nettverk"));
  const auto open = repos_->minutes().open_actions({"nettverk"});
  ASSERT_EQ(open.size(), 1U);
  EXPECT_EQ(open[0].action, "act-1");
}

// Events an older host quarantined as unknown_type (their types are known
// now) count after the replay as if they had just arrived, their seqs once;
// one that breaks a rule now is quarantined again with that rule's code, and
// a type still unknown stays.
TEST_P(ProcessorTest, ReplayDecidesWhatAnOlderHostQuarantinedAsUnknownType) {
  EventMaker k1("kiosk-1", "epoch-0001");
  EventMaker k2("kiosk-2", "epoch-0002");
  processor_->process(
      {message(k1.opened("s-1", "gv-1")),
       message(k2.opened("nm-1", "nettverk", protocol::SessionKind::network_meeting))});
  const auto in = k1.checked_in("s-1", "p-1", "nannestad", "fh-1");
  const auto stranger = k1.checked_in("s-1", "p-nobody", "nannestad");
  const auto action = k2.action("nm-1", "act-1");
  for (const auto& e : {in, stranger, action}) {
    testing::quarantine_as_unknown_type(*repos_, e, "2026-03-27T11:00:00.000Z");
  }
  const auto closed = k1.closed("s-1");
  auto teleported = protocol::encode(closed);
  teleported.replace(teleported.find("session.closed"), 14, "attendance.teleported");
  processor_->process({{testing::events_topic("kiosk-1"), teleported}});
  const auto epochs_before = repos_->devices().device_epochs();
  EXPECT_TRUE(units().empty());

  const auto r = processor_->replay_unknown_types();
  EXPECT_EQ(r.replayed, 3U);
  EXPECT_EQ(r.stored, 2U);
  EXPECT_EQ(r.quarantined, 1U);
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{{"nannestad", 1}}));
  const auto open_actions = repos_->minutes().open_actions({"nettverk"});
  ASSERT_EQ(open_actions.size(), 1U);
  EXPECT_EQ(open_actions[0].action, "act-1");
  EXPECT_TRUE(r.action_groups.contains("nettverk"));
  EXPECT_EQ(r.acks.at("kiosk-1").rejected,
            (std::vector<protocol::Rejection>{{stranger.id, "not_a_member"}}));
  EXPECT_EQ(r.acks.at("kiosk-2").ids, std::vector<std::string>{action.id});
  std::map<std::string, std::string> codes;
  for (const auto& q : repos_->events().quarantine_entries(10)) {
    codes[q.event_id.value_or("?")] = q.code;
  }
  EXPECT_EQ(codes, (std::map<std::string, std::string>{{stranger.id, "not_a_member"},
                                                       {closed.id, "unknown_type"}}));
  const auto epochs = repos_->devices().device_epochs();
  ASSERT_EQ(epochs.size(), epochs_before.size());
  for (std::size_t i = 0; i < epochs.size(); ++i) {
    EXPECT_EQ(epochs[i].received, epochs_before[i].received) << epochs[i].device;
    EXPECT_EQ(epochs[i].max_seq, epochs_before[i].max_seq) << epochs[i].device;
    EXPECT_EQ(epochs[i].last_seen, epochs_before[i].last_seen) << epochs[i].device;
    EXPECT_EQ(epochs[i].missing(), 0) << epochs[i].device;
  }
  const auto again = processor_->replay_unknown_types();  // nothing left that decodes
  EXPECT_EQ(again.replayed, 0U);
  EXPECT_EQ(units(), (std::map<std::string, std::int64_t>{{"nannestad", 1}}));
}

// A device whose status announces other room-config versions than before
// is named in version_changes (its room gets its config again); the will
// announces nothing and changes nothing.
TEST_P(ProcessorTest, AStatusWithOtherVersionsIsAVersionChange) {
  const auto status = [](bool online, const std::optional<std::vector<std::uint64_t>>& versions) {
    protocol::Status s{online, std::nullopt, std::nullopt, std::nullopt, std::nullopt, versions};
    if (online) {
      s.fw = "0.2.0";
      s.outbox = 0;
      s.clock_ok = true;
    }
    return Message{protocol::topic_for("stottepilar", "kiosk-1", protocol::Channel::status),
                   protocol::encode(s)};
  };
  const std::vector<std::uint64_t> one_and_two{1, 2};
  EXPECT_TRUE(processor_->process({status(true, std::nullopt)}).version_changes.empty());
  EXPECT_EQ(processor_->process({status(true, one_and_two)}).version_changes,
            std::set<std::string>{"kiosk-1"});
  EXPECT_TRUE(processor_->process({status(true, one_and_two)}).version_changes.empty());
  EXPECT_TRUE(processor_->process({status(false, std::nullopt)}).version_changes.empty());
  EXPECT_EQ(repos_->devices().announced_versions("kiosk-1"), one_and_two);
  EXPECT_EQ(processor_->process({status(true, std::nullopt)}).version_changes,
            std::set<std::string>{"kiosk-1"});
}

INSTANTIATE_TEST_SUITE_P(Backends, ProcessorTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::ingest
