// Every text the kiosk shows, by key. The key list is here, once; each
// language has its own table (src/catalogue/{nb,nn,en}.cpp), and a test
// checks that every table has every key, no key twice, none empty, and the
// same {placeholders} as bokmål.
#pragma once

#include <cstdint>
#include <string_view>

// X(key): one line per text. An X-macro on purpose: the one list gives the
// enum, the count and the names, so a key cannot be added to one only.
// The list is laid out by hand, a group of keys to a line.
// clang-format off
// NOLINTNEXTLINE(cppcoreguidelines-macro-usage)
#define TAVLA_UI_TEXTS(X)                                                                      \
  /* common */                                                                                 \
  X(back) X(cancel) X(close) X(done) X(save) X(next) X(undo) X(yes_retract) X(minutes_short)   \
  /* home */                                                                                   \
  X(home_today) X(home_no_sessions) X(home_check_in) X(home_open_now) X(home_upcoming)         \
  X(home_closed) X(home_no_open_session) X(home_waiting_for_config) X(home_meeting)            \
  X(home_for_leaders) X(home_admin)                                                            \
  /* sync indicator */                                                                         \
  X(sync_connected) X(sync_connecting) X(sync_disconnected) X(sync_all_sent) X(sync_waiting)   \
  X(sync_clock_wrong)                                                                          \
  /* privacy */                                                                                \
  X(privacy_button) X(privacy_title) X(privacy_body)                                           \
  /* check-in */                                                                               \
  X(checkin_tap_name) X(checkin_search) X(checkin_search_hint) X(checkin_no_match)             \
  X(checkin_guest) X(checkin_checked_in) X(checkin_has_pin) X(checkin_welcome)                 \
  X(checkin_welcome_guest) X(checkin_wrong_person) X(checkin_undone) X(checkin_present_count)  \
  /* PIN pad */                                                                                \
  X(pin_enter_for) X(pin_leader_title) X(pin_admin_title) X(pin_wrong) X(pin_locked_until)     \
  X(pin_ok)                                                                                    \
  /* guest */                                                                                  \
  X(guest_title) X(guest_municipalities) X(guest_orgs) X(guest_label)                          \
  /* session leader */                                                                         \
  X(leader_title) X(leader_open_sessions) X(leader_none_open) X(leader_open_session)           \
  X(leader_choose_group) X(leader_choose_agenda) X(leader_no_agenda) X(leader_close_session)   \
  X(leader_confirm_close) X(leader_who_is_here) X(leader_nobody_here) X(leader_add_walk_in)    \
  X(leader_opened) X(leader_closed)                                                            \
  /* network meeting */                                                                        \
  X(meeting_agenda) X(meeting_start) X(meeting_next) X(meeting_previous) X(meeting_finish)     \
  X(meeting_no_item) X(meeting_remaining) X(meeting_near_end) X(meeting_over)                  \
  X(meeting_projected_end) X(meeting_add_item) X(meeting_item_title)                           \
  X(meeting_item_default_title) X(meeting_item_minutes) X(meeting_decision) X(meeting_action)  \
  X(meeting_add_decision) X(meeting_add_action) X(meeting_decision_prompt)                     \
  X(meeting_action_prompt) X(meeting_owner) X(meeting_due) X(meeting_no_due)                   \
  X(meeting_due_week) X(meeting_due_two_weeks) X(meeting_due_month) X(meeting_due_day_earlier) \
  X(meeting_due_day_later) X(meeting_retract) X(meeting_confirm_retract) X(meeting_retracted)  \
  X(meeting_open_actions) X(meeting_no_open_actions) X(meeting_open_actions_short)             \
  X(meeting_mark_done) X(meeting_marked_done) X(meeting_public_reminder) X(meeting_owner_due)  \
  X(meeting_nothing_recorded) X(meeting_item_done) X(meeting_item_running)                     \
  X(meeting_added_on_the_day)                                                                  \
  /* admin */                                                                                  \
  X(admin_title) X(admin_device) X(admin_site) X(admin_firmware) X(admin_broker)               \
  X(admin_outbox) X(admin_last_ack) X(admin_never) X(admin_config_rev) X(admin_no_config)      \
  X(admin_config_rejected) X(admin_rejected) X(admin_rejected_none) X(admin_rejected_row)      \
  X(admin_clock) X(admin_clock_ok) X(admin_display) X(admin_language) X(admin_quit)            \
  X(language_nb) X(language_nn) X(language_en)                                                 \
  /* what the host refused: ErrorCode and RejectionCode names */                               \
  X(rejected_too_large) X(rejected_invalid_utf8) X(rejected_invalid_json) X(rejected_too_deep) \
  X(rejected_duplicate_key) X(rejected_missing_field) X(rejected_wrong_type)                   \
  X(rejected_unsupported_version) X(rejected_unknown_type) X(rejected_out_of_bounds)           \
  X(rejected_invalid_value) X(rejected_bad_timestamp) X(rejected_municipality_or_org)          \
  X(rejected_bad_topic) X(rejected_device_mismatch) X(rejected_unknown_device)                 \
  X(rejected_unknown_group) X(rejected_wrong_session_kind) X(rejected_group_of_another_device) \
  X(rejected_session_already_opened) X(rejected_session_of_another_device)                     \
  X(rejected_not_a_member) X(rejected_unknown_affiliation) X(rejected_other)                   \
  /* event families (the part of the type before the dot) */                                   \
  X(event_kind_session) X(event_kind_attendance) X(event_kind_agenda) X(event_kind_minutes)   \
  X(event_other)                                                                               \
  /* refusals (RefusalCode) */                                                                 \
  X(refusal_no_config) X(refusal_unknown_session) X(refusal_session_not_open)                  \
  X(refusal_session_already_open) X(refusal_not_in_roster) X(refusal_already_checked_in)       \
  X(refusal_not_checked_in) X(refusal_undo_window_passed) X(refusal_wrong_pin)                 \
  X(refusal_pins_locked) X(refusal_not_a_leader) X(refusal_invalid_text)                       \
  X(refusal_storage_failed) X(refusal_other)                                                   \
  /* dates */                                                                                  \
  X(weekday_1) X(weekday_2) X(weekday_3) X(weekday_4) X(weekday_5) X(weekday_6) X(weekday_7)   \
  X(month_1) X(month_2) X(month_3) X(month_4) X(month_5) X(month_6) X(month_7) X(month_8)      \
  X(month_9) X(month_10) X(month_11) X(month_12) X(date_long) X(date_short)                    \
  /* keyboard */                                                                               \
  X(keyboard_space)                                                                            \
  /* PIN by name, lockout, agenda moves, refusals of the meeting room */                      \
  X(pin_choose_leader) X(pin_tries_left) X(meeting_pause) X(meeting_resume) X(meeting_extend)  \
  X(meeting_paused) X(refusal_national_id) X(refusal_meeting_paused) X(refusal_nothing_to_undo) \
  X(rejected_not_a_leader) X(home_cancelled) X(meeting_confirm_skip) X(meeting_skip)  \
  X(leader_correct_in) X(leader_correct_out) X(home_device_id)  \
  X(leader_choose_length) X(leader_length_hours) X(meeting_take) X(meeting_led_by)
// clang-format on

namespace tavla::ui {

enum class T : std::uint16_t {
#define TAVLA_UI_TEXT_ENUM(key) key,  // NOLINT(cppcoreguidelines-macro-usage)
  TAVLA_UI_TEXTS(TAVLA_UI_TEXT_ENUM)
#undef TAVLA_UI_TEXT_ENUM
};

// NOLINTNEXTLINE(cppcoreguidelines-macro-usage,bugprone-macro-parentheses)
#define TAVLA_UI_TEXT_COUNT(key) +1
inline constexpr std::size_t kTextCount = 0 TAVLA_UI_TEXTS(TAVLA_UI_TEXT_COUNT);
#undef TAVLA_UI_TEXT_COUNT

// The key's name ("home_check_in"), for tests and error messages.
[[nodiscard]] std::string_view key_name(T key);

}  // namespace tavla::ui
