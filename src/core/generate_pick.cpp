// Candidate indexes of the question generators (core/generate_pick.hpp).
#include "core/generate_pick.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/beside.hpp"
#include "core/generate_text.hpp"
#include "core/time.hpp"

namespace casebook::core {

namespace {

/// Sorting key of a date: its first day, then coarser precisions first.
bool date_less(const FactDate& a, const FactDate& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  if (a.day != b.day) return a.day < b.day;
  return a.precision < b.precision;
}

/// The day after the last day of the period `d` names (days since 1970-01-01).
std::int64_t period_end(const FactDate& d) {
  FactDate next = d;
  switch (d.precision) {
    case DatePrecision::Year: ++next.year; break;
    case DatePrecision::Month:
      next.month = d.month == 12 ? 1 : d.month + 1;
      next.year = d.month == 12 ? d.year + 1 : d.year;
      break;
    case DatePrecision::Day: return first_day(d) + 1;
  }
  return first_day(next);
}

}  // namespace

double PairScorer::score(std::string_view candidate, double penalty) const {
  // 53 high bits -> u in (0, 1): never 0, so -ln(u) is finite (as pair_score).
  const double u = (static_cast<double>(fnv1a64(candidate, m_prefix) >> 11) + 0.5) / 9007199254740992.0;
  return -std::log(u) * penalty;
}

DateIndex::DateIndex(const std::vector<Event>& events) : m_events(events.data()) {
  m_first_days.reserve(events.size());
  for (const auto& e : events) {
    FirstDays f{};
    for (std::size_t p = 0; p < f.size(); ++p) f[p] = first_day(truncate(e.date, static_cast<DatePrecision>(p)));
    m_first_days.push_back(f);
  }
  // Titles are compared for every candidate pair: each distinct title gets a number once.
  std::unordered_map<std::string_view, int> titles;
  titles.reserve(events.size());
  m_title_class.reserve(events.size());
  for (const auto& e : events) {
    const int next = static_cast<int>(titles.size());
    m_title_class.push_back(titles.emplace(e.title, next).first->second);
  }
  m_sorted.reserve(events.size());
  for (const auto& e : events) m_sorted.push_back(&e);
  std::sort(m_sorted.begin(), m_sorted.end(), [](const Event* a, const Event* b) {
    if (a->date != b->date) return date_less(a->date, b->date);
    return a->id < b->id;
  });
  m_days.reserve(m_sorted.size());
  for (const Event* e : m_sorted) m_days.push_back(first_day(e->date));
  m_dates.resize(3);
  for (int p = 0; p < 3; ++p) {
    const auto precision = static_cast<DatePrecision>(p);
    auto& out = m_dates[static_cast<std::size_t>(p)];
    for (const Event* e : m_sorted) {
      if (e->date.precision < precision) continue;
      const FactDate d = truncate(e->date, precision);
      if (out.empty() || out.back() != d) out.push_back(d);
    }
    // Sorting by first day keeps equal truncated dates together except around coarser
    // dates of the same period; make them distinct and sorted for certain.
    std::sort(out.begin(), out.end(), date_less);
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

void DateIndex::near(const Event& anchor, int min_gap_days, std::vector<const Event*>& out) const {
  out.clear();
  out.reserve(2 * kDateWindow);
  const std::int64_t day = first_day(anchor.date);
  // gap_days is 0 exactly when compare_dates is 0 (the two cannot be told apart).
  const auto usable = [&](const Event* e) {
    if (e == &anchor || same_title(*e, anchor)) return false;
    const std::int64_t gap = gap_days(*e, anchor);
    return gap != 0 && gap >= min_gap_days;
  };
  const std::size_t limit = 8 * kDateWindow;
  // Earlier events: from the last one at least min_gap_days before the anchor, backwards.
  auto split = std::lower_bound(m_days.begin(), m_days.end(), day - min_gap_days + (min_gap_days > 0 ? 1 : 0));
  std::size_t found = 0;
  std::size_t seen = 0;
  for (auto i = static_cast<std::ptrdiff_t>(split - m_days.begin()) - 1; i >= 0 && found < kDateWindow && seen < limit; --i, ++seen) {
    const Event* e = m_sorted[static_cast<std::size_t>(i)];
    if (usable(e)) {
      out.push_back(e);
      ++found;
    }
  }
  // Later events: from the first one that starts after the anchor's period and at least
  // min_gap_days after its first day, forwards.
  split = std::lower_bound(m_days.begin(), m_days.end(), std::max(day + min_gap_days, period_end(anchor.date)));
  found = 0;
  seen = 0;
  for (auto i = static_cast<std::size_t>(split - m_days.begin()); i < m_sorted.size() && found < kDateWindow && seen < limit;
       ++i, ++seen) {
    const Event* e = m_sorted[i];
    if (usable(e)) {
      out.push_back(e);
      ++found;
    }
  }
}

const DateIndex::PartnerLists* DateIndex::partner_lists(int min_gap_days) const {
  for (const auto& p : m_partners) {
    if (p.first == min_gap_days) return &p.second;
  }
  return nullptr;
}

void DateIndex::add_partners(int min_gap_days) {
  if (partner_lists(min_gap_days) != nullptr) return;
  m_partners.emplace_back(min_gap_days, PartnerLists(m_first_days.size()));
}

void DateIndex::fill_partners(int min_gap_days, std::size_t begin, std::size_t end) {
  // Writable: only this call's events' lists are written (add_partners made the table).
  auto* lists = const_cast<PartnerLists*>(partner_lists(min_gap_days));
  if (lists == nullptr) return;
  std::vector<Ranked<Event>> ranked;
  std::vector<const Event*> candidates;
  for (std::size_t i = begin; i < end && i < lists->size(); ++i) {
    const Event& anchor = m_events[i];
    const PairScorer scorer(anchor.id);
    near(anchor, min_gap_days, candidates);
    ranked.clear();
    ranked.reserve(candidates.size());
    for (const Event* e : candidates) {
      ranked.push_back({e, scorer.score(e->id, 1.0 + years_apart(e->date, anchor.date))});
    }
    sort_ranked(ranked);
    auto& out = (*lists)[i];
    out.reserve(ranked.size());
    for (const auto& r : ranked) out.push_back(r.fact);
  }
}

const std::vector<const Event*>& DateIndex::partners(const Event& anchor, int min_gap_days) const {
  static const std::vector<const Event*> kNone;
  const PartnerLists* lists = partner_lists(min_gap_days);
  return lists == nullptr ? kNone : (*lists)[static_cast<std::size_t>(&anchor - m_events)];
}

std::vector<FactDate> DateIndex::distractor_dates(const Event& e, std::size_t per_side, std::size_t wanted) const {
  // Each distinct date (ISO string) once, with its lowest penalty.
  struct Candidate {
    FactDate date;
    std::string iso;
    double penalty;
    double score = 0.0;
  };
  std::vector<Candidate> candidates;
  candidates.reserve(2 * per_side + 6);
  const auto offer = [&](const FactDate& d, double penalty) {
    if (d.year < 1 || d.year > 9999 || compare_dates(d, e.date) == 0 || d.precision != e.date.precision) return;
    std::string iso = to_iso(d);
    const auto it = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) { return c.iso == iso; });
    if (it == candidates.end()) {
      candidates.push_back(Candidate{d, std::move(iso), penalty});
    } else if (penalty < it->penalty) {
      it->date = d;
      it->penalty = penalty;
    }
  };
  const bool by_year = e.date.precision == DatePrecision::Year;
  for (const FactDate& d : dates_near(e.date, per_side)) {
    const double apart = by_year ? years_apart(d, e.date) : std::fabs(static_cast<double>(months_between(d, e.date)));
    offer(d, 1.0 + apart);
  }
  for (int k : {-3, -2, -1, 1, 2, 3}) {
    FactDate d = e.date;
    if (by_year) {
      d.year += k;
    } else {
      const int m = (d.year * 12 + (d.month - 1)) + k;
      d.year = m / 12;
      d.month = m % 12 + 1;
      if (d.precision == DatePrecision::Day) d.day = std::min(d.day, days_in_month(d.year, d.month));
    }
    offer(d, 1.0 + std::abs(k));
  }
  const PairScorer scorer(e.id);
  for (auto& c : candidates) c.score = scorer.score(c.iso, c.penalty);
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score < b.score : a.iso < b.iso;
  });
  std::vector<FactDate> out;
  out.reserve(wanted + 1);  // event_date adds the true date
  for (const auto& c : candidates) {
    if (out.size() == wanted) break;
    out.push_back(c.date);
  }
  return out;
}

std::vector<FactDate> DateIndex::dates_near(const FactDate& d, std::size_t per_side) const {
  const auto& dates = m_dates[static_cast<std::size_t>(d.precision)];
  std::vector<FactDate> out;
  out.reserve(2 * per_side);
  const auto at = std::lower_bound(dates.begin(), dates.end(), d, date_less);
  std::size_t taken = 0;
  for (auto it = at; it != dates.begin() && taken < per_side;) {
    --it;
    out.push_back(*it);
    ++taken;
  }
  taken = 0;
  for (auto it = at; it != dates.end() && taken < per_side; ++it) {
    if (*it == d) continue;
    out.push_back(*it);
    ++taken;
  }
  return out;
}

bool term_direction(const Term& t, Generator g) {
  const bool term_first = (fnv1a64(t.id) & 1u) == 0;
  return term_first == (g == Generator::TermDefinition);
}

std::string fact_set_key(const std::vector<std::string>& ids) {
  // Generated questions name up to a handful of facts: sorted on the stack, not the heap.
  std::array<std::string_view, 8> small{};
  std::vector<std::string_view> large;
  std::string_view* first = small.data();
  if (ids.size() > small.size()) {
    large.resize(ids.size());
    first = large.data();
  }
  std::copy(ids.begin(), ids.end(), first);
  std::string_view* last = first + ids.size();
  std::sort(first, last);
  std::size_t size = 0;
  for (auto* id = first; id != last; ++id) size += id->size() + 1;
  std::string k;
  k.reserve(size);
  for (auto* id = first; id != last; ++id) k.append(*id).push_back('|');
  return k;
}

void rank_partners(DateIndex& dates, const Bank& bank, bool two) {
  std::vector<int> gaps;
  for (const Generator g : {Generator::EventOrder, Generator::EventFirst}) {
    const int gap = bank.generators[g].min_gap_days;
    if (bank.generators[g].enabled && std::find(gaps.begin(), gaps.end(), gap) == gaps.end()) gaps.push_back(gap);
  }
  for (const int gap : gaps) dates.add_partners(gap);
  in_two_halves(bank.facts.events.size(), two, [&](std::size_t begin, std::size_t end) {
    for (const int gap : gaps) dates.fill_partners(gap, begin, end);
  });
}

FactIndexes::FactIndexes(const Bank& b) : bank(b), dates(b.facts.events) {
  actors.reserve(b.facts.actors.size());
  actor_words.reserve(b.facts.actors.size());
  for (const auto& a : b.facts.actors) {
    actor_words.push_back(actor_name_words(a));
    actors.emplace(a.id, &a);
    ring_all.add(&a);
    ring_kind[static_cast<std::size_t>(a.kind)].add(&a);
  }
  ring_all.seal();
  for (auto& r : ring_kind) r.seal();
  for (const auto& t : b.facts.terms) ring_terms.add(&t);
  ring_terms.seal();
  for (const auto& e : b.facts.events) events.emplace(e.id, &e);
  const auto has_dot = [](const FactBase& f) { return f.id.find('.') != std::string::npos; };
  dotted_ids = std::any_of(b.facts.events.begin(), b.facts.events.end(), has_dot) ||
               std::any_of(b.facts.actors.begin(), b.facts.actors.end(), has_dot) ||
               std::any_of(b.facts.terms.begin(), b.facts.terms.end(), has_dot) ||
               std::any_of(b.facts.figures.begin(), b.facts.figures.end(), has_dot);
  for (const auto& q : b.questions) {
    if (q.generator.empty() && !q.fact_ids.empty()) hand.emplace(fact_set_key(q.fact_ids), q.id);
  }
}

namespace {

/// What finding one actor group needs besides its result, kept from anchor to anchor.
struct GroupScratch {
  std::vector<const Actor*> near, more;
  std::vector<Ranked<Actor>> ranked;
};

std::vector<const Actor*> actor_group(const FactIndexes& ix, const Actor& anchor, std::size_t size, GroupScratch& s) {
  const auto other = [&](const Actor& a) { return a.id != anchor.id; };
  ix.ring_kind[static_cast<std::size_t>(anchor.kind)].walk(anchor.id, kRingWindow, other, s.near);
  ix.ring_all.walk(anchor.id, kRingWindow / 2, other, s.more);
  for (const Actor* a : s.more) {
    if (std::find(s.near.begin(), s.near.end(), a) == s.near.end()) s.near.push_back(a);
  }
  const PairScorer scorer(anchor.id);
  s.ranked.clear();
  for (const Actor* a : s.near) s.ranked.push_back({a, scorer.score(a->id, a->kind == anchor.kind ? 1.0 : kOtherKindPenalty)});
  sort_ranked(s.ranked);
  std::vector<const Actor*> group{&anchor};
  group.reserve(size);
  for (const auto& r : s.ranked) {
    if (group.size() == size) break;
    const bool clash = std::any_of(group.begin(), group.end(), [&](const Actor* g) {
      return g->name == r.fact->name || g->description == r.fact->description;
    });
    if (!clash) group.push_back(r.fact);
  }
  return group;
}

}  // namespace

std::vector<std::vector<const Actor*>> actor_groups(const FactIndexes& ix, const std::vector<const Actor*>& anchors,
                                                    std::size_t size, bool two) {
  std::vector<std::vector<const Actor*>> groups(anchors.size());
  in_two_halves(anchors.size(), two, [&](std::size_t begin, std::size_t end) {
    GroupScratch scratch;
    for (std::size_t i = begin; i < end; ++i) groups[i] = actor_group(ix, *anchors[i], size, scratch);
  });
  return groups;
}

std::size_t FactIndexes::fact_count() const {
  const Facts& f = bank.facts;
  return f.events.size() + f.actors.size() + f.terms.size() + f.figures.size();
}

std::size_t FactIndexes::fact_index(const FactBase& f) const {
  const Facts& all = bank.facts;
  std::size_t offset = 0;
  std::ptrdiff_t i = index_in(all.events.data(), all.events.size(), f);
  if (i >= 0) return offset + static_cast<std::size_t>(i);
  offset += all.events.size();
  if ((i = index_in(all.actors.data(), all.actors.size(), f)) >= 0) return offset + static_cast<std::size_t>(i);
  offset += all.actors.size();
  if ((i = index_in(all.terms.data(), all.terms.size(), f)) >= 0) return offset + static_cast<std::size_t>(i);
  offset += all.terms.size();
  if ((i = index_in(all.figures.data(), all.figures.size(), f)) >= 0) return offset + static_cast<std::size_t>(i);
  return fact_count();
}

}  // namespace casebook::core
