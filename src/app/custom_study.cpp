#include "app/custom_study.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <utility>

#include "app/study_queue.hpp"
#include "core/options.hpp"

namespace casebook::app {

using core::TimestampMs;

namespace {

bool is_new(const core::StudyCandidate& c) { return !c.schedule || c.schedule->state == core::CardState::New; }

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// Keeps the candidates `keep` accepts and brings a later due to `t` (for the queue only).
void take_now(std::vector<core::StudyCandidate>& candidates, TimestampMs t,
              const std::function<bool(const core::StudyCandidate&)>& keep) {
  std::erase_if(candidates, [&](const core::StudyCandidate& c) { return !keep(c); });
  for (auto& c : candidates) {
    if (c.schedule && c.schedule->state != core::CardState::New && c.schedule->due > t) c.schedule->due = t;
  }
}

/// The stored form of a raise of `count` for `scope` at `t` (its study day in the learner's clock).
storage::ExtraNewCards extra_new_cards(const AppContext& ctx, const StudyScope& scope, int count, TimestampMs t) {
  storage::ExtraNewCards extra;
  extra.date = core::iso_date_of_day(core::study_day(t, ctx.clock()));
  extra.bank_id = scope.bank_id;
  extra.topic = scope.topic;
  extra.count = count;
  extra.at = t;
  return extra;
}

}  // namespace

SessionPlan plan_session(AppContext& ctx, TimestampMs t, const StudyScope& scope, const StudyMode& mode) {
  SessionPlan plan;
  plan.rules = core::to_session_rules(ctx.options.learner());
  plan.rules.wait_for_learning = true;  // a learning step later today keeps the session open (the waiting screen)
  plan.candidates = study_candidates(ctx, t, scope);
  if (mode.kind == StudyModeKind::Normal) {
    plan.limits = day_limits(ctx, t, scope).left;
    return plan;
  }
  if (mode.kind == StudyModeKind::ExtraNew) {
    plan.limits = day_limits(ctx, t, scope, {extra_new_cards(ctx, scope, mode.count, t)}).left;
    return plan;
  }
  // The other modes choose their cards themselves: no daily limit and no sibling burying
  // (a card of today's forgotten ones must not hide another of them).
  plan.rules.bury_siblings = false;
  plan.limits = core::SessionLimits{kNoLimit, kNoLimit};
  const core::DayClock& clock = ctx.clock();
  const std::int64_t today = core::study_day(t, clock);
  switch (mode.kind) {
    case StudyModeKind::Forgotten: {
      const auto keys = ctx.progress.forgotten_cards(ctx.config.learner, core::study_day_start(today, clock),
                                                     core::study_day_start(today + 1, clock));
      const std::set<std::string> forgotten(keys.begin(), keys.end());
      take_now(plan.candidates, t, [&](const core::StudyCandidate& c) { return forgotten.count(c.card_key) > 0; });
      break;
    }
    case StudyModeKind::Ahead:
      take_now(plan.candidates, t, [&](const core::StudyCandidate& c) {
        return !is_new(c) && core::study_day(c.schedule->due, clock) <= today + mode.days;
      });
      break;
    case StudyModeKind::All: take_now(plan.candidates, t, [](const core::StudyCandidate&) { return true; }); break;
    case StudyModeKind::Preview:
    case StudyModeKind::Cram:
      std::erase_if(plan.candidates, [](const core::StudyCandidate& c) { return !is_new(c); });
      plan.limits.new_cards = mode.count;
      plan.records = mode.kind == StudyModeKind::Cram;
      plan.rules.wait_for_learning = plan.records;
      break;
    case StudyModeKind::Normal:
    case StudyModeKind::ExtraNew: break;
  }
  // An exam plan's "needed today" pace does not reorder a custom session's new cards.
  for (auto& c : plan.candidates) c.exam = false;
  return plan;
}

std::string_view study_mode_name(StudyModeKind kind) {
  switch (kind) {
    case StudyModeKind::Normal: return "normal";
    case StudyModeKind::Forgotten: return "forgotten";
    case StudyModeKind::Ahead: return "ahead";
    case StudyModeKind::Preview: return "preview";
    case StudyModeKind::Cram: return "cram";
    case StudyModeKind::ExtraNew: return "extra-new";
    case StudyModeKind::All: return "all";
  }
  return "normal";
}

std::optional<StudyModeKind> parse_study_mode(std::string_view name) {
  for (const StudyModeKind k : {StudyModeKind::Normal, StudyModeKind::Forgotten, StudyModeKind::Ahead,
                                StudyModeKind::Preview, StudyModeKind::Cram, StudyModeKind::ExtraNew,
                                StudyModeKind::All}) {
    if (study_mode_name(k) == name) return k;
  }
  return std::nullopt;
}

bool study_mode_changes_schedule(StudyModeKind kind) { return kind != StudyModeKind::Preview; }

std::string study_mode_effect(const StudyMode& mode) {
  switch (mode.kind) {
    case StudyModeKind::Normal:
    case StudyModeKind::Forgotten:
      return "Changes the schedule: each answer is recorded and the card is scheduled again, as in normal study.";
    case StudyModeKind::Ahead:
      return "Changes the schedule: each answer is recorded; a card studied before its due date gets its next "
             "interval from this early review.";
    case StudyModeKind::Preview:
      return "Does not change the schedule: nothing is recorded and the cards stay new.";
    case StudyModeKind::Cram:
      return "Changes the schedule: the cards stop being new and are scheduled as in normal study; they count as "
             "today's new cards.";
    case StudyModeKind::ExtraNew:
      return "Changes the schedule: a normal session with today's new-card limit raised by " +
             std::to_string(mode.count) + "; the raise is kept until the study day ends, also after a restart.";
    case StudyModeKind::All:
      return "Changes the schedule: each answer is recorded and the card is scheduled again; cards not yet due are "
             "reviewed early.";
  }
  return "";
}

std::string study_mode_title(const StudyMode& mode) {
  switch (mode.kind) {
    case StudyModeKind::Normal: return "Study: today's due cards and new cards";
    case StudyModeKind::Forgotten: return "Today's forgotten cards: the cards you rated Again today";
    case StudyModeKind::Ahead: return "Review ahead: cards due in the next " + plural(mode.days, "day", "days");
    case StudyModeKind::Preview:
      return "Preview new cards: up to " + std::to_string(mode.count) + ", without scheduling them";
    case StudyModeKind::Cram:
      return "Cram new cards: up to " + std::to_string(mode.count) + ", past today's new-card limit";
    case StudyModeKind::ExtraNew: return plural(mode.count, "extra new card", "extra new cards") + " today";
    case StudyModeKind::All: return "All cards, whatever their due date";
  }
  return "";
}

std::string study_mode_label(const StudyMode& mode) {
  std::string what;
  switch (mode.kind) {
    case StudyModeKind::Normal: return "";
    case StudyModeKind::Forgotten: what = "today's forgotten cards"; break;
    case StudyModeKind::Ahead: what = "review ahead, " + plural(mode.days, "day", "days"); break;
    case StudyModeKind::Preview: what = "preview of new cards"; break;
    case StudyModeKind::Cram: what = "cram new cards"; break;
    case StudyModeKind::ExtraNew: what = plural(mode.count, "extra new card", "extra new cards") + " today"; break;
    case StudyModeKind::All: what = "all cards"; break;
  }
  return "Custom study: " + what + " · " +
         (study_mode_changes_schedule(mode.kind) ? "changes the schedule" : "does not change the schedule");
}

std::string study_mode_problem(const StudyMode& mode) {
  if (mode.kind == StudyModeKind::Ahead && (mode.days < 1 || mode.days > kMaxAheadDays)) {
    return "review ahead takes 1 to " + std::to_string(kMaxAheadDays) + " days, not " + std::to_string(mode.days);
  }
  const bool counted = mode.kind == StudyModeKind::Preview || mode.kind == StudyModeKind::Cram ||
                       mode.kind == StudyModeKind::ExtraNew;
  if (counted && (mode.count < 1 || mode.count > kMaxModeCount)) {
    return std::string(study_mode_name(mode.kind)) + " takes 1 to " + std::to_string(kMaxModeCount) +
           " cards, not " + std::to_string(mode.count);
  }
  return "";
}

void record_extra_new_cards(AppContext& ctx, const StudyScope& scope, int count, TimestampMs t) {
  ctx.progress.add_extra_new_cards(ctx.config.learner, extra_new_cards(ctx, scope, count, t));
}

CustomStudyView build_custom_study(AppContext& ctx, const StudyScope& scope, int selected, int days, int count) {
  CustomStudyView v;
  v.scope = scope;
  v.scope_label = scope_label(ctx, scope);
  v.days = std::clamp(days, 1, kMaxAheadDays);
  v.count = std::clamp(count, 1, kMaxModeCount);
  const TimestampMs t = ctx.now();
  const std::uint64_t seed = ctx.config.session_seed != 0 ? ctx.config.session_seed : 1;
  for (const StudyModeKind k : {StudyModeKind::Forgotten, StudyModeKind::Ahead, StudyModeKind::Preview,
                                StudyModeKind::Cram, StudyModeKind::ExtraNew, StudyModeKind::All}) {
    CustomStudyView::Row row;
    row.mode = StudyMode{k, v.days, v.count};
    row.title = study_mode_title(row.mode);
    row.effect = study_mode_effect(row.mode);
    row.changes_schedule = study_mode_changes_schedule(k);
    SessionPlan plan = plan_session(ctx, t, scope, row.mode);
    const core::Session s(std::move(plan.candidates), t, ctx.clock(), plan.limits, seed, plan.rules);
    const core::QueueCounts q = s.queue_counts();
    row.cards = q.fresh + q.learning + q.review;
    v.rows.push_back(std::move(row));
  }
  v.selected = std::clamp(selected, 0, static_cast<int>(v.rows.size()) - 1);
  return v;
}

}  // namespace casebook::app
