// The window shown before the app starts: a start-up failure with Quit, or a question (work
// read-only, or quit) when another Casebook has the progress file open.
#pragma once
#include "app/views.hpp"
#include "ui/gui_main.hpp"

namespace casebook::ui {

/// Shows `view` in a window of its own (title, message, one button per choice) until a
/// choice is made or the window is closed, and returns the chosen index: the last (Quit)
/// when the window is closed or cannot open (no display: the reason goes to stderr). Keys:
/// Enter chooses the first button, Esc (or Ctrl+Q) the last. With options.screenshot_path
/// the window is drawn, written to the PNG and closed (Quit).
int run_startup_window(const app::StartupView& view, const GuiOptions& options);

}  // namespace casebook::ui
