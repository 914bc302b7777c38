#include "app/study_queue.hpp"

#include <algorithm>
#include <map>

#include "core/options.hpp"
#include "core/scheduler.hpp"

namespace casebook::app {

std::string bank_of_key(const std::string& card_key) { return card_key.substr(0, card_key.find('/')); }

bool extra_applies(const AppContext& ctx, const storage::ExtraNewCards& extra, const StudyScope& scope) {
  if (extra.bank_id.empty()) {
    if (scope.bank_id.empty()) return true;
    const core::Bank* bank = ctx.library.find_bank(scope.bank_id);
    return bank != nullptr && bank->info.kind == core::BankKind::Course;
  }
  return extra.bank_id == scope.bank_id && (extra.topic.empty() || extra.topic == scope.topic);
}

namespace {

/// Whether the card `card_key` lies in the scope the raise `extra` was made for.
bool in_extra(const AppContext& ctx, const std::string& card_key, const storage::ExtraNewCards& extra) {
  const CardRef* ref = ctx.library.find(card_key);
  return ref != nullptr &&
         in_scope(StudyScope{extra.bank_id, extra.topic}, ctx.library.bank(*ref), ctx.library.question(*ref));
}

}  // namespace

DayLimits day_limits(AppContext& ctx, core::TimestampMs t, const StudyScope& scope,
                     const std::vector<storage::ExtraNewCards>& planned,
                     const std::vector<storage::ExtraNewCards>* stored) {
  DayLimits d;
  const core::DayClock& clock = ctx.clock();
  d.today = core::study_day(t, clock);
  const core::TimestampMs from = core::study_day_start(d.today, clock);
  d.day_end = core::study_day_start(d.today + 1, clock);
  const std::string& learner = ctx.config.learner;
  core::DoneToday done{ctx.progress.count_new_cards(learner, from, d.day_end),
                       ctx.progress.count_reviews(learner, from, d.day_end)};
  auto banks = ctx.options.overridden_banks();
  auto by_bank = banks.empty() ? std::map<std::string, core::DoneToday>{}
                               : ctx.progress.done_by_bank(learner, from, d.day_end);
  // Custom study's extra new cards of today raise the limits themselves (the learner's, and
  // a bank's own when it has one), so cards already done count against the raised limit.
  // Only the raises for this scope (or one around it) do: another topic's raise is not this
  // scope's, and the new cards studied under it are not taken from this scope's limit.
  auto extras = stored != nullptr ? *stored : ctx.progress.extra_new_cards(learner, core::iso_date_of_day(d.today));
  extras.insert(extras.end(), planned.begin(), planned.end());
  std::vector<storage::ExtraNewCards> others;
  core::StudyOptions mine = ctx.options.learner();
  int extra_total = 0;
  for (const auto& e : extras) {
    if (!extra_applies(ctx, e, scope)) {
      others.push_back(e);
      continue;
    }
    extra_total += e.count;
    mine.new_cards_per_day += e.count;
    if (const auto it = banks.find(e.bank_id); it != banks.end()) it->second.new_cards_per_day += e.count;
  }
  if (!others.empty()) {
    std::vector<int> room;  // per raise of another scope: the new cards it still pays for
    for (const auto& e : others) room.push_back(e.count);
    for (const auto& [key, at] : ctx.progress.new_cards_introduced(learner, from, d.day_end)) {
      for (std::size_t i = 0; i < others.size(); ++i) {
        if (room[i] <= 0 || at < others[i].at || !in_extra(ctx, key, others[i])) continue;
        --room[i];
        --done.new_cards;
        if (const auto it = by_bank.find(bank_of_key(key)); it != by_bank.end()) --it->second.new_cards;
        break;
      }
    }
  }
  d.left = core::daily_limits(mine, done, banks, by_bank);
  if (ctx.options.any_exam()) {
    d.left.exam_new_cards = exam_new_cards_left(ctx.data(), d.today, ctx.progress.new_card_keys(learner, from, d.day_end));
  }
  if (const core::BacklogSpread* spread = active_spread(ctx.spreads, d.today); spread && spread->pause_new) {
    d.left.new_cards = std::max(0, extra_total - done.new_cards);  // only the extra ones the learner asked for
    d.left.exam_new_cards = 0;
  }
  return d;
}

bool in_scope(const StudyScope& scope, const core::Bank& bank, const core::Question& q) {
  if (scope.bank_id.empty()) return bank.info.kind == core::BankKind::Course;
  if (scope.bank_id != bank.info.id) return false;
  return scope.topic.empty() || std::find(q.topics.begin(), q.topics.end(), scope.topic) != q.topics.end();
}

std::string scope_label(const AppContext& ctx, const StudyScope& scope) {
  if (scope.bank_id.empty()) return "All course banks";
  const core::Bank* bank = ctx.library.find_bank(scope.bank_id);
  const std::string bank_title = bank != nullptr && !bank->info.title.empty() ? bank->info.title : scope.bank_id;
  if (scope.topic.empty()) return "Bank: " + bank_title;
  std::string topic = scope.topic;
  if (bank != nullptr) {
    for (const auto& t : bank->topics) {
      if (t.id == scope.topic && !t.title.empty()) topic = t.title;
    }
  }
  return "Topic: " + topic + " (" + bank_title + ")";
}

std::vector<SourcedCandidate> all_candidates(const AppContext& ctx, core::TimestampMs t) {
  std::vector<SourcedCandidate> all;
  const StudyData data = ctx.data();
  const std::int64_t today = ctx.options.scheduler("").study_day_of(t);
  for (const auto& load : ctx.library.loads()) {
    if (!load.bank) continue;
    for (const auto& q : load.bank->questions) {
      SourcedCandidate s{{}, &*load.bank, &q};
      core::StudyCandidate& c = s.candidate;
      c.card_key = core::card_key(*load.bank, q);
      if (out_of_study(data, c.card_key, today) || ctx.buried(c.card_key, t)) continue;
      c.group = load.bank->info.id;
      c.fact_ids = q.fact_ids;
      c.schedule = queue_schedule(data, c.card_key, today);
      if (c.schedule && c.schedule->state == core::CardState::Review) {
        c.retrievability = ctx.options.scheduler(c.group).retrievability(*c.schedule, t);
      }
      if (const auto exam = card_exam(data, c.card_key); exam && today < exam->target.day) c.exam = true;
      all.push_back(std::move(s));
    }
  }
  return all;
}

std::vector<core::StudyCandidate> scope_candidates(const AppContext& ctx, const std::vector<SourcedCandidate>& all,
                                                   const StudyScope& scope) {
  std::vector<core::StudyCandidate> candidates;
  for (const auto& s : all) {
    if (in_scope(scope, *s.bank, *s.question)) candidates.push_back(s.candidate);
  }
  if (ctx.config.new_card_order == NewCardOrder::Random) core::order_new_cards(candidates, ctx.config.learner);
  return candidates;
}

std::vector<core::StudyCandidate> study_candidates(const AppContext& ctx, core::TimestampMs t,
                                                   const StudyScope& scope) {
  return scope_candidates(ctx, all_candidates(ctx, t), scope);
}

KindCounts count_kinds(const AppContext& ctx, const std::vector<std::string>& keys) {
  KindCounts k;
  for (const std::string& key : keys) {
    const auto it = ctx.states.find(key);
    if (it == ctx.states.end() || it->second.state == core::CardState::New) {
      ++k.fresh;
    } else if (it->second.state == core::CardState::Review) {
      ++k.review;
    } else {
      ++k.learning;
    }
  }
  return k;
}

LeftToday left_today(AppContext& ctx, const StudyScope& scope) {
  const core::TimestampMs now = ctx.now();
  const DayLimits limits = day_limits(ctx, now, scope);
  int learning = 0;
  std::map<std::string, int> due;    // bank id -> Review cards due today
  std::map<std::string, int> fresh;  // bank id -> new cards
  const StudyData data = ctx.data();
  for (const auto& [key, ref] : ctx.library.cards()) {
    if (out_of_study(data, key, limits.today) || ctx.buried(key, now) ||
        !in_scope(scope, ctx.library.bank(ref), ctx.library.question(ref))) {
      continue;
    }
    switch (core::classify_for_study(queue_schedule(data, key, limits.today), limits.day_end, limits.today, ctx.clock())) {
      case core::StudyKind::Learning: ++learning; break;
      case core::StudyKind::Review: ++due[bank_of_key(key)]; break;
      case core::StudyKind::New: ++fresh[bank_of_key(key)]; break;
      case core::StudyKind::NotDue: break;
    }
  }
  return LeftToday{learning + core::limited_count(limits.left.reviews, limits.left.group_reviews, due),
                   core::limited_count(limits.left.new_cards, limits.left.group_new_cards, fresh)};
}

core::CardSchedule schedule_before(const AppContext& ctx, const std::string& card_key, core::TimestampMs t) {
  const auto it = ctx.states.find(card_key);
  return it != ctx.states.end() ? it->second : core::Scheduler::new_card(t);
}

}  // namespace casebook::app
