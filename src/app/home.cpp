#include "app/home.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/backlog.hpp"
#include "app/study_queue.hpp"
#include "core/options.hpp"

namespace casebook::app {

namespace {

/// The queue a session over `candidates` would start (limits, and siblings buried), counted
/// by kind; nullopt if building it fails (starting the session reports the problem).
std::optional<KindCounts> session_queue(const AppContext& ctx, core::TimestampMs t, const DayLimits& limits,
                                        std::vector<core::StudyCandidate> candidates) {
  try {
    const core::Session s(std::move(candidates), t, ctx.clock(), limits.left, 0,
                          core::to_session_rules(ctx.options.learner()));
    return count_kinds(ctx, s.upcoming());
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

/// Today's limits per Home scope (day_limits): the same for every scope unless custom study
/// raised a scope's new-card limit today, so they are read once per distinct set of raises
/// that apply (extra_applies), not once per row.
class ScopeLimits {
 public:
  ScopeLimits(AppContext& ctx, core::TimestampMs t) : m_ctx(ctx), m_t(t) {
    try {
      m_extras = ctx.progress.extra_new_cards(ctx.config.learner, core::iso_date_of_day(core::study_day(t, ctx.clock())));
      m_read = true;
    } catch (const std::exception&) {
      m_extras.clear();  // day_limits reads them again, fails on the same file and says so
    }
  }

  /// The limits of a session over `scope` (references stay valid while this lives).
  const DayLimits& operator()(const StudyScope& scope) {
    std::vector<std::size_t> applying;
    for (std::size_t i = 0; i < m_extras.size(); ++i) {
      if (extra_applies(m_ctx, m_extras[i], scope)) applying.push_back(i);
    }
    if (const auto found = m_by_extras.find(applying); found != m_by_extras.end()) return found->second;
    DayLimits limits;
    try {
      limits = day_limits(m_ctx, m_t, scope, {}, m_read ? &m_extras : nullptr);
    } catch (const std::exception& e) {
      m_ctx.message = std::string("Could not read today's progress: ") + e.what();
      limits.today = core::study_day(m_t, m_ctx.clock());
    }
    return m_by_extras.emplace(std::move(applying), limits).first->second;
  }

 private:
  AppContext& m_ctx;
  core::TimestampMs m_t;
  std::vector<storage::ExtraNewCards> m_extras;  ///< today's raises
  bool m_read = false;                            ///< m_extras was read (not a failed read)
  std::map<std::vector<std::size_t>, DayLimits> m_by_extras;  ///< raises that apply -> limits
};

/// Session queues of Home's scopes from one read of the candidates. Two scopes with the same
/// cards (a course's only bank and "All course banks") and the same limits share one queue.
class ScopeQueues {
 public:
  ScopeQueues(const AppContext& ctx, core::TimestampMs t, ScopeLimits& limits)
      : m_ctx(ctx), m_t(t), m_limits(limits), m_all(all_candidates(ctx, t)) {
    // Each candidate under its bank and its topics once, so that a scope's cards are found
    // without testing every card of every bank per scope (scopes x cards).
    for (std::size_t i = 0; i < m_all.size(); ++i) {
      const std::string& bank_id = m_all[i].bank->info.id;
      m_in[{bank_id, ""}].push_back(i);
      const auto& topics = m_all[i].question->topics;
      for (auto topic = topics.begin(); topic != topics.end(); ++topic) {
        if (std::find(topics.begin(), topic, *topic) == topic) m_in[{bank_id, *topic}].push_back(i);
      }
    }
  }

  /// Every loaded bank's candidates (all_candidates).
  [[nodiscard]] const std::vector<SourcedCandidate>& all() const { return m_all; }

  std::optional<KindCounts> operator()(const StudyScope& scope) {
    std::vector<std::size_t> in;  // indexes into m_all, as in_scope chooses: equal sets give equal queues
    if (scope.bank_id.empty()) {
      for (std::size_t i = 0; i < m_all.size(); ++i) {
        if (in_scope(scope, *m_all[i].bank, *m_all[i].question)) in.push_back(i);
      }
    } else if (const auto found = m_in.find({scope.bank_id, scope.topic}); found != m_in.end()) {
      in = found->second;
    }
    const DayLimits& limits = m_limits(scope);
    for (const auto& [seen, counts] : m_done) {
      if (seen.first == in && seen.second == &limits) return counts;
    }
    std::vector<core::StudyCandidate> candidates;
    candidates.reserve(in.size());
    for (const std::size_t i : in) candidates.push_back(m_all[i].candidate);
    if (m_ctx.config.new_card_order == NewCardOrder::Random) core::order_new_cards(candidates, m_ctx.config.learner);
    auto counts = session_queue(m_ctx, m_t, limits, std::move(candidates));
    m_done.emplace_back(std::make_pair(std::move(in), &limits), counts);
    return counts;
  }

 private:
  const AppContext& m_ctx;
  core::TimestampMs m_t;
  ScopeLimits& m_limits;
  std::vector<SourcedCandidate> m_all;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> m_in;  ///< (bank, topic or "") -> indexes
  /// (cards, limits) -> queue
  std::vector<std::pair<std::pair<std::vector<std::size_t>, const DayLimits*>, std::optional<KindCounts>>> m_done;
};

/// Home's list of what to study: every course bank first (the totals), then each loaded bank
/// and its topics, each with the queue a session over it would start.
void add_scopes(const AppContext& ctx, ScopeQueues& queues, HomeView& home) {
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
    if (const auto k = queues(scope)) {
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
    std::map<std::string, int> per_topic;  // the bank's questions per topic, counted once
    for (const core::Question& q : bank.questions) {
      for (auto topic = q.topics.begin(); topic != q.topics.end(); ++topic) {
        if (std::find(q.topics.begin(), topic, *topic) == topic) ++per_topic[*topic];
      }
    }
    for (const auto& topic : bank.topics) {
      add(StudyScope{bank.info.id, topic.id}, topic.title.empty() ? topic.id : topic.title, 2, bank,
          per_topic[topic.id]);
    }
  }
}

}  // namespace

HomeView build_home(AppContext& ctx) {
  HomeView home;
  home.learner = ctx.config.learner;
  home.db_path = ctx.config.db_path;
  const core::TimestampMs t = ctx.now();
  ScopeLimits scope_limits(ctx, t);
  const DayLimits& limits = scope_limits(StudyScope{});  // All course banks
  const core::TimestampMs learn_ahead = core::to_session_rules(ctx.options.learner()).learn_ahead_ms;
  const StudyData data = ctx.data();
  ScopeQueues queues(ctx, t, scope_limits);  // the cards in study, read once
  std::size_t next = 0;                // the first of queues.all() not counted yet
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
    for (; next < queues.all().size() && queues.all()[next].bank == &bank; ++next) {  // library order
      const auto& schedule = queues.all()[next].candidate.schedule;
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
    const DayLimits& own = scope_limits(StudyScope{row.id, ""});
    row.new_count = core::limited_count(own.left.new_cards, own.left.group_new_cards, {{row.id, row.new_count}});
    row.due_count = core::limited_count(own.left.reviews, own.left.group_reviews, {{row.id, row.due_count}});
    home.banks.push_back(std::move(row));
  }
  home.new_available = core::limited_count(limits.left.new_cards, limits.left.group_new_cards, new_by_bank);
  home.review_due = core::limited_count(limits.left.reviews, limits.left.group_reviews, due_by_bank);
  // The session's queue also has the new cards an exam needs beyond the daily limit.
  if (ctx.options.learner().bury_siblings || limits.left.exam_new_cards > 0) {
    if (const auto k = queues(StudyScope{})) {
      home.new_available = k->fresh;
      home.learning_due = k->learning;
      home.review_due = k->review;
    }
  }
  add_scopes(ctx, queues, home);
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
