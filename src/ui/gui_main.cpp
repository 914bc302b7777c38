#include "ui/gui_main.hpp"

#include <cstdio>
#include <exception>
#include <string>
#include <variant>

#include "app/files.hpp"
#include "platform/keys.hpp"
#include "platform/window.hpp"
#include "ui/browser_screen.hpp"
#include "ui/card_info_screen.hpp"
#include "ui/backups_screen.hpp"
#include "ui/custom_study_screen.hpp"
#include "ui/exam_screen.hpp"
#include "ui/export_screen.hpp"
#include "ui/home_screen.hpp"
#include "ui/import_screen.hpp"
#include "ui/optimize_screen.hpp"
#include "ui/plan_screen.hpp"
#include "ui/settings_screen.hpp"
#include "ui/simulator_screen.hpp"
#include "ui/stats_screen.hpp"
#include "ui/study_screen.hpp"
#include "ui/summary_screen.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {
namespace {

/// The keys that matter on each screen, for the status line.
const char* key_hints(app::Screen screen) {
  switch (screen) {
    case app::Screen::Home:
      return "↑↓: choose   ·   Enter: study   ·   L: learner   ·   C: custom study   ·   S: settings   ·   E: export   ·   I: import   ·   W: simulator   ·   P: exam plan   ·   B: browse cards   ·   T: statistics   ·   F: backups   ·   M: mock exam   ·   F5: reload   ·   F12: screenshot   ·   Ctrl+Q: quit";
    case app::Screen::Settings:
      return "Arrows/Tab: move   ·   Space: toggle   ·   Ctrl+S: save   ·   Ctrl+O: optimize   ·   Esc: back   ·   F12: screenshot";
    case app::Screen::Study:
      return "Esc: end session   ·   Ctrl+Z: undo last rating   ·   PgUp/PgDn: scroll   ·   Ctrl+I: card info   ·   Ctrl+J: suspend   ·   Ctrl+B: bury   ·   Ctrl+R: reset   ·   Ctrl+1-7: flag   ·   Ctrl+E: flag note   ·   Ctrl+P: report problem   ·   F12: screenshot";
    case app::Screen::Summary: return "Enter: back to Home   ·   Ctrl+Z: undo last rating   ·   Ctrl+Q: quit";
    case app::Screen::Simulator:
      return "Tab: next field   ·   Ctrl+B: options   ·   Ctrl+G: compare with   ·   Enter: simulate   ·   Ctrl+P: exam plan   ·   Esc: cancel / back   ·   F12: screenshot";
    case app::Screen::Plan:
      return "Left/Right: compare with   ·   F6: focus a chart (Left/Right: its day)   ·   Enter: plan again   ·   PgUp/PgDn/Home/End: scroll   ·   Esc: cancel / back   ·   F12: screenshot";
    case app::Screen::Optimize: return "Enter: optimize   ·   C: copy parameters   ·   Esc: cancel / back   ·   F12: screenshot";
    case app::Screen::Export:
      return "PgUp/PgDn/Home/End: scroll   ·   1-6: formats   ·   Ctrl+L: learner   ·   Ctrl+B: bank   ·   F, T: period (Tab: next field)   ·   Tab: folder   ·   Enter: export   ·   O: open folder   ·   K: class report (R: from, X: HTML/XLSX)   ·   Esc: back   ·   F12: screenshot";
    case app::Screen::Import: return "Tab: next field   ·   Enter: import   ·   Esc: back   ·   F12: screenshot";
    case app::Screen::Browser:
      return "Ctrl+F: search   ·   Up/Down/PgUp/PgDn: select   ·   Enter: card info   ·   Ctrl+J: suspend   ·   Ctrl+B: bury   ·   Ctrl+R: reset   ·   Ctrl+1-7: flag   ·   Ctrl+E: flag note   ·   Ctrl+P: report problem   ·   Esc: back";
    case app::Screen::CardInfo:
      return "PgUp/PgDn/Home/End: scroll   ·   Ctrl+J: suspend   ·   Ctrl+B: bury   ·   Ctrl+R: reset   ·   Ctrl+1-7: flag   ·   Ctrl+E: flag note   ·   Ctrl+P: report problem   ·   Esc: back";
    case app::Screen::Backups:
      return "Up/Down: choose   ·   R: restore   ·   B: back up now   ·   C: check   ·   Esc: back   ·   F12: screenshot";
    case app::Screen::Stats:
      return "Up/Down/PgUp/PgDn/Home/End: scroll   ·   Tab: next chart   ·   Left/Right: values   ·   1-9: weakest card   ·   Esc: back   ·   F12: screenshot";
    case app::Screen::CustomStudy:
      return "Up/Down: choose a mode   ·   Left/Right: its number (Shift: by 10)   ·   Enter: start   ·   Esc: back   ·   F12: screenshot";
    case app::Screen::Exam:
      return "Enter: answer   ·   Left/Right: previous / next   ·   S: skip   ·   L: question list   ·   H: hand in   ·   Esc: leave the answer box (Tab: back in)   ·   F12: screenshot";
  }
  return "";
}

/// The keys of the mock exam's set-up and result pages (key_hints has those of taking it).
const char* exam_key_hints(app::ExamPhase phase) {
  switch (phase) {
    case app::ExamPhase::Setup:
      return "Up/Down: preset or custom   ·   Left/Right: minutes   ·   Ctrl+Left/Right: questions   ·   M: marking   ·   P: practice run   ·   Enter: start   ·   Esc: back   ·   F12: screenshot";
    case app::ExamPhase::Result: return "Up/Down/PgUp/PgDn/Home/End: scroll   ·   Enter, Esc: back to Home   ·   F12: screenshot";
    case app::ExamPhase::Taking: break;
  }
  return key_hints(app::Screen::Exam);
}

/// What the status line at the bottom of the window shows: the controller's message on the
/// screens that have no place of their own for it, or else the keys that matter on this screen.
struct StatusLine {
  std::string text;
  bool notice = false;  ///< a message (notice colour) rather than the key hints (disabled colour)
};

StatusLine status_line(const app::Controller& controller, app::Screen screen) {
  const std::string& message = controller.message();
  // Home shows the message under its Study button: the status line keeps the keys there.
  const bool own_place = screen == app::Screen::Home || screen == app::Screen::Optimize || screen == app::Screen::Simulator ||
                         screen == app::Screen::Export || screen == app::Screen::Import || screen == app::Screen::Plan ||
                         screen == app::Screen::Browser || screen == app::Screen::CardInfo ||
                         screen == app::Screen::Backups;
  if (!message.empty() && !own_place) return {message, true};
  if (screen == app::Screen::Exam) return {exam_key_hints(controller.exam().phase), false};
  return {key_hints(screen), false};
}

/// The height the status line needs at the window's width (it wraps rather than running off
/// the right edge), separator and spacing included.
float status_height(const StatusLine& line) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float text_h = ImGui::CalcTextSize(line.text.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y;
  return text_h + 2.0f * style.ItemSpacing.y + style.FramePadding.y;
}

void draw_status(const StatusLine& line) {
  ImGui::Separator();
  if (line.notice) {
    wrapped_text(line.text, kColorNotice);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    wrapped_text(line.text);
    ImGui::PopStyleColor();
  }
}

/// Ctrl+Plus (or Ctrl+=, keypad +), Ctrl+Minus (keypad -) and Ctrl+0 (keypad 0) on every
/// screen: the UI scale, remembered by the app.
void read_zoom_keys(UiContext& ui) {
  if (!ImGui::GetIO().KeyCtrl) return;
  if (ImGui::IsKeyPressed(platform::kKeyEqual, false) || ImGui::IsKeyPressed(platform::kKeyKpAdd, false)) {
    ui.send(app::ZoomUi{1});
  } else if (ImGui::IsKeyPressed(platform::kKeyMinus, false) || ImGui::IsKeyPressed(platform::kKeyKpSubtract, false)) {
    ui.send(app::ZoomUi{-1});
  } else if (ImGui::IsKeyPressed(platform::kKey0, false) || ImGui::IsKeyPressed(platform::kKeyKp0, false)) {
    ui.send(app::ZoomUi{0});
  }
}

/// Every screen, each keeping only its widget drafts.
struct Screens {
  HomeScreen home;
  StudyScreen study;
  SettingsScreen settings;
  ExportScreen exporter;
  ImportScreen importer;
  SimulatorScreen simulator;
  OptimizeScreen optimize;
  BrowserScreen browser;
  CardInfoScreen card_info;
  StatsScreen stats;
  ExamScreen exam;
  PlanScreen plan;

  void draw(const app::Controller& c, app::Screen screen, UiContext& ui) {
    switch (screen) {
      case app::Screen::Home: home.draw(c.home(), ui); break;
      case app::Screen::Study:
        if (const app::StudyView* view = c.study()) study.draw(*view, ui);
        break;
      case app::Screen::Summary: draw_summary(c.summary(), ui); break;
      case app::Screen::Settings: settings.draw(c.settings(), c.display(), ui); break;
      case app::Screen::Optimize: optimize.draw(c.optimize(), ui); break;
      case app::Screen::Simulator: simulator.draw(c.simulator(), ui); break;
      case app::Screen::Export: exporter.draw(c.export_view(), c.class_report(), ui); break;
      case app::Screen::Import: importer.draw(c.import_view(), ui); break;
      case app::Screen::Plan: plan.draw(c.plan(), ui); break;
      case app::Screen::Browser: browser.draw(c.browser(), ui); break;
      case app::Screen::CardInfo: card_info.draw(c.card_info(), ui); break;
      case app::Screen::Backups: draw_backups(c.backups(), ui); break;
      case app::Screen::Stats: stats.draw(c.stats(), ui); break;
      case app::Screen::CustomStudy: draw_custom_study(c.custom_study(), ui); break;
      case app::Screen::Exam: exam.draw(c.exam(), ui); break;
    }
  }
};

}  // namespace

int run_gui(app::Controller& controller, const GuiOptions& options) {
  platform::LoopOptions loop;
  loop.title = "Casebook";
  loop.width = options.width;
  loop.height = options.height;
  loop.screenshot_path = options.screenshot_path;
  loop.frames = options.frames;
  loop.code_points = [&controller] { return controller.used_code_points(); };
  loop.glyph_generation = [&controller] { return controller.glyph_generation(); };
  loop.write_file = [](const std::string& path, std::string_view bytes) { app::write_file_atomically(path, bytes); };
  const bool system_dark = platform::system_prefers_dark();
  loop.apply_style = [&controller, system_dark](float scale) {
    const app::Theme theme = controller.display().settings.theme;
    apply_theme(scale, theme == app::Theme::Dark || (theme == app::Theme::System && system_dark));
  };
  loop.user_scale = [&controller] { return static_cast<float>(controller.display().settings.scale_percent) / 100.0f; };
  loop.style_generation = [&controller] { return controller.display().revision; };
  controller.set_waker(platform::wake_event_loop);
  // A mock exam's timer on screen: a frame at least every half second so it counts down.
  loop.idle_wait = [&controller] {
    return controller.screen() == app::Screen::Exam && ExamScreen::timer_running(controller.exam()) ? 0.5 : 10.0;
  };

  Screens screens;
  loop.draw = [&](const platform::FrameContext& frame) {
    controller.poll();  // finished background work, applied on this thread
    UiContext ui;
    ui.fonts = frame.fonts;
    ui.typing = ImGui::GetIO().WantTextInput;

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##casebook", nullptr, flags);
    const app::Screen screen = controller.screen();
    read_zoom_keys(ui);
    // Keyboard navigation between widgets only on the settings form (the other screens use
    // their own keys for Space, Enter and the arrows).
    if (screen != app::Screen::Settings) ImGui::GetIO().ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    const StatusLine status = status_line(controller, screen);
    const float status_h = status_height(status);
    // The Browser's table uses the whole width; Card info, Stats, the simulator and the exam
    // plan (their charts side by side), Optimize (its 21 parameters on one line), Home (its
    // table of banks and topics), Settings (each field's range or unit beside it, cut off at
    // 40 em), Export (its folder and file paths) and Custom study (each mode's line beside its
    // count) a wider column; running text (study, the mock exam) stays at the readable measure.
    const bool wide = screen == app::Screen::CardInfo || screen == app::Screen::Stats ||
                      screen == app::Screen::Simulator || screen == app::Screen::Optimize ||
                      screen == app::Screen::Plan;
    const bool forms = screen == app::Screen::Home || screen == app::Screen::Settings ||
                       screen == app::Screen::Export || screen == app::Screen::CustomStudy;
    const float column_em = screen == app::Screen::Browser ? 1000.0f
                            : wide                          ? 1.5f * kMaxTextWidthEm
                            : forms                         ? 1.25f * kMaxTextWidthEm
                                                            : kMaxTextWidthEm;
    // One scrolling column per screen: each keeps its own scroll (Home does not open scrolled
    // as far down as Settings was, its highlighted row out of sight).
    const std::string column_id = "##content" + std::to_string(static_cast<int>(screen));
    begin_column(column_id.c_str(), column_em, status_h);
    screens.draw(controller, screen, ui);
    end_column();
    draw_status(status);
    ImGui::End();
    // Ctrl+Z on the session and its summary: take back the last rating (never while a text
    // box has focus: there it undoes typing).
    if ((screen == app::Screen::Study || screen == app::Screen::Summary) && !ui.typing &&
        ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(platform::kKeyZ, false)) {
      ui.action = app::Undo{};
    }

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
