// ui::label: widget labels (Selectable, Combo, Button...) in drawing order for ImGui, which
// draws code points left to right, unshaped. Expected values worked out by hand from UAX #9
// and the Arabic joining table (Unicode ArabicShaping.txt), not read back from FriBidi.
#include <gtest/gtest.h>

#include <string>

#include "ui/widgets.hpp"

namespace {

using casebook::ui::label;

TEST(UiLabel, TextWithoutRightToLeftIsReturnedByteForByte) {
  EXPECT_EQ(label("Study: all course banks   (Enter)"), "Study: all course banks   (Enter)");
  EXPECT_EQ(label("Options##scope"), "Options##scope");
  EXPECT_EQ(label("##open"), "##open");
  EXPECT_EQ(label(""), "");
  // FriBidi would turn a malformed byte into U+FFFD: it is not called for such text.
  EXPECT_EQ(label("Learner \xFF kept"), "Learner \xFF kept");
  // Hebrew after "##" is part of the id, never shown: nothing to reorder.
  EXPECT_EQ(label("Bank##\xD7\xA9\xD7\x9C"), "Bank##\xD7\xA9\xD7\x9C");
}

TEST(UiLabel, HebrewIsReversed) {
  // שלום (U+05E9 U+05DC U+05D5 U+05DD) is drawn last letter first: םולש.
  EXPECT_EQ(label("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"), "\xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9");
}

TEST(UiLabel, TheIdSuffixIsKeptAndStaysLast) {
  EXPECT_EQ(label("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D##row3"), "\xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9##row3");
  EXPECT_EQ(label("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D###fixed"), "\xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9###fixed");
  // سلمى (seen, lam, meem, alef maksura): initial U+FEB3, medial U+FEE0, medial U+FEE4,
  // final U+FEF0; drawn right to left.
  EXPECT_EQ(label("\xD8\xB3\xD9\x84\xD9\x85\xD9\x89##learner"),
            "\xEF\xBB\xB0\xEF\xBB\xA4\xEF\xBB\xA0\xEF\xBA\xB3##learner");
}

TEST(UiLabel, MixedTextKeepsEachRunInItsOwnOrder) {
  // A left-to-right line (first strong letter B): the Hebrew words in place, reversed as a run
  // (שלום עולם, "hello world", drawn עולם first).
  EXPECT_EQ(label("Bank: \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D and more"),
            "Bank: \xD7\x9D\xD7\x9C\xD7\x95\xD7\xA2 \xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9 and more");
  // A right-to-left line (first strong letter ש): the English word goes to the left, unreversed.
  EXPECT_EQ(label("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D World"), "World \xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9");
  // Each line of a two-line label by itself.
  EXPECT_EQ(label("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\nTopic 2"), "\xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9\nTopic 2");
}

}  // namespace
