#include "national_year.hpp"

#include <fmt/format.h>

#include <fstream>
#include <optional>
#include <set>
#include <stdexcept>

#include "tavla/host/config/load.hpp"
#include "tavla/host/ingest/processor.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::bench {
namespace {

namespace protocol = tavla::protocol;
using tavla::host::ingest::Message;

// A fixed, portable pseudo-random function (splitmix64).
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31U);
}

std::string device_id(int index) {
  return fmt::format("rom-{:03}", index + 1);
}
std::string group_id(int index) {
  return fmt::format("gv-{:04}", index + 1);
}
int device_of_group(const NationalShape& shape, int group) {
  return group % shape.devices;
}
// A group's foster homes come from its own municipality and the next two.
int municipality_of_home(const NationalShape& shape, int group, int home) {
  return (group + home % 3) % shape.municipalities;
}
// Populations from about 200 to about 700 000, most of them small, as in Norway.
std::int64_t population(int index) {
  const auto r = mix(static_cast<std::uint64_t>(index));
  const std::int64_t base = 200 + static_cast<std::int64_t>(r % 15000);
  return index % 40 == 0 ? base * 40 : index % 9 == 0 ? base * 4 : base;
}

std::string parent_id(int group, int home, int parent) {
  return fmt::format("p-{:04}-{:02}-{}", group + 1, home + 1, parent == 0 ? 'a' : 'b');
}
std::string home_id(int group, int home) {
  return fmt::format("fh-{:04}-{:02}", group + 1, home + 1);
}

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
}

}  // namespace

std::string municipality_id(int index) {
  return fmt::format("k-{:03}", index + 1);
}

std::filesystem::path write_national_site(const NationalShape& shape,
                                          const std::filesystem::path& dir,
                                          const std::filesystem::path& database) {
  std::filesystem::create_directories(dir / "members");
  std::string site = fmt::format(
      "[site]\nid = \"nasjonal\"\nname = \"Syntetisk nasjonalt år\"\nlocale = \"nb\"\n"
      "[broker]\nurl = \"tcp://127.0.0.1:1\"\n[database]\nurl = \"sqlite:{}\"\n",
      database.string());
  for (int m = 0; m < shape.municipalities; ++m) {
    site += fmt::format(
        "[[municipality]]\nid = \"{}\"\nname = \"Kommune {:03}\"\nnumber = \"{:04}\"\n"
        "population = {{ \"{}Q2\" = {} }}\n",
        municipality_id(m), m + 1, 5001 + m, shape.year - 1, population(m));
  }
  for (int d = 0; d < shape.devices; ++d) {
    site += fmt::format("[[device]]\nid = \"{}\"\nroom = \"Møterom {:03}\"\n", device_id(d), d + 1);
  }
  for (int g = 0; g < shape.groups; ++g) {
    const auto members = fmt::format("members/{}.csv", group_id(g));
    site += fmt::format(
        "[[group]]\nid = \"{}\"\nname = \"Gruppeveiledning {:04}\"\nkind = \"group_guidance\"\n"
        "device = \"{}\"\nyear = {}\nmembers = \"{}\"\n",
        group_id(g), g + 1, device_id(device_of_group(shape, g)), shape.year, members);
    std::string csv =
        "participant,display_name,municipality,org,foster_home,full_name,pin,leader\n";
    csv += fmt::format("l-{:04},Veileder {:04},{},,,Syntetisk veileder {:04},2468,true\n", g + 1,
                       g + 1, municipality_id(g % shape.municipalities), g + 1);
    for (int h = 0; h < shape.homes_per_group; ++h) {
      for (int p = 0; p < 2; ++p) {
        csv += fmt::format("{},Forelder {}.,{},,{},Syntetisk forelder {},,\n", parent_id(g, h, p),
                           p == 0 ? 'A' : 'B', municipality_id(municipality_of_home(shape, g, h)),
                           home_id(g, h), parent_id(g, h, p));
      }
    }
    write(dir / members, csv);
  }
  site += fmt::format(
      "[[plan]]\nyear = {}\npopulation = \"{}Q2\"\n"
      "[[plan.part]]\nname = \"Fast fordelingsnøkkel\"\namount = 60000000\nkey = \"population\"\n"
      "[[plan.part]]\nname = \"Forbruk\"\namount = 60000000\nkey = \"attendance\"\n"
      "[[plan.part]]\nname = \"Individuell veiledning\"\namount = 40000000\nkey = \"purchases\"\n"
      "rate = 1200\nremainder_key = \"population\"\n",
      shape.year, shape.year - 1);
  write(dir / "site.toml", site);
  return dir / "site.toml";
}

NationalTally fill_national_year(const NationalShape& shape, const std::filesystem::path& site_file,
                                 const std::function<void(std::int64_t)>& progress,
                                 bool store_events) {
  const auto site = host::config::load_site(site_file);
  const auto received_at =
      *protocol::parse_timestamp(fmt::format("{}-01-10T12:00:00.000Z", shape.year + 1));
  std::optional<host::storage::Repositories> repos;
  std::optional<host::ingest::Processor> processor;
  if (store_events) {
    repos.emplace(site.database_url);
    processor.emplace(*repos, site, [&] { return received_at; });
  }
  const auto year_start =
      *protocol::parse_timestamp(fmt::format("{}-01-01T08:00:00.000Z", shape.year));

  NationalTally tally;
  std::vector<std::uint64_t> seqs(static_cast<std::size_t>(shape.devices), 0);
  std::vector<Message> batch;
  const auto flush = [&] {
    if (!processor) {
      batch.clear();
      return;
    }
    const auto result = processor->process(batch);
    if (result.stored != batch.size() || result.quarantined != 0) {
      throw std::runtime_error(fmt::format("a batch of {} stored {}, quarantined {}", batch.size(),
                                           result.stored, result.quarantined));
    }
    batch.clear();
    progress(tally.checkins);
  };
  const std::int64_t sessions =
      (shape.checkins + shape.checkins_per_session - 1) / shape.checkins_per_session;
  const std::int64_t per_group = (sessions + shape.groups - 1) / shape.groups;
  for (std::int64_t s = 0; s < sessions; ++s) {
    const int g = static_cast<int>(s % shape.groups);
    const std::int64_t j = s / shape.groups;
    const int d = device_of_group(shape, g);
    const std::string device = device_id(d);
    const std::string topic = protocol::topic_for(site.id, device, protocol::Channel::events);
    const std::string session = fmt::format("{}-s-{:03}", group_id(g), j + 1);
    const auto day = (j * 365 / per_group + g % 7) % 365;
    auto ts = year_start + std::chrono::hours(24 * day + g % 8);
    const auto add = [&](protocol::EventBody body) {
      auto& seq = seqs[static_cast<std::size_t>(d)];
      ++seq;
      ts += std::chrono::seconds(20);
      protocol::Event e{fmt::format("{}-{:010}", device, seq),
                        device,
                        "epoch-" + device,
                        seq,
                        ts,
                        std::move(body)};
      batch.push_back({topic, protocol::encode(e)});
      ++tally.events;
    };
    add(protocol::SessionOpened{session, protocol::SessionKind::group_guidance, group_id(g),
                                "Gruppeveiledning", std::nullopt});
    ++tally.sessions;
    const std::int64_t count =
        std::min<std::int64_t>(shape.checkins_per_session, shape.checkins - tally.checkins);
    std::int64_t made = 0;
    std::set<std::string> units_from;  // municipalities with a unit in this session
    const auto check_in = [&](protocol::CheckedIn in, const std::string& unit_municipality,
                              bool new_unit) {
      ++tally.checkins_by_municipality[in.affiliation.id];
      if (new_unit) {
        ++tally.units_by_municipality[unit_municipality];
        units_from.insert(unit_municipality);
      }
      add(std::move(in));
      ++made;
      ++tally.checkins;
    };
    // About nine in ten foster parents come; a home counts once.
    for (int h = 0; h < shape.homes_per_group && made < count; ++h) {
      bool home_counted = false;
      const auto muni = municipality_id(municipality_of_home(shape, g, h));
      for (int p = 0; p < 2 && made < count; ++p) {
        if (mix(static_cast<std::uint64_t>(s) * 64 + static_cast<std::uint64_t>(h * 2 + p)) % 10 ==
            0) {
          continue;
        }
        check_in(protocol::CheckedIn{session,
                                     parent_id(g, h, p),
                                     protocol::CheckInMethod::roster,
                                     {protocol::Affiliation::Kind::municipality, muni},
                                     home_id(g, h)},
                 muni, !home_counted);
        home_counted = true;
      }
    }
    // The rest are guests from anywhere, each its own unit.
    while (made < count) {
      const auto muni = municipality_id(static_cast<int>(
          mix(static_cast<std::uint64_t>(s) * 64 + 32 + static_cast<std::uint64_t>(made)) %
          static_cast<std::uint64_t>(shape.municipalities)));
      check_in(protocol::CheckedIn{session,
                                   fmt::format("guest-{}-{}", device,
                                               seqs[static_cast<std::size_t>(d)] + 1),
                                   protocol::CheckInMethod::guest,
                                   {protocol::Affiliation::Kind::municipality, muni},
                                   std::nullopt},
               muni, true);
    }
    add(protocol::SessionClosed{session});
    for (const auto& m : units_from) {
      ++tally.sessions_by_municipality[m];
    }
    if (batch.size() >= shape.batch) {
      flush();
    }
  }
  if (!batch.empty()) {
    flush();
  }
  if (!repos) {
    return tally;
  }
  // Individual-guidance hours bought by every fifth municipality.
  host::storage::in_transaction(repos->db(), [&](host::storage::Transaction& tx) {
    for (int m = 0; m < shape.municipalities; m += 5) {
      repos->purchases().insert(
          tx, {0, shape.year, municipality_id(m), std::int64_t{m % 40 + 10} * 100, "syntetisk",
               "bench", protocol::format_timestamp(received_at)});
    }
  });
  return tally;
}

}  // namespace tavla::bench
