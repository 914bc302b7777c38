// Wrapping at spaces only: the lines every wrapped text of the window shows (numbers, ratios,
// thousands and addresses never split; a word too long for the line cut as a last resort) and
// the soft line breaks of the justification box (hard breaks kept, long words whole, the
// breaks following an edit), with a fixed-width measure.
#include "app/soft_wrap.hpp"

#include <gtest/gtest.h>

namespace casebook::app {
namespace {

/// One unit per byte: a line of width 10 holds 10 bytes.
float bytes(std::string_view s) { return static_cast<float>(s.size()); }

using Lines = std::vector<std::string_view>;

TEST(WrapLines, NeverBreaksANumberAtItsPointOrComma) {
  // The optimizer's sentence that ImGui's own wrap showed as "... from 0." / "10327 ...".
  const std::string text = "Log loss fell from 0.10327 to 0.09871, 3.5x fewer misses in 1,000 reviews.";
  EXPECT_EQ(wrap_lines(text, 24, bytes),
            (Lines{"Log loss fell from", "0.10327 to 0.09871, 3.5x", "fewer misses in 1,000", "reviews."}));
  // Where a point or comma ends the room, the whole number moves to the next line.
  EXPECT_EQ(wrap_lines("ratio 0.10327", 8, bytes), (Lines{"ratio", "0.10327"}));
  EXPECT_EQ(wrap_lines("about 1,000,000 cards", 12, bytes), (Lines{"about", "1,000,000", "cards"}));
  EXPECT_EQ(wrap_lines("see example.org/a,b.html now", 20, bytes), (Lines{"see", "example.org/a,b.html", "now"}));
}

TEST(WrapLines, LineBreaksEmptyLinesAndSpaces) {
  EXPECT_EQ(wrap_lines("", 10, bytes), (Lines{""}));
  EXPECT_EQ(wrap_lines("fits exactly", 12, bytes), (Lines{"fits exactly"}));
  EXPECT_EQ(wrap_lines("one\n\ntwo three", 5, bytes), (Lines{"one", "", "two", "three"}));
  EXPECT_EQ(wrap_lines("end\n", 10, bytes), (Lines{"end", ""}));
  // Two spaces: the break takes the last one, the line keeps the other; trailing spaces stay.
  EXPECT_EQ(wrap_lines("ab  cd  ", 4, bytes), (Lines{"ab ", "cd  "}));
}

TEST(WrapLines, AWordWiderThanTheLineIsCutBetweenCharactersAsALastResort) {
  EXPECT_EQ(wrap_lines("a supercalifragilistic b", 8, bytes), (Lines{"a", "supercal", "ifragili", "stic b"}));
  // UTF-8: "Ελλάδα" is six two-byte characters, each one unit wide: never cut inside one.
  const auto chars = [](std::string_view s) {
    float n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1.0f : 0.0f;
    return n;
  };
  EXPECT_EQ(wrap_lines("Ελλάδα", 4, chars), (Lines{"Ελλά", "δα"}));
  // Narrower than one character: one character a line.
  EXPECT_EQ(wrap_lines("abc", 0.5f, bytes), (Lines{"a", "b", "c"}));
}

TEST(WrapLines, MeasuresEachByteAtMostThreeTimes) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "word" + std::to_string(i) + (i % 50 == 49 ? "\n" : " ");
  std::size_t measured = 0;
  const auto counting = [&](std::string_view s) {
    measured += s.size();
    return static_cast<float>(s.size());
  };
  const Lines lines = wrap_lines(text, 60, counting);
  EXPECT_LE(measured, 3 * text.size());
  for (const std::string_view line : lines) EXPECT_LE(line.size(), 60u);
  EXPECT_GT(lines.size(), text.size() / 60);
}

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
