// The study session from the app's side: starting it over the loaded banks, the card on
// screen, grading a submitted answer, recording a rating (one write transaction, durable
// before the next card shows), leeches, leaving, and the summary.
#pragma once
#include <optional>

#include "app/context.hpp"
#include "app/views.hpp"
#include "core/session.hpp"

namespace casebook::app {

class StudyFlow {
 public:
  explicit StudyFlow(AppContext& ctx) : m_ctx(ctx) {}

  /// Starts a session over the due and new cards of every loaded bank. Returns false (and
  /// sets ctx.message) when there is nothing to study. Throws storage::StorageError.
  bool start();
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
  /// Feedback: the learner picks `rating` (not yet recorded).
  void select(core::Rating rating);
  /// Feedback: records the answer with `rating` and shows the next card, or ends the session
  /// (then finished() is true). On a failed write the feedback stays, ctx.message says why,
  /// and false is returned: nothing is lost, rating again retries.
  bool rate(core::Rating rating);
  /// Feedback: rate() with the selected rating.
  bool continue_with_selected();
  /// Ends the session: an answer on the feedback screen is recorded with its selected rating
  /// first (false, and the session stays, if that write fails). An unanswered card is simply
  /// not recorded.
  bool leave();
  /// Takes the card on screen out of the session (it was suspended, buried or reset): on the
  /// feedback screen its answer is recorded first with the selected rating (false, and
  /// nothing changes, if that write fails). Then the next card is shown, or the session ends.
  bool drop_current();
  /// An answer is shown with its feedback and not yet rated.
  [[nodiscard]] bool in_feedback() const;
  /// The session ended (last card rated, or left): the summary is ready.
  [[nodiscard]] bool finished() const { return m_finished; }

 private:
  void show_current();
  void regrade();
  void end();
  /// The question on screen and its bank.
  [[nodiscard]] const core::Question& question() const;
  [[nodiscard]] const core::Bank& bank() const;

  AppContext& m_ctx;
  std::optional<core::Session> m_session;
  StudyView m_view;
  SummaryView m_summary;
  bool m_finished = false;
  core::TimestampMs m_started = 0;
  core::TimestampMs m_shown_at = 0;
  core::TimestampMs m_submitted_at = 0;
  std::uint64_t m_showing_id = 0;
  bool m_rating_chosen = false;  ///< the learner picked a rating: SetRubric no longer changes it
};

}  // namespace casebook::app
