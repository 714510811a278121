#include "host_service.hpp"

#include <signal.h>

#include <algorithm>
#include <set>

#include "host_fixture.hpp"
#include "tavla/host/config/csv.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/topic.hpp"
#include "tavla/testing/programs.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::host::testing {
namespace {

using namespace std::chrono_literals;

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

std::vector<Record> parse_report(const std::string& csv) {
  const auto rows = config::parse_csv(csv, "stdout");
  std::vector<Record> out;
  if (rows.empty()) {
    return out;
  }
  const auto& header = rows.front().fields;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    Record record;
    for (std::size_t c = 0; c < header.size() && c < rows[r].fields.size(); ++c) {
      record[header[c]] = rows[r].fields[c];
    }
    out.push_back(std::move(record));
  }
  return out;
}

tavla::testing::RunResult run_host(const std::string& program, const std::filesystem::path& config,
                                   std::vector<std::string> args) {
  args.insert(args.end(), {"--config", config.string()});
  return tavla::testing::run(tavla::testing::program_argv(program, args));
}

HostService::HostService(const std::string& program, const std::filesystem::path& config,
                         std::filesystem::path log)
    : log_(std::move(log)) {
  process_ = std::make_unique<tavla::testing::Process>(tavla::testing::Process::Options{
      tavla::testing::program_argv(program, {"serve", "--config", config.string()}),
      {},
      {},
      log_,
      {}});
  if (!tavla::testing::eventually([&] { return this->log().find("ready") != std::string::npos; },
                                  20s)) {
    throw std::runtime_error("tavla-host serve did not get ready:\n" + this->log());
  }
}

std::string HostService::log() const {
  return tavla::testing::read_file(log_);
}

bool HostService::reload() {
  const std::string reloaded = "configuration reloaded";
  const auto before = count_of(log(), reloaded);
  ::kill(process_->pid(), SIGHUP);
  return tavla::testing::eventually([&] { return count_of(log(), reloaded) > before; }, 20s);
}

int HostService::stop() {
  const auto status = process_->stop(SIGTERM, 30s);
  return status ? tavla::testing::Process::exit_code(*status) : -999;
}

KioskPeer::KioskPeer(const std::string& broker_url, const std::string& device)
    : device_(device), peer_(broker_url, "test-" + device) {
  peer_.subscribe(protocol::topic_for("stottepilar", device, protocol::Channel::ack));
}

void KioskPeer::send(const protocol::Event& event) {
  peer_.publish(events_topic(device_), protocol::encode(event));
}

void KioskPeer::send_status(const protocol::Status& status) {
  peer_.publish(protocol::topic_for("stottepilar", device_, protocol::Channel::status),
                protocol::encode(status), true);
}

bool KioskPeer::all_acked(const std::vector<protocol::Event>& events,
                          std::chrono::milliseconds wait) {
  return tavla::testing::eventually(
      [&] {
        std::set<std::string> ids;
        for (const auto& m : peer_.received()) {
          if (const auto ack = protocol::decode_ack(m.payload)) {
            ids.insert(ack.value().ids.begin(), ack.value().ids.end());
          }
        }
        return std::all_of(events.begin(), events.end(),
                           [&](const auto& e) { return ids.contains(e.id); });
      },
      wait);
}

}  // namespace tavla::host::testing
