// The headers and key names of the invoice-basis reports in the site's
// language, for the table format only: csv and json keep the ids, which
// are their contract.
#pragma once

#include "tavla/host/report/table.hpp"
#include "tavla/protocol/room_config.hpp"

namespace tavla::host::app {

// Replaces each known column name, and each key name in a `basis` column,
// by its label in `locale`; unknown ones stay as they are.
void label_for_people(report::Table& table, protocol::Locale locale);

}  // namespace tavla::host::app
