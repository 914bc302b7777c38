// Study days across DST changes, rollover hours (including one that does not exist on the
// spring-forward day), ISO-8601 parsing/formatting, and the local time zone name.
#include <gtest/gtest.h>

#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/time.hpp"

namespace casebook::core {
namespace {

/// Days since 1970-01-01 of a civil date.
std::int64_t day_of(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count();
}

TimestampMs at(const std::string& iso) { return parse_iso(iso); }

TEST(StudyDay, UtcWithRolloverZeroIsTheUtcCalendarDay) {
  const DayClock utc{"UTC", 0};
  EXPECT_EQ(study_day(at("2024-05-31T23:55:00Z"), utc), day_of(2024, 5, 31));
  EXPECT_EQ(study_day(at("2024-06-01T00:05:00Z"), utc), day_of(2024, 6, 1));
  EXPECT_EQ(study_day(0, utc), 0);
  EXPECT_EQ(study_day(-1, utc), -1);  // floor, not truncation
  EXPECT_EQ(study_day_start(day_of(2024, 6, 1), utc), at("2024-06-01T00:00:00Z"));
}

TEST(StudyDay, RolloverFourMovesHalfPastThreeToThePreviousDay) {
  const DayClock berlin{"Europe/Berlin", 4};
  EXPECT_EQ(study_day(at("2025-06-15T03:30:00+02:00"), berlin), day_of(2025, 6, 14));
  EXPECT_EQ(study_day(at("2025-06-15T03:59:59.999+02:00"), berlin), day_of(2025, 6, 14));
  EXPECT_EQ(study_day(at("2025-06-15T04:00:00+02:00"), berlin), day_of(2025, 6, 15));
  const DayClock ny{"America/New_York", 4};
  EXPECT_EQ(study_day(at("2025-01-15T03:30:00-05:00"), ny), day_of(2025, 1, 14));
  EXPECT_EQ(study_day(at("2025-01-15T04:00:00-05:00"), ny), day_of(2025, 1, 15));
  // The same instant is a different study day with rollover 0.
  EXPECT_EQ(study_day(at("2025-01-15T03:30:00-05:00"), DayClock{"America/New_York", 0}),
            day_of(2025, 1, 15));
}

TEST(StudyDay, BerlinSpringForwardDayHas23Hours) {
  const DayClock c{"Europe/Berlin", 4};
  const TimestampMs d29 = study_day_start(day_of(2025, 3, 29), c);
  const TimestampMs d30 = study_day_start(day_of(2025, 3, 30), c);
  const TimestampMs d31 = study_day_start(day_of(2025, 3, 31), c);
  EXPECT_EQ(d29, at("2025-03-29T03:00:00Z"));  // 04:00 CET
  EXPECT_EQ(d30, at("2025-03-30T02:00:00Z"));  // 04:00 CEST
  EXPECT_EQ(d30 - d29, 23 * kMsPerHour);       // study day 03-29 spans the change: 23 hours
  EXPECT_EQ(d31 - d30, 24 * kMsPerHour);
  // Across the change itself (02:00 CET -> 03:00 CEST), still study day 03-29 until 04:00 CEST.
  EXPECT_EQ(study_day(at("2025-03-30T00:59:59Z"), c), day_of(2025, 3, 29));  // 01:59:59 CET
  EXPECT_EQ(study_day(at("2025-03-30T01:00:00Z"), c), day_of(2025, 3, 29));  // 03:00 CEST
  EXPECT_EQ(study_day(at("2025-03-30T01:59:59.999Z"), c), day_of(2025, 3, 29));
  EXPECT_EQ(study_day(at("2025-03-30T02:00:00Z"), c), day_of(2025, 3, 30));
  // With rollover 0 the calendar day 03-30 is only 23 hours long.
  const DayClock c0{"Europe/Berlin", 0};
  EXPECT_EQ(study_day_start(day_of(2025, 3, 31), c0) - study_day_start(day_of(2025, 3, 30), c0),
            23 * kMsPerHour);
}

TEST(StudyDay, BerlinFallBackDayHas25Hours) {
  const DayClock c0{"Europe/Berlin", 0};
  EXPECT_EQ(study_day_start(day_of(2025, 10, 27), c0) - study_day_start(day_of(2025, 10, 26), c0),
            25 * kMsPerHour);
  const DayClock c{"Europe/Berlin", 4};
  EXPECT_EQ(study_day_start(day_of(2025, 10, 26), c), at("2025-10-26T03:00:00Z"));  // 04:00 CET
  // 02:30 CEST and 02:30 CET (the repeated hour) both belong to study day 10-25.
  EXPECT_EQ(study_day(at("2025-10-26T00:30:00Z"), c), day_of(2025, 10, 25));
  EXPECT_EQ(study_day(at("2025-10-26T01:30:00Z"), c), day_of(2025, 10, 25));
  EXPECT_EQ(study_day(at("2025-10-26T02:59:59Z"), c), day_of(2025, 10, 25));
  EXPECT_EQ(study_day(at("2025-10-26T03:00:00Z"), c), day_of(2025, 10, 26));
}

TEST(StudyDay, NewYorkBothDirections) {
  const DayClock c{"America/New_York", 4};
  // Spring forward 2025-03-09 02:00 EST -> 03:00 EDT.
  EXPECT_EQ(study_day_start(day_of(2025, 3, 8), c), at("2025-03-08T09:00:00Z"));  // 04:00 EST
  EXPECT_EQ(study_day_start(day_of(2025, 3, 9), c), at("2025-03-09T08:00:00Z"));  // 04:00 EDT
  EXPECT_EQ(study_day(at("2025-03-09T07:59:59Z"), c), day_of(2025, 3, 8));
  EXPECT_EQ(study_day(at("2025-03-09T08:00:00Z"), c), day_of(2025, 3, 9));
  // Fall back 2025-11-02 02:00 EDT -> 01:00 EST.
  EXPECT_EQ(study_day_start(day_of(2025, 11, 2), c), at("2025-11-02T09:00:00Z"));  // 04:00 EST
  EXPECT_EQ(study_day_start(day_of(2025, 11, 3), c) - study_day_start(day_of(2025, 11, 2), c),
            24 * kMsPerHour);
  EXPECT_EQ(study_day(at("2025-11-02T08:59:59Z"), c), day_of(2025, 11, 1));
  EXPECT_EQ(study_day(at("2025-11-02T09:00:00Z"), c), day_of(2025, 11, 2));
  // Rollover 1 on the fall-back day: 01:00 happens twice; the day starts at the first one.
  const DayClock c1{"America/New_York", 1};
  EXPECT_EQ(study_day_start(day_of(2025, 11, 2), c1), at("2025-11-02T05:00:00Z"));  // 01:00 EDT
  EXPECT_EQ(study_day(at("2025-11-02T04:59:59.999Z"), c1), day_of(2025, 11, 1));
  EXPECT_EQ(study_day(at("2025-11-02T06:30:00Z"), c1), day_of(2025, 11, 2));  // 01:30 EST
}

TEST(StudyDay, NonExistentRolloverHourStartsAtTheTransition) {
  // Europe/Berlin 2025-03-30: 02:00 local does not exist (02:00 CET -> 03:00 CEST, 01:00Z).
  const DayClock c{"Europe/Berlin", 2};
  const TimestampMs start = study_day_start(day_of(2025, 3, 30), c);
  EXPECT_EQ(start, at("2025-03-30T01:00:00Z"));  // == 03:00 CEST, first local time >= 02:00
  EXPECT_EQ(study_day(start - 1, c), day_of(2025, 3, 29));  // 01:59:59.999 CET
  EXPECT_EQ(study_day(start, c), day_of(2025, 3, 30));
  EXPECT_EQ(study_day_start(day_of(2025, 3, 31), c) - start, 23 * kMsPerHour);
  // America/New_York 2025-03-09, rollover 2: the day starts at 03:00 EDT = 07:00Z.
  const DayClock ny{"America/New_York", 2};
  EXPECT_EQ(study_day_start(day_of(2025, 3, 9), ny), at("2025-03-09T07:00:00Z"));
  EXPECT_EQ(study_day(at("2025-03-09T06:59:59Z"), ny), day_of(2025, 3, 8));
  EXPECT_EQ(study_day(at("2025-03-09T07:00:00Z"), ny), day_of(2025, 3, 9));
}

TEST(StudyDay, StartAndIndexAgreeOverTwoYears) {
  for (const char* zone : {"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"}) {
    for (int hour : {0, 1, 2, 3, 4, 23}) {
      const DayClock c{zone, hour};
      for (std::int64_t d = day_of(2024, 1, 1); d < day_of(2026, 1, 1); ++d) {
        const TimestampMs s = study_day_start(d, c);
        ASSERT_EQ(study_day(s, c), d) << zone << " h" << hour << " day " << d;
        ASSERT_EQ(study_day(s - 1, c), d - 1) << zone << " h" << hour << " day " << d;
      }
    }
  }
}

TEST(StudyDay, BadClockThrows) {
  EXPECT_THROW((void)study_day(0, DayClock{"Mars/Olympus_Mons", 4}), std::runtime_error);
  EXPECT_THROW((void)study_day(0, DayClock{"UTC", 24}), std::invalid_argument);
  EXPECT_THROW((void)study_day_start(0, DayClock{"UTC", -1}), std::invalid_argument);
}

TEST(IsoTime, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(format_iso_utc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_iso_utc(1717243200000), "2024-06-01T12:00:00.000Z");
  EXPECT_EQ(format_iso_utc(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(format_iso_utc(4102444800123), "2100-01-01T00:00:00.123Z");
}

TEST(IsoTime, ParsesZuluOffsetsAndFractions) {
  EXPECT_EQ(parse_iso("2024-06-01T12:00:00.000Z"), 1717243200000);
  EXPECT_EQ(parse_iso("2024-06-01T12:00:00Z"), 1717243200000);
  EXPECT_EQ(parse_iso("2024-06-01T14:00:00+02:00"), 1717243200000);
  EXPECT_EQ(parse_iso("2024-06-01T07:30:00-04:30"), 1717243200000);
  EXPECT_EQ(parse_iso("2024-06-01T12:00:00.5Z"), 1717243200500);
  EXPECT_EQ(parse_iso("2024-06-01T12:00:00.123456Z"), 1717243200123);
  EXPECT_EQ(parse_iso("2025-03-10T09:00:00+01:00"), parse_iso("2025-03-10T08:00:00Z"));
  EXPECT_EQ(parse_iso("2024-02-29T00:00:00Z") - parse_iso("2024-02-28T00:00:00Z"), kMsPerDay);
  for (const TimestampMs t : {TimestampMs{0}, TimestampMs{-1}, TimestampMs{1717243200123}, TimestampMs{253402300799999}}) {
    EXPECT_EQ(parse_iso(format_iso_utc(t)), t);
  }
}

TEST(IsoTime, RejectsMalformedText) {
  for (const char* bad : {"", "2024-06-01", "2024-06-01T12:00:00", "2024-06-01 12:00:00Z",
                          "2024-13-01T12:00:00Z", "2023-02-29T12:00:00Z", "2024-06-01T25:00:00Z",
                          "2024-06-01T12:60:00Z", "2024-02-28T24:00:00Z", "2024-06-01T12:00:00.Z", "2024-06-01T12:00:00Zx",
                          "2024-06-01T12:00:00+0200", "24-06-01T12:00:00Z", "2024-06-01T12:00:00+25:00"}) {
    EXPECT_THROW((void)parse_iso(bad), std::invalid_argument) << bad;
  }
}

TEST(LocalDate, IsTheCalendarDayInTheZone) {
  // 2024-06-01 23:30 UTC is already 2 June in Berlin (CEST, +2) and still 1 June in New York.
  const TimestampMs t = parse_iso("2024-06-01T23:30:00Z");
  EXPECT_EQ(format_local_date(t, "UTC"), "2024-06-01");
  EXPECT_EQ(format_local_date(t, "Europe/Berlin"), "2024-06-02");
  EXPECT_EQ(format_local_date(t, "America/New_York"), "2024-06-01");
  EXPECT_EQ(format_local_date(t, "Mars/Olympus_Mons"), "2024-06-01");  // unknown zone: UTC
}

TEST(IsoTime, NowIsTheSystemClock) {
  const auto sys = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  EXPECT_LE(std::llabs(now_ms() - sys), 5000);
}

/// Sets $TZ for one scope and restores it.
class ScopedTz {
 public:
  explicit ScopedTz(const char* value) {
    if (const char* old = std::getenv("TZ"); old != nullptr) {
      m_old = old;
    }
    if (value != nullptr) {
      ::setenv("TZ", value, 1);
    } else {
      ::unsetenv("TZ");
    }
  }
  ~ScopedTz() {
    if (m_old) {
      ::setenv("TZ", m_old->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
  }
  ScopedTz(const ScopedTz&) = delete;
  ScopedTz& operator=(const ScopedTz&) = delete;

 private:
  std::optional<std::string> m_old;
};

TEST(LocalZone, TzVariableWins) {
  {
    const ScopedTz tz("Europe/Berlin");
    EXPECT_EQ(local_time_zone_name(), "Europe/Berlin");
  }
  {
    const ScopedTz tz(":America/New_York");
    EXPECT_EQ(local_time_zone_name(), "America/New_York");
  }
  {
    const ScopedTz tz("/usr/share/zoneinfo/Asia/Tokyo");
    EXPECT_EQ(local_time_zone_name(), "Asia/Tokyo");
  }
  {
    // Not a zone name: falls back to /etc/localtime, /etc/timezone or "UTC", always usable.
    const ScopedTz tz("Not/AZone");
    const std::string name = local_time_zone_name();
    EXPECT_NE(name, "Not/AZone");
    EXPECT_NO_THROW((void)study_day(0, DayClock{name, 4}));
  }
}

}  // namespace
}  // namespace casebook::core
