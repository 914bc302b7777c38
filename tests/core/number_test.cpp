// core/number.hpp: numbers as text with exact values, and the same text under a German locale
// (decimal comma, '.' thousands grouping) as under "C" for every formatter and parser that
// Casebook writes or reads numbers with.
#include <gtest/gtest.h>

#include <clocale>
#include <cmath>
#include <cstdio>
#include <limits>
#include <locale>
#include <sstream>
#include <string>

#include "core/number.hpp"
#include "core/optimizer.hpp"
#include "core/options.hpp"
#include "core/scheduler.hpp"
#include "core/time.hpp"

namespace casebook::core {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(Number, ShortestRoundTrip) {
  EXPECT_EQ(format_shortest(0.9), "0.9");
  EXPECT_EQ(format_shortest(45.5), "45.5");
  EXPECT_EQ(format_shortest(50.0), "50");
  EXPECT_EQ(format_shortest(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_shortest(1e21), "1e+21");
  EXPECT_EQ(format_shortest(-0.0), "0");
  EXPECT_EQ(format_shortest(-2.5), "-2.5");
  EXPECT_EQ(format_shortest(std::nan("")), "nan");
  EXPECT_EQ(format_shortest(-kInf), "-inf");
  for (const double x : {0.212, 1.2931, 6.4133, 0.1542, 1e-300, 1.7976931348623157e308, 123456789.125}) {
    EXPECT_EQ(parse_double(format_shortest(x)), x);
  }
}

TEST(Number, SignificantAsPrintfG) {
  EXPECT_EQ(format_significant(1700000000.0, 15), "1700000000");
  EXPECT_EQ(format_significant(2.5, 15), "2.5");
  EXPECT_EQ(format_significant(1700000000.0, 6), "1.7e+09");
  EXPECT_EQ(format_significant(0.1234567, 6), "0.123457");
  EXPECT_EQ(format_significant(0.0001, 6), "0.0001");
  EXPECT_EQ(format_significant(0.00001, 6), "1e-05");
}

TEST(Number, FixedAndTrimmed) {
  EXPECT_EQ(format_fixed(0.5, 6), "0.500000");
  EXPECT_EQ(format_fixed(2.675, 2), "2.67");  // 2.675 is 2.67499999... in binary: correctly rounded
  EXPECT_EQ(format_fixed(0.125, 2), "0.12");  // exact tie: to even, as printf
  EXPECT_EQ(format_fixed(1234567.891, 1), "1234567.9");  // no grouping
  EXPECT_EQ(format_fixed(-0.0001, 2), "-0.00");
  EXPECT_EQ(format_fixed(3.0, 0), "3");
  EXPECT_EQ(format_fixed(kInf, 2), "inf");
  EXPECT_EQ(format_trimmed(100.0 / 3, 5), "33.33333");
  EXPECT_EQ(format_trimmed(50.0, 5), "50");
  EXPECT_EQ(format_trimmed(2.1, 1), "2.1");
  EXPECT_EQ(format_trimmed(12.0, 1), "12");
}

TEST(Number, Grouped) {
  EXPECT_EQ(format_grouped(0), "0");
  EXPECT_EQ(format_grouped(999), "999");
  EXPECT_EQ(format_grouped(1000), "1,000");
  EXPECT_EQ(format_grouped(1700000000), "1,700,000,000");
  EXPECT_EQ(format_grouped(-1234), "-1,234");
  EXPECT_EQ(format_grouped(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
}

TEST(Number, AsWritten) {
  EXPECT_EQ(format_as_written(10000, "a fine of 10,000 roubles"), "10,000");
  EXPECT_EQ(format_as_written(10000, "a fine of 10000 roubles"), "10000");
  EXPECT_EQ(format_as_written(10000, "110,000 and 10,000.5 are other numbers"), "10,000");  // no plain 10000 either
  EXPECT_EQ(format_as_written(2016, "in 2016"), "2016");
  EXPECT_EQ(format_as_written(2016, "1,700 people"), "2,016");  // the text groups its numbers
  EXPECT_EQ(format_as_written(2016, ""), "2016");
  EXPECT_EQ(format_as_written(25000, ""), "25,000");
  EXPECT_EQ(format_as_written(-12000, "minus 12,000"), "-12,000");
  EXPECT_EQ(format_as_written(45.5, "45,500"), "45.5");
  EXPECT_EQ(format_as_written(999, "1,000"), "999");
}

TEST(Number, ParseDouble) {
  EXPECT_EQ(parse_double("50"), 50.0);
  EXPECT_EQ(parse_double("-2.5"), -2.5);
  EXPECT_EQ(parse_double("+0.9"), 0.9);
  EXPECT_EQ(parse_double("1e-3"), 1e-3);
  EXPECT_EQ(parse_double("1e+02"), 100.0);
  for (const char* bad : {"", "+", "0,9", " 1", "1 ", "1x", "++1", "0x10", "inf", "nan", "1e999", "."}) {
    EXPECT_FALSE(parse_double(bad).has_value()) << bad;
  }
}

/// Everything Casebook turns into or reads from text, as one string.
std::string all_number_text() {
  std::string out;
  for (const double x : {0.9, 1234567.891, -0.5, 1e21}) {
    out += format_shortest(x) + '|' + format_significant(x, 6) + '|' + format_fixed(x, 3) + '|' +
           format_trimmed(x, 2) + '|';
  }
  out += format_grouped(1700000000) + '|';
  out += std::to_string(parse_double("0.9").value_or(-1) == 0.9) + '|';
  StudyOptions o;
  o.desired_retention = 0.85;
  o.weights.assign(kDefaultWeights.begin(), kDefaultWeights.end());
  for (const auto& [key, value] : to_key_values(o)) out += key + '=' + value + '|';
  out += optimizer::format_weights(kDefaultWeights) + '|';
  out += format_shortest(optimizer::parse_weights(optimizer::format_weights(kDefaultWeights))[20]) + '|';
  const TimestampMs now = parse_iso("2024-06-01T12:00:00.250Z");
  out += format_interval(now, now + 45 * kMsPerDay) + '|' + format_interval(now, now + 600 * kMsPerDay) + '|';
  out += format_iso_utc(now) + '|' + format_local_minutes(now, "Europe/Berlin") + '|' + iso_date_of_day(19875);
  return out;
}

/// Sets the C and C++ global locales to `name` for the scope; `ok` is false when the system
/// does not have it.
class GlobalLocale {
 public:
  explicit GlobalLocale(const char* name) : m_old_c(std::setlocale(LC_ALL, nullptr)), m_old_cpp(std::locale()) {
    if (std::setlocale(LC_ALL, name) == nullptr) return;
    try {
      std::locale::global(std::locale(name));
      ok = true;
    } catch (const std::runtime_error&) {
      std::setlocale(LC_ALL, m_old_c.c_str());
    }
  }
  ~GlobalLocale() {
    std::locale::global(m_old_cpp);
    std::setlocale(LC_ALL, m_old_c.c_str());
  }
  GlobalLocale(const GlobalLocale&) = delete;
  GlobalLocale& operator=(const GlobalLocale&) = delete;
  bool ok = false;

 private:
  std::string m_old_c;
  std::locale m_old_cpp;
};

TEST(Number, GermanLocaleChangesNothing) {
  const std::string in_c = all_number_text();
  EXPECT_NE(in_c.find("desired_retention=0.85|"), std::string::npos);
  EXPECT_NE(in_c.find("1,700,000,000|"), std::string::npos);
  EXPECT_NE(in_c.find("2024-06-01T12:00:00.250Z|2024-06-01 14:00 CEST|2024-06-01"), std::string::npos) << in_c;
  const GlobalLocale german("de_DE.UTF-8");
  if (!german.ok) GTEST_SKIP() << "no de_DE.UTF-8 locale on this system (Debian: locales-all)";
  // The locale is really in force: printf and iostreams now write a decimal comma.
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", 0.5);
  ASSERT_STREQ(buf, "0,5");
  std::ostringstream stream;
  stream << 1234.5;
  ASSERT_EQ(stream.str(), "1.234,5");
  EXPECT_EQ(all_number_text(), in_c);
}

}  // namespace
}  // namespace casebook::core
