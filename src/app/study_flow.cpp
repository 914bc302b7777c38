#include "app/study_flow.hpp"

#include <algorithm>
#include <exception>
#include <string>
#include <string_view>

#include "app/card_view.hpp"
#include "app/custom_study.hpp"
#include "app/review_record.hpp"
#include "app/study_queue.hpp"
#include "core/options.hpp"
#include "core/search.hpp"
#include "core/time.hpp"
#include "core/scheduler.hpp"

namespace casebook::app {

using core::TimestampMs;

namespace {

/// undo()'s notice, shown over the card taken back until it is answered or the session ends.
constexpr std::string_view kTakenBack = "The last rating was taken back: answer this card again.";
/// What the first undo on an answer's feedback says (StudyFlow::undo).
constexpr std::string_view kUndoAsks =
    "This answer is saved when you rate it. Undo again to take back the card before instead: this answer is then "
    "not saved.";

/// The scheduler's context for `key` rated at `t`: the learner's due load and the card's exam.
core::ScheduleContext schedule_context(const AppContext& ctx, const std::string& key, TimestampMs t) {
  return app::schedule_context(ctx.data(), key, ctx.options.scheduler("").study_day_of(t), &ctx.load);
}

}  // namespace

bool StudyFlow::start(const StudyScope& scope, const StudyMode& mode) {
  if (const std::string problem = study_mode_problem(mode); !problem.empty()) {
    m_ctx.message = "Custom study: " + problem + ".";
    return false;
  }
  const TimestampMs t = m_ctx.now();
  if (mode.kind == StudyModeKind::ExtraNew) record_extra_new_cards(m_ctx, scope, mode.count, t);
  // Once recorded, the raise is part of today's limits: the session is a normal one.
  SessionPlan plan = plan_session(m_ctx, t, scope, mode.kind == StudyModeKind::ExtraNew ? StudyMode{} : mode);
  const std::uint64_t seed = m_ctx.config.session_seed != 0 ? m_ctx.config.session_seed : static_cast<std::uint64_t>(t);
  core::Session s(std::move(plan.candidates), t, m_ctx.clock(), plan.limits, seed, plan.rules);
  if (s.phase() == core::SessionPhase::Finished) {
    const std::string where = scope.bank_id.empty() ? "" : " in " + scope_label(m_ctx, scope);
    switch (mode.kind) {
      case StudyModeKind::Normal:
        m_ctx.message = "Nothing to study" + where + " right now: no card is due and today's new cards are done.";
        break;
      case StudyModeKind::ExtraNew:
        m_ctx.message = "Today's new-card limit" + where + " was raised by " + std::to_string(mode.count) +
                        ", but no new card is left to study there right now.";
        break;
      default:
        m_ctx.message = "Nothing to study" + where + " for " + study_mode_title(mode) + ".";
        break;
    }
    return false;
  }
  m_session.emplace(std::move(s));
  m_scope = scope;
  m_mode = mode;
  m_records = plan.records;
  m_undo.clear();
  m_started = t;
  m_summary = SummaryView{};
  m_finished = false;
  m_ctx.message.clear();
  show_next();
  return true;
}

void StudyFlow::show_next() {
  switch (m_session->phase()) {
    case core::SessionPhase::Finished: end(); break;
    case core::SessionPhase::Waiting: show_waiting(); break;
    default: show_current(); break;
  }
}

void StudyFlow::show_waiting() {
  const TimestampMs t = m_ctx.now();
  m_view = StudyView{};
  const core::QueueCounts q = m_session->queue_counts();
  m_view.card.count_new = q.fresh;
  m_view.card.count_learning = q.learning;
  m_view.card.count_review = q.review;
  m_view.card.scope_label = scope_label(m_ctx, m_scope);
  m_view.card.mode_label = study_mode_label(m_mode);
  m_view.card.showing_id = ++m_showing_id;
  m_view.waiting = true;
  m_view.ready_at = m_session->ready_at().value_or(t);
  m_view.wait_ms = std::max<std::int64_t>(0, m_view.ready_at - t);
  const std::int64_t minutes = std::max<std::int64_t>(1, (m_view.ready_at - t + 59'999) / 60'000);
  m_view.waiting_line = "Only learning cards are left, and none is due yet: the next one is due in " +
                        std::to_string(minutes) + (minutes == 1 ? " minute." : " minutes.");
  m_view.can_undo = can_undo();
  m_shown.reset();
}

bool StudyFlow::resume() {
  if (!m_session || m_session->phase() != core::SessionPhase::Waiting) return false;
  if (!m_session->resume(m_ctx.now())) {
    show_waiting();  // the minutes left change
    return false;
  }
  show_current();
  return true;
}

bool StudyFlow::void_review(const UndoStep& step) {
  std::optional<core::CardSchedule> state;
  try {
    state = m_ctx.progress.void_review(m_ctx.config.learner, step.review_id, m_ctx.now(), step.flags_before);
  } catch (const std::exception& e) {
    m_ctx.message = std::string("Could not undo: ") + e.what();
    return false;
  }
  // The due load follows the card back to its old day, as rate() moves it.
  const std::int64_t today = m_ctx.options.scheduler("").study_day_of(m_ctx.now());
  if (const auto old_day = load_day(m_ctx.data(), step.card_key, today)) m_ctx.load.add(*old_day, -1);
  if (state) {
    m_ctx.states[step.card_key] = *state;
  } else {
    m_ctx.states.erase(step.card_key);
  }
  if (const auto new_day = load_day(m_ctx.data(), step.card_key, today)) m_ctx.load.add(*new_day);
  if (step.flags_before) {
    if (step.flags_before->tags.empty() && !step.flags_before->suspended) {
      m_ctx.flags.erase(step.card_key);
    } else {
      m_ctx.flags[step.card_key] = *step.flags_before;
    }
  }
  return true;
}

bool StudyFlow::undo() {
  if (m_undo.empty()) {
    m_ctx.message = "Nothing to undo: no card has been rated in this session.";
    return false;
  }
  // The answer on screen is recorded only by its rating: an undo here would drop it unseen.
  if (m_records && in_feedback() && !m_undo_asked) {
    m_undo_asked = true;
    m_ctx.message = kUndoAsks;
    return false;
  }
  m_undo_asked = false;
  const UndoStep& step = m_undo.back();
  if (step.review_id != 0 && !void_review(step)) return false;  // Preview recorded nothing: only the session goes back
  m_session.emplace(step.session);
  // The card is due again under the changed key: its notice comes back with it.
  if (step.review_id != 0 && !step.notice.empty()) m_ctx.answer_notices[step.card_key] = step.notice;
  const core::Answer answer = step.answer;  // `step` goes with the pop
  m_undo.pop_back();
  m_finished = false;
  m_summary = SummaryView{};
  m_ctx.message = kTakenBack;
  show_current();
  restore_draft(answer);
  return true;
}

const core::Question& StudyFlow::question() const {
  return m_ctx.library.question(*m_ctx.library.find(m_view.card.card_key));
}

const core::Bank& StudyFlow::bank() const { return m_ctx.library.bank(*m_ctx.library.find(m_view.card.card_key)); }

void StudyFlow::show_current() {
  const core::StudyCandidate* cur = m_session->current();
  const CardRef* ref = m_ctx.library.find(cur->card_key);
  const core::Question& q = m_ctx.library.question(*ref);
  std::vector<int> order;
  switch (q.type) {
    case core::QuestionType::SingleChoice:
    case core::QuestionType::MultipleResponse:
      order = m_session->display_order(static_cast<int>(q.choices.size()));
      break;
    case core::QuestionType::Ordering:
      order = m_session->display_order(static_cast<int>(q.items.size()), true);
      break;
    case core::QuestionType::Matching:
      order = m_session->display_order(static_cast<int>(q.pairs.size()), true);
      break;
    default:
      break;
  }
  m_view = StudyView{};
  m_view.card = make_card_view(m_ctx.library.bank(*ref), q, cur->card_key, order);
  refresh_flag();
  if (const auto n = m_ctx.answer_notices.find(cur->card_key); n != m_ctx.answer_notices.end()) {
    m_view.card.notice = n->second;  // "The answer changed in version 2.1."
  }
  m_view.card.position = m_session->showing();
  m_view.card.remaining = m_session->remaining();
  m_view.card.remaining_learning = m_session->remaining_learning();
  const core::QueueCounts counts = m_session->queue_counts();
  m_view.card.count_new = counts.fresh;
  m_view.card.count_learning = counts.learning;
  m_view.card.count_review = counts.review;
  m_view.card.scope_label = scope_label(m_ctx, m_scope);
  m_view.card.mode_label = study_mode_label(m_mode);
  m_view.card.showing_id = ++m_showing_id;
  m_view.can_undo = can_undo();
  m_shown = *m_session;
  m_shown_at = m_ctx.now();
  m_rating_chosen = false;
  m_undo_asked = false;
  m_rubric_done = false;
  if (q.type == core::QuestionType::Dilemma) load_draft();
}

void StudyFlow::load_draft() {
  CardView& card = m_view.card;
  std::optional<storage::ReviewRecord> last;
  try {
    last = m_ctx.progress.last_review(m_ctx.config.learner, card.card_key);
  } catch (const std::exception&) {
    return;  // the box starts empty: nothing to revise is lost by that
  }
  if (!last) return;
  const core::DilemmaDraft d = core::dilemma_draft(question(), last->answer);
  if (d.position < 0 && d.justification.empty()) return;
  card.draft_position = d.position;
  card.draft_justification = d.justification;
  const std::string when = core::format_local_minutes(last->reviewed_at, core::effective_time_zone(m_ctx.options.learner()));
  card.draft_note = d.justification.empty()
                        ? "Your last answer (" + when + ") is chosen again: revise it."
                        : "Your last justification (" + when + ") is in the box: revise it.";
}

void StudyFlow::restore_draft(const core::Answer& answer) {
  // show_current() read the draft from the review log, which leaves the voided review out:
  // the box would hold the answer before it, or nothing, and the one just typed were lost.
  CardView& card = m_view.card;
  if (card.type != core::QuestionType::Dilemma) return;
  const int count = static_cast<int>(card.positions.size());
  const int position = answer.position >= 0 && answer.position < count ? answer.position : -1;
  if (position < 0 && answer.text.empty()) return;  // nothing chosen or typed: the log's draft stays
  card.draft_position = position;
  card.draft_justification = answer.text;
  card.draft_note = answer.text.empty()
                        ? "The position taken back is chosen again: change it or submit it again."
                        : "The answer taken back is in the box: revise it or submit it again.";
}

void StudyFlow::mark_rubric(FeedbackView& f) const {
  if (m_view.card.type != core::QuestionType::Dilemma || m_view.card.rubric.empty()) return;
  f.rubric_skipped = f.answer.rubric_skipped;
  f.rubric_pending = !m_rubric_done;
  if (f.rubric_pending) {
    f.verdict = "Self-assessment: tick what your justification did, or skip the rubric";
  } else if (f.rubric_skipped) {
    f.verdict = "Self-assessment skipped: rate your reasoning yourself";
  }
}

void StudyFlow::submit(const core::Answer& answer) {
  if (!m_session || m_session->phase() != core::SessionPhase::Answering) return;
  // A notice of the last step ("the last rating was taken back", "problem reported") is read:
  // the learner has answered since. A failure of this answer's own is set below.
  m_ctx.message.clear();
  const TimestampMs t = m_ctx.now();
  m_submitted_at = t;
  // An answer that already carries ticks (a front end that asks for them with the answer)
  // has been self-assessed.
  m_rubric_done = answer.rubric_skipped || std::count(answer.rubric_met.begin(), answer.rubric_met.end(), true) > 0;
  FeedbackView f = make_feedback(bank(), question(), m_view.card, answer);
  f.selected = f.grade.proposed;
  mark_rubric(f);
  const std::string& key = m_view.card.card_key;
  const core::QuestionType type = m_view.card.type;
  if (!m_records) {  // Preview: no interval applies (the intervals stay empty)
    m_view.feedback = std::move(f);
    m_session->submit();
    return;
  }
  const auto previews = m_ctx.options.scheduler_for_card(key, type).preview(
      schedule_before(m_ctx, key, t), t, core::fuzz_seed_of(key), schedule_context(m_ctx, key, t));
  for (std::size_t i = 0; i < previews.size(); ++i) f.intervals[i] = core::format_interval(t, previews[i].card.due);
  // Only now, with nothing left that can throw, does the session move to Feedback.
  m_view.feedback = std::move(f);
  m_session->submit();
}

void StudyFlow::refresh_flag() {
  const auto mk = m_ctx.marks.find(m_view.card.card_key);
  m_view.card.flag = mk != m_ctx.marks.end() ? mk->second.flag : 0;
  m_view.card.flag_line.clear();
  if (m_view.card.flag > 0 && m_view.card.flag <= 7) {
    m_view.card.flag_line = "Flagged " + std::string(core::kFlagNames[m_view.card.flag]);
    if (!mk->second.flag_note.empty()) m_view.card.flag_line += ": " + mk->second.flag_note;
  }
}

bool StudyFlow::in_feedback() const {
  return m_session && m_session->phase() == core::SessionPhase::Feedback && m_view.feedback.has_value();
}

void StudyFlow::regrade() {
  FeedbackView& old = *m_view.feedback;
  FeedbackView f = make_feedback(bank(), question(), m_view.card, old.answer);
  f.intervals = old.intervals;
  f.selected = m_rating_chosen ? old.selected : f.grade.proposed;
  mark_rubric(f);
  old = std::move(f);
}

void StudyFlow::set_rubric_level(int line, int level) {
  if (!in_feedback() || m_view.card.type != core::QuestionType::Dilemma) return;
  const auto& criteria = m_view.card.case_view.criteria;
  if (line < 0 || line >= static_cast<int>(criteria.size())) return;
  const auto levels = static_cast<int>(criteria[static_cast<std::size_t>(line)].levels.size());
  if (level < 0 || level >= levels) return;
  core::Answer& a = m_view.feedback->answer;
  a.rubric_levels.resize(criteria.size(), -1);
  a.rubric_levels[static_cast<std::size_t>(line)] = level;
  set_rubric(line, 2 * level >= levels - 1);
}

void StudyFlow::skip_rubric() {
  if (!in_feedback() || m_view.card.type != core::QuestionType::Dilemma) return;
  m_rubric_done = true;
  core::Answer& a = m_view.feedback->answer;
  a.rubric_skipped = true;
  a.rubric_met.assign(m_view.card.rubric.size(), false);
  a.rubric_levels.clear();
  regrade();
}

void StudyFlow::set_rubric(int line, bool met) {
  if (!in_feedback() || m_view.card.type != core::QuestionType::Dilemma) return;
  if (line < 0 || line >= static_cast<int>(m_view.card.rubric.size())) return;
  core::Answer& a = m_view.feedback->answer;
  a.rubric_met.resize(m_view.card.rubric.size(), false);
  a.rubric_met[static_cast<std::size_t>(line)] = met;
  a.rubric_skipped = false;
  m_rubric_done = true;
  regrade();  // the verdict and "rubric N/M met" in the answer text follow the ticks
}

void StudyFlow::select(core::Rating rating) {
  if (!in_feedback() || m_view.feedback->rubric_pending) return;
  m_view.feedback->selected = rating;
  m_rating_chosen = true;
}

bool StudyFlow::rate(core::Rating rating) {
  if (!in_feedback()) return false;
  if (m_view.feedback->rubric_pending) {
    m_ctx.message = "Assess your justification first: tick the rubric lines it met, or skip the rubric.";
    return false;
  }
  select(rating);
  if (!m_records) return rate_unrecorded(rating);
  TimestampMs t = 0;
  const FeedbackView& f = *m_view.feedback;
  const std::string key = m_view.card.card_key;
  const ReviewDraft draft{key, rating, f.grade.correct, core::describe_answer(question(), f.answer),
                          m_submitted_at - m_shown_at};
  storage::AnswerPlan recorded;
  std::optional<storage::CardFlags> old_flags;
  std::int64_t review_id = 0;
  try {
    // One write transaction: the newest stored state (another Casebook may share the
    // database), the review-log row, the card state and the leech flags.
    review_id = m_ctx.progress.record_answer(
        m_ctx.config.learner, key,
        [&](const std::optional<core::CardSchedule>& newest, const storage::CardFlags& flags) {
          // The time is read inside the transaction, so the log's times follow the order the
          // answers were committed in; never before the card's previous review.
          t = m_ctx.now();
          if (newest && newest->last_review) t = std::max(t, *newest->last_review);
          recorded = plan_review(m_ctx, draft, t, newest, flags);
          if (recorded.flags) old_flags = flags;
          return recorded;
        });
  } catch (const std::exception& e) {
    std::string why = e.what();
    while (!why.empty() && (why.back() == '.' || why.back() == ' ')) why.pop_back();  // no ".."
    m_ctx.message = "Your answer was not saved: " + why + ". It is kept; rate again to retry.";
    return false;
  }
  // The due load follows the card from its old day to its new one (no rescan).
  apply_review(m_ctx, recorded);
  const std::optional<storage::CardFlags>& new_flags = recorded.flags;
  m_ctx.message.clear();
  if (new_flags) {
    const int lapses = recorded.review.after.lapses;
    m_ctx.message = new_flags->suspended
                        ? "This card has lapsed " + std::to_string(lapses) +
                              " times: tagged as a leech and suspended (Settings can show it again)."
                        : "This card has lapsed " + std::to_string(lapses) + " times: tagged as a leech.";
    if (new_flags->suspended) m_session->suspend(key);
  }
  if (m_shown) m_undo.push_back(UndoStep{*m_shown, review_id, key, old_flags, f.answer, m_view.card.notice});
  m_session->rate(rating, recorded.review.correct, recorded.review.after, t, !f.answer.rubric_skipped);
  show_next();
  return true;
}

bool StudyFlow::rate_unrecorded(core::Rating rating) {
  const TimestampMs t = m_ctx.now();
  const std::string key = m_view.card.card_key;
  if (m_shown) m_undo.push_back(UndoStep{*m_shown, 0, key, std::nullopt, m_view.feedback->answer, ""});
  m_session->suspend(key);  // shown once: it never comes back in this session
  m_session->rate(rating, m_view.feedback->grade.correct, schedule_before(m_ctx, key, t), t,
                  !m_view.feedback->answer.rubric_skipped);
  m_ctx.message.clear();
  show_next();
  return true;
}

bool StudyFlow::drop_current() {
  if (!m_session || m_session->current() == nullptr) return false;
  const std::string key = m_view.card.card_key;
  if (in_feedback()) {
    if (m_view.feedback->rubric_pending) skip_rubric();  // recorded as skipped, nothing lost
    m_session->suspend(key);  // rated below, and never queued again
    return rate(m_view.feedback->selected);
  }
  m_session->skip_current(m_ctx.now());
  if (m_session->phase() == core::SessionPhase::Finished) {
    end();
  } else {
    show_current();
  }
  return true;
}

bool StudyFlow::continue_with_selected() {
  if (!in_feedback()) return false;
  return rate(m_view.feedback->selected);
}

bool StudyFlow::leave() {
  if (!m_session) return true;
  if (in_feedback()) {
    // Nothing is lost: the shown answer is recorded with the selected rating first (a
    // dilemma whose rubric was not assessed: as skipped, with the rating then proposed).
    if (m_view.feedback->rubric_pending) skip_rubric();
    if (!rate(m_view.feedback->selected)) return false;
    if (!m_session) return true;  // that was the last card
  }
  m_session->finish();
  end();
  return true;
}

void StudyFlow::end() {
  if (m_ctx.message == kTakenBack) m_ctx.message.clear();  // no card is left to answer again
  m_summary = SummaryView{};
  const auto& c = m_session->counts();
  m_summary.reviewed = c.reviewed;
  m_summary.recorded = m_records;
  m_summary.correct = c.correct;
  m_summary.not_assessed = c.not_assessed;
  m_summary.ratings = c.ratings;
  m_summary.duration_ms = std::max<std::int64_t>(0, m_ctx.now() - m_started);
  m_summary.can_undo = can_undo();
  try {
    const LeftToday left = left_today(m_ctx, m_scope);
    m_summary.remaining_due_today = left.due;
    m_summary.remaining_new_today = left.new_cards;
  } catch (const std::exception& e) {
    m_ctx.message = std::string("Could not read today's progress: ") + e.what();
  }
  m_session.reset();
  m_view = StudyView{};
  m_finished = true;
}

}  // namespace casebook::app
