// What makes a plan impossible to split whatever the year's numbers: checked
// before any money is computed, so every error names its cause.
#pragma once

#include <optional>
#include <vector>

#include "tavla/allocation/allocation.hpp"

namespace tavla::allocation::detail {

[[nodiscard]] std::optional<AllocationError> check_plan(const Plan& plan,
                                                        const std::vector<MemberBasis>& members);

}  // namespace tavla::allocation::detail
