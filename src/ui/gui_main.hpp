// Entry point of the graphical front end: opens the window and runs the idle-aware loop.
#pragma once
#include <optional>
#include <string>

#include "app/controller.hpp"

namespace casebook::ui {

struct GuiOptions {
  std::optional<std::string> screenshot_path;  ///< write a PNG of the window after `frames`, then exit
  int frames = 3;                              ///< frames to render before the screenshot
  int width = 1100, height = 760;              ///< initial window size in screen coordinates
};

/// Runs the GUI until the window is closed (or the screenshot is written). Returns the
/// process exit code: 0 on success, 1 if the window or GL context cannot be created or the
/// screenshot cannot be written (the reason is printed to stderr).
int run_gui(app::Controller& controller, const GuiOptions& options);

}  // namespace casebook::ui
