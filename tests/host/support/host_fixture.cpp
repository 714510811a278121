#include "host_fixture.hpp"

#include <fmt/format.h>

#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::testing {

namespace {
tavla::testing::PostgresEnvironment* const kPostgres =
    tavla::testing::register_postgres_environment();
}  // namespace

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

std::string database_url(Backend backend, const tavla::testing::TempDir& dir) {
  if (backend == Backend::sqlite) {
    return "sqlite:" + (dir / "host.db").string();
  }
  return kPostgres->server().create_database();
}

std::filesystem::path write_example_site(const tavla::testing::TempDir& dir,
                                         const std::string& database_url,
                                         const std::string& broker_url,
                                         const std::string& shared_group) {
  tavla::testing::write_file(
      dir / "gv.csv",
      "participant,display_name,municipality,org,foster_home,full_name,pin,leader\n"
      "p-1,Kari N.,nannestad,,fh-1,Kari Nordmann,1234,\n"
      "p-2,Ola N.,nannestad,,fh-1,Ola Nordmann,,\n"
      "p-3,Liv H.,hurdal,,fh-2,Liv Hansen,,\n"
      "p-4,Eva E.,eidsvoll,,fh-3,Eva Eng,,\n"
      "p-5,Tor O.,oslo,,fh-4,Tor Olsen,,\n"
      "p-v,Åse V.,eidsvoll,,,Åse Veileder,4321,true\n");
  tavla::testing::write_file(
      dir / "nm.csv",
      "participant,display_name,municipality,org,foster_home,full_name,pin,leader\n"
      "p-leder-nes,Nina S.,nes,,,Nina Strand,1111,true\n"
      "p-leder-hurdal,Hans H.,hurdal,,,Hans Hurdal,,\n"
      "p-bufetat-1,Per B.,,bufetat,,Per Berg,,\n");
  const std::string text = fmt::format(R"([site]
id = "stottepilar"
name = "Støttepilar"
locale = "nb"
[broker]
url = "{}"
shared_group = "{}"
[database]
url = "{}"
[[municipality]]
id = "nannestad"
name = "Nannestad"
number = "3238"
population = {{ "2022Q2" = 14797 }}
[[municipality]]
id = "gjerdrum"
name = "Gjerdrum"
number = "3230"
population = {{ "2022Q2" = 7005 }}
[[municipality]]
id = "hurdal"
name = "Hurdal"
number = "3242"
population = {{ "2022Q2" = 2869 }}
[[municipality]]
id = "nes"
name = "Nes"
number = "3228"
population = {{ "2022Q2" = 23627 }}
[[municipality]]
id = "lunner"
name = "Lunner"
number = "3234"
population = {{ "2022Q2" = 9140 }}
member_from = 2020-01-01
[[municipality]]
id = "eidsvoll"
name = "Eidsvoll"
number = "3240"
population = {{ "2022Q2" = 26451 }}
[[municipality]]
id = "ullensaker"
name = "Ullensaker"
number = "3209"
population = {{ "2022Q2" = 40943 }}
[[municipality]]
id = "oslo"
name = "Oslo"
number = "0301"
member = false
external_rate = 2500
[[org]]
id = "bufetat"
name = "Bufetat"
[[device]]
id = "kiosk-1"
room = "Møterom Nannestad"
[[device]]
id = "kiosk-2"
room = "Møterom Jessheim"
[[group]]
id = "gv-1"
name = "Gruppeveiledning vår 2026"
kind = "group_guidance"
device = "kiosk-1"
year = 2026
members = "gv.csv"
[[group]]
id = "nettverk"
name = "Læringsnettverk Romerike"
kind = "network_meeting"
device = "kiosk-2"
members = "nm.csv"
[[agenda]]
id = "fast"
name = "Fast agenda"
items = [ {{ item = "sak-1", title = "Velkommen", minutes = 15 }},
          {{ item = "sak-2", title = "Oppfølgingspunkter", minutes = 30 }} ]
[[session]]
id = "nm"
group = "nettverk"
title = "Nettverksmøte"
agenda = "fast"
repeat = "last friday monthly"
from = 2026-01-01
until = 2026-12-31
except = [2026-04-24]
start = 09:00:00
end = 15:30:00
[[plan]]
year = 2026
population = "2022Q2"
[[plan.part]]
name = "Fast fordelingsnøkkel"
amount = 1468000
key = "population"
[[plan.part]]
name = "Forbruk"
amount = 500618
key = "attendance"
planned = {{ nannestad = 10, hurdal = 5, eidsvoll = 5 }}
)",
                                       broker_url, shared_group, database_url);
  tavla::testing::write_file(dir / "site.toml", text);
  return dir / "site.toml";
}

EventMaker::EventMaker(std::string device, std::string epoch, std::string day)
    : device_(std::move(device)), epoch_(std::move(epoch)), day_(std::move(day)) {}

protocol::Event EventMaker::make(protocol::EventBody body) {
  ++seq_;
  protocol::Event e;
  e.id = fmt::format("{}-{}-{:08}", device_, epoch_, seq_);
  e.device = device_;
  e.epoch = epoch_;
  e.seq = seq_;
  e.ts = *protocol::parse_timestamp(
      fmt::format("{}T{:02}:{:02}:00.000Z", day_, 8 + seq_ / 60 % 12, seq_ % 60));
  e.body = std::move(body);
  return e;
}

protocol::Event EventMaker::opened(const std::string& session, const std::string& group,
                                   protocol::SessionKind kind) {
  return make(protocol::SessionOpened{session, kind, group, "Samling", std::nullopt});
}

protocol::Event EventMaker::checked_in(const std::string& session, const std::string& participant,
                                       const std::string& municipality,
                                       std::optional<std::string> foster_home) {
  return make(protocol::CheckedIn{session,
                                  participant,
                                  protocol::CheckInMethod::roster,
                                  {protocol::Affiliation::Kind::municipality, municipality},
                                  std::move(foster_home)});
}

protocol::Event EventMaker::guest(const std::string& session, const std::string& municipality) {
  return make(protocol::CheckedIn{session,
                                  fmt::format("guest-{}-{}", epoch_, seq_ + 1),
                                  protocol::CheckInMethod::guest,
                                  {protocol::Affiliation::Kind::municipality, municipality},
                                  std::nullopt});
}

protocol::Event EventMaker::checked_out(const std::string& session,
                                        const std::string& participant) {
  return make(protocol::CheckedOut{session, participant});
}

protocol::Event EventMaker::closed(const std::string& session) {
  return make(protocol::SessionClosed{session});
}

protocol::Event EventMaker::action(const std::string& session, const std::string& action) {
  return make(protocol::ActionRecorded{session, "sak-2", action, "Sende invitasjon", "p-leder-nes",
                                       std::nullopt});
}

protocol::Event EventMaker::action_done(const std::string& session, const std::string& action) {
  return make(protocol::ActionDone{session, action});
}

std::string events_topic(const std::string& device) {
  return protocol::topic_for("stottepilar", device, protocol::Channel::events);
}

ingest::Message message(const protocol::Event& event) {
  return {events_topic(event.device), protocol::encode(event)};
}

void quarantine_as_unknown_type(storage::Repositories& repos, const protocol::Event& event,
                                const std::string& at) {
  const auto seq = static_cast<std::int64_t>(event.seq);
  storage::in_transaction(repos.db(), [&](storage::Transaction& tx) {
    repos.events().quarantine(tx, {0, at, events_topic(event.device), event.device, event.id,
                                   event.epoch, seq, 0, protocol::encode(event),
                                   "type: '" + std::string(protocol::type_of(event.body)) +
                                       "' is not an event type of this version [unknown_type]",
                                   "unknown_type"});
    repos.devices().note_seq(tx, event.device, event.epoch, seq, at);
  });
}

}  // namespace tavla::host::testing
