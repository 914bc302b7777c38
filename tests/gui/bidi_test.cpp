// platform::display_order (right-to-left text for ImGui, which draws left to right unshaped).
// Expected values worked out by hand from UAX #9 and the Arabic joining table (Unicode
// ArabicShaping.txt), not read back from FriBidi.
#include <gtest/gtest.h>

#include "platform/bidi.hpp"

namespace {

using casebook::platform::display_order;
using casebook::platform::has_right_to_left;

TEST(Bidi, OnlyRightToLeftScriptsNeedReordering) {
  EXPECT_FALSE(has_right_to_left(""));
  EXPECT_FALSE(has_right_to_left("Plain ASCII, 12.5 %"));
  EXPECT_FALSE(has_right_to_left("\xCE\x95\xCE\xBB\xCE\xAD\xCE\xBD\xCE\xB7"));  // Ελένη (Greek)
  EXPECT_FALSE(has_right_to_left("\xD4\xB1\xD6\x80"));                          // Ա ր (Armenian, just below Hebrew)
  EXPECT_FALSE(has_right_to_left("\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99"));      // 李小龙
  EXPECT_FALSE(has_right_to_left("\xFF\xFE broken"));
  EXPECT_TRUE(has_right_to_left("\xD7\xA9"));                  // ש U+05E9
  EXPECT_TRUE(has_right_to_left("Name: \xD8\xB3"));            // س U+0633
  EXPECT_TRUE(has_right_to_left("\xEF\xBB\xB3"));              // U+FEF3 (an Arabic presentation form)
}

TEST(Bidi, LeftToRightTextIsUnchanged) {
  EXPECT_EQ(display_order("Ivan Petrov 0.10327"), "Ivan Petrov 0.10327");
  EXPECT_EQ(display_order("\xCE\x95\xCE\xBB\xCE\xAD\xCE\xBD\xCE\xB7"), "\xCE\x95\xCE\xBB\xCE\xAD\xCE\xBD\xCE\xB7");
  EXPECT_EQ(display_order("\xFF kept as it was"), "\xFF kept as it was");
}

TEST(Bidi, HebrewIsDrawnInReverseButNumbersKeepTheirOrder) {
  // שלום (U+05E9 U+05DC U+05D5 U+05DD) is drawn last letter first: םולש.
  EXPECT_EQ(display_order("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"), "\xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9");
  // "חדר 12" (room 12): a right-to-left paragraph; the number is a left-to-right run inside it.
  EXPECT_EQ(display_order("\xD7\x97\xD7\x93\xD7\xA8 12"), "12 \xD7\xA8\xD7\x93\xD7\x97");
  // A left-to-right paragraph (first strong letter D) keeps "Dr." first.
  EXPECT_EQ(display_order("Dr. \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"), "Dr. \xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9");
}

TEST(Bidi, ArabicLettersTakeTheirJoinedForms) {
  // سلام (seen U+0633, lam U+0644, alef U+0627, meem U+0645): seen initial (U+FEB3), lam-alef
  // as the final-form ligature (U+FEFC, joined to the seen before it), meem isolated (U+FEE1:
  // alef never joins the letter after it); drawn right to left: U+FEE1 U+FEFC U+FEB3.
  EXPECT_EQ(display_order("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"), "\xEF\xBB\xA1\xEF\xBB\xBC\xEF\xBA\xB3");
  // بيت (beh U+0628, yeh U+064A, teh U+062A): initial U+FE91, medial U+FEF4, final U+FE96.
  EXPECT_EQ(display_order("\xD8\xA8\xD9\x8A\xD8\xAA"), "\xEF\xBA\x96\xEF\xBB\xB4\xEF\xBA\x91");
}

TEST(Bidi, MalformedBytesInRightToLeftTextBecomeReplacementCharacters) {
  // U+FFFD is neutral; at the start of a right-to-left paragraph it takes the paragraph's
  // direction and so ends up drawn after the letters.
  EXPECT_EQ(display_order("\xFF\xD7\xA9\xD7\x9C"), "\xD7\x9C\xD7\xA9\xEF\xBF\xBD");
}

}  // namespace
