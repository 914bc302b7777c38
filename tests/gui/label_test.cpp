// ui::label: widget labels (Selectable, Combo, Button...) in drawing order for ImGui, which
// draws code points left to right, unshaped. Expected values worked out by hand from UAX #9
// and the Arabic joining table (Unicode ArabicShaping.txt), not read back from FriBidi.
#include <gtest/gtest.h>

#include <imgui.h>

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

namespace {

/// An ImGui frame with the built-in font (ProggyClean: every glyph, "…" drawn as its fallback,
/// the same width), for measuring text.
class UiFitText : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 600);
    io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ImGui::NewFrame();
  }
  void TearDown() override {
    ImGui::EndFrame();
    ImGui::DestroyContext();
  }
};

using casebook::ui::fit_text;
using casebook::ui::text_width;

TEST_F(UiFitText, TextThatFitsIsUnchanged) {
  const std::string t = "The Sochi Olympics";
  EXPECT_EQ(fit_text(t, text_width(t)), t);
  EXPECT_EQ(fit_text(t, 1000.0f), t);
}

TEST_F(UiFitText, LongTextKeepsTheMostCharactersThatFitWithTheEllipsis) {
  const std::string t = "The 2018 World Cup and the FSB's computer-incident centre";
  const float room = text_width("The 2018 World Cup…");
  EXPECT_EQ(fit_text(t, room), "The 2018 World Cup…");
  EXPECT_EQ(fit_text(t, room - 0.5f), "The 2018 World Cu…");
  // One glyph short of the whole: the "…" takes the place of the last two characters.
  EXPECT_EQ(fit_text(t, text_width(t) - 0.5f), t.substr(0, t.size() - 2) + "…");
}

TEST_F(UiFitText, ACutNeverFallsInsideACharacterAndNoRoomGivesNothing) {
  const std::string t = "Путин becomes president again";  // Cyrillic: two bytes a letter
  const std::string cut = fit_text(t, text_width("Пут…"));
  EXPECT_EQ(cut, "Пут…");
  EXPECT_EQ(fit_text(t, text_width("П…") - 0.5f), "");
}

}  // namespace
