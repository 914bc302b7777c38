// Small drawing and keyboard helpers shared by the screens (ImGui 1.86).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

#include "app/controller.hpp"
#include "platform/fonts.hpp"

namespace casebook::ui {

/// What a screen gets each frame. Screens never dispatch directly: they put at most one
/// action in `action`, and gui_main dispatches it after the frame is drawn (view pointers
/// stay valid while drawing).
struct UiContext {
  const platform::FontSet* fonts = nullptr;
  std::optional<app::Action> action;
  bool typing = false;  ///< a text box had keyboard focus at the start of this frame

  /// Queues `a` unless an earlier action was queued this frame.
  void send(app::Action a) {
    if (!action) action = std::move(a);
  }
};

/// Draws text as ImGui::TextUnformatted does, in pieces short enough for ImGui's 16-bit
/// indices (any length; UTF-8 is never cut inside a character). Under a wrap position
/// (ImGui::PushTextWrapPos) the lines break as wrap_to_width breaks them, not as ImGui would.
/// Each line is drawn in drawing order (platform::display_order: Hebrew and Arabic right to left,
/// Arabic joined), so pass text in reading order; lines stay left-aligned.
void unformatted_text(std::string_view text);
/// A widget label as ImGui should draw it itself (Selectable, Combo preview and items, Button,
/// Checkbox, RadioButton, tree node): each line of the visible part in drawing order
/// (platform::display_order: Hebrew and Arabic right to left, Arabic joined). An ImGui id
/// suffix, from the first "##" on, is kept byte for byte and stays last. Text without a
/// right-to-left character is returned unchanged, without calling FriBidi. Pass text in reading
/// order; in a composed label, order the bank's or learner's words before adding fixed English
/// around them (the English keeps its place). Plain text (a table cell, a tooltip's body) goes
/// through unformatted_text instead.
[[nodiscard]] std::string label(std::string_view text);
/// The width of `text` (one line) in pixels in the current font, not rounded: the widths of
/// adjacent runs add up (app::Measure).
[[nodiscard]] float text_width(std::string_view text);
/// `text` (one line, in reading order) cut at a character boundary and ended with "…" so that
/// it fits `room` pixels in the current font; unchanged when it fits, "" when not even one
/// character and the "…" fit.
[[nodiscard]] std::string fit_text(const std::string& text, float room);
/// `text` with line breaks where it must break to fit `width` pixels in the current font:
/// at spaces only (app::wrap_lines: "0.10327" or "1,000" never split; a word wider than the
/// line is cut between characters as a last resort).
[[nodiscard]] std::string wrap_to_width(std::string_view text, float width);
/// Text wrapped at the right edge of the current column (or at a wrap position pushed
/// around it), at spaces only (wrap_to_width).
void wrapped_text(std::string_view text);
/// Wrapped text in a colour.
void wrapped_text(std::string_view text, const ImVec4& color);
/// The state of the sync with the class's record store (Home, the session summary): nothing
/// when no store is configured, a notice colour when the last sync failed.
void draw_sync_status(const app::SyncStatusView& sync);
/// Muted small-print line, e.g. a keyboard hint.
void hint_text(std::string_view text);
/// Text in a given font (nullptr: current font), not wrapped.
void text_in(ImFont* font, std::string_view text, const ImVec4* color = nullptr);

/// A button drawn as primary (accent fill, white text) or plain; disabled when !enabled.
/// `size` in pixels (0 = fit). Returns true when clicked.
bool styled_button(const char* label, const ImVec2& size, bool primary, bool enabled = true);

/// Puts the next button (labelled `label`) beside the last item when it fits in the window,
/// else on the next line.
void same_line_if_fits(const char* label);

/// Begins a centred column at most `max_em` font sizes wide, leaving `reserve_bottom` pixels
/// below it. Always call end_column().
void begin_column(const char* id, float max_em, float reserve_bottom);
void end_column();

// Keyboard. Digits and letters come from the typed characters (keyboard-layout aware);
// Enter/Escape/arrows from key state. Unless a text box has focus, the platform's input
// queue gives a frame at most one key press or character (platform::InputQueue), so reading
// one per frame loses none.
/// 1..9 when that digit was typed this frame (main row or keypad), else 0.
[[nodiscard]] int typed_digit();
/// True when `c` (case-insensitive ASCII letter) was typed this frame.
[[nodiscard]] bool typed_letter(char c);
[[nodiscard]] bool enter_pressed();   ///< Enter or keypad Enter
[[nodiscard]] bool escape_pressed();
[[nodiscard]] bool up_pressed();
[[nodiscard]] bool down_pressed();
[[nodiscard]] bool left_pressed();
[[nodiscard]] bool right_pressed();
[[nodiscard]] bool tab_pressed();

/// For an InputText edit callback: when `*to_end`, puts the cursor after the text (no
/// selection) and clears the flag. A box the app gives the keyboard otherwise has all its
/// text selected (one line) or the cursor at the start (multiline), and typing would replace
/// or precede what is there.
void cursor_to_end_once(ImGuiInputTextCallbackData* data, bool& to_end);

/// Which keys scroll_keys reads besides PgUp, PgDn, Home and End.
enum class ScrollArrows { No, UpDown };
/// Scrolls the window being drawn (call it inside the window or child to scroll) by the keys
/// of this frame: PgUp/PgDn by 0.8 of its height, Home/End to its top and end, and with
/// ScrollArrows::UpDown, Up/Down by three lines. The caller reads no keys while a text box
/// has the keyboard (UiContext::typing).
void scroll_keys(ScrollArrows arrows = ScrollArrows::No);

}  // namespace casebook::ui
