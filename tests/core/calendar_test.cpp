// The calendar helpers of core/time.hpp (dates of day indices, weekdays, month lengths), on
// Howard Hinnant's date.
#include <gtest/gtest.h>

#include "core/time.hpp"

namespace casebook::core {
namespace {

TEST(Calendar, IsoDateOfDayIndex) {
  EXPECT_EQ(iso_date_of_day(0), "1970-01-01");
  EXPECT_EQ(iso_date_of_day(-1), "1969-12-31");
  EXPECT_EQ(iso_date_of_day(19875), "2024-06-01");
  EXPECT_EQ(iso_date_of_day(11016), "2000-02-29");
  EXPECT_EQ(iso_date_of_day(-719162), "0001-01-01");
  EXPECT_EQ(iso_date_of_day(2932896), "9999-12-31");
  // Outside the supported range: clamped, never a year of five digits or garbage.
  EXPECT_EQ(iso_date_of_day(-800000), "0001-01-01");
  EXPECT_EQ(iso_date_of_day(INT64_MAX), "9999-12-31");
  // Agrees with study_day at UTC midnight.
  EXPECT_EQ(iso_date_of_day(study_day(parse_iso("2024-02-29T00:00:00Z"), DayClock{"UTC", 0})), "2024-02-29");
}

TEST(Calendar, IsoWeekdayOfDayIndex) {
  EXPECT_EQ(iso_weekday_of_day(0), 4);       // 1970-01-01, a Thursday
  EXPECT_EQ(iso_weekday_of_day(-3), 1);      // 1969-12-29, a Monday
  EXPECT_EQ(iso_weekday_of_day(19875), 6);   // 2024-06-01, a Saturday
  EXPECT_EQ(iso_weekday_of_day(19876), 7);   // a Sunday
  EXPECT_EQ(iso_weekday_of_day(19877), 1);
}

TEST(Calendar, DaysInMonth) {
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);  // divisible by 400
  EXPECT_EQ(days_in_month(1900, 2), 28);  // by 100, not by 400
  EXPECT_EQ(days_in_month(2024, 1), 31);
  EXPECT_EQ(days_in_month(2024, 4), 30);
  EXPECT_EQ(days_in_month(2024, 12), 31);
  EXPECT_EQ(days_in_month(2024, 0), 0);
  EXPECT_EQ(days_in_month(2024, 13), 0);
}

}  // namespace
}  // namespace casebook::core
