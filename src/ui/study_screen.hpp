// Study screen: one card at a time, an answer widget per question type, then feedback and
// the four rating buttons. Keeps only the learner's unsent input; everything else is read
// from app::StudyView every frame. Drawn by study_screen.cpp (frame, header, keys),
// study_answering.cpp (the answer widgets) and study_feedback.cpp (verdict and ratings).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "ui/card_action_keys.hpp"
#include "ui/widgets.hpp"
#include "ui/wrap_box.hpp"

namespace casebook::ui {

class StudyScreen {
 public:
  /// Draws the card in `view` and queues at most one action in `ui`.
  ///
  /// Keys while answering (never while a text box has focus): 1-9 pick a choice (toggle for
  /// multiple response, pick a position for a dilemma), T/F or 1/2 for true/false, Up/Down
  /// select a row and Alt/Ctrl+Up/Down move it (ordering), Up/Down + 1-9 assign a match,
  /// Tab focuses the justification box, Enter submits (Ctrl+Enter inside the
  /// justification box; a matching with unpaired items asks first: Enter or Y submits, Escape
  /// or N goes back), Escape ends the session (inside the justification box it only leaves
  /// the box). After the answer: 1-4 rate and go on, Left/Right change the proposed
  /// rating, Enter continues with it, A-H tick rubric lines and S skips the rubric (dilemma:
  /// no rating until one of them), Escape ends the session. PageUp/PageDown scroll. Ctrl+Z (run_gui) takes back the last rating.
  void draw(const app::StudyView& view, UiContext& ui);

  /// The answer widgets alone, with their keys (as while answering above; Escape is left to
  /// the caller), for the mock exam screen: the inputs start empty whenever card.showing_id
  /// changes; `beside` draws buttons next to the submit button. A typed-answer box takes the
  /// keyboard when its question is shown unless `take_keyboard` is false (an exam question
  /// already answered: the screen's letter keys stay keys, and Tab gives the box the keyboard).
  /// Returns the answer when the learner submits one (Enter or the button); a reason shows
  /// when it cannot be submitted yet.
  std::optional<core::Answer> draw_answer_input(const app::CardView& card, UiContext& ui, const char* submit_label,
                                                const std::function<void()>& beside = {}, bool take_keyboard = true);
  /// Gives the typed-answer box (or a dilemma's justification box) the keyboard again on the
  /// next frame (the exam screen's Tab after Escape left the box).
  void focus_text(const app::CardView& card) { m_focus_text = typed(card.type); }

 private:
  /// The learner types the answer into a box (short answer, numeric): the box takes the
  /// keyboard when the card shows, and again after a refused answer or card info.
  static bool typed(core::QuestionType t) {
    return t == core::QuestionType::ShortAnswer || t == core::QuestionType::Numeric;
  }
  void reset(const app::CardView& card);
  /// Only learning cards are left and none is due: when the next one is, End session, Undo.
  void draw_waiting(const app::StudyView& view, UiContext& ui);
  void draw_answering(const app::CardView& card, UiContext& ui);
  /// The question as read: a dilemma's scenario, a case's brief, the prompt.
  void draw_question(const app::CardView& card, UiContext& ui);
  void draw_answer_widgets(const app::CardView& card, UiContext& ui, bool& submit);
  void draw_answer_widget(const app::CardView& card, UiContext& ui, bool& submit);  ///< inside the showing's ID
  /// The widgets, the submit button (then `beside`) and the notice; the answer on submit.
  std::optional<core::Answer> answer_controls(const app::CardView& card, UiContext& ui, const char* submit_label,
                                              const std::function<void()>& beside);
  /// "Submit anyway?" under the submit button (m_confirm): true when the learner says yes
  /// (the button, Enter or Y; `keys` false ignores the keys of this frame); Escape, N or
  /// Go back closes it.
  bool draw_confirm(UiContext& ui, bool keys);
  void draw_ordering(const app::CardView& card);
  void draw_matching(const app::CardView& card);
  void draw_dilemma(const app::CardView& card, UiContext& ui, bool& submit);
  void draw_feedback(const app::CardView& card, const app::FeedbackView& fb, UiContext& ui);
  void draw_ratings(const app::FeedbackView& fb, UiContext& ui);
  void handle_answer_keys(const app::CardView& card, UiContext& ui);
  [[nodiscard]] core::Answer build_answer(const app::CardView& card) const;

  std::optional<std::uint64_t> m_showing_id;
  int m_single = -1;                ///< display position chosen (single choice)
  std::vector<bool> m_multi;        ///< per display position (multiple response)
  std::optional<bool> m_truth;      ///< true/false
  std::string m_text;               ///< short answer, numeric
  std::vector<int> m_order;         ///< ordering: display positions of the items, top to bottom
  int m_order_sel = 0;              ///< ordering: selected row
  std::vector<int> m_match;         ///< matching: per left item, display position of the right side (-1)
  int m_match_sel = 0;              ///< matching: selected left item
  int m_position = -1;              ///< dilemma: position index
  WrapBox m_justification;          ///< dilemma: wraps at its edge
  bool m_focus_text = false;        ///< focus the text box on the next frame
  bool m_text_to_end = false;       ///< the typed-answer box's cursor goes after its text when it takes the keyboard
  int m_last_frame = -1;            ///< ImGui frame this screen was last drawn (a gap: back from another screen)
  bool m_form_was_open = false;     ///< a card action's form was open when last drawn
  float m_scroll_before_form = 0;   ///< the scroll position when that form opened
  bool m_justification_active = false;
  bool m_scroll_top = false;
  bool m_scroll_to_verdict = false;  ///< the feedback was just opened
  bool m_in_feedback = false;        ///< the last frame drew the feedback
  std::string m_notice;             ///< e.g. "Pick an answer first"
  std::string m_confirm;            ///< "2 of 4 items have no option yet: ... Submit anyway?" (asked)
  CardActionKeys m_actions;         ///< Ctrl+J, Ctrl+B, Ctrl+R, Ctrl+1-7, Ctrl+E, Ctrl+P on the shown card
};

/// Drawing helpers shared by the study screen's files.
namespace study_widgets {
enum class Mark { Radio, Check, Correct, Wrong, Chosen, None };
/// One numbered option: a radio button or checkbox (or a feedback mark), the number, and the
/// text wrapped with a hanging indent. Returns true when the row was clicked.
bool option_row(int number, std::string_view text, Mark mark, bool on, bool highlight = false);
/// An ordering's or a matching's feedback (FeedbackView::rows): per position or item a ✓ or
/// ✗, what the learner put there and, under a ✗, what belongs there.
void feedback_rows(const app::FeedbackView& fb);
/// A panel with a soft background behind whatever is drawn between begin and end.
void begin_panel();
void end_panel(const ImVec4& bg, const ImVec4& border);
}  // namespace study_widgets

/// A dilemma written as a case (study_case.cpp).
namespace study_case {
/// Before the answer: protagonist and role, deadline, situation, constraints, exhibits with
/// their sources, the decision asked.
void draw_brief(const app::CaseView& c, UiContext& ui);
/// The levelled rubric: per criterion its levels (click, or the letter A-H steps through
/// them) and the chosen level's descriptor.
void draw_levels(const app::CaseView& c, const app::FeedbackView& fb, UiContext& ui);
/// After the ratings: the model answers, the epilogue and the debrief questions.
void draw_debrief(const app::CaseView& c, UiContext& ui);
}  // namespace study_case

}  // namespace casebook::ui
