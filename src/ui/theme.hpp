// The look of Casebook: a light, calm palette and spacing in multiples of the font size.
#pragma once
#include <imgui.h>

namespace casebook::ui {

// Palette (RGBA, 0..1). Right/wrong are also always said in words, never by colour alone.
inline const ImVec4 kColorText{0.13f, 0.15f, 0.18f, 1.0f};
inline const ImVec4 kColorMuted{0.42f, 0.45f, 0.49f, 1.0f};
inline const ImVec4 kColorBackground{0.972f, 0.965f, 0.945f, 1.0f};
inline const ImVec4 kColorPanel{1.0f, 1.0f, 0.995f, 1.0f};
inline const ImVec4 kColorAccent{0.16f, 0.42f, 0.58f, 1.0f};
inline const ImVec4 kColorAccentSoft{0.85f, 0.91f, 0.95f, 1.0f};
inline const ImVec4 kColorCorrect{0.10f, 0.47f, 0.24f, 1.0f};
inline const ImVec4 kColorCorrectSoft{0.88f, 0.95f, 0.89f, 1.0f};
inline const ImVec4 kColorWrong{0.70f, 0.17f, 0.15f, 1.0f};
inline const ImVec4 kColorWrongSoft{0.98f, 0.90f, 0.89f, 1.0f};
inline const ImVec4 kColorNotice{0.55f, 0.38f, 0.05f, 1.0f};

/// Longest line of running text, in multiples of the font size (about 75 characters).
inline constexpr float kMaxTextWidthEm = 40.0f;

/// Sets ImGui's style to the Casebook theme at `scale` (1 = 96 dpi).
void apply_theme(float scale);

}  // namespace casebook::ui
