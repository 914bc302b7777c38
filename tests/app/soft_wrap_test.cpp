// Soft line breaks of the justification box: wrapping at spaces with a fixed-width measure,
// hard breaks kept, long words whole, and the breaks following an edit.
#include "app/soft_wrap.hpp"

#include <gtest/gtest.h>

namespace casebook::app {
namespace {

/// One unit per byte: a line of width 10 holds 10 bytes.
float bytes(std::string_view s) { return static_cast<float>(s.size()); }

TEST(SoftWrap, BreaksAtTheLastSpaceThatFitsAndKeepsOffsets) {
  const std::string text = "the police may ask the provider for data";
  const SoftWrapped w = soft_wrap(text, 10, bytes);
  EXPECT_EQ(w.shown, "the police\nmay ask\nthe\nprovider\nfor data");
  EXPECT_EQ(w.soft, (std::vector<std::size_t>{10, 18, 22, 31}));
  EXPECT_EQ(w.shown.size(), text.size());
  EXPECT_EQ(unwrap(w), text);
}

TEST(SoftWrap, HardBreaksStayAndALongWordStaysWhole) {
  const std::string text = "a\nsupercalifragilistic word\n\nend";
  const SoftWrapped w = soft_wrap(text, 8, bytes);
  EXPECT_EQ(w.shown, "a\nsupercalifragilistic\nword\n\nend");
  EXPECT_EQ(w.soft, (std::vector<std::size_t>{22}));
  EXPECT_EQ(unwrap(w), text);
  EXPECT_EQ(soft_wrap("short", 80, bytes).soft.size(), 0u);
  EXPECT_EQ(soft_wrap("", 80, bytes).shown, "");
}

TEST(SoftWrap, AnEditKeepsTheBreaksOutsideTheChangedRun) {
  const SoftWrapped w = soft_wrap("one two three four", 8, bytes);
  ASSERT_EQ(w.shown, "one two\nthree\nfour");
  // Typing "X" at the start shifts both breaks by one.
  SoftWrapped typed = follow_edit(w, "Xone two\nthree\nfour");
  EXPECT_EQ(typed.soft, (std::vector<std::size_t>{8, 14}));
  EXPECT_EQ(unwrap(typed), "Xone two three four");
  // Deleting the first soft break (Backspace at a wrapped line's start) joins the words.
  SoftWrapped joined = follow_edit(w, "one twothree\nfour");
  EXPECT_EQ(joined.soft, (std::vector<std::size_t>{12}));
  EXPECT_EQ(unwrap(joined), "one twothree four");
  // A typed (hard) line break is not taken for a soft one.
  SoftWrapped hard = follow_edit(w, "one two\nthree\nfour\n");
  EXPECT_EQ(unwrap(hard), "one two three four\n");
}

}  // namespace
}  // namespace casebook::app
