// The parts every screen shares: the header with its back button, the
// self-clearing banner at the bottom, the sync indicator, and the text of a
// core refusal in the current language.
#pragma once

#include <optional>
#include <string>

#include "tavla/kiosk/refusal.hpp"
#include "tavla/kiosk/snapshot.hpp"
#include "tavla/ui/intents.hpp"
#include "tavla/ui/ui.hpp"
#include "tavla/ui/ui_state.hpp"
#include "tavla/ui/widgets.hpp"

namespace tavla::ui {

// The header's height in pixels (buttons in it are touch-sized).
[[nodiscard]] float header_height(const Ui& ui);

// A header row at the top: a button on the left (id "nav.back") with
// `back_label`, then `title`. Returns whether the button was tapped. The
// cursor is left below the header.
bool header(Ui& ui, std::string_view back_label, std::string_view title,
            std::string_view subtitle = {});

// The banner over the bottom of the screen, if one is showing; "Angre"
// (id "banner.undo") yields the undo command, a tap elsewhere on it
// dismisses it.
void banner_view(Ui& ui, const Banner& banner, Intents& out);
[[nodiscard]] float banner_height(const Ui& ui);

// "● Tilkoblet · alt er sendt" / "▲ Frakoblet · 3 venter på sending"; the
// symbol differs by state, not only the colour. Registers "sync" (label:
// the text) and, when the outbox is empty, "sync.idle".
void sync_indicator(Ui& ui, const kiosk::Snapshot& snapshot);

// The sentence for a refusal, in the catalogue's language.
[[nodiscard]] std::string refusal_text(const Catalogue& text, const LocalTime& zone,
                                       const kiosk::Refusal& refusal);

// A string of the core's time in the room's zone: "14:05".
[[nodiscard]] std::string hh_mm(const Ui& ui, kiosk::Timestamp t);

}  // namespace tavla::ui
