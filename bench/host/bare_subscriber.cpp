#include "bare_subscriber.hpp"

#include <algorithm>
#include <csignal>
#include <fstream>

#include "tavla/testing/mosquitto_broker.hpp"

namespace tavla::bench {

BareSubscriber::BareSubscriber(int port, const std::string& topic,
                               const std::filesystem::path& output)
    : output_(output) {
  process_ = std::make_unique<testing::Process>(testing::Process::Options{
      {testing::mosquitto_sub_program(), "-h", "127.0.0.1", "-p", std::to_string(port), "-q", "1",
       "-t", topic, "-i", "bench-bare-sub", "-F", "%U %p"},
      {},
      output,
      {},
      {}});
}

std::size_t BareSubscriber::lines() {
  std::ifstream in(output_, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(read_));
  std::string chunk(1 << 20, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    const auto n = static_cast<std::size_t>(in.gcount());
    read_ += n;
    lines_ += static_cast<std::size_t>(
        std::count(chunk.begin(), chunk.begin() + static_cast<long>(n), '\n'));
  }
  return lines_;
}

void BareSubscriber::stop() {
  if (process_) {
    (void)process_->stop(SIGTERM);
    process_.reset();
  }
}

BareSubscriber::Arrivals BareSubscriber::arrivals(
    const std::unordered_set<std::string>& ids) const {
  Arrivals a;
  std::unordered_set<std::string> seen;
  std::ifstream in(output_);
  std::string line;
  while (std::getline(in, line)) {
    ++a.lines;
    const auto space = line.find(' ');
    const std::string id = event_id_of(std::string_view(line).substr(space + 1));
    if (space == std::string::npos || !ids.contains(id) || !seen.insert(id).second) {
      continue;
    }
    // "%U": seconds since the epoch, a dot, nanoseconds.
    const auto dot = line.find('.');
    const auto seconds = std::stoll(line.substr(0, dot));
    const auto nanos = std::stoll(line.substr(dot + 1, space - dot - 1));
    a.last = WallTime(std::chrono::duration_cast<WallTime::duration>(
        std::chrono::seconds(seconds) + std::chrono::nanoseconds(nanos)));
  }
  a.distinct = seen.size();
  return a;
}

std::string event_id_of(std::string_view payload) {
  constexpr std::string_view kKey = R"("id":")";
  const auto start = payload.find(kKey);
  if (start == std::string_view::npos) {
    return {};
  }
  const auto from = start + kKey.size();
  const auto end = payload.find('"', from);
  return end == std::string_view::npos ? std::string{}
                                       : std::string(payload.substr(from, end - from));
}

}  // namespace tavla::bench
