// Shared by the host's tests: an example site (written to files, loaded by
// the real loader), events built with the protocol library, and the two
// database backends every storage-level test runs against.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tavla/host/config/site.hpp"
#include "tavla/host/ingest/processor.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/testing/postgres_server.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::host::testing {

enum class Backend { sqlite, postgresql };
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

// A database url of the backend: a file in `dir`, or a fresh PostgreSQL
// database on the binary's shared server.
std::string database_url(Backend backend, const tavla::testing::TempDir& dir);

// Writes the example site (7 municipalities of docs/domain.md, an outside buyer,
// Bufetat, two devices, a group-guidance group and a network, a plan) into
// `dir` with `database_url`, and returns the path of its TOML file.
std::filesystem::path write_example_site(const tavla::testing::TempDir& dir,
                                         const std::string& database_url,
                                         const std::string& broker_url = "tcp://127.0.0.1:1",
                                         const std::string& shared_group = "");

// Builds events of one device and epoch with consecutive seqs.
class EventMaker {
 public:
  EventMaker(std::string device, std::string epoch, std::string day = "2026-03-27");
  protocol::Event opened(const std::string& session, const std::string& group,
                         protocol::SessionKind kind = protocol::SessionKind::group_guidance);
  protocol::Event checked_in(const std::string& session, const std::string& participant,
                             const std::string& municipality,
                             std::optional<std::string> foster_home = std::nullopt);
  protocol::Event guest(const std::string& session, const std::string& municipality);
  protocol::Event checked_out(const std::string& session, const std::string& participant);
  protocol::Event closed(const std::string& session);
  protocol::Event action(const std::string& session, const std::string& action);
  protocol::Event action_done(const std::string& session, const std::string& action);
  protocol::Event make(protocol::EventBody body);

 private:
  std::string device_;
  std::string epoch_;
  std::string day_;
  std::uint64_t seq_ = 0;
};

// The events topic of `device` on the example site.
std::string events_topic(const std::string& device);
ingest::Message message(const protocol::Event& event);

// Writes `event` to quarantine as a host that did not know its type would
// have: its exact bytes with code unknown_type, and its seq counted.
void quarantine_as_unknown_type(storage::Repositories& repos, const protocol::Event& event,
                                const std::string& at);

}  // namespace tavla::host::testing
