// Dates of events, actor kinds and generator names of format-2 banks (core/facts.hpp).
#include "core/facts.hpp"

#include <algorithm>
#include <cstdio>

#include <date/date.h>

#include "core/time.hpp"

namespace casebook::core {

namespace {

/// The decimal value of `s` when it is exactly `digits` ASCII digits, else -1.
int digits_value(std::string_view s, std::size_t digits) {
  if (s.size() != digits) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

constexpr std::array<std::string_view, 12> kMonthNames{"January", "February", "March",     "April",
                                                       "May",     "June",     "July",      "August",
                                                       "September", "October", "November", "December"};
constexpr std::array<std::string_view, 5> kKindNames{"person", "agency", "company", "group", "state"};
constexpr std::array<std::string_view, kGeneratorCount> kGeneratorNames{
    "event_date",  "event_order",     "event_first",     "actor_match",
    "event_actor", "term_definition", "definition_term", "figure_value"};

}  // namespace

std::optional<FactDate> parse_fact_date(std::string_view text) {
  FactDate d;
  d.year = digits_value(text.substr(0, 4), 4);
  if (d.year < 1) return std::nullopt;
  if (text.size() == 4) return d;
  if (text.size() < 7 || text[4] != '-') return std::nullopt;
  d.month = digits_value(text.substr(5, 2), 2);
  if (d.month < 1 || d.month > 12) return std::nullopt;
  d.precision = DatePrecision::Month;
  if (text.size() == 7) return d;
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  d.day = digits_value(text.substr(8, 2), 2);
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  d.precision = DatePrecision::Day;
  return d;
}

std::string to_iso(const FactDate& d) {
  char buf[16];
  switch (d.precision) {
    case DatePrecision::Year: std::snprintf(buf, sizeof buf, "%04d", d.year); break;
    case DatePrecision::Month: std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month); break;
    case DatePrecision::Day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day); break;
  }
  return buf;
}

std::string to_display(const FactDate& d) {
  const std::string year = std::to_string(d.year);
  if (d.precision == DatePrecision::Year || d.month < 1 || d.month > 12) return year;
  const std::string month(kMonthNames[static_cast<std::size_t>(d.month - 1)]);
  if (d.precision == DatePrecision::Month) return month + " " + year;
  return std::to_string(d.day) + " " + month + " " + year;
}

FactDate truncate(const FactDate& d, DatePrecision p) {
  if (p >= d.precision) return d;
  FactDate out = d;
  out.precision = p;
  out.day = 0;
  if (p == DatePrecision::Year) out.month = 0;
  return out;
}

int compare_dates(const FactDate& a, const FactDate& b) {
  const DatePrecision p = std::min(a.precision, b.precision);
  const FactDate x = truncate(a, p);
  const FactDate y = truncate(b, p);
  if (x.year != y.year) return x.year < y.year ? -1 : 1;
  if (x.month != y.month) return x.month < y.month ? -1 : 1;
  if (x.day != y.day) return x.day < y.day ? -1 : 1;
  return 0;
}

int months_between(const FactDate& a, const FactDate& b) {
  const int ma = a.month == 0 ? 1 : a.month;
  const int mb = b.month == 0 ? 1 : b.month;
  return (b.year - a.year) * 12 + (mb - ma);
}

std::int64_t first_day(const FactDate& d) {
  const auto ymd = date::year{d.year} / date::month{static_cast<unsigned>(d.month == 0 ? 1 : d.month)} /
                   date::day{static_cast<unsigned>(d.day == 0 ? 1 : d.day)};
  return date::sys_days(ymd).time_since_epoch().count();
}

std::int64_t gap_days(const FactDate& a, const FactDate& b) {
  const DatePrecision p = std::min(a.precision, b.precision);
  const std::int64_t x = first_day(truncate(a, p));
  const std::int64_t y = first_day(truncate(b, p));
  return x < y ? y - x : x - y;
}

std::string to_string(ActorKind k) { return std::string(kKindNames[static_cast<std::size_t>(k)]); }

std::optional<ActorKind> actor_kind_from_string(std::string_view s) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == s) return static_cast<ActorKind>(i);
  }
  return std::nullopt;
}

std::string to_string(Generator g) { return std::string(kGeneratorNames[static_cast<std::size_t>(g)]); }

std::optional<Generator> generator_from_string(std::string_view s) {
  for (std::size_t i = 0; i < kGeneratorNames.size(); ++i) {
    if (kGeneratorNames[i] == s) return static_cast<Generator>(i);
  }
  return std::nullopt;
}

}  // namespace casebook::core
