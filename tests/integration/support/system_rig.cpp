#include "tavla/testing/system_rig.hpp"

#include <signal.h>

#include <fstream>
#include <sstream>

#include "host_fixture.hpp"
#include "tavla/testing/programs.hpp"

namespace tavla::testing {
namespace {

using namespace std::chrono_literals;

std::vector<nlohmann::json> parse_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (in.eof()) {
      break;  // no newline yet: the kiosk is still writing it
    }
    auto parsed = nlohmann::json::parse(line, nullptr, false);
    if (!parsed.is_discarded()) {
      lines.push_back(std::move(parsed));
    }
  }
  return lines;
}

}  // namespace

const nlohmann::json* KioskOutput::find(const std::string& verb, std::size_t from) const {
  for (std::size_t i = from; i < lines.size(); ++i) {
    if (lines[i].value("do", "") == verb) {
      return &lines[i];
    }
  }
  return nullptr;
}

KioskRun::KioskRun(const std::vector<std::string>& argv, std::filesystem::path out,
                   std::filesystem::path err)
    : out_(std::move(out)), err_(std::move(err)), process_({argv, {}, out_, err_, {}}) {}

std::vector<nlohmann::json> KioskRun::lines() const {
  return parse_lines(read_file(out_));
}

bool KioskRun::printed(const std::string& verb, std::chrono::milliseconds timeout) {
  return eventually(
      [&] {
        for (const auto& line : lines()) {
          if (line.value("do", "") == verb) {
            return true;
          }
        }
        return false;
      },
      timeout);
}

KioskOutput KioskRun::finish(std::chrono::milliseconds timeout) {
  const auto status = process_.wait(timeout);
  if (!status) {
    process_.kill_hard();
  }
  KioskOutput output;
  output.exit_code = status ? Process::exit_code(*status) : -9;
  output.lines = parse_lines(read_file(out_));
  output.log = read_file(err_);
  return output;
}

SystemRig::SystemRig(const std::string& more_site) {
  site_ = host::testing::write_example_site(dir_, "sqlite:" + (dir_ / "host.db").string(),
                                            broker_.url());
  if (!more_site.empty()) {
    write_file(site_, read_file(site_) + more_site);
  }
}

SystemRig::~SystemRig() {
  if (host_) {
    (void)host_->stop(SIGTERM, 30s);
  }
}

bool SystemRig::start_host() {
  host_log_ = dir_ / ("host-" + std::to_string(++host_starts_) + ".log");
  host_ = std::make_unique<Process>(Process::Options{
      program_argv(TAVLA_HOST, {"serve", "--config", site_.string(), "--instance", "it"}),
      {},
      {},
      host_log_,
      {}});
  return eventually(
             [&] {
               return !host_->running() || read_file(host_log_).find("ready") != std::string::npos;
             },
             30s) &&
         host_->running();
}

int SystemRig::stop_host() {
  if (!host_) {
    return -999;
  }
  const auto status = host_->stop(SIGTERM, 30s);
  host_.reset();
  return status ? Process::exit_code(*status) : -999;
}

std::string SystemRig::host_log() const {
  return host_log_.empty() ? std::string() : read_file(host_log_);
}

std::filesystem::path SystemRig::kiosk_file(const std::string& device) {
  const auto data = dir_ / ("data-" + device);
  std::filesystem::create_directories(data);
  const auto file = dir_ / (device + ".toml");
  // Short timers, so recovering from an outage takes seconds: resend an
  // event without ack after 2 s, reconnect within a second.
  write_file(file, "[device]\nid = \"" + device + "\"\nsite = \"stottepilar\"\ndata_dir = \"" +
                       data.string() + "\"\n[broker]\nurl = \"" + broker_.url() +
                       "\"\n[tuning]\nack_timeout_seconds = 2\nreconnect_min_ms = 100\n"
                       "reconnect_max_ms = 1000\n");
  return file;
}

std::unique_ptr<KioskRun> SystemRig::start_kiosk(const std::string& device,
                                                 const std::string& script,
                                                 const std::string& start_time) {
  const auto run = std::to_string(++kiosk_runs_);
  const auto script_file = dir_ / (device + "-" + run + ".jsonl");
  write_file(script_file, script);
  return std::make_unique<KioskRun>(
      program_argv(TAVLA_KIOSK, {"--config", kiosk_file(device).string(), "--headless", "--script",
                                 script_file.string(), "--start-time", start_time}),
      dir_ / (device + "-" + run + ".out"), dir_ / (device + "-" + run + ".log"));
}

KioskOutput SystemRig::run_kiosk(const std::string& device, const std::string& script,
                                 const std::string& start_time) {
  return start_kiosk(device, script, start_time)->finish();
}

RunResult SystemRig::host_command(std::vector<std::string> args) const {
  args.emplace_back("--config");
  args.push_back(site_.string());
  return run(program_argv(TAVLA_HOST, args));
}

std::string SystemRig::usage_csv(int year) const {
  const auto r = host_command({"usage", "--year", std::to_string(year), "--format", "csv"});
  return r.exit_code == 0 ? r.out : "usage failed: " + r.err;
}

std::string script_of(const std::vector<nlohmann::json>& actions) {
  std::string text;
  for (const auto& a : actions) {
    text += a.dump() + "\n";
  }
  return text;
}

}  // namespace tavla::testing
