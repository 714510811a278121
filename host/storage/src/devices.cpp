#include "tavla/host/storage/devices.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <utility>

#include "values.hpp"

namespace tavla::host::storage {
namespace {

// A multi-row INSERT of seqs has a power-of-two number of rows up to
// kMaxSeqRows: PostgreSQL then prepares at most nine statement shapes, and
// SQLite stays far below its 32 766 host parameters (three per row).
constexpr std::size_t kMaxSeqRows = 256;

std::size_t seq_chunk(std::size_t remaining) {
  std::size_t chunk = kMaxSeqRows;
  while (chunk > remaining) {
    chunk /= 2;
  }
  return chunk;
}

std::string seq_insert_sql(std::size_t rows) {
  std::string sql = "INSERT INTO seqs (device, epoch, seq) VALUES (?, ?, ?)";
  for (std::size_t i = 1; i < rows; ++i) {
    sql += ", (?, ?, ?)";
  }
  return sql + " ON CONFLICT DO NOTHING RETURNING device, epoch, seq";
}

using EpochKey = std::pair<std::string, std::string>;  // (device, epoch)

// The seqs of one epoch that were not stored before: only they count as received.
struct FreshSeqs {
  std::int64_t count = 0;
  std::int64_t max_seq = 0;
};

// Inserts every (device, epoch, seq) of `noted` in multi-row statements and
// returns, per epoch, the ones that were new.
std::map<EpochKey, FreshSeqs> insert_seqs(Transaction& tx,
                                          const std::map<EpochKey, std::set<std::int64_t>>& noted) {
  std::vector<std::pair<const EpochKey*, std::int64_t>> rows;
  for (const auto& [key, numbers] : noted) {
    for (const std::int64_t seq : numbers) {
      rows.emplace_back(&key, seq);
    }
  }
  std::map<EpochKey, FreshSeqs> fresh;
  for (std::size_t done = 0; done < rows.size();) {
    const std::size_t chunk = seq_chunk(rows.size() - done);
    std::vector<Value> params;
    params.reserve(chunk * 3);
    for (std::size_t i = done; i < done + chunk; ++i) {
      params.emplace_back(rows[i].first->first);
      params.emplace_back(rows[i].first->second);
      params.emplace_back(rows[i].second);
    }
    for (const auto& r : tx.query(seq_insert_sql(chunk), params)) {
      FreshSeqs& f = fresh[{r.str(0), r.str(1)}];
      ++f.count;
      f.max_seq = std::max(f.max_seq, r.i64(2));
    }
    done += chunk;
  }
  return fresh;
}

// "1,2" for [1, 2]; NULL when nothing was announced.
Value versions_text(const std::optional<std::vector<std::uint64_t>>& versions) {
  if (!versions) {
    return {};
  }
  std::string text;
  for (const std::uint64_t v : *versions) {
    text += (text.empty() ? "" : ",") + std::to_string(v);
  }
  return text;
}

std::optional<std::vector<std::uint64_t>> versions_of(const Row& row, std::size_t i) {
  if (row.is_null(i)) {
    return std::nullopt;
  }
  const std::string text = row.str(i);
  std::vector<std::uint64_t> versions;
  for (const char* at = text.data(); at < text.data() + text.size();) {
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(at, text.data() + text.size(), v);
    if (ec != std::errc{}) {
      throw DatabaseError("device_status.versions is not a list of numbers: '" + text + "'");
    }
    versions.push_back(v);
    at = end + 1;  // past the comma
  }
  return versions;
}

}  // namespace

void DeviceRepository::note_seq(Transaction& tx, const std::string& device,
                                const std::string& epoch, std::int64_t seq, const std::string& at) {
  note_seqs(tx, {{device, epoch, seq}}, at);
}

void DeviceRepository::note_seqs(Transaction& tx, const std::vector<SeqNote>& seqs,
                                 const std::string& at) {
  std::map<EpochKey, std::set<std::int64_t>> noted;
  for (const auto& n : seqs) {
    noted[{n.device, n.epoch}].insert(n.seq);
  }
  const auto fresh = insert_seqs(writing(tx), noted);
  for (const auto& [key, numbers] : noted) {
    const auto& [device, epoch] = key;
    const auto it = fresh.find(key);
    if (it == fresh.end()) {
      writing(tx).query("UPDATE device_epochs SET last_seen = ? WHERE device = ? AND epoch = ?",
                        {at, device, epoch});
      continue;
    }
    writing(tx).query(
        "INSERT INTO device_epochs (device, epoch, max_seq, received, first_seen, last_seen) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device, epoch) DO UPDATE SET "
        "max_seq = CASE WHEN device_epochs.max_seq > excluded.max_seq THEN device_epochs.max_seq "
        "ELSE excluded.max_seq END, received = device_epochs.received + excluded.received, "
        "last_seen = excluded.last_seen",
        {device, epoch, it->second.max_seq, it->second.count, at, at});
  }
}

std::vector<DeviceEpoch> DeviceRepository::device_epochs() {
  std::vector<DeviceEpoch> result;
  for (const auto& r : db().query(
           "SELECT device, epoch, max_seq, received, first_seen, last_seen FROM device_epochs "
           "ORDER BY device, first_seen, epoch")) {
    result.push_back({r.str(0), r.str(1), r.i64(2), r.i64(3), r.str(4), r.str(5)});
  }
  return result;
}

std::vector<SeqGap> DeviceRepository::gaps(const std::string& device, const std::string& epoch,
                                           std::size_t limit) {
  std::vector<SeqGap> result;
  for (const auto& r : db().query(
           "SELECT prev + 1, seq - 1 FROM (SELECT seq, COALESCE(LAG(seq) OVER (ORDER BY seq), 0) "
           "AS prev FROM seqs WHERE device = ? AND epoch = ?) t WHERE seq > prev + 1 "
           "ORDER BY seq LIMIT ?",
           {device, epoch, static_cast<std::int64_t>(limit)})) {
    result.push_back({r.i64(0), r.i64(1)});
  }
  return result;
}

void DeviceRepository::update_status(Transaction& tx, const DeviceStatus& s) {
  // The will ({"online":false}) says nothing of fw, last_ack or versions:
  // they keep what the device last said.
  writing(tx).query(
      "INSERT INTO device_status (device, online, fw, outbox, clock_ok, last_ack, updated_at, "
      "versions) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device) DO UPDATE SET "
      "online = excluded.online, fw = COALESCE(excluded.fw, device_status.fw), "
      "outbox = excluded.outbox, clock_ok = excluded.clock_ok, "
      "last_ack = COALESCE(excluded.last_ack, device_status.last_ack), "
      "updated_at = excluded.updated_at, versions = CASE WHEN excluded.online = 1 "
      "THEN excluded.versions ELSE device_status.versions END",
      {s.device, flag(s.online), opt(s.fw), opt(s.outbox), s.clock_ok ? flag(*s.clock_ok) : Value{},
       opt(s.last_ack), s.updated_at, versions_text(s.versions)});
}

std::vector<DeviceStatus> DeviceRepository::statuses() {
  std::vector<DeviceStatus> result;
  for (const auto& r :
       db().query("SELECT device, online, fw, outbox, clock_ok, last_ack, updated_at, versions "
                  "FROM device_status ORDER BY device")) {
    result.push_back({r.str(0), r.i64(1) != 0, opt_str(r, 2), opt_i64(r, 3),
                      r.is_null(4) ? std::nullopt : std::optional<bool>(r.i64(4) != 0),
                      opt_str(r, 5), r.str(6), versions_of(r, 7)});
  }
  return result;
}

std::optional<std::vector<std::uint64_t>> DeviceRepository::announced_versions(
    const std::string& device) {
  const auto rows = db().query("SELECT versions FROM device_status WHERE device = ?", {device});
  return rows.empty() ? std::nullopt : versions_of(rows[0], 0);
}

void DeviceRepository::flag_clock(Transaction& tx, const ClockFlag& f) {
  writing(tx).query(
      "INSERT INTO clock_flags (event_id, device, session, device_ts, received_at, year, reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {f.event_id, f.device, f.session, f.device_ts, f.received_at,
       static_cast<std::int64_t>(f.year), f.reason});
}

std::vector<ClockFlag> DeviceRepository::clock_flags() {
  std::vector<ClockFlag> result;
  for (const auto& r : db().query("SELECT event_id, device, session, device_ts, received_at, "
                                  "year, reason FROM clock_flags ORDER BY received_at, event_id")) {
    result.push_back(
        {r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), static_cast<int>(r.i64(5)), r.str(6)});
  }
  return result;
}

}  // namespace tavla::host::storage
