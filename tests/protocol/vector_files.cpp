#include "vector_files.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/signed_config.hpp"

namespace tavla::protocol::testing {
namespace {

const std::filesystem::path kVectors = TAVLA_VECTORS_DIR;

std::string from_hex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return bytes;
}

template <class T>
std::string reencode(const T& value) {
  return encode(value);
}

// A decoded room config does not say its version: version 2 is the one with
// a signing epoch (it requires one, version 1 has none).
std::string reencode(const RoomConfig& config) {
  return encode(config, config.signing_epoch != 0 ? kSignedConfigVersion : 1);
}

template <class T>
Decoded finish(const Result<T>& result,
               const std::function<Result<T>(const std::string&)>& decode) {
  Decoded decoded;
  if (!result) {
    decoded.error = result.error();
    return decoded;
  }
  decoded.reencoded = reencode(result.value());
  const auto again = decode(*decoded.reencoded);
  decoded.round_trip_equal = again.ok() && again.value() == result.value();
  return decoded;
}

}  // namespace

std::vector<VectorFile> vector_files(const std::string& subdirectory) {
  std::vector<VectorFile> files;
  for (const auto& entry : std::filesystem::directory_iterator(kVectors / subdirectory)) {
    if (entry.path().extension() == ".json") {
      files.push_back({entry.path().stem().string(), entry.path()});
    }
  }
  std::sort(files.begin(), files.end(),
            [](const VectorFile& a, const VectorFile& b) { return a.name < b.name; });
  return files;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string decoder_of(const std::string& name) {
  return name.substr(0, name.find('.'));
}

InvalidCase read_invalid_case(const std::filesystem::path& path) {
  const auto json = nlohmann::json::parse(file_bytes(path));
  InvalidCase result;
  result.decoder = json.at("decoder").get<std::string>();
  if (json.contains("topic")) {
    result.topic = json.at("topic").get<std::string>();
  }
  result.payload = json.contains("payload_hex")
                       ? from_hex(json.at("payload_hex").get<std::string>())
                       : json.at("payload").get<std::string>();
  if (json.contains("pad_to")) {
    result.payload.resize(json.at("pad_to").get<std::size_t>(), ' ');
  }
  const auto code_name = json.at("expect").at("code").get<std::string>();
  const auto code = error_code_from_string(code_name);
  if (!code) {
    throw std::runtime_error(path.string() + ": unknown error code " + code_name);
  }
  result.code = *code;
  result.field = json.at("expect").at("field").get<std::string>();
  return result;
}

Decoded decode_with(const std::string& decoder, const std::optional<std::string>& topic,
                    const std::string& payload) {
  if (decoder == "event") {
    std::function<Result<Event>(const std::string&)> plain = [](const std::string& p) {
      return decode_event(p);
    };
    return finish(topic ? decode_event(*topic, payload) : decode_event(payload), plain);
  }
  if (decoder == "ack") {
    std::function<Result<Ack>(const std::string&)> plain = [](const std::string& p) {
      return decode_ack(p);
    };
    return finish(topic ? decode_ack(*topic, payload) : decode_ack(payload), plain);
  }
  if (decoder == "status") {
    std::function<Result<Status>(const std::string&)> plain = [](const std::string& p) {
      return decode_status(p);
    };
    return finish(topic ? decode_status(*topic, payload) : decode_status(payload), plain);
  }
  if (decoder == "config") {
    std::function<Result<RoomConfig>(const std::string&)> plain = [](const std::string& p) {
      return decode_config(p);
    };
    return finish(topic ? decode_config(*topic, payload) : decode_config(payload), plain);
  }
  if (decoder == "signed_config") {
    std::function<Result<SignedConfig>(const std::string&)> plain = [](const std::string& p) {
      return decode_signed_config(p);
    };
    return finish(topic ? decode_signed_config(*topic, payload) : decode_signed_config(payload),
                  plain);
  }
  throw std::runtime_error("unknown decoder " + decoder);
}

std::string test_name(const std::string& vector_name) {
  std::string name = vector_name;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

}  // namespace tavla::protocol::testing
