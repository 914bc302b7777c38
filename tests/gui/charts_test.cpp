// ui::nice_top: the top of a chart's value axis, whose half-way tick is labelled too.
#include <gtest/gtest.h>

#include "ui/charts.hpp"

namespace {

using casebook::ui::nice_top;

TEST(UiNiceTop, OneTwoFiveTimesAPowerOfTen) {
  EXPECT_EQ(nice_top(0.0f), 1.0f);
  EXPECT_EQ(nice_top(0.3f), 0.5f);
  EXPECT_EQ(nice_top(1.0f), 1.0f);
  EXPECT_EQ(nice_top(3.0f), 5.0f);
  EXPECT_EQ(nice_top(7.5f), 10.0f);
  EXPECT_EQ(nice_top(42.0f), 50.0f);
  EXPECT_EQ(nice_top(100.0f), 100.0f);
}

TEST(UiNiceTop, WholeNumbersKeepAWholeHalfWayTick) {
  // Three reviews in a day: the axis reads 0, 2, 4 (it read 0, 2.5, 5).
  EXPECT_EQ(nice_top(3.0f, true), 4.0f);
  EXPECT_EQ(nice_top(0.0f, true), 2.0f);
  EXPECT_EQ(nice_top(1.0f, true), 2.0f);
  EXPECT_EQ(nice_top(5.0f, true), 6.0f);
  EXPECT_EQ(nice_top(10.0f, true), 10.0f);
  EXPECT_EQ(nice_top(15.0f, true), 20.0f);
  EXPECT_EQ(nice_top(85.0f, true), 100.0f);
  EXPECT_EQ(nice_top(100.0f, true), 100.0f);  // a percentage axis stays at 100
  EXPECT_EQ(nice_top(250.0f, true), 400.0f);
  for (const float v : {1.0f, 3.0f, 7.0f, 13.0f, 55.0f, 999.0f, 31000.0f}) {
    const float top = nice_top(v, true);
    EXPECT_GE(top, v);
    EXPECT_EQ(top / 2.0f, static_cast<float>(static_cast<long>(top / 2.0f))) << v;
  }
}

}  // namespace
