// The study session from the app's side: starting it over the loaded banks (or one bank or
// topic), the card on screen, grading a submitted answer, recording a rating (one write
// transaction, durable before the next card shows), leeches, waiting for learning cards,
// undo, leaving, and the summary.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/views.hpp"
#include "core/session.hpp"

namespace casebook::app {

class StudyFlow {
 public:
  explicit StudyFlow(AppContext& ctx) : m_ctx(ctx) {}

  /// Starts a session over the due and new cards of `scope` (by default every course bank),
  /// or over the cards custom study `mode` takes (app/custom_study.hpp plan_session; ExtraNew
  /// records its raise first). Returns false (and sets ctx.message) when there is nothing to
  /// study or mode's numbers are out of range. Throws storage::StorageError.
  bool start(const StudyScope& scope = {}, const StudyMode& mode = {});
  /// A session is running (a card is on screen).
  [[nodiscard]] bool active() const { return m_session.has_value(); }
  /// The card on screen and, after submit, the feedback. Valid while active().
  [[nodiscard]] const StudyView& view() const { return m_view; }
  /// The totals of the last session (after it ended).
  [[nodiscard]] const SummaryView& summary() const { return m_summary; }

  /// Answering -> feedback: grades `answer`, proposes a rating and shows each rating's
  /// interval. Ignored outside the answering phase.
  void submit(const core::Answer& answer);
  /// Dilemma feedback: ticks or unticks rubric line `line`; the verdict follows, and so does
  /// the proposed rating until the learner picks one.
  void set_rubric(int line, bool met);
  /// Dilemma feedback: goes on without the self-assessment; a rating (Good) is then proposed.
  void skip_rubric();
  /// Dilemma written as a case: criterion `line` assessed at `level` (0 .. its levels - 1);
  /// it counts as met from the middle level up. Opens the ratings as a tick does.
  void set_rubric_level(int line, int level);
  /// Feedback: the learner picks `rating` (not yet recorded). Ignored while a dilemma's rubric
  /// is pending (FeedbackView::rubric_pending).
  void select(core::Rating rating);
  /// Feedback: records the answer with `rating` and shows the next card, or ends the session
  /// (then finished() is true). While a dilemma's rubric is pending nothing is recorded:
  /// false, and ctx.message asks for the rubric first. In a mode that records nothing (Preview) the card simply
  /// leaves the session: no review-log row, no state change. On a failed write the feedback stays, ctx.message says why,
  /// and false is returned: nothing is lost, rating again retries.
  bool rate(core::Rating rating);
  /// Feedback: rate() with the selected rating.
  bool continue_with_selected();
  /// Ends the session: an answer on the feedback screen is recorded with its selected rating
  /// first (a dilemma whose rubric is pending: skipped first, so Good) (false, and the session stays, if that write fails). An unanswered card is simply
  /// not recorded.
  bool leave();
  /// Takes the card on screen out of the session (it was suspended, buried or reset): on the
  /// feedback screen its answer is recorded first with the selected rating (false, and
  /// nothing changes, if that write fails). Then the next card is shown, or the session ends.
  bool drop_current();
  /// Reads the shown card's flag again from the learner's card events (after a card action
  /// on the study screen flagged or unflagged it).
  void refresh_flag();
  /// An answer is shown with its feedback and not yet rated.
  [[nodiscard]] bool in_feedback() const;
  /// The session ended (last card rated, or left): the summary is ready.
  [[nodiscard]] bool finished() const { return m_finished; }
  /// Waiting for a learning card: shows it once it may be shown at ctx.now() (true: the view
  /// changed). Nothing happens in any other state.
  bool resume();
  /// Takes back the last rating of this session (also after it ended): appends a voiding
  /// record for its review (storage::Progress::void_review), restores the card's state and
  /// flags, and shows that card again with the session as it was when the card was shown,
  /// answering (every question type). A dilemma's box holds the answer taken back (position
  /// and justification, to revise or submit again; the rubric is assessed again).
  /// On an answer's feedback (answered, not yet rated: nothing recorded for it) the first
  /// undo only asks (ctx.message, kUndoAsks): a second one in a row takes the rating before
  /// back and this answer is not recorded; rating it instead keeps it. Preview records
  /// nothing and does not ask.
  /// False (ctx.message says why) when there is nothing to take back, it asked, or the write
  /// failed.
  bool undo();
  /// There is a rating of this session to take back.
  [[nodiscard]] bool can_undo() const { return !m_undo.empty(); }

 private:
  void show_current();
  /// Shows the current card, or the waiting screen, or ends the session, by its phase.
  void show_next();
  void show_waiting();
  void regrade();
  /// A dilemma's feedback while its rubric is pending, ticked or skipped.
  void mark_rubric(FeedbackView& f) const;
  /// A dilemma shown again: its last answer (draft) from the review log.
  void load_draft();
  /// A dilemma shown again by undo: the answer taken back (`answer`) is its draft.
  void restore_draft(const core::Answer& answer);
  /// rate() in a mode that records nothing: the card leaves the session, counted.
  bool rate_unrecorded(core::Rating rating);
  void end();
  /// The question on screen and its bank.
  [[nodiscard]] const core::Question& question() const;
  [[nodiscard]] const core::Bank& bank() const;

  /// What undo() needs to take one rating back.
  struct UndoStep {
    core::Session session;        ///< as it was when the card was shown (Answering)
    std::int64_t review_id = 0;   ///< the review-log row the rating made (0: none, Preview)
    std::string card_key;
    std::optional<storage::CardFlags> flags_before;  ///< the flags before, when the rating changed them
    core::Answer answer;          ///< the answer rated (a dilemma shows it again in its box)
    std::string notice;           ///< the card's "answer changed" notice the rating cleared ("" none)
  };

  /// undo()'s write: voids `step`'s review and puts the card's state, flags and due load
  /// back. False (ctx.message says why) when the write failed.
  bool void_review(const UndoStep& step);

  AppContext& m_ctx;
  std::optional<core::Session> m_session;
  std::optional<core::Session> m_shown;  ///< the session when the current card was shown
  std::vector<UndoStep> m_undo;          ///< this session's ratings, oldest first
  StudyScope m_scope;
  StudyMode m_mode;
  bool m_records = true;  ///< answers are recorded (false: Preview)
  StudyView m_view;
  SummaryView m_summary;
  bool m_finished = false;
  core::TimestampMs m_started = 0;
  core::TimestampMs m_shown_at = 0;
  core::TimestampMs m_submitted_at = 0;
  std::uint64_t m_showing_id = 0;
  bool m_rating_chosen = false;  ///< the learner picked a rating: SetRubric no longer changes it
  bool m_undo_asked = false;     ///< undo on this feedback asked once (see undo())
  bool m_rubric_done = false;    ///< dilemma: a rubric line was ticked, or the rubric skipped
};

}  // namespace casebook::app
