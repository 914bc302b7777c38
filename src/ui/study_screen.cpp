#include "ui/study_screen.hpp"

#include <string>

#include "app/study_text.hpp"
#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {

namespace study_widgets {

bool option_row(int number, std::string_view text, Mark mark, bool on, bool highlight) {
  ImGui::PushID(number);
  bool clicked = false;
  switch (mark) {
    case Mark::Radio: clicked = ImGui::RadioButton("##o", on); break;
    case Mark::Check: {
      bool v = on;
      clicked = ImGui::Checkbox("##o", &v);
      break;
    }
    default: {
      const char* sym = mark == Mark::Correct ? "✓" : mark == Mark::Wrong ? "✗" : mark == Mark::Chosen ? "•" : " ";
      const ImVec4 col = mark == Mark::Correct ? kColorCorrect : mark == Mark::Wrong ? kColorWrong : kColorText;
      const float box = ImGui::GetFrameHeight();
      const ImVec2 p = ImGui::GetCursorPos();
      ImGui::Dummy(ImVec2(box, box));
      ImGui::SetCursorPos(ImVec2(p.x + box * 0.25f, p.y + ImGui::GetStyle().FramePadding.y));
      ImGui::PushStyleColor(ImGuiCol_Text, col);
      ImGui::TextUnformatted(sym);
      ImGui::PopStyleColor();
      ImGui::SetCursorPos(ImVec2(p.x + box, p.y));
      ImGui::Dummy(ImVec2(0, box));
      break;
    }
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%d", number);
  clicked = clicked || ImGui::IsItemClicked();
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  if (highlight) ImGui::PushStyleColor(ImGuiCol_Text, kColorAccent);
  wrapped_text(text);
  if (highlight) ImGui::PopStyleColor();
  clicked = clicked || ImGui::IsItemClicked();
  ImGui::PopID();
  return clicked;
}

void begin_panel() {
  ImGui::GetWindowDrawList()->ChannelsSplit(2);
  ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
  ImGui::BeginGroup();
  const float pad = 0.6f * ImGui::GetFontSize();
  ImGui::Dummy(ImVec2(0, pad * 0.5f));
  ImGui::Indent(pad);
  // Panels wrap at their own edge: wrapped_text keeps a wrap position pushed here.
  ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - pad);
}

void end_panel(const ImVec4& bg, const ImVec4& border) {
  const float pad = 0.6f * ImGui::GetFontSize();
  ImGui::PopTextWrapPos();
  ImGui::Unindent(pad);
  ImGui::Dummy(ImVec2(0, pad * 0.5f));
  ImGui::EndGroup();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSetCurrent(0);
  ImVec2 min = ImGui::GetItemRectMin();
  ImVec2 max = ImGui::GetItemRectMax();
  max.x = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  dl->AddRectFilled(min, max, ImGui::GetColorU32(bg), ImGui::GetStyle().FrameRounding);
  dl->AddRect(min, max, ImGui::GetColorU32(border), ImGui::GetStyle().FrameRounding);
  dl->ChannelsMerge();
}

void feedback_rows(const app::FeedbackView& fb) {
  const ImGuiStyle& style = ImGui::GetStyle();
  // The correction lines up with the row's text: past the mark and the number.
  const float indent = ImGui::GetFrameHeight() + ImGui::CalcTextSize("00").x + 2.0f * style.ItemSpacing.x;
  for (std::size_t k = 0; k < fb.rows.size(); ++k) {
    const app::RowFeedback& r = fb.rows[k];
    option_row(static_cast<int>(k) + 1, r.item.empty() ? r.given : r.item + "  →  " + r.given,
               r.correct ? Mark::Correct : Mark::Wrong, false);
    if (r.correct) continue;
    ImGui::Indent(indent);
    wrapped_text((r.item.empty() ? "Belongs here: " : "Correct: ") + r.expected, kColorCorrect);
    ImGui::Unindent(indent);
  }
}

}  // namespace study_widgets

void StudyScreen::draw_waiting(const app::StudyView& view, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  ImGui::Dummy(ImVec2(0, 1.0f * em));
  text_in(ui.fonts->prompt, "Waiting for a learning card");
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  wrapped_text(view.waiting_line);
  hint_text("It is shown here by itself when it is due; you may also end the session now (it can be "
            "studied later today).");
  ImGui::Dummy(ImVec2(0, 0.6f * em));
  if (styled_button("End session  (Esc)", ImVec2(14.0f * em, 0), true) || escape_pressed()) {
    ui.send(app::LeaveSession{});
  }
  if (view.can_undo) {
    ImGui::SameLine();
    if (ImGui::Button("Undo last rating  (Ctrl+Z)")) ui.send(app::Undo{});
  }
}

void StudyScreen::draw_question(const app::CardView& card, UiContext& ui) {
  const float em = ImGui::GetFontSize();
  if (card.type == core::QuestionType::Dilemma && !card.scenario.empty()) {
    study_widgets::begin_panel();
    text_in(ui.fonts->bold, "Scenario");
    unformatted_text(card.scenario);
    study_widgets::end_panel(kColorPanel, ImGui::GetStyle().Colors[ImGuiCol_Border]);
    ImGui::Dummy(ImVec2(0, 0.3f * em));
  }
  if (card.case_view.has()) study_case::draw_brief(card.case_view, ui);
  ImGui::PushFont(ui.fonts->prompt);
  wrapped_text(card.prompt);
  ImGui::PopFont();
}

void StudyScreen::draw(const app::StudyView& view, UiContext& ui) {
  const app::CardView& card = view.card;
  if (!m_showing_id || *m_showing_id != card.showing_id) reset(card);
  // Back from card info (the screen was not drawn last frame) or from a card action's form:
  // the box that had the keyboard gets it again, so what is typed next is not lost.
  const int frame = ImGui::GetFrameCount();
  const bool resumed = m_last_frame >= 0 && frame > m_last_frame + 1;
  m_last_frame = frame;
  // The card actions; while one of their forms is open it has the keyboard, and the question
  // (scenario, case and prompt) stays in sight below it: a problem report names what is wrong.
  if (m_actions.draw(CardActionTarget{card.card_key, false, card.flag}, true, ui)) {
    if (!m_form_was_open) {  // just opened: the form at the top in sight, the place kept for later
      m_scroll_before_form = ImGui::GetScrollY();
      ImGui::SetScrollY(0.0f);
    }
    m_form_was_open = true;
    if (!view.waiting) {
      ImGui::Dummy(ImVec2(0, 0.3f * ImGui::GetFontSize()));
      draw_question(card, ui);
    }
    return;
  }
  if (resumed || m_form_was_open) {
    if (m_form_was_open) ImGui::SetScrollY(m_scroll_before_form);  // back where the learner was
    m_form_was_open = false;
    if (typed(card.type) || (card.type == core::QuestionType::Dilemma && m_justification_active)) {
      m_focus_text = true;
    }
  }
  if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(platform::kKeyI, false)) ui.send(app::OpenCardInfo{});
  const float em = ImGui::GetFontSize();

  // Header: progress on the left, the bank on the right.
  {
    const std::string progress =
        view.waiting ? app::counts_line(card) : app::progress_line(card);  // "Card 5 · 3 new · 1 learning · 8 review"
    text_in(ui.fonts->bold, progress);
    const std::string& right = view.waiting ? card.scope_label : card.bank_title;
    if (!right.empty()) {
      const float avail = ImGui::GetContentRegionAvail().x;
      // The progress is drawn in bold: measured in bold, or the title runs into it.
      if (ui.fonts->bold != nullptr) ImGui::PushFont(ui.fonts->bold);
      const float progress_w = ImGui::CalcTextSize(progress.c_str()).x;
      if (ui.fonts->bold != nullptr) ImGui::PopFont();
      // Cut in reading order, then put in drawing order (a Hebrew or Arabic bank title).
      const std::string title = label(fit_text(right, avail - progress_w - 2 * em));
      if (!title.empty()) {
        const float w = ImGui::CalcTextSize(title.c_str()).x;
        ImGui::SameLine(ImGui::GetCursorPosX() + avail - w);
        ImGui::TextDisabled("%s", title.c_str());
      }
    }
    if (!card.mode_label.empty()) wrapped_text(card.mode_label, kColorNotice);  // custom study: which mode
    if (!card.notice.empty()) wrapped_text(card.notice, kColorNotice);  // a re-keyed question: why it is back
    if (!card.flag_line.empty()) {
      wrapped_text(card.flag_line + "  (Ctrl+" + std::to_string(card.flag) + " again removes the flag)", kColorNotice);
    }
    ImGui::Separator();
  }
  if (m_scroll_top) {
    ImGui::SetScrollY(0);
    m_scroll_top = false;
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown)))
    ImGui::SetScrollY(ImGui::GetScrollY() + ImGui::GetWindowHeight() * 0.8f);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp)))
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetWindowHeight() * 0.8f);

  if (view.waiting) {
    draw_waiting(view, ui);
    return;
  }
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  draw_question(card, ui);
  ImGui::Dummy(ImVec2(0, 0.4f * em));

  if (view.feedback && !m_in_feedback) m_scroll_to_verdict = true;
  m_in_feedback = view.feedback.has_value();
  if (view.feedback) draw_feedback(card, *view.feedback, ui);
  else draw_answering(card, ui);
}

}  // namespace casebook::ui
