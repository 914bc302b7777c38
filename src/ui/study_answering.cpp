// The study screen while answering: one widget per question type, the keys that drive them,
// and the answer built in canonical indices (app::CardView gives each option's index).
#include <imgui_internal.h>  // ClearActiveID: leave a text box without reverting it
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "app/card_view.hpp"
#include "platform/keys.hpp"
#include "ui/study_screen.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {

using core::QuestionType;
using study_widgets::Mark;
using study_widgets::option_row;

namespace {

bool alt_or_ctrl() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyAlt || io.KeyCtrl;
}

const std::string& option_text(const app::CardView& card, int k) {
  return card.options[static_cast<std::size_t>(k)].text;
}

/// A selectable list entry whose text wraps at the list's edge (ImGui's Selectable keeps a
/// label on one line). True when clicked.
bool wrapped_selectable(int id, const std::string& text, bool selected) {
  const ImVec2 start = ImGui::GetCursorPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string lines = wrap_to_width(text, width);
  const ImVec2 size = ImGui::CalcTextSize(lines.c_str());
  ImGui::PushID(id);
  const bool clicked = ImGui::Selectable("##w", selected, 0, ImVec2(width, size.y));
  ImGui::PopID();
  ImGui::SetCursorPos(start);
  unformatted_text(lines);
  return clicked;
}

}  // namespace

void StudyScreen::reset(const app::CardView& card) {
  m_showing_id = card.showing_id;
  m_single = -1;
  m_multi.clear();
  m_truth.reset();
  m_text.clear();
  m_order.clear();
  m_order_sel = 0;
  m_match.clear();
  m_match_sel = 0;
  m_position = card.draft_position;  // a dilemma coming back: its last answer, to revise
  m_justification.set_text(card.draft_justification);
  m_focus_text = false;
  m_text_to_end = false;
  m_justification_active = false;
  m_scroll_top = true;
  m_notice.clear();
  m_confirm.clear();
  const int n = app::option_count(card);
  switch (card.type) {
    case QuestionType::MultipleResponse: m_multi.assign(static_cast<std::size_t>(n), false); break;
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric: m_focus_text = true; break;
    case QuestionType::Ordering:
      for (int k = 0; k < n; ++k) m_order.push_back(k);
      break;
    case QuestionType::Matching: m_match.assign(card.left.size(), -1); break;
    default: break;
  }
}

core::Answer StudyScreen::build_answer(const app::CardView& card) const {
  core::Answer a;
  const auto index = [&card](int k) { return card.options[static_cast<std::size_t>(k)].index; };
  switch (card.type) {
    case QuestionType::SingleChoice:
      if (m_single >= 0) a.choices.push_back(index(m_single));
      break;
    case QuestionType::MultipleResponse:
      for (std::size_t k = 0; k < m_multi.size(); ++k)
        if (m_multi[k]) a.choices.push_back(index(static_cast<int>(k)));
      std::sort(a.choices.begin(), a.choices.end());
      break;
    case QuestionType::TrueFalse: a.truth = m_truth; break;
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric: a.text = m_text; break;
    case QuestionType::Ordering:
      for (const int k : m_order) a.order.push_back(index(k));
      break;
    case QuestionType::Matching:
      for (const int k : m_match) a.matches.push_back(k >= 0 ? index(k) : -1);
      break;
    case QuestionType::Dilemma:
      a.position = m_position;
      a.text = m_justification.text();
      a.rubric_met.assign(card.rubric.size(), false);
      break;
  }
  return a;
}

void StudyScreen::handle_answer_keys(const app::CardView& card, UiContext& ui) {
  const int n = app::option_count(card);
  if (ui.typing) return;
  const int digit = typed_digit();
  switch (card.type) {
    case QuestionType::SingleChoice:
      if (digit >= 1 && digit <= n) m_single = digit - 1;
      break;
    case QuestionType::MultipleResponse:
      if (digit >= 1 && digit <= n) m_multi[static_cast<std::size_t>(digit - 1)] = !m_multi[static_cast<std::size_t>(digit - 1)];
      break;
    case QuestionType::TrueFalse:
      if (digit == 1 || typed_letter('t')) m_truth = true;
      if (digit == 2 || typed_letter('f')) m_truth = false;
      break;
    case QuestionType::Ordering: {
      if (digit >= 1 && digit <= n) m_order_sel = digit - 1;
      const bool up = up_pressed(), down = down_pressed();
      const auto sel = static_cast<std::size_t>(m_order_sel);
      if (alt_or_ctrl()) {
        if (up && m_order_sel > 0) {
          std::swap(m_order[sel], m_order[sel - 1]);
          --m_order_sel;
        } else if (down && m_order_sel + 1 < n) {
          std::swap(m_order[sel], m_order[sel + 1]);
          ++m_order_sel;
        }
      } else {
        if (up && m_order_sel > 0) --m_order_sel;
        if (down && m_order_sel + 1 < n) ++m_order_sel;
      }
      break;
    }
    case QuestionType::Matching: {
      const int rows = static_cast<int>(m_match.size());
      if (up_pressed() && m_match_sel > 0) --m_match_sel;
      if (down_pressed() && m_match_sel + 1 < rows) ++m_match_sel;
      if (digit >= 1 && digit <= n && m_match_sel < rows) {
        m_match[static_cast<std::size_t>(m_match_sel)] = digit - 1;
        if (m_match_sel + 1 < rows) ++m_match_sel;
      }
      break;
    }
    case QuestionType::Dilemma:
      if (digit >= 1 && digit <= n) {
        m_position = digit - 1;
        if (m_justification.text().empty()) m_focus_text = true;  // the natural next step
      }
      if (tab_pressed() || typed_letter('j')) m_focus_text = true;
      break;
    default: break;
  }
}

void StudyScreen::draw_answering(const app::CardView& card, UiContext& ui) {
  // Escape: out of the justification box first, otherwise out of the session.
  if (escape_pressed()) {
    if (m_justification_active) {
      ImGui::ClearActiveID();
      m_justification_active = false;
      ui.typing = false;
    } else if (!m_confirm.empty()) {
      m_confirm.clear();  // Escape answers the question "Submit anyway?" with no
    } else {
      ui.send(app::LeaveSession{});
      return;
    }
  } else {
    handle_answer_keys(card, ui);
  }
  if (const auto answer = answer_controls(card, ui, "Submit  (Enter)", [&ui] {
        ImGui::SameLine();
        if (ImGui::Button("End session  (Esc)")) ui.send(app::LeaveSession{});
      })) {
    ui.send(app::SubmitAnswer{*answer});
  }
}

std::optional<core::Answer> StudyScreen::answer_controls(const app::CardView& card, UiContext& ui,
                                                         const char* submit_label,
                                                         const std::function<void()>& beside) {
  const bool asking = !m_confirm.empty();  // "Submit anyway?" was open before this frame
  bool submit = !ui.typing && enter_pressed() && !asking;
  draw_answer_widgets(card, ui, submit);

  ImGui::Dummy(ImVec2(0, 0.4f * ImGui::GetFontSize()));
  const core::Answer answer = build_answer(card);
  const std::string problem = app::answer_problem(card, answer);
  if (styled_button(submit_label, ImVec2(10.0f * ImGui::GetFontSize(), 0), true, problem.empty())) submit = true;
  if (beside) beside();
  std::optional<core::Answer> out;
  if (submit) {
    m_notice = problem;
    // Enter leaves a text box; when the answer is refused ("type a number ...") the keyboard
    // goes back into the box, to mend it, as it does after a refused study option.
    if (!problem.empty() && typed(card.type)) m_focus_text = true;
    // A matching with open rows asks first (app::unanswered_question); the rest submit.
    if (problem.empty()) m_confirm = app::unanswered_question(card, answer);
    if (problem.empty() && m_confirm.empty()) out = answer;
  } else if (asking) {
    m_confirm = app::unanswered_question(card, answer);  // the learner may fill the rows in meanwhile
  }
  if (!m_notice.empty()) wrapped_text(m_notice, kColorNotice);
  if (!m_confirm.empty() && draw_confirm(ui, asking)) out = answer;
  return out;
}

bool StudyScreen::draw_confirm(UiContext& ui, bool keys) {
  const bool opening = !keys;  // the frame the question appears: brought into view once
  study_widgets::begin_panel();
  wrapped_text(m_confirm, kColorNotice);
  keys = keys && !ui.typing;  // not the Enter that opened the question
  bool yes = styled_button("Submit anyway  (Enter / Y)", ImVec2(0, 0), true) ||
             (keys && (enter_pressed() || typed_letter('y')));
  ImGui::SameLine();
  const bool no = ImGui::Button("Go back  (Esc / N)") || (keys && (escape_pressed() || typed_letter('n')));
  study_widgets::end_panel(kColorPanel, kColorNotice);
  if (opening) ImGui::SetScrollHereY(1.0f);  // below a long matching it would open off screen
  if (no) yes = false;
  if (yes || no) m_confirm.clear();
  return yes;
}

std::optional<core::Answer> StudyScreen::draw_answer_input(const app::CardView& card, UiContext& ui,
                                                           const char* submit_label,
                                                           const std::function<void()>& beside, bool take_keyboard) {
  if (!m_showing_id || *m_showing_id != card.showing_id) {
    reset(card);
    if (!take_keyboard) m_focus_text = false;
  }
  handle_answer_keys(card, ui);
  return answer_controls(card, ui, submit_label, beside);
}

void StudyScreen::draw_answer_widgets(const app::CardView& card, UiContext& ui, bool& submit) {
  // Each showing gets its own widget IDs: ImGui keeps a text box's undo history for as long as
  // its ID lives, and Ctrl+Z in the next card's box would replay the last card's typing into
  // a shorter text (heap corruption in ImGui 1.86).
  ImGui::PushID(static_cast<int>(card.showing_id));
  draw_answer_widget(card, ui, submit);
  ImGui::PopID();
}

void StudyScreen::draw_answer_widget(const app::CardView& card, UiContext& ui, bool& submit) {
  const float em = ImGui::GetFontSize();
  const int n = app::option_count(card);
  switch (card.type) {
    case QuestionType::SingleChoice:
      for (int k = 0; k < n; ++k) {
        if (option_row(k + 1, option_text(card, k), Mark::Radio, m_single == k)) m_single = k;
      }
      hint_text("Press 1–" + std::to_string(n) + " to choose, Enter to submit.");
      break;
    case QuestionType::MultipleResponse:
      for (int k = 0; k < n; ++k) {
        const auto ku = static_cast<std::size_t>(k);
        if (option_row(k + 1, option_text(card, k), Mark::Check, m_multi[ku])) m_multi[ku] = !m_multi[ku];
      }
      hint_text("Select every correct answer: 1–" + std::to_string(n) + " toggle, Enter submits.");
      break;
    case QuestionType::TrueFalse:
      if (option_row(1, "True", Mark::Radio, m_truth == true)) m_truth = true;
      if (option_row(2, "False", Mark::Radio, m_truth == false)) m_truth = false;
      hint_text("T or 1 for true, F or 2 for false, Enter to submit.");
      break;
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric: {
      const bool numeric = card.type == QuestionType::Numeric;
      float width = ImGui::GetContentRegionAvail().x;
      if (numeric) width = std::min(width, 12.0f * em);
      ImGui::SetNextItemWidth(width);
      if (m_focus_text) {
        ImGui::SetKeyboardFocusHere();
        m_focus_text = false;
        // Focused by the app: the cursor after the text (ImGui would select it all).
        if (!m_text.empty()) m_text_to_end = true;
      }
      const auto cursor_to_end = [](ImGuiInputTextCallbackData* data) {
        cursor_to_end_once(data, *static_cast<bool*>(data->UserData));
        return 0;
      };
      if (ImGui::InputText("##answer", &m_text, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways,
                           cursor_to_end, &m_text_to_end)) {
        submit = true;
      }
      // Ctrl+Z in the box undoes typing; in an empty box (the card just shown) there is no
      // typing to undo, so it takes back the last rating as on every other card.
      if (m_text.empty() && ImGui::IsItemActive() && ImGui::GetIO().KeyCtrl &&
          ImGui::IsKeyPressed(platform::kKeyZ, false)) {
        ui.send(app::Undo{});
      }
      if (numeric && !card.unit.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        unformatted_text(card.unit);  // the bank's unit, in drawing order
      }
      hint_text(numeric ? "Type a number, then Enter. Separators such as 1,700 are fine."
                        : "Type your answer, then Enter. Case and accents do not matter.");
      break;
    }
    case QuestionType::Ordering: draw_ordering(card); break;
    case QuestionType::Matching: draw_matching(card); break;
    case QuestionType::Dilemma: draw_dilemma(card, ui, submit); break;
  }
}

void StudyScreen::draw_ordering(const app::CardView& card) {
  const float em = ImGui::GetFontSize();
  const int n = app::option_count(card);
  const float btn = ImGui::GetFrameHeight();
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH;
  if (ImGui::BeginTable("order", 3, flags)) {
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 1.5f * em);
    ImGui::TableSetupColumn("item", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("move", ImGuiTableColumnFlags_WidthFixed, 2 * btn + ImGui::GetStyle().ItemSpacing.x);
    for (int k = 0; k < n; ++k) {
      const auto ku = static_cast<std::size_t>(k);
      ImGui::PushID(k);
      ImGui::TableNextRow();
      if (k == m_order_sel) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(kColorAccentSoft));
      ImGui::TableSetColumnIndex(0);
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%d", k + 1);
      ImGui::TableSetColumnIndex(1);
      ImGui::AlignTextToFramePadding();
      wrapped_text(option_text(card, m_order[ku]));
      if (ImGui::IsItemClicked()) m_order_sel = k;
      ImGui::TableSetColumnIndex(2);
      if (ImGui::ArrowButton("up", ImGuiDir_Up) && k > 0) {
        std::swap(m_order[ku], m_order[ku - 1]);
        m_order_sel = k - 1;
      }
      ImGui::SameLine();
      if (ImGui::ArrowButton("down", ImGuiDir_Down) && k + 1 < n) {
        std::swap(m_order[ku], m_order[ku + 1]);
        m_order_sel = k + 1;
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  hint_text("Select a row with 1–" + std::to_string(n) + " or ↑/↓, move it with Alt+↑/↓ (or Ctrl+↑/↓). Enter submits.");
}

void StudyScreen::draw_matching(const app::CardView& card) {
  const float em = ImGui::GetFontSize();
  const int n = app::option_count(card);
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH;
  if (ImGui::BeginTable("match", 2, flags)) {
    ImGui::TableSetupColumn("left", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("right", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    for (std::size_t i = 0; i < card.left.size(); ++i) {
      const int row = static_cast<int>(i);
      ImGui::PushID(row);
      ImGui::TableNextRow();
      if (row == m_match_sel) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(kColorAccentSoft));
      ImGui::TableSetColumnIndex(0);
      ImGui::AlignTextToFramePadding();
      wrapped_text(card.left[i]);
      if (ImGui::IsItemClicked()) m_match_sel = row;
      ImGui::TableSetColumnIndex(1);
      // The chosen option's number in a narrow box, its whole text wrapped beside it (a
      // combo's preview would cut a long option); the list opens wide, each option wrapped.
      const int cur = m_match[i];
      ImGui::SetNextItemWidth(3.5f * em);
      const float list_w = std::min(32.0f * em, ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX());
      ImGui::SetNextWindowSizeConstraints(ImVec2(list_w, 0), ImVec2(list_w, 20.0f * em));
      if (ImGui::BeginCombo("##right", cur >= 0 ? std::to_string(cur + 1).c_str() : "—")) {
        m_match_sel = row;
        for (int k = 0; k < n; ++k) {
          if (wrapped_selectable(k, std::to_string(k + 1) + "  " + option_text(card, k), cur == k)) m_match[i] = k;
        }
        ImGui::EndCombo();
      }
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      if (cur >= 0) wrapped_text(option_text(card, cur));
      else wrapped_text("choose 1–" + std::to_string(n), kColorMuted);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::Dummy(ImVec2(0, 0.2f * em));
  ImGui::TextDisabled("Options");
  for (int k = 0; k < n; ++k) option_row(k + 1, option_text(card, k), Mark::None, false);
  hint_text("↑/↓ select an item on the left, 1–" + std::to_string(n) +
            " give it an option (the next item is then selected). Enter submits.");
}

void StudyScreen::draw_dilemma(const app::CardView& card, UiContext& ui, bool& submit) {
  const float em = ImGui::GetFontSize();
  const int n = app::option_count(card);
  text_in(ui.fonts->bold, "Positions");
  for (int k = 0; k < n; ++k) {
    const core::Position& p = card.positions[static_cast<std::size_t>(k)];
    if (option_row(k + 1, p.title, Mark::Radio, m_position == k, m_position == k)) m_position = k;
    ImGui::Indent(2.6f * em);
    for (const auto& arg : p.arguments) {
      ImGui::Bullet();
      ImGui::SameLine();
      wrapped_text(arg, kColorMuted);
    }
    ImGui::Unindent(2.6f * em);
  }
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  text_in(ui.fonts->bold, "Your justification");
  if (m_focus_text) {
    ImGui::SetKeyboardFocusHere();
    m_justification.cursor_to_end();  // typing goes on after what is there
    m_focus_text = false;
  }
  if (!card.draft_note.empty()) wrapped_text(card.draft_note, kColorNotice);
  if (m_justification.draw("##justification", ImVec2(-1, 7.0f * ImGui::GetTextLineHeightWithSpacing()),
                           ImGuiInputTextFlags_EnterReturnsTrue)) {
    submit = true;  // Ctrl+Enter
  }
  m_justification_active = m_justification.active();
  hint_text("1–" + std::to_string(n) +
            " pick a position, Tab writes the justification, Ctrl+Enter (or Enter outside the box) submits, Esc leaves the box.");
}

}  // namespace casebook::ui
