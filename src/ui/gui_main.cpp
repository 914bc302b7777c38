#include "ui/gui_main.hpp"

#include <cstdio>
#include <exception>
#include <string>
#include <variant>

#include "platform/window.hpp"
#include "ui/export_screen.hpp"
#include "ui/home_screen.hpp"
#include "ui/import_screen.hpp"
#include "ui/optimize_screen.hpp"
#include "ui/settings_screen.hpp"
#include "ui/simulator_screen.hpp"
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
  const char* keys = screen == app::Screen::Home      ? "Enter: study   ·   S: settings   ·   E: export   ·   I: import   ·   W: workload simulator   ·   F5: reload banks   ·   F12: screenshot   ·   Ctrl+Q: quit"
                     : screen == app::Screen::Settings ? "Arrows/Tab: move   ·   Space: toggle   ·   Ctrl+S: save   ·   Ctrl+O: optimize   ·   Esc: back   ·   F12: screenshot"
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
  SettingsScreen settings_screen;
  ExportScreen export_screen(controller.config());
  bool exporting = false;  // the Export screen is shown over Home
  ImportScreen import_screen(controller.config());
  bool importing = false;  // the Import screen is shown over Home
  SimulatorScreen simulator_screen;
  OptimizeScreen optimize_screen(controller.config());  // its destructor cancels a running fit
  bool optimizing = false;  // the Optimize screen is shown over Settings
  bool simulator_open = false;  // a UI-only screen over Home (it changes no app state)
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
    // Keyboard navigation between widgets only on the settings form (the other screens use
    // their own keys for Space, Enter and the arrows).
    if (screen != app::Screen::Settings) ImGui::GetIO().ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    begin_column("##content", kMaxTextWidthEm, status_h);
    if (simulator_open && screen == app::Screen::Home) {
      simulator_screen.draw(controller.settings(), ui, simulator_open, frame.busy);
    } else {
      switch (screen) {
        case app::Screen::Home:
          if (exporting) {
            exporting = export_screen.draw(ui, frame.busy);
          } else if (importing) {
            importing = import_screen.draw(ui);
          } else {
            draw_home(controller.home(), ui);
          }
          break;
        case app::Screen::Study:
          if (const app::StudyView* view = controller.study()) study_screen.draw(*view, ui);
          break;
        case app::Screen::Summary: draw_summary(controller.summary(), ui); break;
        case app::Screen::Settings:
          if (optimizing) {
            optimizing = optimize_screen.draw(controller.settings(), ui, frame.busy);
          } else {
            settings_screen.draw(controller.settings(), ui);
          }
          break;
      }
      const bool home = screen == app::Screen::Home && !exporting && !importing;  // not over Export or Import
      if (home) {  // beside Home's last buttons when it fits, else on the next line
        const ImGuiStyle& style = ImGui::GetStyle();
        const float w = ImGui::CalcTextSize("Workload simulator (W)").x + 2.0f * style.FramePadding.x;
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + w <= right) ImGui::SameLine();
      }
      if (home &&
          (ImGui::Button("Workload simulator (W)") || (!ui.typing && typed_letter('w')))) {
        simulator_open = true;
      }
    }
    end_column();
    if (simulator_open && screen == app::Screen::Home) {
      ImGui::Separator();
      ImGui::TextDisabled("Tab: next field   ·   Ctrl+B: options   ·   Enter: simulate   ·   PgUp/PgDn: scroll   ·   Esc: cancel / back   ·   F12: screenshot   ·   Ctrl+Q: quit");
    } else if (optimizing && screen == app::Screen::Settings) {
      ImGui::Separator();
      ImGui::TextDisabled("Enter: optimize   ·   C: copy parameters   ·   Esc: cancel / back   ·   F12: screenshot");
    } else if (exporting && screen == app::Screen::Home) {
      ImGui::Separator();
      ImGui::TextDisabled("1-5: formats   ·   Enter: export   ·   O: open folder   ·   Esc: back   ·   F12: screenshot");
    } else if (importing && screen == app::Screen::Home) {
      ImGui::Separator();
      ImGui::TextDisabled("Tab: next field   ·   Enter: import   ·   Esc: back   ·   F12: screenshot");
    } else {
      draw_status(controller, screen);
    }
    ImGui::End();

    // Dispatch after drawing: the views drawn above stay valid until here.
    if (ui.action) controller.dispatch(*ui.action);
    if (ui.open_export) exporting = true;
    if (ui.open_import) {
      import_screen.open();
      importing = true;
    }
    if (ui.open_optimize) optimizing = true;
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
