#include "ui/card_action_keys.hpp"

#include <imgui_stdlib.h>

#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {

namespace {

constexpr const char* kFlagLabels[8] = {"none", "red", "orange", "green", "blue", "pink", "turquoise", "purple"};

app::ApplyCardAction act(app::CardActionKind kind, const std::string& key, int flag = 0, std::string note = "") {
  return app::ApplyCardAction{kind, key, flag, std::move(note)};
}

bool ctrl_key(int key) { return ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(key, false); }

/// 1..7 when Ctrl and that digit were pressed this frame, else 0.
int ctrl_digit() {
  if (!ImGui::GetIO().KeyCtrl) return 0;
  for (int d = 1; d <= 7; ++d) {
    if (ImGui::IsKeyPressed(platform::kKey0 + d, false)) return d;
  }
  return 0;
}

}  // namespace

const char* CardActionKeys::hints() {
  return "Ctrl+J: suspend   ·   Ctrl+B: bury   ·   Ctrl+R: reset   ·   Ctrl+1-7: flag   ·   Ctrl+E: flag note   ·   Ctrl+P: report problem";
}

bool CardActionKeys::draw(const CardActionTarget& target, bool enabled, UiContext& ui) {
  if (m_form == Form::None) {
    if (!enabled) return false;
    const std::string& key = target.card_key;
    if (ctrl_key(platform::kKeyJ)) {
      ui.send(act(target.suspended ? app::CardActionKind::Unsuspend : app::CardActionKind::Suspend, key));
    } else if (ctrl_key(platform::kKeyB)) {
      ui.send(act(app::CardActionKind::Bury, key));
    } else if (const int d = ctrl_digit(); d != 0) {
      ui.send(act(app::CardActionKind::Flag, key, target.flag == d ? 0 : d));
    } else if (ctrl_key(platform::kKeyR)) {
      m_form = Form::Reset;
    } else if (ctrl_key(platform::kKeyE)) {
      m_form = Form::Flag;
      m_flag = target.flag == 0 ? 1 : target.flag;
    } else if (ctrl_key(platform::kKeyP)) {
      m_form = Form::Report;
    }
    if (m_form == Form::None) return false;
    m_key = key;
    m_text.clear();
    m_focus = true;
    return true;
  }

  const float em = ImGui::GetFontSize();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, kColorAccentSoft);
  ImGui::BeginChild("##card_form", ImVec2(0, 5.5f * em), true);
  bool submit = false;
  if (m_form == Form::Reset) {
    text_in(ui.fonts->bold, "Reset this card to new?");
    wrapped_text("Its schedule starts again as a new card; its review history is kept.");
    hint_text("Enter: reset   ·   Esc: keep it");
    submit = enter_pressed();
  } else {
    const bool flag = m_form == Form::Flag;
    text_in(ui.fonts->bold, flag ? "Flag this card" : "Report a problem with this question");
    if (flag) {
      if (const int d = ctrl_digit(); d != 0) m_flag = d;
      ImGui::Text("Colour: %s (Ctrl+1-7 to change)", kFlagLabels[m_flag]);
    }
    ImGui::SetNextItemWidth(-1);
    if (m_focus) ImGui::SetKeyboardFocusHere();
    m_focus = false;
    const bool entered = ImGui::InputTextWithHint("##card_form_text", flag ? "A note (optional)" : "What is wrong, and where?",
                                                   &m_text, ImGuiInputTextFlags_EnterReturnsTrue);
    hint_text(flag ? "Enter: flag   ·   Esc: cancel" : "Enter: save the report   ·   Esc: cancel");
    submit = entered;
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
  if (submit) {
    switch (m_form) {
      case Form::Reset: ui.send(act(app::CardActionKind::Reset, m_key)); break;
      case Form::Flag: ui.send(act(app::CardActionKind::Flag, m_key, m_flag, m_text)); break;
      case Form::Report: ui.send(act(app::CardActionKind::Report, m_key, 0, m_text)); break;
      case Form::None: break;
    }
    m_form = Form::None;
  } else if (escape_pressed()) {
    m_form = Form::None;
  }
  return true;
}

}  // namespace casebook::ui
