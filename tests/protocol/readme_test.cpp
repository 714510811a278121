// protocol/README.md is the contract people read: each of its ```json <decoder>
// examples must decode, so the document cannot drift from the code.
#include <gtest/gtest.h>

#include <set>
#include <variant>

#include "vector_files.hpp"

namespace tavla::protocol::testing {
namespace {

struct Example {
  std::string decoder;
  std::string payload;
};

std::vector<Example> examples(const std::string& markdown) {
  std::vector<Example> found;
  const std::string fence = "```json ";
  std::size_t pos = 0;
  while ((pos = markdown.find(fence, pos)) != std::string::npos) {
    const auto line_end = markdown.find('\n', pos);
    const auto close = markdown.find("\n```", line_end);
    if (line_end == std::string::npos || close == std::string::npos) {
      break;
    }
    found.push_back({markdown.substr(pos + fence.size(), line_end - pos - fence.size()),
                     markdown.substr(line_end + 1, close - line_end - 1)});
    pos = close + 4;
  }
  return found;
}

TEST(ProtocolReadme, EveryExampleDecodes) {
  const auto markdown = file_bytes(std::filesystem::path(TAVLA_VECTORS_DIR) / ".." / "README.md");
  const auto found = examples(markdown);
  ASSERT_GE(found.size(), 15U) << "one example per message";
  std::set<std::string> event_types;
  for (const auto& example : found) {
    const auto decoded = decode_with(example.decoder, std::nullopt, example.payload);
    EXPECT_FALSE(decoded.error) << example.decoder << ": " << decoded.error->message() << "\n"
                                << example.payload;
    if (example.decoder == "event" && !decoded.error) {
      event_types.insert(std::string(type_of(decode_event(example.payload).value().body)));
    }
  }
  EXPECT_EQ(event_types.size(), std::variant_size_v<EventBody>) << "an example of every event type";
}

}  // namespace
}  // namespace tavla::protocol::testing
