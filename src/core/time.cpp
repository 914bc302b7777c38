// Instants, ISO-8601 text and study days (local calendar days starting at a rollover hour),
// using Howard Hinnant's date/tz with the operating system's tz database.
#include "core/time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <locale>
#include <stdexcept>
#include <string_view>
#include <system_error>

namespace casebook::core {

namespace {

using Ms = std::chrono::milliseconds;
using SysMs = date::sys_time<Ms>;

const date::time_zone* zone_for(const DayClock& clock) {
  if (clock.rollover_hour < 0 || clock.rollover_hour > 23) {
    throw std::invalid_argument("rollover hour must be 0..23, got " +
                                std::to_string(clock.rollover_hour));
  }
  // date::locate_zone throws std::runtime_error for an unknown name. It searches the zone
  // names on every call, and Home classifies every card: the last zone is kept per thread
  // (zones stay where they are: the tz database is never reloaded).
  thread_local std::string last_name;
  thread_local const date::time_zone* last_zone = nullptr;
  if (last_zone == nullptr || last_name != clock.time_zone) {
    last_zone = date::locate_zone(clock.time_zone);
    last_name = clock.time_zone;
  }
  return last_zone;
}

bool is_known_zone(const std::string& name) {
  if (name.empty()) {
    return false;
  }
  try {
    (void)date::locate_zone(name);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

/// "Europe/Paris" from ".../zoneinfo/Europe/Paris" (also "posix/" and "right/" subtrees).
std::string zone_from_path(const std::string& path) {
  static constexpr std::string_view kMarker = "zoneinfo/";
  const auto pos = path.rfind(kMarker);
  if (pos == std::string::npos) {
    return {};
  }
  std::string name = path.substr(pos + kMarker.size());
  for (const std::string_view prefix : {"posix/", "right/"}) {
    if (name.rfind(prefix, 0) == 0) {
      name = name.substr(prefix.size());
    }
  }
  return name;
}

[[noreturn]] void bad_iso(const std::string& text, const char* why) {
  throw std::invalid_argument("invalid ISO-8601 time \"" + text + "\": " + why);
}

}  // namespace

std::int64_t study_day(TimestampMs t, const DayClock& clock) {
  const date::time_zone* zone = zone_for(clock);
  const auto local = zone->to_local(SysMs{Ms{clamp_supported(t)}});
  const auto shifted = local - std::chrono::hours{clock.rollover_hour};
  return date::floor<date::days>(shifted).time_since_epoch().count();
}

TimestampMs study_day_start(std::int64_t day, const DayClock& clock) {
  const date::time_zone* zone = zone_for(clock);
  // Days of the supported range (a day or two of margin for the zone offset), so that
  // neither the int conversion nor the ms arithmetic below can overflow.
  constexpr std::int64_t kFirstDay = kMinSupportedMs / kMsPerDay - 2;
  constexpr std::int64_t kLastDay = kMaxSupportedMs / kMsPerDay + 2;
  day = std::clamp(day, kFirstDay, kLastDay);
  const date::local_time<Ms> target =
      date::local_days{date::days{static_cast<int>(day)}} + std::chrono::hours{clock.rollover_hour};
  const date::local_info info = zone->get_info(target);
  SysMs start{};
  switch (info.result) {
    case date::local_info::unique:
      start = SysMs{target.time_since_epoch()} - date::floor<Ms>(info.first.offset);
      break;
    case date::local_info::ambiguous:
      // The rollover hour occurs twice (clocks fall back): the day starts at the first one.
      start = SysMs{target.time_since_epoch()} - date::floor<Ms>(info.first.offset);
      break;
    case date::local_info::nonexistent:
      // The rollover hour is skipped (clocks spring forward): the first instant whose local
      // time is >= the rollover hour is the transition itself.
      start = date::floor<Ms>(info.second.begin);
      break;
  }
  return clamp_supported(start.time_since_epoch().count());
}

TimestampMs now_ms() {
  return date::floor<Ms>(std::chrono::system_clock::now()).time_since_epoch().count();
}

std::string format_local_minutes(TimestampMs t, const std::string& time_zone) {
  const date::sys_time<std::chrono::milliseconds> instant{std::chrono::milliseconds{t}};
  const auto minutes = date::floor<std::chrono::minutes>(instant);
  if (time_zone != "UTC") {
    try {
      const date::time_zone* zone = date::locate_zone(time_zone);
      return date::format(std::locale::classic(), "%Y-%m-%d %H:%M %Z", date::make_zoned(zone, minutes));
    } catch (const std::exception&) {
      // Unknown zone or no tz database: fall through to UTC.
    }
  }
  return date::format(std::locale::classic(), "%Y-%m-%d %H:%M UTC", minutes);
}

std::string format_local_date(TimestampMs t, const std::string& time_zone) {
  return format_local_minutes(t, time_zone).substr(0, 10);  // "YYYY-MM-DD" of "YYYY-MM-DD HH:MM ZONE"
}

std::string format_iso_utc(TimestampMs t) {
  // The calendar from date (civil date of the day); the digits by hand: date::format builds a
  // stream and a locale per call, which dominated reports that write millions of instants.
  const SysMs at{Ms{clamp_supported(t)}};
  const auto day = date::floor<date::days>(at);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<Ms> time{at - day};
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(ymd.year()),
                              unsigned(ymd.month()), unsigned(ymd.day()), int(time.hours().count()),
                              int(time.minutes().count()), int(time.seconds().count()),
                              int(time.subseconds().count()));
  return std::string(buf, static_cast<std::size_t>(n));
}

namespace {

/// `day` clamped to the day indices of 0001-01-01 .. 9999-12-31, as date::sys_days.
date::sys_days clamped_day(std::int64_t day) {
  constexpr std::int64_t kFirst = kMinSupportedMs / kMsPerDay;  // exact: midnight of 0001-01-01
  constexpr std::int64_t kLast = kMaxSupportedMs / kMsPerDay;
  return date::sys_days{date::days{static_cast<int>(std::clamp(day, kFirst, kLast))}};
}

}  // namespace

std::string iso_date_of_day(std::int64_t day) {
  return date::format(std::locale::classic(), "%F", clamped_day(day));
}

std::optional<std::int64_t> day_of_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (std::size_t i = starts[k]; i < starts[k] + lengths[k]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[k] = parts[k] * 10 + (text[i] - '0');
    }
  }
  const date::year_month_day ymd{date::year{parts[0]}, date::month{static_cast<unsigned>(parts[1])},
                                 date::day{static_cast<unsigned>(parts[2])}};
  if (parts[0] < 1 || !ymd.ok()) return std::nullopt;
  return date::sys_days{ymd}.time_since_epoch().count();
}

int iso_weekday_of_day(std::int64_t day) {
  return static_cast<int>(date::weekday{clamped_day(day)}.iso_encoding());
}

int days_in_month(int year, int month) {
  if (month < 1 || month > 12) return 0;
  const date::year_month_day_last last{date::year{year} / date::month{static_cast<unsigned>(month)} / date::last};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

TimestampMs parse_iso(const std::string& text) {
  // YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)
  std::size_t pos = 0;
  auto digits = [&](std::size_t count, const char* what) -> int {
    if (pos + count > text.size()) {
      bad_iso(text, what);
    }
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = text[pos + i];
      if (c < '0' || c > '9') {
        bad_iso(text, what);
      }
      value = value * 10 + (c - '0');
    }
    pos += count;
    return value;
  };
  auto expect = [&](char c, const char* what) {
    if (pos >= text.size() || text[pos] != c) {
      bad_iso(text, what);
    }
    ++pos;
  };
  const int year = digits(4, "year");
  expect('-', "expected '-' after the year");
  const int month = digits(2, "month");
  expect('-', "expected '-' after the month");
  const int day = digits(2, "day");
  expect('T', "expected 'T' between date and time");
  const int hour = digits(2, "hour");
  expect(':', "expected ':' after the hour");
  const int minute = digits(2, "minute");
  expect(':', "expected ':' after the minutes");
  const int second = digits(2, "second");
  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int count = 0;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) != 0) {
      if (count < 3) {
        millis = millis * 10 + (text[pos] - '0');
      }
      ++count;
      ++pos;
    }
    if (count == 0 || count > 9) {
      bad_iso(text, "fraction of a second must have 1 to 9 digits");
    }
    for (int i = count; i < 3; ++i) {
      millis *= 10;
    }
  }
  int offset_minutes = 0;
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    const int oh = digits(2, "offset hours");
    expect(':', "expected ':' in the UTC offset");
    const int om = digits(2, "offset minutes");
    if (oh > 23 || om > 59) {
      bad_iso(text, "UTC offset out of range");
    }
    offset_minutes = sign * (oh * 60 + om);
  } else {
    bad_iso(text, "expected 'Z' or a UTC offset (+HH:MM)");
  }
  if (pos != text.size()) {
    bad_iso(text, "unexpected text after the time");
  }
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) {
    bad_iso(text, "no such date");
  }
  if (hour > 23 || minute > 59 || second > 59) {
    bad_iso(text, "time of day out of range");
  }
  const SysMs t = date::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
                  std::chrono::seconds{second} + Ms{millis} -
                  std::chrono::minutes{offset_minutes};
  return t.time_since_epoch().count();
}

std::string local_time_zone_name() {
  if (const char* tz = std::getenv("TZ"); tz != nullptr) {
    std::string name = tz;
    if (!name.empty() && name.front() == ':') {
      name.erase(0, 1);
    }
    if (name.rfind('/', 0) == 0) {
      name = zone_from_path(name);
    }
    if (is_known_zone(name)) {
      return name;
    }
  }
  std::error_code ec;
  if (std::filesystem::is_symlink("/etc/localtime", ec)) {
    const auto target = std::filesystem::read_symlink("/etc/localtime", ec);
    if (!ec) {
      const std::string name = zone_from_path(target.string());
      if (is_known_zone(name)) {
        return name;
      }
    }
  }
  if (std::ifstream in{"/etc/timezone"}; in) {
    std::string name;
    std::getline(in, name);
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())) != 0) {
      name.pop_back();
    }
    if (is_known_zone(name)) {
      return name;
    }
  }
  return "UTC";
}

}  // namespace casebook::core
