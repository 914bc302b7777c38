#include "core/session.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/hash.hpp"

namespace casebook::core {

namespace {

bool is_new(const StudyCandidate& c) {
  return !c.schedule || c.schedule->state == CardState::New;
}

/// The cap of `group` in `caps`, or `fallback` when the group has none; never below 0.
std::size_t cap_of(const std::map<std::string, int>& caps, const std::string& group, std::size_t fallback) {
  const auto it = caps.find(group);
  return it == caps.end() ? fallback : static_cast<std::size_t>(std::max(0, it->second));
}

}  // namespace

int limited_count(int total, const std::map<std::string, int>& group_caps, const std::map<std::string, int>& available) {
  long long sum = 0;
  for (const auto& [group, n] : available) {
    const auto all = static_cast<std::size_t>(std::max(0, n));
    sum += static_cast<long long>(std::min(all, cap_of(group_caps, group, all)));
  }
  return static_cast<int>(std::min<long long>(std::max(0, total), sum));
}

StudyKind classify_for_study(const std::optional<CardSchedule>& schedule, TimestampMs learning_before,
                             std::int64_t today, const DayClock& clock) {
  if (!schedule || schedule->state == CardState::New) return StudyKind::New;
  if (is_learning(schedule->state)) {
    return schedule->due < learning_before ? StudyKind::Learning : StudyKind::NotDue;
  }
  return study_day(schedule->due, clock) <= today ? StudyKind::Review : StudyKind::NotDue;
}

void order_new_cards(std::vector<StudyCandidate>& candidates, std::string_view learner) {
  // Each card's rank once (n hashes, not two per comparison: FNV-1a continues from the
  // learner's prefix), then a sort of (rank, position): the order of a stable sort by rank.
  const std::uint64_t prefix = fnv1a64("\n", fnv1a64(learner));
  std::vector<std::pair<std::uint64_t, std::size_t>> ranked(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) ranked[i] = {fnv1a64(candidates[i].card_key, prefix), i};
  std::sort(ranked.begin(), ranked.end());
  std::vector<StudyCandidate> ordered;
  ordered.reserve(candidates.size());
  for (const auto& [rank, i] : ranked) ordered.push_back(std::move(candidates[i]));
  candidates = std::move(ordered);
}

Session::Session(std::vector<StudyCandidate> candidates, TimestampMs now, DayClock clock,
                 SessionLimits limits, std::uint64_t seed)
    : Session(std::move(candidates), now, std::move(clock), limits, seed, SessionRules{}) {}

Session::Session(std::vector<StudyCandidate> candidates, TimestampMs now, DayClock clock,
                 SessionLimits limits, std::uint64_t seed, SessionRules rules)
    : m_clock(std::move(clock)), m_rules(rules), m_seed(seed), m_now(now) {
  m_rules.learn_ahead_ms = std::max<TimestampMs>(0, m_rules.learn_ahead_ms);
  const std::int64_t today = study_day(now, m_clock);
  // Facts already used today (bury siblings): cards reviewed today and cards in learning.
  std::set<std::string> facts_used;
  const auto mark_used = [&](const StudyCandidate& c) {
    facts_used.insert(c.fact_ids.begin(), c.fact_ids.end());
  };
  const auto is_sibling = [&](const StudyCandidate& c) {
    return m_rules.bury_siblings &&
           std::any_of(c.fact_ids.begin(), c.fact_ids.end(),
                       [&](const std::string& f) { return facts_used.count(f) > 0; });
  };
  if (m_rules.bury_siblings) {
    for (const auto& c : candidates) {
      if (c.schedule && c.schedule->last_review &&
          (study_day(*c.schedule->last_review, m_clock) == today || is_learning(c.schedule->state))) {
        mark_used(c);
      }
    }
  }

  std::vector<StudyCandidate> reviews;
  // New cards grouped by sibling group, groups in order of first appearance.
  std::vector<std::string> group_order;
  std::map<std::string, std::deque<StudyCandidate>> new_by_group;

  for (auto& c : candidates) {
    switch (classify_for_study(c.schedule, now + m_rules.learn_ahead_ms + 1, today, m_clock)) {
      case StudyKind::New: {
        auto [it, inserted] = new_by_group.try_emplace(c.group);
        if (inserted) group_order.push_back(c.group);
        it->second.push_back(std::move(c));
        break;
      }
      case StudyKind::Learning: m_learning.push_back(Learning{std::move(c), m_learning_order++}); break;
      case StudyKind::Review: reviews.push_back(std::move(c)); break;
      case StudyKind::NotDue: break;
    }
  }

  // The random order's rank of each review, once per card (not per comparison).
  if (m_rules.review_order == ReviewOrder::Random) {
    std::vector<std::uint64_t> ranks(reviews.size());
    for (std::size_t i = 0; i < reviews.size(); ++i) {
      std::uint64_t state = seed ^ fnv1a64(reviews[i].card_key);
      ranks[i] = splitmix64(state);
    }
    // Sort indices, then the cards, so each rank stays with its card.
    std::vector<std::size_t> idx(reviews.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      if (ranks[a] != ranks[b]) return ranks[a] < ranks[b];
      return reviews[a].card_key < reviews[b].card_key;
    });
    std::vector<StudyCandidate> sorted;
    sorted.reserve(reviews.size());
    for (const std::size_t i : idx) sorted.push_back(std::move(reviews[i]));
    reviews = std::move(sorted);
  }
  std::stable_sort(reviews.begin(), reviews.end(), [&](const StudyCandidate& a, const StudyCandidate& b) {
    if (a.exam != b.exam) return a.exam;  // an exam plan's reviews first (none: no change)
    switch (m_rules.review_order) {
      case ReviewOrder::LowestRetrievability:
        if (a.retrievability != b.retrievability) return a.retrievability < b.retrievability;
        if (a.schedule->due != b.schedule->due) return a.schedule->due < b.schedule->due;
        break;
      case ReviewOrder::EarliestDue:
        if (a.schedule->due != b.schedule->due) return a.schedule->due < b.schedule->due;
        break;
      case ReviewOrder::Random:
        return false;  // already in order (above)
    }
    return a.card_key < b.card_key;
  });
  {
    // Take reviews in order up to the limits, burying siblings of those already taken.
    const auto review_limit = static_cast<std::size_t>(std::max(0, limits.reviews));
    std::map<std::string, std::size_t> taken_in_group;
    std::vector<StudyCandidate> taken;
    for (auto& c : reviews) {
      if (taken.size() >= review_limit) break;
      std::size_t& in_group = taken_in_group[c.group];
      if (in_group >= cap_of(limits.group_reviews, c.group, review_limit)) continue;
      if (is_sibling(c)) continue;
      mark_used(c);
      ++in_group;
      taken.push_back(std::move(c));
    }
    reviews = std::move(taken);
  }

  std::vector<StudyCandidate> fresh;
  const auto new_limit = static_cast<std::size_t>(std::max(0, limits.new_cards));
  bool took = true;
  std::map<std::string, std::size_t> fresh_in_group;
  // An exam plan's new cards that are needed today, round-robin across groups.
  const auto exam_limit = static_cast<std::size_t>(std::max(0, limits.exam_new_cards));
  while (fresh.size() < exam_limit && took) {
    took = false;
    for (const auto& g : group_order) {
      auto& q = new_by_group[g];
      const auto it = std::find_if(q.begin(), q.end(), [&](const StudyCandidate& c) { return c.exam && !is_sibling(c); });
      if (it == q.end() || fresh.size() >= exam_limit) continue;
      ++fresh_in_group[g];
      mark_used(*it);
      fresh.push_back(std::move(*it));
      q.erase(it);
      took = true;
    }
  }
  took = true;
  while (fresh.size() < new_limit && took) {
    took = false;
    for (const auto& g : group_order) {
      auto& q = new_by_group[g];
      std::size_t& in_group = fresh_in_group[g];
      if (in_group >= cap_of(limits.group_new_cards, g, new_limit)) continue;
      while (!q.empty() && is_sibling(q.front())) q.pop_front();
      if (q.empty() || fresh.size() >= new_limit) continue;
      ++in_group;
      mark_used(q.front());
      fresh.push_back(std::move(q.front()));
      q.pop_front();
      took = true;
    }
  }

  // Interleave: new card i goes after floor((i + 1) * R / (N + 1)) reviews.
  const std::size_t r = reviews.size();
  const std::size_t n = fresh.size();
  std::size_t next_review = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t before = (i + 1) * r / (n + 1);
    while (next_review < before) m_main.push_back(std::move(reviews[next_review++]));
    m_main.push_back(std::move(fresh[i]));
  }
  while (next_review < r) m_main.push_back(std::move(reviews[next_review++]));

  advance(now);
}

QueueCounts Session::queue_counts() const {
  QueueCounts q;
  const auto add = [&q](const StudyCandidate& c) {
    if (is_new(c)) {
      ++q.fresh;
    } else if (is_learning(c.schedule->state)) {
      ++q.learning;
    } else {
      ++q.review;
    }
  };
  if (m_current) add(*m_current);
  for (const auto& c : m_main) add(c);
  for (const auto& l : m_learning) add(l.card);
  return q;
}

std::optional<TimestampMs> Session::ready_at() const {
  if (m_phase != SessionPhase::Waiting || m_learning.empty()) return std::nullopt;
  TimestampMs first = m_learning.front().card.schedule->due;
  for (const auto& l : m_learning) first = std::min(first, l.card.schedule->due);
  return first - m_rules.learn_ahead_ms;
}

bool Session::resume(TimestampMs now) {
  if (m_phase != SessionPhase::Waiting) return false;
  m_now = std::max(m_now, now);
  advance(m_now);
  return m_phase == SessionPhase::Answering;
}

const StudyCandidate* Session::current() const {
  return m_current ? &*m_current : nullptr;
}

int Session::remaining() const {
  return static_cast<int>(m_main.size() + m_learning.size());
}

bool Session::submit() {
  if (m_phase != SessionPhase::Answering) return false;
  m_phase = SessionPhase::Feedback;
  return true;
}

bool Session::rate(Rating rating, bool correct, const CardSchedule& after, TimestampMs now, bool assessed) {
  if (m_phase != SessionPhase::Feedback || !m_current) return false;
  const int r = static_cast<int>(rating);
  if (r < 1 || r > 4) return false;
  count_rating(rating, correct, assessed);

  m_now = now;
  StudyCandidate card = std::move(*m_current);
  m_current.reset();
  card.schedule = after;
  const bool suspended =
      std::find(m_suspended.begin(), m_suspended.end(), card.card_key) != m_suspended.end();
  const bool later_today = m_rules.wait_for_learning && is_learning(after.state) &&
                           study_day(after.due, m_clock) == study_day(now, m_clock);
  if (!suspended && (after.due <= now + m_rules.learn_ahead_ms || later_today)) {
    m_learning.push_back(Learning{std::move(card), m_learning_order++});
  }
  advance(now);
  return true;
}

void Session::count_rating(Rating rating, bool correct, bool assessed) {
  ++m_counts.reviewed;
  if (correct) ++m_counts.correct;
  if (!assessed) ++m_counts.not_assessed;
  ++m_counts.ratings[static_cast<std::size_t>(static_cast<int>(rating) - 1)];
  if (is_new(*m_current)) {
    ++m_counts.new_cards;
  } else if (is_learning(m_current->schedule->state)) {
    ++m_counts.learning;
  } else {
    ++m_counts.reviews;
  }
}

void Session::suspend(std::string_view card_key) {
  m_suspended.emplace_back(card_key);
  std::erase_if(m_main, [&](const StudyCandidate& c) { return c.card_key == card_key; });
  std::erase_if(m_learning, [&](const Learning& l) { return l.card.card_key == card_key; });
}

bool Session::skip_current(TimestampMs now) {
  if (m_phase == SessionPhase::Finished || !m_current) return false;
  suspend(m_current->card_key);
  m_current.reset();
  m_now = now;
  advance(now);
  return true;
}

bool Session::finish() {
  if (m_phase == SessionPhase::Finished) return false;
  m_current.reset();
  m_phase = SessionPhase::Finished;
  return true;
}

std::optional<std::size_t> Session::earliest_learning(TimestampMs limit) const {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < m_learning.size(); ++i) {
    const auto& l = m_learning[i];
    if (l.card.schedule->due > limit) continue;
    if (!best) {
      best = i;
      continue;
    }
    const auto& b = m_learning[*best];
    if (l.card.schedule->due < b.card.schedule->due ||
        (l.card.schedule->due == b.card.schedule->due && l.order < b.order)) {
      best = i;
    }
  }
  return best;
}

void Session::advance(TimestampMs now) {
  auto take_learning = [this](std::size_t i) {
    m_current = std::move(m_learning[i].card);
    m_learning.erase(m_learning.begin() + static_cast<std::ptrdiff_t>(i));
  };
  if (auto due = earliest_learning(now)) {
    take_learning(*due);
  } else if (!m_main.empty()) {
    m_current = std::move(m_main.front());
    m_main.pop_front();
  } else if (auto ahead = earliest_learning(now + m_rules.learn_ahead_ms)) {
    take_learning(*ahead);
  } else if (!m_learning.empty()) {
    m_current.reset();  // only cards with a step later today (SessionRules::wait_for_learning)
    m_phase = SessionPhase::Waiting;
    return;
  } else {
    m_current.reset();
    m_phase = SessionPhase::Finished;
    return;
  }
  ++m_counts.shown;
  m_phase = SessionPhase::Answering;
}

std::vector<std::string> Session::upcoming() const {
  std::vector<std::string> keys;
  if (m_current) keys.push_back(m_current->card_key);
  std::vector<const Learning*> learning;
  for (const auto& l : m_learning) learning.push_back(&l);
  std::stable_sort(learning.begin(), learning.end(), [](const Learning* a, const Learning* b) {
    if (a->card.schedule->due != b->card.schedule->due) return a->card.schedule->due < b->card.schedule->due;
    return a->order < b->order;
  });
  auto split = std::stable_partition(learning.begin(), learning.end(),
                                     [this](const Learning* l) { return l->card.schedule->due <= m_now; });
  for (auto it = learning.begin(); it != split; ++it) keys.push_back((*it)->card.card_key);
  for (const auto& c : m_main) keys.push_back(c.card_key);
  for (auto it = split; it != learning.end(); ++it) keys.push_back((*it)->card.card_key);
  return keys;
}

std::vector<int> Session::display_order(int n, bool avoid_identity) const {
  const std::string_view key = m_current ? std::string_view(m_current->card_key) : std::string_view();
  return shuffled_order(m_seed, key, static_cast<std::uint64_t>(m_counts.shown), n, avoid_identity);
}

std::vector<int> Session::shuffled_order(std::uint64_t seed, std::string_view card_key,
                                         std::uint64_t showing, int n, bool avoid_identity) {
  std::vector<int> order;
  if (n <= 0) return order;
  order.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;

  std::uint64_t mix = showing;
  std::uint64_t state = seed ^ fnv1a64(card_key) ^ splitmix64(mix);
  for (std::size_t i = order.size() - 1; i > 0; --i) {
    const std::size_t j = static_cast<std::size_t>(splitmix64(state) % (i + 1));
    std::swap(order[i], order[j]);
  }
  if (avoid_identity && n >= 2 && std::is_sorted(order.begin(), order.end())) {
    std::rotate(order.begin(), order.begin() + 1, order.end());
  }
  return order;
}

}  // namespace casebook::core
