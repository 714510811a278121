// The three languages' tables, one file each.
#pragma once

#include <span>

#include "tavla/ui/catalogue.hpp"

namespace tavla::ui::catalogue {

std::span<const CatalogueEntry> bokmal();
std::span<const CatalogueEntry> nynorsk();
std::span<const CatalogueEntry> english();

}  // namespace tavla::ui::catalogue
