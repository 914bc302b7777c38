// The look of Casebook: a calm light palette and a dark one, and spacing in multiples of the
// font size.
#pragma once
#include <imgui.h>

namespace casebook::ui {

/// Every colour the screens use (RGBA, 0..1). Right/wrong are also always said in words,
/// never by colour alone. Text colours meet WCAG AA (4.5:1) on the backgrounds they are drawn
/// on, in both palettes (tests/gui/theme_test.cpp).
struct Palette {
  ImVec4 text, muted, background, panel, accent, accent_soft, correct, correct_soft, wrong, wrong_soft, notice;
  ImVec4 on_accent;                                   ///< text on an accent fill (primary buttons)
  ImVec4 accent_hovered, accent_active;               ///< primary buttons
  ImVec4 border, button, button_hovered, button_active, frame_hovered, frame_active;
  /// header_hovered is a neutral tint, unlike accent_soft (the chosen row): a row under the
  /// mouse must not look chosen too.
  ImVec4 header_hovered, header_active, table_header, table_border_light, row_alt, selected_text_bg;
};

/// The light palette (Casebook's first look) and the dark one.
[[nodiscard]] const Palette& light_palette();
[[nodiscard]] const Palette& dark_palette();

namespace detail {
/// The palette in force; apply_theme() replaces it. Read through the kColor* names.
inline Palette g_palette = light_palette();
}  // namespace detail

inline const ImVec4& kColorText = detail::g_palette.text;
inline const ImVec4& kColorMuted = detail::g_palette.muted;
inline const ImVec4& kColorBackground = detail::g_palette.background;
inline const ImVec4& kColorPanel = detail::g_palette.panel;
inline const ImVec4& kColorAccent = detail::g_palette.accent;
inline const ImVec4& kColorAccentSoft = detail::g_palette.accent_soft;
inline const ImVec4& kColorCorrect = detail::g_palette.correct;
inline const ImVec4& kColorCorrectSoft = detail::g_palette.correct_soft;
inline const ImVec4& kColorWrong = detail::g_palette.wrong;
inline const ImVec4& kColorWrongSoft = detail::g_palette.wrong_soft;
inline const ImVec4& kColorNotice = detail::g_palette.notice;

/// WCAG 2.1 contrast ratio of two opaque colours (1..21): (L1 + 0.05) / (L2 + 0.05) with the
/// relative luminance of sRGB (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
[[nodiscard]] double contrast_ratio(const ImVec4& a, const ImVec4& b);

/// Longest line of running text, in multiples of the font size (about 75 characters).
inline constexpr float kMaxTextWidthEm = 40.0f;

/// Sets ImGui's style to the Casebook theme at `scale` (1 = 96 dpi), light or dark (the
/// kColor* names follow).
void apply_theme(float scale, bool dark = false);

}  // namespace casebook::ui
