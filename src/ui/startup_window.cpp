#include "ui/startup_window.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "app/files.hpp"
#include "core/utf8.hpp"
#include "platform/window.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

namespace {

/// Draws the dialog; sets `chosen` when a button or its key was pressed.
void draw_startup(const app::StartupView& view, const platform::FontSet& fonts, int& chosen) {
  const float em = ImGui::GetFontSize();
  text_in(fonts.heading, view.title);
  ImGui::Dummy(ImVec2(0, 0.5f * em));
  wrapped_text(view.message);
  ImGui::Dummy(ImVec2(0, 1.0f * em));
  const int last = static_cast<int>(view.choices.size()) - 1;
  for (int i = 0; i <= last; ++i) {
    if (i > 0) ImGui::SameLine();
    const std::string key = i == 0 && last > 0 ? "  (Enter)" : i == last ? "  (Esc)" : "";
    if (styled_button((view.choices[static_cast<std::size_t>(i)] + key).c_str(), ImVec2(0, 0), i == 0)) chosen = i;
  }
  if (enter_pressed()) chosen = 0;
  if (escape_pressed()) chosen = last;
}

}  // namespace

int run_startup_window(const app::StartupView& view, const GuiOptions& options) {
  const int quit = std::max(0, static_cast<int>(view.choices.size()) - 1);
  int chosen = -1;
  platform::LoopOptions loop;
  loop.title = "Casebook";
  loop.width = 720;
  loop.height = 360;
  loop.screenshot_path = options.screenshot_path;
  loop.frames = options.frames;
  // Paths and names in any script: every character of the message gets a glyph.
  loop.code_points = [&view] {
    std::vector<char32_t> points;
    for (const std::string& s : view.choices) {
      const std::u32string text = core::decode_utf8(s, core::InvalidUtf8::Replace);
      points.insert(points.end(), text.begin(), text.end());
    }
    const std::u32string text = core::decode_utf8(view.title + view.message, core::InvalidUtf8::Replace);
    points.insert(points.end(), text.begin(), text.end());
    return points;
  };
  loop.write_file = [](const std::string& path, std::string_view bytes) { app::write_file_atomically(path, bytes); };
  loop.apply_style = [](float scale) { apply_theme(scale); };
  loop.draw = [&](const platform::FrameContext& frame) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##startup", nullptr, flags);
    draw_startup(view, *frame.fonts, chosen);
    ImGui::End();
    if (chosen >= 0 && frame.close != nullptr) *frame.close = true;
  };
  (void)platform::run_window_loop(loop);
  return chosen >= 0 ? chosen : quit;
}

}  // namespace casebook::ui
