#include "ui/gui_main.hpp"

#include <cstdio>
#include <exception>
#include <string>
#include <variant>

#include "platform/window.hpp"
#include "ui/home_screen.hpp"
#include "ui/study_screen.hpp"
#include "ui/summary_screen.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {
namespace {

/// Draws the status line at the bottom of the window: the controller's message, or the
/// keys that matter on this screen.
void draw_status(const app::Controller& controller, app::Screen screen) {
  const std::string& message = controller.message();
  ImGui::Separator();
  if (!message.empty()) {
    wrapped_text(message, kColorNotice);
    return;
  }
  const char* keys = screen == app::Screen::Home      ? "Enter: study   ·   F5: reload banks   ·   F12: screenshot   ·   Ctrl+Q: quit"
                     : screen == app::Screen::Study   ? "Esc: end session   ·   PgUp/PgDn: scroll   ·   F12: screenshot   ·   Ctrl+Q: quit"
                                                      : "Enter: back to Home   ·   Ctrl+Q: quit";
  ImGui::TextDisabled("%s", keys);
}

}  // namespace

int run_gui(app::Controller& controller, const GuiOptions& options) {
  platform::LoopOptions loop;
  loop.title = "Casebook";
  loop.width = options.width;
  loop.height = options.height;
  loop.screenshot_path = options.screenshot_path;
  loop.frames = options.frames;
  loop.extra_code_points = controller.used_code_points();
  loop.apply_style = [](float scale) { apply_theme(scale); };

  StudyScreen study_screen;
  loop.draw = [&](const platform::FrameContext& frame) {
    UiContext ui;
    ui.fonts = frame.fonts;
    ui.typing = ImGui::GetIO().WantTextInput;

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##casebook", nullptr, flags);
    const app::Screen screen = controller.screen();
    const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    begin_column("##content", kMaxTextWidthEm, status_h);
    switch (screen) {
      case app::Screen::Home: draw_home(controller.home(), ui); break;
      case app::Screen::Study:
        if (const app::StudyView* view = controller.study()) study_screen.draw(*view, ui);
        break;
      case app::Screen::Summary: draw_summary(controller.summary(), ui); break;
    }
    end_column();
    draw_status(controller, screen);
    ImGui::End();

    // Dispatch after drawing: the views drawn above stay valid until here.
    if (ui.action) controller.dispatch(*ui.action);
  };

  try {
    const int rc = platform::run_window_loop(loop);
    // Closing the window (Ctrl+Q, the close button) ends a session as Escape does: an answer
    // on the feedback screen is recorded with its selected rating, never dropped.
    if (controller.screen() == app::Screen::Study) controller.dispatch(app::LeaveSession{});
    if (!controller.message().empty() && controller.screen() == app::Screen::Study) {
      std::fprintf(stderr, "casebook: %s\n", controller.message().c_str());
      return 1;
    }
    return rc;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "casebook: the graphical interface stopped: %s\n", e.what());
    return 1;
  }
}

}  // namespace casebook::ui
