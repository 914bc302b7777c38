#include "ui/study_screen.hpp"

#include <imgui_internal.h>  // ClearActiveID: leave a text box without reverting it
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <string>

#include "core/grading.hpp"
#include "core/text.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

using core::QuestionType;

constexpr std::array<const char*, 4> kRatingNames = {"Again", "Hard", "Good", "Easy"};

/// Canonical index shown at display position k (identity when the controller gave no order).
int canonical(const app::CardView& card, int k) {
  if (k >= 0 && static_cast<std::size_t>(k) < card.display_order.size())
    return card.display_order[static_cast<std::size_t>(k)];
  return k;
}

/// Entry `i` of a list of display texts (citations rendered by the controller), or `raw`
/// when the controller gave no such entry.
const std::string& shown(const std::vector<std::string>& rendered, int i, const std::string& raw) {
  return i >= 0 && static_cast<std::size_t>(i) < rendered.size() ? rendered[static_cast<std::size_t>(i)] : raw;
}

/// Pair `i` for display (citations rendered), or the question's own pair.
const core::MatchPair& shown_pair(const app::CardView& card, const core::Question& q, int i) {
  const auto iu = static_cast<std::size_t>(i);
  return iu < card.pairs.size() ? card.pairs[iu] : q.pairs[iu];
}

int option_count(const core::Question& q) {
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse: return static_cast<int>(q.choices.size());
    case QuestionType::TrueFalse: return 2;
    case QuestionType::Ordering: return static_cast<int>(q.items.size());
    case QuestionType::Matching: return static_cast<int>(q.pairs.size());
    case QuestionType::Dilemma: return static_cast<int>(q.positions.size());
    default: return 0;
  }
}

bool alt_or_ctrl() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyAlt || io.KeyCtrl;
}

enum class Mark { Radio, Check, Correct, Wrong, Chosen, None };

/// One numbered option: a radio button or checkbox (or a feedback mark), the number, and
/// the text wrapped with a hanging indent. Returns true when the row was clicked.
bool option_row(int number, std::string_view text, Mark mark, bool on, bool highlight = false) {
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

/// A panel with a soft background behind whatever is drawn between begin and end.
void begin_panel() {
  ImGui::GetWindowDrawList()->ChannelsSplit(2);
  ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
  ImGui::BeginGroup();
  const float pad = 0.6f * ImGui::GetFontSize();
  ImGui::Dummy(ImVec2(0, pad * 0.5f));
  ImGui::Indent(pad);
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

// PushTextWrapPos(0) wraps at the window edge; inside a panel we want the panel's edge,
// so panels push an explicit wrap position and wrapped_text must not override it.
void panel_text(std::string_view text) {
  unformatted_text(text);
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
  m_position = -1;
  m_justification.clear();
  m_focus_text = false;
  m_justification_active = false;
  m_scroll_top = true;
  m_notice.clear();
  const core::Question* q = card.question;
  if (q == nullptr) return;
  const int n = option_count(*q);
  switch (q->type) {
    case QuestionType::MultipleResponse: m_multi.assign(static_cast<std::size_t>(n), false); break;
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric: m_focus_text = true; break;
    case QuestionType::Ordering:
      for (int k = 0; k < n; ++k) m_order.push_back(canonical(card, k));
      break;
    case QuestionType::Matching: m_match.assign(static_cast<std::size_t>(n), -1); break;
    default: break;
  }
}

core::Answer StudyScreen::build_answer(const app::CardView& card) const {
  core::Answer a;
  const core::Question& q = *card.question;
  switch (q.type) {
    case QuestionType::SingleChoice:
      if (m_single >= 0) a.choices.push_back(canonical(card, m_single));
      break;
    case QuestionType::MultipleResponse:
      for (std::size_t k = 0; k < m_multi.size(); ++k)
        if (m_multi[k]) a.choices.push_back(canonical(card, static_cast<int>(k)));
      std::sort(a.choices.begin(), a.choices.end());
      break;
    case QuestionType::TrueFalse: a.truth = m_truth; break;
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric: a.text = m_text; break;
    case QuestionType::Ordering: a.order = m_order; break;
    case QuestionType::Matching:
      for (int m : m_match) a.matches.push_back(m >= 0 ? canonical(card, m) : -1);
      break;
    case QuestionType::Dilemma:
      a.position = m_position;
      a.text = m_justification;
      a.rubric_met.assign(q.rubric.size(), false);
      break;
  }
  return a;
}

bool StudyScreen::can_submit(const app::CardView& card) const {
  const core::Question& q = *card.question;
  switch (q.type) {
    case QuestionType::SingleChoice: return m_single >= 0;
    case QuestionType::MultipleResponse: return std::find(m_multi.begin(), m_multi.end(), true) != m_multi.end();
    case QuestionType::TrueFalse: return m_truth.has_value();
    case QuestionType::Dilemma: return m_position >= 0;
    // A number question takes a number, or nothing ("I don't know"); words are refused
    // with a notice instead of being graded wrong.
    case QuestionType::Numeric:
      return core::is_blank(m_text) || core::parse_learner_number(m_text).has_value();
    default: return true;  // an empty text is a legitimate "I don't know"
  }
}

void StudyScreen::handle_answer_keys(const app::CardView& card, UiContext& ui) {
  const core::Question& q = *card.question;
  const int n = option_count(q);
  if (ui.typing) return;
  const int digit = typed_digit();
  switch (q.type) {
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
      if (alt_or_ctrl()) {
        if (up && m_order_sel > 0) {
          std::swap(m_order[static_cast<std::size_t>(m_order_sel)], m_order[static_cast<std::size_t>(m_order_sel - 1)]);
          --m_order_sel;
        } else if (down && m_order_sel + 1 < n) {
          std::swap(m_order[static_cast<std::size_t>(m_order_sel)], m_order[static_cast<std::size_t>(m_order_sel + 1)]);
          ++m_order_sel;
        }
      } else {
        if (up && m_order_sel > 0) --m_order_sel;
        if (down && m_order_sel + 1 < n) ++m_order_sel;
      }
      break;
    }
    case QuestionType::Matching:
      if (up_pressed() && m_match_sel > 0) --m_match_sel;
      if (down_pressed() && m_match_sel + 1 < n) ++m_match_sel;
      if (digit >= 1 && digit <= n) {
        m_match[static_cast<std::size_t>(m_match_sel)] = digit - 1;
        if (m_match_sel + 1 < n) ++m_match_sel;
      }
      break;
    case QuestionType::Dilemma:
      if (digit >= 1 && digit <= n) {
        m_position = digit - 1;
        if (m_justification.empty()) m_focus_text = true;  // the natural next step
      }
      if (tab_pressed() || typed_letter('j')) m_focus_text = true;
      break;
    default: break;
  }
}

void StudyScreen::draw(const app::StudyView& view, UiContext& ui) {
  const app::CardView& card = view.card;
  if (!m_showing_id || *m_showing_id != card.showing_id) reset(card);
  const float em = ImGui::GetFontSize();

  // Header: progress on the left, the bank on the right.
  {
    // "Card 5 · 12 to go (3 coming back)": cards answered Again or on a learning step come
    // back within minutes, so the count of cards still to see is not only new ones.
    std::string progress = "Card " + std::to_string(card.position) + "  ·  " +
                           std::to_string(card.remaining) + " to go";
    if (card.remaining_learning > 0) progress += " (" + std::to_string(card.remaining_learning) + " coming back)";
    text_in(ui.fonts->bold, progress);
    if (!card.bank_title.empty()) {
      // The bank title, right-aligned, cut with "…" (at a character boundary) to fit.
      const float avail = ImGui::GetContentRegionAvail().x;
      const float room = avail - ImGui::CalcTextSize(progress.c_str()).x - 2 * em;
      std::string title = card.bank_title;
      bool cut = false;
      const auto width = [&] { return ImGui::CalcTextSize((title + (cut ? "…" : "")).c_str()).x; };
      while (!title.empty() && width() > room) {
        // Drop one code point: its continuation bytes, then its lead byte.
        while (!title.empty()) {
          const auto c = static_cast<unsigned char>(title.back());
          title.pop_back();
          if ((c & 0xC0) != 0x80) break;
        }
        cut = true;
      }
      if (cut && !title.empty()) title += "…";
      if (!title.empty()) {
        const float w = ImGui::CalcTextSize(title.c_str()).x;
        ImGui::SameLine(ImGui::GetCursorPosX() + avail - w);
        ImGui::TextDisabled("%s", title.c_str());
      }
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

  if (card.question == nullptr) {
    hint_text("No card to show.");
    if (ImGui::Button("End session") || escape_pressed() || enter_pressed()) ui.send(app::LeaveSession{});
    return;
  }
  const core::Question& q = *card.question;
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  if (q.type == QuestionType::Dilemma && !q.scenario.empty()) {
    begin_panel();
    text_in(ui.fonts->bold, "Scenario");
    panel_text(card.scenario.empty() ? q.scenario : card.scenario);
    end_panel(kColorPanel, ImGui::GetStyle().Colors[ImGuiCol_Border]);
    ImGui::Dummy(ImVec2(0, 0.3f * em));
  }
  ImGui::PushFont(ui.fonts->prompt);
  wrapped_text(card.prompt.empty() ? q.prompt : card.prompt);
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, 0.4f * em));

  if (view.feedback) draw_feedback(card, *view.feedback, ui);
  else draw_answering(card, ui);
}

void StudyScreen::draw_answering(const app::CardView& card, UiContext& ui) {
  const core::Question& q = *card.question;
  const float em = ImGui::GetFontSize();
  const int n = option_count(q);

  // Escape: out of the justification box first, otherwise out of the session.
  if (escape_pressed()) {
    if (m_justification_active) {
      ImGui::ClearActiveID();
      m_justification_active = false;
      ui.typing = false;
    } else {
      ui.send(app::LeaveSession{});
      return;
    }
  } else {
    handle_answer_keys(card, ui);
  }
  bool submit = !ui.typing && enter_pressed();

  switch (q.type) {
    case QuestionType::SingleChoice:
      for (int k = 0; k < n; ++k) {
        const int c = canonical(card, k);
        if (option_row(k + 1, shown(card.choices, c, q.choices[static_cast<std::size_t>(c)].text), Mark::Radio,
                       m_single == k))
          m_single = k;
      }
      hint_text("Press 1–" + std::to_string(n) + " to choose, Enter to submit.");
      break;
    case QuestionType::MultipleResponse:
      for (int k = 0; k < n; ++k) {
        const auto ku = static_cast<std::size_t>(k);
        const int c = canonical(card, k);
        if (option_row(k + 1, shown(card.choices, c, q.choices[static_cast<std::size_t>(c)].text), Mark::Check,
                       m_multi[ku]))
          m_multi[ku] = !m_multi[ku];
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
      const bool numeric = q.type == QuestionType::Numeric;
      float width = ImGui::GetContentRegionAvail().x;
      if (numeric) width = std::min(width, 12.0f * em);
      ImGui::SetNextItemWidth(width);
      if (m_focus_text) {
        ImGui::SetKeyboardFocusHere();
        m_focus_text = false;
      }
      if (ImGui::InputText("##answer", &m_text, ImGuiInputTextFlags_EnterReturnsTrue)) submit = true;
      if (numeric && !q.unit.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(q.unit.c_str());
      }
      hint_text(numeric ? "Type a number, then Enter. Separators such as 1,700 are fine."
                        : "Type your answer, then Enter. Case and accents do not matter.");
      break;
    }
    case QuestionType::Ordering: {
      const float btn = ImGui::GetFrameHeight();
      const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH;
      if (ImGui::BeginTable("order", 3, flags)) {
        ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 1.5f * em);
        ImGui::TableSetupColumn("item", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("move", ImGuiTableColumnFlags_WidthFixed, 2 * btn + ImGui::GetStyle().ItemSpacing.x);
        for (int k = 0; k < n; ++k) {
          ImGui::PushID(k);
          ImGui::TableNextRow();
          if (k == m_order_sel) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(kColorAccentSoft));
          ImGui::TableSetColumnIndex(0);
          ImGui::AlignTextToFramePadding();
          ImGui::TextDisabled("%d", k + 1);
          ImGui::TableSetColumnIndex(1);
          ImGui::AlignTextToFramePadding();
          const int item = m_order[static_cast<std::size_t>(k)];
          wrapped_text(shown(card.items, item, q.items[static_cast<std::size_t>(item)]));
          if (ImGui::IsItemClicked()) m_order_sel = k;
          ImGui::TableSetColumnIndex(2);
          if (ImGui::ArrowButton("up", ImGuiDir_Up) && k > 0) {
            std::swap(m_order[static_cast<std::size_t>(k)], m_order[static_cast<std::size_t>(k - 1)]);
            m_order_sel = k - 1;
          }
          ImGui::SameLine();
          if (ImGui::ArrowButton("down", ImGuiDir_Down) && k + 1 < n) {
            std::swap(m_order[static_cast<std::size_t>(k)], m_order[static_cast<std::size_t>(k + 1)]);
            m_order_sel = k + 1;
          }
          ImGui::PopID();
        }
        ImGui::EndTable();
      }
      hint_text("Select a row with 1–" + std::to_string(n) +
                " or ↑/↓, move it with Alt+↑/↓ (or Ctrl+↑/↓). Enter submits.");
      break;
    }
    case QuestionType::Matching: {
      const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH;
      if (ImGui::BeginTable("match", 2, flags)) {
        ImGui::TableSetupColumn("left", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("right", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        for (int i = 0; i < n; ++i) {
          const auto iu = static_cast<std::size_t>(i);
          ImGui::PushID(i);
          ImGui::TableNextRow();
          if (i == m_match_sel) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(kColorAccentSoft));
          ImGui::TableSetColumnIndex(0);
          ImGui::AlignTextToFramePadding();
          wrapped_text(shown_pair(card, q, i).left);
          if (ImGui::IsItemClicked()) m_match_sel = i;
          ImGui::TableSetColumnIndex(1);
          ImGui::SetNextItemWidth(-1);
          const int cur = m_match[iu];
          const std::string preview =
              cur >= 0 ? std::to_string(cur + 1) + "  " + shown_pair(card, q, canonical(card, cur)).right
                       : std::string("— choose —");
          if (ImGui::BeginCombo("##right", preview.c_str())) {
            m_match_sel = i;
            for (int k = 0; k < n; ++k) {
              const std::string label = std::to_string(k + 1) + "  " + shown_pair(card, q, canonical(card, k)).right;
              if (ImGui::Selectable(label.c_str(), cur == k)) m_match[iu] = k;
            }
            ImGui::EndCombo();
          }
          ImGui::PopID();
        }
        ImGui::EndTable();
      }
      ImGui::Dummy(ImVec2(0, 0.2f * em));
      ImGui::TextDisabled("Options");
      for (int k = 0; k < n; ++k)
        option_row(k + 1, shown_pair(card, q, canonical(card, k)).right, Mark::None, false);
      hint_text("↑/↓ select an item on the left, 1–" + std::to_string(n) + " give it an option. Enter submits.");
      break;
    }
    case QuestionType::Dilemma: {
      text_in(ui.fonts->bold, "Positions");
      for (int k = 0; k < n; ++k) {
        const auto ku = static_cast<std::size_t>(k);
        const core::Position& p = ku < card.positions.size() ? card.positions[ku] : q.positions[ku];
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
        m_focus_text = false;
      }
      if (ImGui::InputTextMultiline("##justification", &m_justification,
                                    ImVec2(-1, 7.0f * ImGui::GetTextLineHeightWithSpacing()),
                                    ImGuiInputTextFlags_EnterReturnsTrue)) {
        submit = true;  // Ctrl+Enter
      }
      m_justification_active = ImGui::IsItemActive();
      hint_text("1–" + std::to_string(n) +
                " pick a position, Tab writes the justification, Ctrl+Enter (or Enter outside the box) submits, Esc leaves the box.");
      break;
    }
  }

  ImGui::Dummy(ImVec2(0, 0.4f * em));
  const bool ready = can_submit(card);
  if (styled_button("Submit  (Enter)", ImVec2(10.0f * em, 0), true, ready)) submit = true;
  ImGui::SameLine();
  if (ImGui::Button("End session  (Esc)")) ui.send(app::LeaveSession{});
  if (submit) {
    if (ready) {
      m_notice.clear();
      ui.send(app::SubmitAnswer{build_answer(card)});
    } else {
      m_notice = q.type == QuestionType::Dilemma   ? "Pick a position first (number keys)."
                 : q.type == QuestionType::Numeric ? "Type a number, in digits (for example 1,700 or 45.5)."
                                                   : "Choose an answer first (number keys).";
    }
  }
  if (!m_notice.empty()) wrapped_text(m_notice, kColorNotice);
}

void StudyScreen::draw_feedback(const app::CardView& card, const app::FeedbackView& fb, UiContext& ui) {
  const core::Question& q = *card.question;
  const float em = ImGui::GetFontSize();
  const core::Grade& g = fb.grade;

  // Keys first (the buttons below show the same choices).
  const int digit = typed_digit();
  if (escape_pressed()) {
    ui.send(app::LeaveSession{});
  } else if (digit >= 1 && digit <= 4) {
    ui.send(app::Rate{static_cast<core::Rating>(digit)});
  } else if (enter_pressed()) {
    ui.send(app::Continue{});
  } else if (left_pressed() && fb.selected != core::Rating::Again) {
    ui.send(app::SelectRating{static_cast<core::Rating>(static_cast<int>(fb.selected) - 1)});
  } else if (right_pressed() && fb.selected != core::Rating::Easy) {
    ui.send(app::SelectRating{static_cast<core::Rating>(static_cast<int>(fb.selected) + 1)});
  }

  // Verdict: colour and words.
  {
    const bool partial = !g.correct && g.score > 0.0;
    std::string verdict = g.correct ? "✓  Correct" : partial ? "✗  Partly right" : "✗  Incorrect";
    if (partial || (g.correct && g.score < 1.0 && g.score > 0.0))
      verdict += "  (" + std::to_string(static_cast<int>(g.score * 100.0 + 0.5)) + "%)";
    ImVec4 col = g.correct ? kColorCorrect : kColorWrong;
    ImVec4 soft = g.correct ? kColorCorrectSoft : kColorWrongSoft;
    if (q.type == QuestionType::Dilemma) {
      // A dilemma has no right answer: the verdict is the learner's own rubric count, in a
      // neutral colour, so ticking nothing yet does not read as "wrong".
      const auto met = std::count(fb.answer.rubric_met.begin(), fb.answer.rubric_met.end(), true);
      verdict = "Self-assessment: " + std::to_string(met) + " of " + std::to_string(q.rubric.size()) +
                " rubric lines met";
      col = kColorAccent;
      soft = kColorAccentSoft;
    }
    begin_panel();
    text_in(ui.fonts->heading, verdict, &col);
    if (q.type == QuestionType::SingleChoice || q.type == QuestionType::MultipleResponse) {
      const int n = option_count(q);
      for (int k = 0; k < n; ++k) {
        const int c = canonical(card, k);
        const auto& choice = q.choices[static_cast<std::size_t>(c)];
        const bool chosen = std::find(fb.answer.choices.begin(), fb.answer.choices.end(), c) != fb.answer.choices.end();
        const Mark m = choice.correct ? Mark::Correct : chosen ? Mark::Wrong : Mark::None;
        std::string text = shown(card.choices, c, choice.text);
        if (chosen) text += "   — your answer";
        ImGui::PushID(k);
        option_row(k + 1, text, m, false);
        ImGui::PopID();
      }
      if (!g.correct && !g.expected.empty()) {
        ImGui::TextDisabled("Correct answer");
        ImGui::SameLine();
        ImGui::PushFont(ui.fonts->bold);
        panel_text(fb.expected.empty() ? g.expected : fb.expected);
        ImGui::PopFont();
      }
    } else {
      ImGui::TextDisabled("Your answer");
      const std::string given = fb.given.empty() ? core::describe_answer(q, fb.answer) : fb.given;
      panel_text(given.empty() ? "(nothing)" : given);
      const bool expected_shown_below = q.type == QuestionType::Dilemma;  // as the model answer
      if (!expected_shown_below &&
          (!g.correct || q.type == QuestionType::ShortAnswer || q.type == QuestionType::Numeric)) {
        ImGui::TextDisabled("Correct answer");
        ImGui::PushFont(ui.fonts->bold);
        panel_text(fb.expected.empty() ? g.expected : fb.expected);
        ImGui::PopFont();
      }
    }
    end_panel(soft, col);
  }

  if (q.type == QuestionType::Dilemma) {
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    text_in(ui.fonts->bold, "Model answer");
    wrapped_text(card.model_answer.empty() ? q.model_answer : card.model_answer);
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    text_in(ui.fonts->bold, "Self-assessment: tick what your justification did");
    for (std::size_t i = 0; i < q.rubric.size() && i < 8; ++i) {
      const bool met = i < fb.answer.rubric_met.size() && fb.answer.rubric_met[i];
      const char letter = static_cast<char>('A' + i);
      ImGui::PushID(static_cast<int>(i));
      bool v = met;
      const bool clicked = ImGui::Checkbox("##r", &v);
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%c", letter);
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      wrapped_text(shown(card.rubric, static_cast<int>(i), q.rubric[i]));
      const bool text_clicked = ImGui::IsItemClicked();
      if (clicked || text_clicked || typed_letter(letter))
        ui.send(app::SetRubric{static_cast<int>(i), !met});
      ImGui::PopID();
    }
    const std::size_t lines = std::min<std::size_t>(q.rubric.size(), 8);
    if (lines > 0)
      hint_text(std::string("Press A–") + static_cast<char>('A' + lines - 1) + " to tick or untick a line.");
  }

  ImGui::Dummy(ImVec2(0, 0.3f * em));
  if (!q.explanation.empty()) {
    text_in(ui.fonts->bold, "Why");
    wrapped_text(card.explanation.empty() ? q.explanation : card.explanation);
  }
  if (!card.citation.empty()) {
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    wrapped_text("Source: " + card.citation, kColorMuted);
  }

  // Rating buttons, the proposed one highlighted.
  ImGui::Dummy(ImVec2(0, 0.6f * em));
  text_in(ui.fonts->bold, "How well did you know it?");
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float w = (ImGui::GetContentRegionAvail().x - 3 * spacing) / 4.0f;
  for (int r = 1; r <= 4; ++r) {
    const auto ru = static_cast<std::size_t>(r - 1);
    const bool selected = static_cast<int>(fb.selected) == r;
    std::string label = std::to_string(r) + "  " + kRatingNames[ru];
    if (!fb.intervals[ru].empty()) label += "  " + fb.intervals[ru];
    if (selected) label += "  ◂";
    label += "##rate" + std::to_string(r);
    if (r > 1) ImGui::SameLine();
    if (selected) ImGui::PushFont(ui.fonts->bold);
    const bool clicked = styled_button(label.c_str(), ImVec2(w, 2.2f * em), selected);
    if (selected) ImGui::PopFont();
    if (clicked) ui.send(app::Rate{static_cast<core::Rating>(r)});
  }
  const std::string sel = kRatingNames[static_cast<std::size_t>(static_cast<int>(fb.selected) - 1)];
  hint_text("1–4: rate and go on  ·  Enter: continue (" + sel + ")  ·  ←/→: change  ·  Esc: end session");
}

}  // namespace casebook::ui
