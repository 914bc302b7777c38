// Instants and study days. Instants are int64 UTC milliseconds since the Unix epoch; a
// "study day" is a local calendar day that starts at the rollover hour in a time zone.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casebook::core {

/// An instant: milliseconds since 1970-01-01T00:00:00Z (UTC). Never stored in 32 bits.
using TimestampMs = std::int64_t;

inline constexpr std::int64_t kMsPerSecond = 1000;
inline constexpr std::int64_t kMsPerMinute = 60 * kMsPerSecond;
inline constexpr std::int64_t kMsPerHour = 60 * kMsPerMinute;
inline constexpr std::int64_t kMsPerDay = 24 * kMsPerHour;

/// The earliest instant Casebook computes with: 0001-01-01T00:00:00Z. Instants outside
/// [kMinSupportedMs, kMaxSupportedMs] (e.g. a damaged stored card with INT64_MIN) are
/// saturated to this range by study_day, study_day_start and the scheduler.
inline constexpr TimestampMs kMinSupportedMs = -62135596800000;
/// The latest instant Casebook computes with: 9999-12-31T23:59:59.999Z.
inline constexpr TimestampMs kMaxSupportedMs = 253402300799999;

/// `t` clamped to [kMinSupportedMs, kMaxSupportedMs].
[[nodiscard]] constexpr TimestampMs clamp_supported(TimestampMs t) {
  return t < kMinSupportedMs ? kMinSupportedMs : (t > kMaxSupportedMs ? kMaxSupportedMs : t);
}

/// `t + delta_ms` saturated to [kMinSupportedMs, kMaxSupportedMs] (no overflow for any inputs).
[[nodiscard]] constexpr TimestampMs add_saturated(TimestampMs t, std::int64_t delta_ms) {
  const TimestampMs a = clamp_supported(t);
  // |a| < 2^48, so only a huge delta can overflow: clamp it first.
  const std::int64_t span = kMaxSupportedMs - kMinSupportedMs;
  const std::int64_t d = delta_ms > span ? span : (delta_ms < -span ? -span : delta_ms);
  return clamp_supported(a + d);
}

/// How study days are counted: an IANA time zone name ("UTC", "Europe/Paris") and the local
/// hour (0-23) at which a new study day begins (Anki's "next day starts at").
struct DayClock {
  std::string time_zone = "UTC";
  int rollover_hour = 4;
};

/// The study-day index of `t`: the number of local calendar days since 1970-01-01 of the
/// local time `t - rollover_hour` in `clock.time_zone` (system tz database, via date/tz).
/// Throws std::runtime_error if the time zone is unknown, std::invalid_argument if
/// rollover_hour is outside 0..23. With "UTC" and rollover 0 this is the UTC calendar day.
/// `t` is first clamped with clamp_supported.
[[nodiscard]] std::int64_t study_day(TimestampMs t, const DayClock& clock);

/// The instant (UTC ms) at which study day `day` begins in `clock`: the first instant whose
/// local time is >= day's date at rollover_hour. If that local time does not exist (clocks
/// spring forward over it) the day starts at the transition; if it occurs twice (clocks fall
/// back) it starts at the first occurrence. Throws as study_day.
[[nodiscard]] TimestampMs study_day_start(std::int64_t day, const DayClock& clock);

/// Calendar dates (proleptic Gregorian, as ISO 8601 and date::year_month_day count them). A
/// "day index" counts days since 1970-01-01 (day 0); study_day returns one.

/// The date "YYYY-MM-DD" of day index `day` (19875 -> "2024-06-01", -1 -> "1969-12-31"); a day
/// outside 0001-01-01..9999-12-31 is clamped to that range. Same text under every locale.
[[nodiscard]] std::string iso_date_of_day(std::int64_t day);

/// The day index of the date "YYYY-MM-DD" (exactly ten characters, a real date from
/// 0001-01-01 to 9999-12-31): "2024-06-01" -> 19875. Nothing for any other text
/// ("2024-02-30", "2024-6-1", "").
[[nodiscard]] std::optional<std::int64_t> day_of_iso_date(std::string_view text);

/// The ISO weekday of day index `day`: 1 = Monday ... 7 = Sunday (day 0, 1970-01-01, is 4).
[[nodiscard]] int iso_weekday_of_day(std::int64_t day);

/// The number of days (28-31) of month `month` (1-12) of `year` (leap years as the Gregorian
/// calendar has them: 2000 and 2024 are, 1900 and 2023 are not); 0 for a month outside 1-12.
[[nodiscard]] int days_in_month(int year, int month);

/// Current wall-clock time as UTC ms.
[[nodiscard]] TimestampMs now_ms();

/// ISO-8601 UTC text with milliseconds, e.g. "2024-06-01T12:00:00.000Z".
[[nodiscard]] std::string format_iso_utc(TimestampMs t);

/// Local wall-clock text to the minute with the zone abbreviation, e.g. "2024-06-01 14:00 CEST",
/// in the IANA zone `time_zone`; an unknown zone (or a missing tz database) falls back to UTC,
/// e.g. "2024-06-01 12:00 UTC". Never throws.
[[nodiscard]] std::string format_local_minutes(TimestampMs t, const std::string& time_zone);

/// The local calendar date "YYYY-MM-DD" of `t` in the IANA zone `time_zone` (the date part of
/// format_local_minutes, with its UTC fallback), e.g. for a report's file name. Never throws.
[[nodiscard]] std::string format_local_date(TimestampMs t, const std::string& time_zone);

/// Parses "YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)". Throws std::invalid_argument on bad text.
[[nodiscard]] TimestampMs parse_iso(const std::string& text);

/// The local time zone name from $TZ or /etc/localtime, "UTC" when it cannot be found.
[[nodiscard]] std::string local_time_zone_name();

}  // namespace casebook::core
