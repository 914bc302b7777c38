// Display settings (UI scale, theme): what they are, the steps Ctrl+Plus / Ctrl+Minus move
// through, and the small text file they are remembered in between runs.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace casebook::app {

/// The colour theme. System follows the desktop's light or dark preference.
enum class Theme { System, Light, Dark };

/// "system", "light", "dark".
[[nodiscard]] std::string_view to_string(Theme t);

struct DisplaySettings {
  int scale_percent = 100;  ///< UI scale, one of kScaleSteps (fonts re-rasterised at this size)
  Theme theme = Theme::System;
  friend bool operator==(const DisplaySettings&, const DisplaySettings&) = default;
};

/// The UI scales Ctrl+Plus and Ctrl+Minus step through, in percent.
inline constexpr int kScaleSteps[] = {75, 90, 100, 110, 125, 150, 175, 200};

/// The scale `steps` steps from `percent` (clamped to 75..200); 0 steps: back to 100. A
/// percent between steps moves to the next step in the direction asked.
[[nodiscard]] int step_scale(int percent, int steps);

/// The settings as the file holds them: "ui_scale = 125\ntheme = dark\n".
[[nodiscard]] std::string display_text(const DisplaySettings& s);

/// Reads display_text's format: one "key = value" per line, '#' comments and blank lines
/// ignored. A line that is not understood keeps the default and adds a problem
/// ("line 2: ui_scale must be one of 75, 90, 100, 110, 125, 150, 175, 200; got 300").
[[nodiscard]] DisplaySettings parse_display(std::string_view text, std::vector<std::string>& problems);

/// The settings in the file at `path`; the defaults when it is missing or `path` is empty.
/// Problems (unreadable file, bad lines) are appended to `problems`.
[[nodiscard]] DisplaySettings load_display(const std::string& path, std::vector<std::string>& problems);

/// Writes `s` to `path` whole (app::write_file_atomically), creating its folder. Throws
/// std::runtime_error when it cannot. Does nothing when `path` is empty.
void save_display(const std::string& path, const DisplaySettings& s);

/// Where the display settings are remembered by default: $XDG_CONFIG_HOME/casebook/display.conf,
/// else $HOME/.config/casebook/display.conf; empty when neither is set.
[[nodiscard]] std::string default_display_path();

}  // namespace casebook::app
