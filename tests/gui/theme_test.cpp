// The light and dark palettes (issue 12): every text colour meets WCAG AA (4.5:1) on every
// background it is drawn on; the contrast formula against known values.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "ui/theme.hpp"

namespace ui = casebook::ui;

TEST(Theme, ContrastRatioMatchesWcag) {
  EXPECT_NEAR(ui::contrast_ratio({0, 0, 0, 1}, {1, 1, 1, 1}), 21.0, 1e-9);
  EXPECT_NEAR(ui::contrast_ratio({1, 1, 1, 1}, {1, 1, 1, 1}), 1.0, 1e-9);
  // #767676 on white: 4.54, the lightest grey that passes AA.
  const float g = 118.0f / 255.0f;
  EXPECT_NEAR(ui::contrast_ratio({g, g, g, 1}, {1, 1, 1, 1}), 4.54, 0.01);
}

namespace {

void expect_aa(const ui::Palette& p, const char* name) {
  using Pair = std::pair<const char*, std::pair<ImVec4, ImVec4>>;
  const std::vector<Pair> pairs = {
      {"text on background", {p.text, p.background}},       {"text on panel", {p.text, p.panel}},
      {"text on selected row", {p.text, p.accent_soft}},     {"text on button", {p.text, p.button}},
      {"text on table header", {p.text, p.table_header}},   {"muted on background", {p.muted, p.background}},
      {"muted on panel", {p.muted, p.panel}},               {"accent on background", {p.accent, p.background}},
      {"correct on background", {p.correct, p.background}}, {"correct on its panel", {p.correct, p.correct_soft}},
      {"wrong on background", {p.wrong, p.background}},     {"wrong on its panel", {p.wrong, p.wrong_soft}},
      {"notice on background", {p.notice, p.background}},   {"notice on selected row", {p.notice, p.accent_soft}},
      {"button text on accent", {p.on_accent, p.accent}},   {"button text on hovered accent", {p.on_accent, p.accent_hovered}},
      {"text on card form", {p.text, p.accent_soft}},
  };
  for (const auto& [what, colours] : pairs) {
    EXPECT_GE(ui::contrast_ratio(colours.first, colours.second), 4.5) << name << ": " << what;
  }
}

}  // namespace

TEST(Theme, LightPaletteMeetsWcagAA) { expect_aa(ui::light_palette(), "light"); }
TEST(Theme, DarkPaletteMeetsWcagAA) { expect_aa(ui::dark_palette(), "dark"); }

TEST(Theme, ApplyThemeSwitchesTheNamedColours) {
  ImGui::CreateContext();
  ui::apply_theme(1.0f, true);
  EXPECT_EQ(ui::kColorText.x, ui::dark_palette().text.x);
  EXPECT_EQ(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x, ui::dark_palette().background.x);
  ui::apply_theme(2.0f, false);
  EXPECT_EQ(ui::kColorText.x, ui::light_palette().text.x);
  EXPECT_EQ(ImGui::GetStyle().FramePadding.x, 20.0f);  // sizes scaled, not compounded
  ImGui::DestroyContext();
}
