#include "tavla/protocol/timestamp.hpp"

#include <array>
#include <cstdint>

namespace tavla::protocol {
namespace {

// Reads exactly `width` ASCII digits at `pos`; nullopt if any is not a digit.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

void put(std::string& out, long long value, int width) {
  std::array<char, 8> buffer{};
  for (int i = width - 1; i >= 0; --i) {
    buffer[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buffer.data(), static_cast<std::size_t>(width));
}

std::optional<Date> date_at(std::string_view text, std::size_t pos) {
  if (text[pos + 4] != '-' || text[pos + 7] != '-') {
    return std::nullopt;
  }
  const auto y = digits(text, pos, 4);
  const auto m = digits(text, pos + 5, 2);
  const auto d = digits(text, pos + 8, 2);
  if (!y || !m || !d) {
    return std::nullopt;
  }
  const Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                  std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

void put_date(std::string& out, Date date) {
  put(out, static_cast<int>(date.year()), 4);
  out.push_back('-');
  put(out, static_cast<unsigned>(date.month()), 2);
  out.push_back('-');
  put(out, static_cast<unsigned>(date.day()), 2);
}

}  // namespace

std::string format_timestamp(Timestamp ts) {
  using namespace std::chrono;
  const auto day = floor<days>(ts);
  const hh_mm_ss<milliseconds> time{ts - day};
  std::string out;
  out.reserve(24);
  put_date(out, Date{day});
  out.push_back('T');
  put(out, time.hours().count(), 2);
  out.push_back(':');
  put(out, time.minutes().count(), 2);
  out.push_back(':');
  put(out, time.seconds().count(), 2);
  out.push_back('.');
  put(out, time.subseconds().count(), 3);
  out.push_back('Z');
  return out;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS.mmmZ
  if (text.size() != 24 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != '.' || text[23] != 'Z') {
    return std::nullopt;
  }
  const auto date = date_at(text, 0);
  const auto hour = digits(text, 11, 2);
  const auto minute = digits(text, 14, 2);
  const auto second = digits(text, 17, 2);
  const auto millis = digits(text, 20, 3);
  if (!date || !hour || !minute || !second || !millis || *hour > 23 || *minute > 59 ||
      *second > 59) {
    return std::nullopt;
  }
  using namespace std::chrono;
  return sys_days{*date} + hours{*hour} + minutes{*minute} + seconds{*second} +
         milliseconds{*millis};
}

std::string format_date(Date date) {
  std::string out;
  out.reserve(10);
  put_date(out, date);
  return out;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10) {
    return std::nullopt;
  }
  return date_at(text, 0);
}

}  // namespace tavla::protocol
