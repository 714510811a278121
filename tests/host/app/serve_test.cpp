// `tavla-host serve` as a real process against a real mosquitto (and SQLite
// or a real PostgreSQL): acks, quarantine, room configs, signals, restarts.
#include <gtest/gtest.h>
#include <signal.h>

#include <map>
#include <set>

#include "host_fixture.hpp"
#include "mqtt_peer.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/topic.hpp"
#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/process.hpp"

namespace tavla::host::testing {
namespace {

using tavla::testing::eventually;
using tavla::testing::MosquittoBroker;
using tavla::testing::Process;
using tavla::testing::read_file;
using tavla::testing::TempDir;
using namespace std::chrono_literals;

class Host {
 public:
  Host(const std::filesystem::path& config, const TempDir& dir, const std::string& instance = "a")
      : config_(config),
        log_(dir / ("host-" + instance + "-" + std::to_string(++starts_) + ".log")) {
    process_ = std::make_unique<Process>(
        Process::Options{{TAVLA_HOST, "serve", "--config", config.string(), "--instance", instance},
                         {},
                         {},
                         log_,
                         {}});
    EXPECT_TRUE(eventually([&] { return log().find("ready") != std::string::npos; }, 20s)) << log();
  }
  std::string log() const { return read_file(log_); }
  int stop(int signal = SIGTERM) {
    const auto status = process_->stop(signal, 30s);
    return status ? Process::exit_code(*status) : -999;
  }
  bool running() { return process_->running(); }
  void kill_hard() { process_->kill_hard(); }
  pid_t pid() const { return process_->pid(); }

 private:
  static inline int starts_ = 0;  // distinct log files per start within a test
  std::filesystem::path config_;
  std::filesystem::path log_;
  std::unique_ptr<Process> process_;
};

// A kiosk as the host sees it: publishes events, collects acks, resends
// what was not acked.
class Kiosk {
 public:
  Kiosk(const MosquittoBroker& broker, const std::string& device)
      : device_(device), peer_(broker.url(), "test-" + device) {
    peer_.subscribe(protocol::topic_for("stottepilar", device, protocol::Channel::ack));
    peer_.subscribe(protocol::topic_for("stottepilar", device, protocol::Channel::config));
  }
  void send(const protocol::Event& e) { peer_.publish(events_topic(device_), protocol::encode(e)); }
  void send_raw(const std::string& payload) { peer_.publish(events_topic(device_), payload); }
  void send_status(const protocol::Status& status) {
    peer_.publish(protocol::topic_for("stottepilar", device_, protocol::Channel::status),
                  protocol::encode(status), true);
  }
  // The room configs received, in order, as their bytes.
  std::vector<std::string> configs() {
    std::vector<std::string> payloads;
    for (const auto& m : peer_.received()) {
      if (m.topic.ends_with("/config")) {
        payloads.push_back(m.payload);
      }
    }
    return payloads;
  }
  std::set<std::string> acked() {
    std::set<std::string> ids;
    for (const auto& m : peer_.received()) {
      if (m.topic.ends_with("/ack")) {
        const auto ack = protocol::decode_ack(m.payload);
        EXPECT_TRUE(ack.ok()) << m.payload;
        if (ack) {
          ids.insert(ack.value().ids.begin(), ack.value().ids.end());
        }
      }
    }
    return ids;
  }
  // Every `rejected` entry of the acks received: id -> code.
  std::map<std::string, std::string> rejected() {
    std::map<std::string, std::string> codes;
    for (const auto& m : peer_.received()) {
      if (m.topic.ends_with("/ack")) {
        const auto ack = protocol::decode_ack(m.topic, m.payload);
        EXPECT_TRUE(ack.ok()) << m.payload;
        for (const auto& r : ack ? ack.value().rejected : std::vector<protocol::Rejection>{}) {
          codes[r.id] = r.code;
        }
      }
    }
    return codes;
  }
  bool all_acked(const std::vector<protocol::Event>& events, std::chrono::milliseconds wait = 20s) {
    return eventually(
        [&] {
          const auto ids = acked();
          return std::all_of(events.begin(), events.end(),
                             [&](const auto& e) { return ids.contains(e.id); });
        },
        wait);
  }
  std::optional<protocol::RoomConfig> latest_config() {
    std::optional<protocol::RoomConfig> latest;
    for (const auto& m : peer_.received()) {
      if (m.topic.ends_with("/config")) {
        auto c = protocol::decode_config(m.topic, m.payload);
        EXPECT_TRUE(c.ok()) << c.error().message();
        if (c) {
          latest = c.value();
        }
      }
    }
    return latest;
  }
  std::vector<MqttPeer::Received> received() { return peer_.received(); }

 private:
  std::string device_;
  MqttPeer peer_;
};

std::string usage_csv(const std::filesystem::path& config) {
  const auto r = tavla::testing::run(
      {TAVLA_HOST, "usage", "--config", config.string(), "--year", "2026", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

std::vector<protocol::Event> gg_day(EventMaker& k, const std::string& session) {
  return {k.opened(session, "gv-1"), k.checked_in(session, "p-1", "nannestad", "fh-1"),
          k.checked_in(session, "p-3", "hurdal", "fh-2"), k.guest(session, "eidsvoll"),
          k.closed(session)};
}

const std::string kDayUsage =
    "municipality,year,group_guidance_sessions,attendance_units,enrollments,meetings_attended\r\n"
    "nannestad,2026,1,1,1,0\r\n"
    "gjerdrum,2026,0,0,0,0\r\n"
    "hurdal,2026,1,1,1,0\r\n"
    "nes,2026,0,0,0,0\r\n"
    "lunner,2026,0,0,0,0\r\n"
    "eidsvoll,2026,1,1,1,0\r\n"
    "ullensaker,2026,0,0,0,0\r\n"
    "oslo,2026,0,0,1,0\r\n";

// Every ingest test runs on both backends, SQLite and PostgreSQL.
class ServeTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ServeTest, StoresAcksAndPublishesRoomConfigsWithOpenActions) {
  MosquittoBroker broker;
  TempDir dir;
  const auto config = write_example_site(dir, database_url(GetParam(), dir), broker.url());
  Host host(config, dir);
  Kiosk k1(broker, "kiosk-1");
  Kiosk k2(broker, "kiosk-2");
  ASSERT_TRUE(eventually([&] { return k1.latest_config() && k2.latest_config(); }));
  const auto room = *k1.latest_config();
  EXPECT_GE(room.rev, 1U);
  EXPECT_EQ(room.groups.size(), 1U);
  EXPECT_EQ(room.groups[0].members.size(), 6U);
  for (const auto& m : k1.received()) {  // full names and PINs never leave the host
    EXPECT_EQ(m.payload.find("Nordmann"), std::string::npos);
  }
  EventMaker maker("kiosk-1", "epoch-0001");
  const auto day = gg_day(maker, "s-1");
  for (const auto& e : day) {
    k1.send(e);
  }
  ASSERT_TRUE(k1.all_acked(day));

  // An action recorded in one meeting is open in the room's next config,
  // and leaves it when marked done.
  EventMaker m2("kiosk-2", "epoch-0002");
  const std::vector<protocol::Event> meeting = {
      m2.opened("nm-20260327", "nettverk", protocol::SessionKind::network_meeting),
      m2.checked_in("nm-20260327", "p-leder-nes", "nes"), m2.action("nm-20260327", "act-1")};
  for (const auto& e : meeting) {
    k2.send(e);
  }
  ASSERT_TRUE(k2.all_acked(meeting));
  ASSERT_TRUE(eventually([&] { return k2.latest_config()->open_actions.size() == 1; }));
  EXPECT_EQ(k2.latest_config()->open_actions[0].from_session, "nm-20260327");
  const auto rev = k2.latest_config()->rev;
  const auto done = m2.action_done("nm-20260327", "act-1");
  k2.send(done);
  ASSERT_TRUE(eventually([&] { return k2.latest_config()->open_actions.empty(); }));
  EXPECT_GT(k2.latest_config()->rev, rev);

  EXPECT_EQ(host.stop(), 0) << host.log();
  EXPECT_NE(host.log().find("stopped"), std::string::npos);
  std::string expected = kDayUsage;
  expected.replace(expected.find("nes,2026,0,0,0,0"), 16, "nes,2026,0,0,0,1");
  EXPECT_EQ(usage_csv(config), expected);
}

TEST_P(ServeTest, GarbageThroughTheBrokerIsQuarantinedAckedAndChangesNothing) {
  MosquittoBroker broker;
  TempDir dir;
  const auto config = write_example_site(dir, database_url(GetParam(), dir), broker.url());
  Host host(config, dir);
  Kiosk k1(broker, "kiosk-1");
  EventMaker maker("kiosk-1", "epoch-0001");
  const auto day = gg_day(maker, "s-1");
  for (const auto& e : day) {
    k1.send(e);
  }
  ASSERT_TRUE(k1.all_acked(day));
  const std::string before = usage_csv(config);

  EventMaker k2("kiosk-2", "epoch-0002");
  EventMaker k9("kiosk-9", "epoch-0009");
  auto wrong_type = protocol::encode(maker.checked_in("s-1", "p-4", "eidsvoll"));
  wrong_type.replace(wrong_type.find("\"method\":\"roster\""), 17, "\"method\":7");
  const auto mismatch = k2.closed("s-1");
  const auto unknown_muni = maker.guest("s-1", "atlantis");
  const auto other_room = k2.checked_in("s-1", "p-leder-nes", "nes");
  Kiosk k9_peer(broker, "kiosk-9");
  Kiosk k2_peer(broker, "kiosk-2");
  k1.send_raw("{not json at all");
  k1.send_raw(wrong_type);
  k1.send_raw(std::string(100 * 1024, 'x'));  // oversize for an event, within the packet limit
  k1.send_raw(protocol::encode(mismatch));
  k1.send(unknown_muni);
  k9_peer.send(k9.closed("s-1"));
  k2_peer.send(other_room);

  const auto quarantined = [&] {
    const auto r = tavla::testing::run(
        {TAVLA_HOST, "quarantine", "list", "--config", config.string(), "--format", "csv"});
    return r.out;
  };
  ASSERT_TRUE(eventually([&] {
    const auto q = quarantined();
    return std::count(q.begin(), q.end(), '\n') == 8;  // header + 7
  })) << quarantined();
  const auto q = quarantined();
  for (const char* reason :
       {"invalid_json", "wrong_type", "too_large", "device_mismatch",
        "unknown municipality 'atlantis'", "unknown device 'kiosk-9'", "another room"}) {
    EXPECT_NE(q.find(reason), std::string::npos) << reason << "\n" << q;
  }
  // Acked wherever an id could be read.
  EXPECT_TRUE(k1.all_acked({unknown_muni}));
  EXPECT_TRUE(eventually([&] { return k9_peer.acked().size() == 1; }));
  EXPECT_TRUE(eventually([&] { return k2_peer.acked().size() == 1; }));
  EXPECT_TRUE(eventually([&] { return k1.acked().size() == day.size() + 3; }))
      << k1.acked().size();  // wrong_type, mismatch (by topic's device), atlantis
  EXPECT_TRUE(host.running());
  EXPECT_EQ(usage_csv(config), before);
  EXPECT_EQ(host.stop(), 0);
}

// A kiosk upgraded before its host sends a type the host does not know yet:
// it goes to quarantine as unknown_type, is acked, and the ack says so.
TEST_P(ServeTest, AnUnknownEventTypeIsQuarantinedAckedAndListedAsRejected) {
  MosquittoBroker broker;
  TempDir dir;
  const auto config = write_example_site(dir, database_url(GetParam(), dir), broker.url());
  Host host(config, dir);
  Kiosk k1(broker, "kiosk-1");
  EventMaker maker("kiosk-1", "epoch-0001");
  const auto opened = maker.opened("s-1", "gv-1");
  const auto stranger = maker.checked_in("s-1", "p-nobody", "nannestad");
  const auto teleported = maker.closed("s-1");
  auto payload = protocol::encode(teleported);
  payload.replace(payload.find("session.closed"), 14, "attendance.teleported");
  k1.send(opened);
  k1.send(stranger);
  k1.send_raw(payload);
  ASSERT_TRUE(k1.all_acked({opened, stranger, teleported})) << host.log();
  EXPECT_TRUE(eventually([&] { return k1.rejected().size() == 2; }));
  EXPECT_EQ(k1.rejected(), (std::map<std::string, std::string>{{stranger.id, "not_a_member"},
                                                               {teleported.id, "unknown_type"}}));
  const auto listed = tavla::testing::run(
      {TAVLA_HOST, "quarantine", "list", "--config", config.string(), "--format", "csv"});
  EXPECT_NE(listed.out.find(teleported.id), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find(",unknown_type,"), std::string::npos) << listed.out;
  EXPECT_EQ(host.stop(), 0);
}

// What an older host quarantined as unknown_type is decided again when an
// upgraded host starts (and by `quarantine replay`): it counts in usage.
TEST_P(ServeTest, StartReplaysWhatAnOlderHostQuarantinedAsUnknownType) {
  MosquittoBroker broker;
  TempDir dir;
  const auto config = write_example_site(dir, database_url(GetParam(), dir), broker.url());
  EventMaker maker("kiosk-1", "epoch-0001");
  const auto day = gg_day(maker, "s-1");
  {
    const auto site = config::load_site(config);
    storage::Repositories repos(site.database_url);
    ingest::Processor processor(
        repos, site, [] { return *protocol::parse_timestamp("2026-03-27T12:00:00.000Z"); });
    processor.process({message(day[0]), message(day[1]), message(day[4])});
    testing::quarantine_as_unknown_type(repos, day[2], "2026-03-27T12:00:00.000Z");
  }
  // A command replays what it can without the broker...
  const auto replay =
      tavla::testing::run({TAVLA_HOST, "quarantine", "replay", "--config", config.string()});
  EXPECT_EQ(replay.exit_code, 0) << replay.err;
  EXPECT_NE(replay.err.find("1 event(s) of a type this host now knows: 1 stored"),
            std::string::npos)
      << replay.err;
  {
    const auto site = config::load_site(config);
    storage::Repositories repos(site.database_url);
    testing::quarantine_as_unknown_type(repos, day[3], "2026-03-27T12:00:00.000Z");
  }
  // ...and serve does at its start.
  Host host(config, dir);
  EXPECT_NE(host.log().find("replayed 1 quarantined event(s)"), std::string::npos) << host.log();
  EXPECT_EQ(host.stop(), 0);
  EXPECT_EQ(usage_csv(config), kDayUsage);
}

// Each room's config goes out in the newest config version its device
// announced it reads; one that announces none reads version 1; one that
// shares no version with the host gets nothing, and the host says so.
TEST_P(ServeTest, RoomConfigsFollowTheVersionsADeviceAnnounces) {
  MosquittoBroker broker;
  TempDir dir;
  const auto config = write_example_site(dir, database_url(GetParam(), dir), broker.url());
  Host host(config, dir);
  Kiosk k1(broker, "kiosk-1");
  Kiosk k2(broker, "kiosk-2");
  ASSERT_TRUE(eventually([&] { return k1.configs().size() == 1 && k2.configs().size() == 1; }));
  const auto status = [](std::optional<std::vector<std::uint64_t>> versions) {
    return protocol::Status{true, "0.2.0", 0, true, std::nullopt, std::move(versions)};
  };
  k1.send_status(status(std::vector<std::uint64_t>{1, 7}));  // a change: published again
  k2.send_status(status(std::nullopt));                      // version 1, as before
  ASSERT_TRUE(eventually([&] { return k1.configs().size() == 2; })) << host.log();
  k1.send_status(status(std::vector<std::uint64_t>{7}));
  ASSERT_TRUE(eventually([&] {
    return host.log().find("room config of kiosk-1 not published") != std::string::npos;
  })) << host.log();
  k1.send_status(status(std::vector<std::uint64_t>{1}));
  ASSERT_TRUE(eventually([&] { return k1.configs().size() >= 3; })) << host.log();
  EXPECT_EQ(host.stop(), 0);
  EXPECT_EQ(k1.configs().size(), 3U);  // none for the status that announced only 7
  for (const auto& payload : k1.configs()) {
    EXPECT_TRUE(payload.starts_with("{\"v\":1,")) << payload;
    EXPECT_TRUE(protocol::decode_config(payload).ok());
  }
  EXPECT_EQ(k2.configs().size(), 1U);
  EXPECT_TRUE(k2.configs()[0].starts_with("{\"v\":1,"));

  const auto site = config::load_site(config);
  storage::Repositories repos(site.database_url);
  EXPECT_EQ(repos.devices().announced_versions("kiosk-1"), std::vector<std::uint64_t>{1});
  EXPECT_EQ(repos.devices().announced_versions("kiosk-2"), std::nullopt);
}

TEST_P(ServeTest, NothingAcknowledgedIsLostAcrossHostAndBrokerRestarts) {
  MosquittoBroker broker({.persistence = true});
  TempDir dir;
  const auto config = write_example_site(dir, database_url(GetParam(), dir), broker.url());
  auto host = std::make_unique<Host>(config, dir);
  Kiosk k1(broker, "kiosk-1");
  EventMaker maker("kiosk-1", "epoch-0001");
  std::vector<protocol::Event> events = {maker.opened("s-1", "gv-1")};
  for (int i = 0; i < 300; ++i) {
    events.push_back(maker.guest("s-1", i % 2 ? "nes" : "lunner"));
  }
  // Send in three parts; between them kill the host hard and restart the broker.
  const auto send = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      k1.send(events[i]);
    }
  };
  send(0, 100);
  host->kill_hard();
  host = std::make_unique<Host>(config, dir);
  send(100, 200);
  broker.stop();
  broker.start();
  send(200, 301);
  // A kiosk resends whatever was not acked, until everything is.
  for (int round = 0; round < 20 && !k1.all_acked(events, 3s); ++round) {
    const auto acked = k1.acked();
    for (const auto& e : events) {
      if (!acked.contains(e.id)) {
        k1.send(e);
      }
    }
  }
  ASSERT_TRUE(k1.all_acked(events, 1s));
  EXPECT_EQ(host->stop(), 0);
  // Every acked event is stored exactly once: 150 units each, one session.
  const auto usage = usage_csv(config);
  EXPECT_NE(usage.find("nes,2026,1,150,0,0"), std::string::npos) << usage;
  EXPECT_NE(usage.find("lunner,2026,1,150,0,0"), std::string::npos) << usage;
}

TEST_P(ServeTest, WhatRoomsSendWhileTheHostIsStoppedWaitsAtTheBroker) {
  MosquittoBroker broker;
  TempDir dir;
  const auto config = write_example_site(dir, database_url(GetParam(), dir), broker.url());
  auto host = std::make_unique<Host>(config, dir);
  Kiosk k1(broker, "kiosk-1");
  EventMaker maker("kiosk-1", "epoch-0001");
  const auto day = gg_day(maker, "s-1");
  EXPECT_EQ(host->stop(), 0);  // a clean stop, as for an upgrade
  for (const auto& e : day) {  // sent once, never resent by this peer
    k1.send(e);
  }
  host = std::make_unique<Host>(config, dir);
  // The host's persistent session kept its subscription, so the broker
  // queued the events and delivers them on the next connect.
  ASSERT_TRUE(k1.all_acked(day, 20s)) << host->log();
  EXPECT_EQ(host->stop(), 0);
  EXPECT_EQ(usage_csv(config), kDayUsage);
}

TEST_P(ServeTest, SighupReloadsTheSiteAndRepublishesRoomConfigs) {
  MosquittoBroker broker;
  TempDir dir;
  const auto config = write_example_site(dir, database_url(GetParam(), dir), broker.url());
  Host host(config, dir);
  Kiosk k1(broker, "kiosk-1");
  ASSERT_TRUE(eventually([&] { return k1.latest_config().has_value(); }));
  const auto rev = k1.latest_config()->rev;
  auto text = read_file(config);
  const std::string old_room = "room = \"Møterom Nannestad\"";
  text.replace(text.find(old_room), old_room.size(), "room = \"Rom 2\"");
  tavla::testing::write_file(config, text);
  ::kill(host.pid(), SIGHUP);
  ASSERT_TRUE(eventually([&] { return k1.latest_config()->room == "Rom 2"; })) << host.log();
  EXPECT_GT(k1.latest_config()->rev, rev);
  // A broken file is refused and the running configuration kept.
  tavla::testing::write_file(config, "[site\n");
  ::kill(host.pid(), SIGHUP);
  EXPECT_TRUE(eventually([&] { return host.log().find("reload refused") != std::string::npos; }));
  EXPECT_TRUE(host.running());
  EXPECT_EQ(host.stop(), 0);
}

TEST(Serve, TwoInstancesWithOneSharedGroupOnOnePostgresStoreEachEventOnce) {
  MosquittoBroker broker;
  TempDir dir;
  const auto config =
      write_example_site(dir, database_url(Backend::postgresql, dir), broker.url(), "hosts");
  Host a(config, dir, "a");
  Host b(config, dir, "b");
  Kiosk k1(broker, "kiosk-1");
  EventMaker maker("kiosk-1", "epoch-0001");
  std::vector<protocol::Event> events = {maker.opened("s-1", "gv-1")};
  for (int i = 0; i < 400; ++i) {
    events.push_back(maker.guest("s-1", "nes"));
  }
  for (const auto& e : events) {
    k1.send(e);
  }
  ASSERT_TRUE(k1.all_acked(events, 60s));
  EXPECT_EQ(a.stop(), 0);
  EXPECT_EQ(b.stop(), 0);
  const auto usage = usage_csv(config);
  EXPECT_NE(usage.find("nes,2026,1,400,0,0"), std::string::npos) << usage;
  // Each instance stored some but not all (each says so when it stops).
  const auto stored = [](const std::string& log) -> std::size_t {
    const auto at = log.find("this run stored ");
    return at == std::string::npos ? 0 : std::stoul(log.substr(at + 16));
  };
  EXPECT_GT(stored(a.log()), 0U) << a.log();
  EXPECT_GT(stored(b.log()), 0U) << b.log();
  EXPECT_EQ(stored(a.log()) + stored(b.log()), events.size());
}

// Two members of a group with one display name: the room's roster tells
// them apart with a number the host chooses, never the municipality or
// foster home.
TEST_P(ServeTest, SharedDisplayNamesAreToldApartInTheRoomsRoster) {
  MosquittoBroker broker;
  TempDir dir;
  const auto config = write_example_site(dir, database_url(GetParam(), dir), broker.url());
  auto text = read_file(dir / "gv.csv");
  text.replace(text.find("p-4,Eva E.,"), 11, "p-4,Kari N.,");
  tavla::testing::write_file(dir / "gv.csv", text);
  Host host(config, dir);
  Kiosk k1(broker, "kiosk-1");
  ASSERT_TRUE(eventually([&] { return k1.latest_config().has_value(); })) << host.log();
  const auto room = *k1.latest_config();
  std::map<std::string, std::string> shown;
  for (const auto& m : room.groups[0].members) {
    shown[m.participant] = m.display_name;
  }
  EXPECT_EQ(shown.at("p-1"), "Kari N. (1)");
  EXPECT_EQ(shown.at("p-4"), "Kari N. (2)");
  EXPECT_EQ(shown.at("p-2"), "Ola N.");
  EXPECT_EQ(host.stop(), 0) << host.log();
}

INSTANTIATE_TEST_SUITE_P(Backends, ServeTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
