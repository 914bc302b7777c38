#include "app/home.hpp"

#include <exception>
#include <filesystem>
#include <map>

#include "app/backlog.hpp"
#include "app/study_queue.hpp"
#include "core/options.hpp"

namespace casebook::app {

namespace {

/// With bury siblings on, the totals are the queue the session would start (limits, and
/// siblings buried), counted by kind. Leaves the totals as they are if building it fails.
void count_session_queue(const AppContext& ctx, core::TimestampMs t, const DayLimits& limits, HomeView& home) {
  try {
    const core::Session s(study_candidates(ctx, t), t, ctx.clock(), limits.left, 0,
                          core::to_session_rules(ctx.options.learner()));
    const KindCounts k = count_kinds(ctx, s.upcoming());
    home.new_available = k.fresh;
    home.learning_due = k.learning;
    home.review_due = k.review;
  } catch (const std::exception&) {
    // The per-bank counts stand; starting the session reports the problem.
  }
}

}  // namespace

HomeView build_home(AppContext& ctx) {
  HomeView home;
  home.learner = ctx.config.learner;
  home.db_path = ctx.config.db_path;
  const core::TimestampMs t = ctx.now();
  const DayLimits limits = [&] {
    try {
      return day_limits(ctx, t);
    } catch (const std::exception& e) {
      ctx.message = std::string("Could not read today's progress: ") + e.what();
      DayLimits none;
      none.today = core::study_day(t, ctx.clock());
      return none;
    }
  }();
  const core::TimestampMs learn_ahead = core::to_session_rules(ctx.options.learner()).learn_ahead_ms;
  const StudyData data = ctx.data();
  std::map<std::string, int> new_by_bank, due_by_bank;  // before the limits
  int due_total = 0, overdue = 0;                       // Review cards due today or before / before today
  for (const auto& load : ctx.library.loads()) {
    BankRow row;
    row.path = load.path;
    row.diagnostics = load.diagnostics;
    for (const auto& d : load.diagnostics) row.diagnostic_lines.push_back(core::format_diagnostic(d));
    if (!load.bank) {
      row.title = std::filesystem::path(load.path).filename().string();
      home.banks.push_back(std::move(row));
      continue;
    }
    const core::Bank& bank = *load.bank;
    row.loaded = true;
    row.id = bank.info.id;
    row.title = bank.info.title;
    row.total = static_cast<int>(bank.questions.size());
    for (const auto& q : bank.questions) {
      const std::string key = core::card_key(bank, q);
      if (out_of_study(data, key, limits.today)) continue;
      const auto schedule = queue_schedule(data, key, limits.today);
      switch (core::classify_for_study(schedule, t + learn_ahead + 1, limits.today, ctx.clock())) {
        case core::StudyKind::New: ++row.new_count; break;
        case core::StudyKind::Learning: ++row.learning_count; break;
        case core::StudyKind::Review:
          ++row.due_count;
          if (ctx.options.scheduler("").study_day_of(schedule->due) < limits.today) ++overdue;
          break;
        case core::StudyKind::NotDue: break;
      }
    }
    new_by_bank[row.id] += row.new_count;
    due_by_bank[row.id] += row.due_count;
    due_total += row.due_count;
    home.learning_due += row.learning_count;
    // What a session over this bank alone would take: its own limits within the learner's.
    row.new_count = core::limited_count(limits.left.new_cards, limits.left.group_new_cards, {{row.id, row.new_count}});
    row.due_count = core::limited_count(limits.left.reviews, limits.left.group_reviews, {{row.id, row.due_count}});
    home.banks.push_back(std::move(row));
  }
  home.new_available = core::limited_count(limits.left.new_cards, limits.left.group_new_cards, new_by_bank);
  home.review_due = core::limited_count(limits.left.reviews, limits.left.group_reviews, due_by_bank);
  // The session's queue also has the new cards an exam needs beyond the daily limit.
  if (ctx.options.learner().bury_siblings || limits.left.exam_new_cards > 0) count_session_queue(ctx, t, limits, home);
  home.backlog = backlog_view(ctx, limits.today, due_total, overdue);
  home.exam_lines = exam_lines(data, limits.today);
  home.message = ctx.message;
  return home;
}

}  // namespace casebook::app
