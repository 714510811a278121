// Host-side attendance corrections (`tavla-host attendance add|remove`):
// sessions held away from a kiosk, forgotten or wrong check-ins. Each is
// checked by the same acceptance rules as kiosk events, kept in the audit
// table with who, when and why, and applied after every kiosk fact of the
// session (corrections order last), in one transaction.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "tavla/host/config/site.hpp"
#include "tavla/host/storage/repositories.hpp"

namespace tavla::host::ingest {

struct CorrectionRequest {
  std::string session;
  std::string participant;
  bool add = true;
  std::string reason;
  std::string made_by;
  protocol::Timestamp made_at;
  // For a guest: the affiliation (and foster home). A member's come from
  // the registry as it stood on the session's date; giving them is refused.
  std::optional<std::string> municipality;
  std::optional<std::string> org;
  std::optional<std::string> foster_home;
  // A session the store does not know (held away from a kiosk) needs the
  // group and date, unless the site file schedules it (then they must agree).
  std::optional<std::string> group;
  std::optional<protocol::Date> date;
  std::optional<std::string> title;
};

class CorrectionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Returns the correction's id. Throws CorrectionError saying what is wrong.
std::int64_t correct_attendance(storage::Repositories& repos, const config::Site& site,
                                const CorrectionRequest& request);

}  // namespace tavla::host::ingest
