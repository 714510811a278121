// The cost allocation of a year's plan: pure functions from a plan and each
// member municipality's basis to amounts in øre. No I/O, no clock, no
// database: the host gathers the numbers, this decides the money.
//
// The model (docs/domain.md, "The three parts of the cost" and "Provisional
// invoices and the year-end settlement"): a plan has parts; each part's amount is
// split among the member municipalities by its key. A consumption part's
// price per unit falls as the volume grows. Provisional (a-konto) amounts use
// the budget and the planned units; the year-end settlement allocates the
// actual costs (`actual`, else the budget) by the actual units and subtracts
// the provisional amounts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "tavla/allocation/money.hpp"
#include "tavla/allocation/split.hpp"

namespace tavla::allocation {

enum class Key {
  population,   // the plan's population count (e.g. 2022Q2)
  enrollments,  // foster homes enrolled in the year's group-guidance groups
  attendance,   // attendance units measured by the kiosks
  purchases,    // individual-guidance hours bought (in hundredths)
  equal,        // the same for every member
  weights,      // agreed weights per municipality
};

[[nodiscard]] std::string_view to_string(Key key);
[[nodiscard]] std::optional<Key> key_from_string(std::string_view name);
// enrollments, attendance and purchases measure consumption.
[[nodiscard]] bool is_consumption(Key key);

// Everything the host knows about one member municipality for one year.
struct MemberBasis {
  std::string municipality;
  Quantity population = 0;
  Quantity enrollments = 0;
  Quantity attendance_units = 0;
  Quantity purchased_hundredths = 0;  // individual-guidance hours × 100
};

struct Part {
  std::string name;
  Key key = Key::population;
  Ore amount = 0;                           // the budget
  std::optional<Ore> actual;                // the actual net cost, entered at year end
  std::map<std::string, Quantity> weights;  // key == weights
  std::map<std::string, Quantity> planned;  // consumption parts: planned units for a-konto
                                            // (purchases: hundredths of hours)
  // key == purchases only: each buyer pays hours × rate_per_hour (øre per
  // hour), and the rest of the part (negative if the rate over-covers it) is
  // split by remainder_key.
  // Rounding: each buyer's rate amount is hundredths × rate / 100 rounded on
  // its own to the plan's unit, halves up, so every invoice line can be
  // checked by hand from its own hours; the remainder is the part's amount
  // minus the sum of those rounded rate amounts and is split exactly by
  // largest remainder, so the part still adds up to the øre. A rate and a
  // remainder key come together; either alone is an error.
  std::optional<Ore> rate_per_hour;
  std::optional<Key> remainder_key;  // may be purchases (split among the buyers by hours)
};

struct Plan {
  int year = 0;
  Rounding rounding = Rounding::krone;
  std::vector<Part> parts;
};

// One municipality's share of one part, with the numbers behind it.
struct Line {
  std::string municipality;
  std::string part;
  Key basis = Key::population;
  Quantity units = 0;        // this municipality's quantity under the key
  Quantity total_units = 0;  // the sum over all members
  Ore amount = 0;
  // purchases with a rate: amount = rate_amount + remainder_amount, where
  // remainder_amount is this member's share of the remainder by remainder_key
  // (units/total_units above then describe the hours).
  Ore rate_amount = 0;
  Ore remainder_amount = 0;
  // Added: purchases with a rate: this member's quantity under remainder_key
  // and the sum over all members (the numbers behind remainder_amount).
  Quantity remainder_units = 0;
  Quantity remainder_total_units = 0;
};

struct PartResult {
  std::string name;
  Key key = Key::population;
  Ore amount = 0;  // what was split (budget or actual)
  Quantity total_units = 0;
  std::vector<Line> lines;  // one per member, in the order of the members given
  // Added: purchases with a rate: the rate, the remainder key, the sum of the
  // rounded rate amounts and what was split by remainder_key
  // (rate_total + remainder == amount).
  std::optional<Ore> rate_per_hour;
  std::optional<Key> remainder_key;
  Ore rate_total = 0;
  Ore remainder = 0;
};

struct Allocation {
  int year = 0;
  std::vector<PartResult> parts;
  std::map<std::string, Ore> total_by_municipality;
  Ore total = 0;  // == sum of parts' amounts, to the øre
};

struct AllocationError {
  std::string part;  // empty when not about one part
  // A sentence for finance staff: what is wrong and what to do, e.g. that
  // the attendance units of all members add up to zero.
  std::string message;
};

template <class T>
using Outcome = std::variant<T, AllocationError>;

// Which amount of each part to split.
enum class Amounts { budget, actual_else_budget };

// Splits each part among `members` by its key and the members' bases. A
// member whose quantity under a key is 0 gets 0 of that part (of a rate
// part: no rate amount, but its share of the remainder by remainder_key).
// Errors (each a sentence naming the part): a basis that sums to zero, an
// amount that is not a whole number of the plan's unit, a negative quantity,
// weights or planned units naming a municipality that is not a member, a
// planned list on a part that is not split by consumption, a rate without a
// remainder key (or the reverse) or on a part not split by purchases, two
// parts with one name, a municipality listed twice, no members at all.
[[nodiscard]] Outcome<Allocation> allocate(const Plan& plan,
                                           const std::vector<MemberBasis>& members,
                                           Amounts amounts = Amounts::budget);

// The provisional (a-konto) invoice: the budget, with each consumption part
// split by its `planned` units instead of measured ones (a consumption part
// without `planned` has no a-konto: its lines are 0 and it is settled at
// year end in full). A member missing from `planned` plans 0 units. Only the
// part's own key is replaced by `planned`: a
// purchases part's remainder_key uses `planned` too when it is purchases,
// and the members' bases as given otherwise.
[[nodiscard]] Outcome<Allocation> provisional(const Plan& plan,
                                              const std::vector<MemberBasis>& members);

// Price per unit of a consumption part: amount / total units, in øre,
// rounded half up to whole øre (half away from zero for a negative amount;
// for display; invoices use the lines). nullopt for a part that is not split
// by consumption or has no units.
[[nodiscard]] std::optional<Ore> price_per_unit(const PartResult& part);

struct SettlementLine {
  std::string municipality;
  Ore provisional = 0;  // invoiced a-konto during the year
  Ore final = 0;        // allocation of the actual costs by actual units
  Ore balance = 0;      // final - provisional: positive = to pay, negative = refund
};

struct Settlement {
  int year = 0;
  Allocation provisional;
  Allocation final;
  std::vector<SettlementLine> lines;  // one per member
  Ore total_balance = 0;
};

// The year-end settlement: final = allocate(plan, members,
// actual_else_budget) with the measured units, provisional = provisional(plan,
// members), and per member balance = final - provisional, all to the øre, so
// total_balance == final.total - provisional.total.
[[nodiscard]] Outcome<Settlement> settle(const Plan& plan, const std::vector<MemberBasis>& members);

}  // namespace tavla::allocation
