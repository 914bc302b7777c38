#include "app/home.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>
#include <optional>

#include "app/backlog.hpp"
#include "app/study_queue.hpp"
#include "core/options.hpp"

namespace casebook::app {

namespace {

/// The queue a session over `scope` would start (limits, and siblings buried), counted by
/// kind; nullopt if building it fails (starting the session reports the problem).
std::optional<KindCounts> session_queue(const AppContext& ctx, core::TimestampMs t, const DayLimits& limits,
                                        const StudyScope& scope) {
  try {
    const core::Session s(study_candidates(ctx, t, scope), t, ctx.clock(), limits.left, 0,
                          core::to_session_rules(ctx.options.learner()));
    return count_kinds(ctx, s.upcoming());
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

/// Home's list of what to study: every course bank first (the totals), then each loaded bank
/// and its topics, each with the queue a session over it would start.
void add_scopes(const AppContext& ctx, core::TimestampMs t, const DayLimits& limits, HomeView& home) {
  ScopeRow all;
  all.label = "All course banks";
  all.fresh = home.new_available;
  all.learning = home.learning_due;
  all.review = home.review_due;
  home.scopes.push_back(all);
  const auto add = [&](const StudyScope& scope, std::string label, int depth, const core::Bank& bank, int cards) {
    ScopeRow row;
    row.scope = scope;
    row.label = std::move(label);
    row.depth = depth;
    if (bank.info.kind != core::BankKind::Course) row.kind = core::to_string(bank.info.kind);
    row.cards = cards;
    if (const auto k = session_queue(ctx, t, limits, scope)) {
      row.fresh = k->fresh;
      row.learning = k->learning;
      row.review = k->review;
    }
    home.scopes.push_back(std::move(row));
  };
  for (const auto& load : ctx.library.loads()) {
    if (!load.bank) continue;
    const core::Bank& bank = *load.bank;
    if (bank.info.kind == core::BankKind::Course) home.scopes.front().cards += static_cast<int>(bank.questions.size());
    add(StudyScope{bank.info.id, ""}, bank.info.title.empty() ? bank.info.id : bank.info.title, 1, bank,
        static_cast<int>(bank.questions.size()));
    for (const auto& topic : bank.topics) {
      const StudyScope scope{bank.info.id, topic.id};
      const auto cards = std::count_if(bank.questions.begin(), bank.questions.end(),
                                       [&](const core::Question& q) { return in_scope(scope, bank, q); });
      add(scope, topic.title.empty() ? topic.id : topic.title, 2, bank, static_cast<int>(cards));
    }
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
      if (out_of_study(data, key, limits.today) || ctx.buried(key, t)) continue;
      const auto schedule = queue_schedule(data, key, limits.today);
      switch (core::classify_for_study(schedule, t + learn_ahead + 1, limits.today, ctx.clock())) {
        case core::StudyKind::New: ++row.new_count; break;
        case core::StudyKind::Learning: ++row.learning_count; break;
        case core::StudyKind::Review:
          ++row.due_count;
          if (bank.info.kind == core::BankKind::Course &&
              ctx.options.scheduler("").study_day_of(schedule->due) < limits.today) {
            ++overdue;
          }
          break;
        case core::StudyKind::NotDue: break;
      }
    }
    if (bank.info.kind == core::BankKind::Course) {  // example and template banks: only when chosen
      new_by_bank[row.id] += row.new_count;
      due_by_bank[row.id] += row.due_count;
      due_total += row.due_count;
      home.learning_due += row.learning_count;
    }
    // What a session over this bank alone would take: its own limits within the learner's.
    row.new_count = core::limited_count(limits.left.new_cards, limits.left.group_new_cards, {{row.id, row.new_count}});
    row.due_count = core::limited_count(limits.left.reviews, limits.left.group_reviews, {{row.id, row.due_count}});
    home.banks.push_back(std::move(row));
  }
  home.new_available = core::limited_count(limits.left.new_cards, limits.left.group_new_cards, new_by_bank);
  home.review_due = core::limited_count(limits.left.reviews, limits.left.group_reviews, due_by_bank);
  // The session's queue also has the new cards an exam needs beyond the daily limit.
  if (ctx.options.learner().bury_siblings || limits.left.exam_new_cards > 0) {
    if (const auto k = session_queue(ctx, t, limits, StudyScope{})) {
      home.new_available = k->fresh;
      home.learning_due = k->learning;
      home.review_due = k->review;
    }
  }
  add_scopes(ctx, t, limits, home);
  home.backlog = backlog_view(ctx, limits.today, due_total, overdue);
  home.exam_lines = exam_lines(data, limits.today);
  home.message = ctx.message;
  if (ctx.config.read_only) {
    home.read_only = "Read-only: " + ctx.config.read_only_reason +
                     " Nothing is written to it: studying, saving settings, optimizing and restoring are off; the "
                     "banks, reports, imports and the simulator work.";
  }
  return home;
}

}  // namespace casebook::app
