#include "ui/learner_picker.hpp"

#include <algorithm>

#include <imgui_stdlib.h>

#include "platform/bidi.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {

bool LearnerPicker::draw(const app::HomeView& home, UiContext& ui) {
  ImGui::TextDisabled("Learner");
  ImGui::SameLine();
  unformatted_text(home.learner);  // a right-to-left name in drawing order (platform::display_order)
  if (m_mode == Mode::Closed) {
    ImGui::SameLine();
    const bool open = ImGui::SmallButton("Switch or add (L)") ||
                      (!ui.typing && !ImGui::GetIO().KeyCtrl && typed_letter('l'));
    if (!open) return false;
    const auto it = std::find(home.learners.begin(), home.learners.end(), home.learner);
    m_row = it == home.learners.end() ? 0 : static_cast<int>(it - home.learners.begin());
    m_moved = true;
    m_mode = Mode::List;
    return true;
  }
  const float em = ImGui::GetFontSize();
  const ImGuiStyle& style = ImGui::GetStyle();
  // As high as its content was last frame (ImGui 1.86's child windows do not fit their content
  // by themselves); before that, as high as the title, the rows and a one-line key hint.
  const int rows = std::min(static_cast<int>(home.learners.size()) + 1, 8);
  const float body = m_mode == Mode::List ? static_cast<float>(rows) * ImGui::GetTextLineHeightWithSpacing()
                                          : ImGui::GetFrameHeightWithSpacing();
  const float guess = body + 2.0f * ImGui::GetTextLineHeightWithSpacing() + 2.0f * style.WindowPadding.y;
  const float height = m_content_height > 0.0f && m_content_mode == m_mode ? m_content_height : guess;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, kColorAccentSoft);
  ImGui::BeginChild("##learner_picker", ImVec2(std::min(ImGui::GetContentRegionAvail().x, 36.0f * em), height), true);
  const Mode drawn = m_mode;
  if (m_mode == Mode::List) {
    draw_list(home, ui);
  } else {
    draw_name(ui);
  }
  // The bottom of the last item, and the padding under it.
  m_content_height = ImGui::GetCursorPosY() - style.ItemSpacing.y + style.WindowPadding.y;
  m_content_mode = drawn;
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return true;
}

void LearnerPicker::draw_list(const app::HomeView& home, UiContext& ui) {
  text_in(ui.fonts->bold, "Study as");
  const int n = static_cast<int>(home.learners.size());
  m_row = std::clamp(m_row, 0, n);
  if (up_pressed() && m_row > 0) {
    --m_row;
    m_moved = true;
  }
  if (down_pressed() && m_row < n) {
    ++m_row;
    m_moved = true;
  }
  int chosen = -1;  // a learner row clicked or entered; n: the "New learner" row
  ImGui::BeginChild("##learner_rows", ImVec2(0, static_cast<float>(std::min(n + 1, 8)) * ImGui::GetTextLineHeightWithSpacing()));
  for (int i = 0; i <= n; ++i) {
    const bool current = i < n && home.learners[static_cast<std::size_t>(i)] == home.learner;
    std::string row = i < n ? label(home.learners[static_cast<std::size_t>(i)]) : std::string("New learner… (N)");
    if (current) row += "   (studying now)";
    ImGui::PushID(i);
    if (ImGui::Selectable(row.c_str(), i == m_row)) chosen = i;
    ImGui::PopID();
    if (i == m_row && m_moved) ImGui::SetScrollHereY(0.5f);
  }
  m_moved = false;
  ImGui::EndChild();
  hint_text("Up/Down: choose   ·   Enter: study as them   ·   N: new learner   ·   Esc: close");
  if (enter_pressed()) chosen = m_row;
  if (typed_letter('n')) chosen = n;
  if (chosen >= 0 && chosen < n) {
    ui.send(app::SwitchLearner{home.learners[static_cast<std::size_t>(chosen)]});
    m_mode = Mode::Closed;
  } else if (chosen == n) {
    m_mode = Mode::Name;
    m_name.clear();
    m_sent.clear();
    m_focus = true;
  } else if (escape_pressed()) {
    m_mode = Mode::Closed;
  }
}

void LearnerPicker::draw_name(UiContext& ui) {
  text_in(ui.fonts->bold, "New learner");
  ImGui::SetNextItemWidth(-1);
  if (m_focus) ImGui::SetKeyboardFocusHere();
  m_focus = false;
  const bool entered = ImGui::InputTextWithHint("##learner_name", "A name, in any script", &m_name,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  // The field edits in typing order; a right-to-left name is shown as it will appear.
  if (platform::has_right_to_left(m_name)) hint_text("Shown as: " + m_name);  // hint_text puts it in drawing order
  hint_text("Enter: add and study as them   ·   Esc: back to the list");
  if (entered) {
    ui.send(app::AddLearner{m_name});
    m_mode = Mode::Closed;
  } else if (escape_pressed()) {
    m_mode = Mode::List;
  } else if (m_name != m_sent) {
    ui.send(app::TypeLearnerName{m_name});  // its characters get glyphs from the next frame
    m_sent = m_name;
  }
}

}  // namespace casebook::ui
