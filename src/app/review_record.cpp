#include "app/review_record.hpp"

#include <algorithm>

#include "app/day_plan.hpp"
#include "app/study_queue.hpp"
#include "core/answer_key.hpp"
#include "core/options.hpp"
#include "core/scheduler.hpp"

namespace casebook::app {

storage::AnswerPlan plan_review(const AppContext& ctx, const ReviewDraft& draft, core::TimestampMs t,
                                const std::optional<core::CardSchedule>& newest, const storage::CardFlags& flags) {
  const std::string& key = draft.card_key;
  const CardRef* ref = ctx.library.find(key);
  // A dilemma's scheduler has no same-day steps (option dilemma_learning_steps).
  const core::Scheduler& scheduler = ref != nullptr
                                         ? ctx.options.scheduler_for_card(key, ctx.library.question(*ref).type)
                                         : ctx.options.scheduler_for_card(key);
  const core::StudyOptions options = ctx.options.for_bank(bank_of_key(key));
  storage::AnswerPlan plan;
  core::ReviewRecord& r = plan.review;
  r.learner = ctx.config.learner;
  r.card_key = key;
  r.reviewed_at = t;
  r.rating = draft.rating;
  r.correct = draft.correct;
  r.answer = draft.answer;
  r.response_ms = std::max<std::int64_t>(0, draft.response_ms);
  if (ref != nullptr) {
    r.bank_version = ctx.library.bank(*ref).info.version;
    r.answer_key = core::answer_key_fingerprint(ctx.library.question(*ref));  // schema 9: re-keyed cards
  }
  r.before = newest ? *newest : core::Scheduler::new_card(t);
  const core::ScheduleContext sc =
      schedule_context(ctx.data(), key, ctx.options.scheduler("").study_day_of(t), &ctx.load);
  r.after = scheduler.next(r.before, t, draft.rating, core::fuzz_seed_of(key), sc).card;
  if (r.after.lapses > r.before.lapses && core::is_leech_lapse(r.after.lapses, options.leech_threshold)) {
    storage::CardFlags next = flags;
    if (std::find(next.tags.begin(), next.tags.end(), "leech") == next.tags.end()) next.tags.push_back("leech");
    std::sort(next.tags.begin(), next.tags.end());
    next.suspended = next.suspended || options.leech_action == core::LeechAction::TagAndSuspend;
    plan.flags = next;
  }
  return plan;
}

void apply_review(AppContext& ctx, const storage::AnswerPlan& plan) {
  const std::string& key = plan.review.card_key;
  const std::int64_t today = ctx.options.scheduler("").study_day_of(plan.review.reviewed_at);
  if (const auto old_day = load_day(ctx.data(), key, today)) ctx.load.add(*old_day, -1);
  ctx.states[key] = plan.review.after;
  if (const auto new_day = load_day(ctx.data(), key, today)) ctx.load.add(*new_day);
  if (plan.flags) ctx.flags[key] = *plan.flags;
  ctx.answer_notices.erase(key);  // answered against the bank's answer key now
}

}  // namespace casebook::app
