// Entry point: the command line decides what to run; the GUI is wired here when built.
#include <exception>
#include <iostream>

#include "cli/cli.hpp"

#ifdef CASEBOOK_WITH_GUI
#include "ui/gui_main.hpp"
#endif

int main(int argc, char** argv) {
  try {
#ifdef CASEBOOK_WITH_GUI
    return casebook::cli::run_cli(argc, argv,
                                  [](casebook::app::Controller& controller, const casebook::cli::GuiRequest& request) {
                                    casebook::ui::GuiOptions options;
                                    options.screenshot_path = request.screenshot_path;
                                    options.frames = request.frames;
                                    return casebook::ui::run_gui(controller, options);
                                  });
#else
    return casebook::cli::run_cli(argc, argv);
#endif
  } catch (const std::exception& e) {
    // run_cli reports errors itself; this is the last line of defence.
    std::cerr << "casebook: " << e.what() << "\n";
    return 1;
  }
}
