// The host's durable state: one Database (SQLite or PostgreSQL), opened and
// migrated, and one repository per subject over it. Their SQL is written
// once for both dialects; every writer takes the one Transaction type
// (database.hpp), so the writes of several repositories commit together:
//
//   storage::Repositories repos(url);
//   storage::in_transaction(repos.db(), [&](storage::Transaction& tx) {
//     repos.events().insert(tx, event, now);
//     repos.attendance().apply(tx, session, fact);
//   });
#pragma once

#include <memory>
#include <string>

#include "tavla/host/storage/attendance.hpp"
#include "tavla/host/storage/corrections.hpp"
#include "tavla/host/storage/database.hpp"
#include "tavla/host/storage/devices.hpp"
#include "tavla/host/storage/events.hpp"
#include "tavla/host/storage/invoices.hpp"
#include "tavla/host/storage/minutes.hpp"
#include "tavla/host/storage/purchases.hpp"
#include "tavla/host/storage/registry.hpp"
#include "tavla/host/storage/rooms.hpp"
#include "tavla/host/storage/usage_figures.hpp"

namespace tavla::host::storage {

class Repositories {
 public:
  // Opens the database at `url`, creating and migrating it as needed.
  explicit Repositories(const std::string& url);
  explicit Repositories(std::unique_ptr<Database> db);
  // The repositories hold references to the one connection.
  Repositories(const Repositories&) = delete;
  Repositories& operator=(const Repositories&) = delete;
  Repositories(Repositories&&) = delete;
  Repositories& operator=(Repositories&&) = delete;
  ~Repositories() = default;

  [[nodiscard]] Database& db() { return *db_; }
  [[nodiscard]] EventRepository& events() { return events_; }
  [[nodiscard]] DeviceRepository& devices() { return devices_; }
  [[nodiscard]] AttendanceRepository& attendance() { return attendance_; }
  [[nodiscard]] MinutesRepository& minutes() { return minutes_; }
  [[nodiscard]] CorrectionRepository& corrections() { return corrections_; }
  [[nodiscard]] PurchaseRepository& purchases() { return purchases_; }
  [[nodiscard]] UsageRepository& usage() { return usage_; }
  [[nodiscard]] InvoiceRepository& invoices() { return invoices_; }
  [[nodiscard]] RoomRepository& rooms() { return rooms_; }
  [[nodiscard]] RegistryRepository& registry() { return registry_; }

 private:
  std::unique_ptr<Database> db_;  // first: the repositories below refer to it
  EventRepository events_{*db_};
  DeviceRepository devices_{*db_};
  AttendanceRepository attendance_{*db_};
  MinutesRepository minutes_{*db_};
  CorrectionRepository corrections_{*db_};
  PurchaseRepository purchases_{*db_};
  UsageRepository usage_{*db_};
  InvoiceRepository invoices_{*db_};
  RoomRepository rooms_{*db_};
  RegistryRepository registry_{*db_};
};

}  // namespace tavla::host::storage
