// Entry point: the command line decides what to run; the GUI is wired here when built.
#include <exception>
#include <iostream>

#include "cli/cli.hpp"

#ifdef CASEBOOK_WITH_GUI
#include "ui/gui_main.hpp"
#include "ui/startup_window.hpp"
#endif

int main(int argc, char** argv) {
  try {
#ifdef CASEBOOK_WITH_GUI
    casebook::cli::GuiRunner gui;
    const auto options_of = [](const casebook::cli::GuiRequest& request) {
      casebook::ui::GuiOptions options;
      options.screenshot_path = request.screenshot_path;
      options.frames = request.frames;
      return options;
    };
    gui.run = [options_of](casebook::app::Controller& controller, const casebook::cli::GuiRequest& request) {
      return casebook::ui::run_gui(controller, options_of(request));
    };
    gui.ask = [options_of](const casebook::app::StartupView& view, const casebook::cli::GuiRequest& request) {
      return casebook::ui::run_startup_window(view, options_of(request));
    };
    return casebook::cli::run_cli(argc, argv, gui);
#else
    return casebook::cli::run_cli(argc, argv);
#endif
  } catch (const std::exception& e) {
    // run_cli reports errors itself; this is the last line of defence.
    std::cerr << "casebook: " << e.what() << "\n";
    return 1;
  }
}
