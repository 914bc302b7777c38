// The window, GL context and idle-aware main loop: the platform side of the GUI. The
// screens draw through the callbacks; this file knows nothing about the app.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/fonts.hpp"
#include "platform/screenshot.hpp"

namespace casebook::platform {

/// What a frame callback gets.
struct FrameContext {
  const FontSet* fonts = nullptr;
  float scale = 1.0f;  ///< UI scale (content scale / framebuffer ratio); style is already scaled
  /// Set `*busy = true` while work advances from frame to frame (e.g. an export's progress
  /// bar): the loop then renders the next frame at once instead of waiting for an event.
  bool* busy = nullptr;
  /// Set `*close = true` to end the loop once this frame is shown (a dialog's choice).
  bool* close = nullptr;
};

struct LoopOptions {
  std::string title = "Casebook";
  int width = 1100, height = 760;              ///< screen coordinates
  std::optional<std::string> screenshot_path;  ///< render `frames` frames, write PNG, return
  /// Writes screenshot files (PNG bytes) whole and durably: the GUI passes
  /// app::write_file_atomically.
  FileWriter write_file;
  int frames = 3;
  /// The code points the content uses (e.g. app::Controller::used_code_points), asked at
  /// start and whenever `glyph_generation` changes; the font atlas holds their glyphs.
  std::function<std::vector<char32_t>()> code_points;
  /// A number that changes whenever the content's code points may have (banks reloaded),
  /// asked once per frame; a change rebuilds the font atlas. Unset: it is built once.
  std::function<std::uint64_t()> glyph_generation;
  /// Sets the ImGui style for a UI scale; called at start, when the content scale or the
  /// user's scale changes, and when `style_generation` changes (e.g. another theme).
  std::function<void(float scale)> apply_style;
  /// The user's UI scale (1 = 100 %), asked once per frame; a change re-rasterises the fonts
  /// at the new size (content scale x user scale) and re-applies the style. Unset: 1.
  std::function<float()> user_scale;
  /// A number that changes when the style must be applied again (a theme chosen), asked once
  /// per frame. Unset: never.
  std::function<std::uint64_t()> style_generation;
  /// Draws one ImGui frame (between NewFrame and Render).
  std::function<void(const FrameContext&)> draw;
  /// The longest the idle loop waits for an event before drawing a frame anyway, in seconds
  /// (a clock on screen asks for 0.5), asked once per wait. Unset: 10 s.
  std::function<double()> idle_wait;
};

/// Whether the desktop asks for dark colours: $GTK_THEME ending in ":dark" or naming a dark
/// theme, else GTK 3's settings.ini ($XDG_CONFIG_HOME or ~/.config) with
/// gtk-application-prefer-dark-theme = true/1 or a gtk-theme-name containing "dark". False
/// when nothing says so.
[[nodiscard]] bool system_prefers_dark();

/// Wakes a loop waiting for events so it draws a frame soon. Thread-safe (glfwPostEmptyEvent):
/// background work calls it when it progresses or ends. Does nothing before the loop starts.
void wake_event_loop();

/// Opens the window and runs until it is closed (window close button or Ctrl+Q) or, in
/// screenshot mode, until the PNG is written. Waits for events when idle
/// (glfwWaitEventsTimeout) and renders a few frames after each. F12 writes a PNG of the
/// window to $CASEBOOK_SCREENSHOT_DIR (or the current directory). Keys, characters and mouse
/// buttons reach the screens in order, none lost however fast they come (InputQueue). With
/// CASEBOOK_DEBUG_FONTS=1, each font atlas build prints to stderr
/// "font atlas: N code points requested, M missing, WxH px (...)". Returns 0 on success, 1 if
/// GLFW, the window, the GL context or the screenshot fails (the reason goes to stderr).
[[nodiscard]] int run_window_loop(const LoopOptions& options);

}  // namespace casebook::platform
