// seed_corpus VECTORS_DIR OUT_DIR: one corpus file per golden vector, holding
// exactly the bytes its decoder is given (invalid cases unwrapped).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string unwrap(const std::string& wrapper) {
  const auto json = nlohmann::json::parse(wrapper);
  if (json.contains("payload_hex")) {
    const auto hex = json["payload_hex"].get<std::string>();
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
      bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    }
    return bytes;
  }
  return json["payload"].get<std::string>();  // pad_to is left out: the fuzzer grows inputs itself
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: seed_corpus VECTORS_DIR OUT_DIR\n";
    return 2;
  }
  const fs::path vectors = argv[1];
  const fs::path out = argv[2];
  fs::create_directories(out);
  int count = 0;
  for (const char* kind : {"valid", "invalid"}) {
    for (const auto& entry : fs::directory_iterator(vectors / kind)) {
      std::string bytes = read(entry.path());
      if (std::string(kind) == "invalid") {
        bytes = unwrap(bytes);
      }
      std::ofstream(out / (std::string(kind) + "." + entry.path().filename().string()),
                    std::ios::binary)
          << bytes;
      ++count;
    }
  }
  std::cerr << "seeded " << count << " inputs into " << out << "\n";
  return 0;
}
