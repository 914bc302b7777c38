// Candidate indexes of the question generators (core/generate.hpp): each anchor fact looks
// only at a bounded number of nearby candidates (by date, or along a hash ring) before
// ranking them with rendezvous hashing, so generation grows near-linearly with the facts.
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/facts.hpp"
#include "core/question.hpp"
#include "core/hash.hpp"

namespace casebook::core {

/// Candidates each side of an anchor that event_order / event_first consider (in date
/// order), and candidates along a hash ring for actors and terms.
inline constexpr std::size_t kDateWindow = 16;
inline constexpr std::size_t kRingWindow = 24;

/// Years between two dates, as a plausibility distance (months_between / 12, unsigned).
[[nodiscard]] inline double years_apart(const FactDate& a, const FactDate& b) {
  return std::fabs(static_cast<double>(months_between(a, b))) / 12.0;
}

/// One candidate ranked for an anchor.
template <typename T>
struct Ranked {
  const T* fact;
  double score;
};

/// `items` sorted by score (ties by id), lowest first.
template <typename T>
void sort_ranked(std::vector<Ranked<T>>& items) {
  std::sort(items.begin(), items.end(), [](const Ranked<T>& a, const Ranked<T>& b) {
    if (a.score != b.score) return a.score < b.score;
    return a.fact->id < b.fact->id;
  });
}

/// pair_score (core/generate.hpp) for one anchor and many candidates, without building the
/// joined key: the FNV-1a state after `anchor + '\x1f'` is kept, so score(c, p) ==
/// pair_score(anchor, c, p) bit for bit.
class PairScorer {
 public:
  explicit PairScorer(std::string_view anchor) : m_prefix(fnv1a64(std::string_view("\x1f", 1), fnv1a64(anchor))) {}
  [[nodiscard]] double score(std::string_view candidate, double penalty = 1.0) const;

 private:
  std::uint64_t m_prefix;
};

/// Penalty factor of an option whose length differs from the answer's: 1 for the same
/// length, up to 3 when one is empty, so the options of a card look alike and the right one
/// is not the longest by design.
[[nodiscard]] inline double length_penalty(std::string_view answer, std::string_view option) {
  const double a = static_cast<double>(answer.size());
  const double o = static_cast<double>(option.size());
  const double longer = std::max(a, o);
  return longer == 0 ? 1.0 : 1.0 + 2.0 * std::fabs(a - o) / longer;
}

/// Facts in the order generator `g` considers them as anchors: by pair_score(g, id), so the
/// order (and which questions a `count` keeps) does not depend on the order in the file.
template <typename T>
[[nodiscard]] std::vector<const T*> anchor_order(const std::vector<T>& facts, Generator g) {
  const PairScorer scorer(to_string(g));
  std::vector<Ranked<T>> ranked;
  ranked.reserve(facts.size());
  for (const auto& f : facts) ranked.push_back({&f, scorer.score(f.id)});
  sort_ranked(ranked);
  std::vector<const T*> out;
  out.reserve(ranked.size());
  for (const auto& r : ranked) out.push_back(r.fact);
  return out;
}

/// The index of fact `f` in the array [first, first + n) of facts of type T (a fact's FactBase
/// lies inside it, so the address tells), or -1 when it is not one of them.
template <typename T>
[[nodiscard]] inline std::ptrdiff_t index_in(const T* first, std::size_t n, const FactBase& f) {
  const std::less<const void*> before;
  const void* at = &f;
  if (n == 0 || before(at, first) || !before(at, first + n)) return -1;
  return &static_cast<const T&>(f) - first;
}

/// Events sorted by date (the first day of their period, then precision, then id).
class DateIndex {
 public:
  explicit DateIndex(const std::vector<Event>& events);

  /// Sets `out` (its room reused) to up to kDateWindow events on each side of `anchor`
  /// (nearest first) that are at least `min_gap_days` (gap_days) from it, can be told apart
  /// from it (compare_dates != 0) and have another title. Looks at no more than
  /// 8 * kDateWindow events on each side.
  void near(const Event& anchor, int min_gap_days, std::vector<const Event*>& out) const;

  /// The distinct dates at precision `p` of the events known at least to `p`, truncated to
  /// `p`, nearest to `d` (up to `per_side` on each side, `d` itself excluded).
  [[nodiscard]] std::vector<FactDate> dates_near(const FactDate& d, std::size_t per_side) const;

  /// gap_days(a.date, b.date) (core/facts.hpp), from first days computed once per event when
  /// both are events of the index (else computed).
  [[nodiscard]] std::int64_t gap_days(const Event& a, const Event& b) const;

  /// a.title == b.title, by a number given to each distinct title once when both are events
  /// of the index (else by comparing the titles).
  [[nodiscard]] bool same_title(const Event& a, const Event& b) const;

  /// Makes room for every event's partners at `min_gap_days` (none computed yet), unless
  /// there is room for that gap already. Not to be called while fill_partners or partners run.
  void add_partners(int min_gap_days);

  /// Computes the partners at `min_gap_days` (after add_partners) of the events at indexes
  /// [begin, end) of the indexed vector. Calls on disjoint ranges may run at once on different
  /// threads: each writes only its events' lists.
  void fill_partners(int min_gap_days, std::size_t begin, std::size_t end);

  /// Other events that can share a question with `anchor` (an event of the index), best
  /// first: near(anchor, min_gap_days) ranked by pair_score with closer dates preferred, as
  /// fill_partners computed them (empty when it did not). event_order and event_first (with
  /// the same gap, the default) ask for the same lists.
  [[nodiscard]] const std::vector<const Event*>& partners(const Event& anchor, int min_gap_days) const;

  /// Up to `wanted` wrong dates for event `e` at its precision, near the true one: the
  /// nearest other events' dates (dates_near, `per_side`) and shifts of 1-3 years (year
  /// precision) or months, each penalised by its distance and ranked by pair_score(e.id, ISO
  /// date) (ties by ISO date).
  [[nodiscard]] std::vector<FactDate> distractor_dates(const Event& e, std::size_t per_side, std::size_t wanted) const;

 private:
  /// first_day of an event's date truncated to year, month and day (indexed by DatePrecision).
  using FirstDays = std::array<std::int64_t, 3>;
  [[nodiscard]] const FirstDays* first_days(const Event& e) const;
  /// The index of `e` in the indexed vector, or -1 when it is not one of its events.
  [[nodiscard]] std::ptrdiff_t index_of(const Event& e) const;

  const Event* m_events = nullptr;                       ///< the indexed events, in file order ...
  std::vector<FirstDays> m_first_days;                   ///< ... and their first days ...
  std::vector<int> m_title_class;                        ///< ... and the number of their title
  std::vector<const Event*> m_sorted;
  std::vector<std::int64_t> m_days;                      ///< first_day of m_sorted[i]
  std::vector<std::vector<FactDate>> m_dates;            ///< by precision: distinct, sorted
  /// partners() of each event, by index, at one min_gap_days ...
  using PartnerLists = std::vector<std::vector<const Event*>>;
  /// ... for each min_gap_days asked (one or two).
  std::vector<std::pair<int, PartnerLists>> m_partners;
  /// The lists at `min_gap_days` (add_partners), or nullptr.
  [[nodiscard]] const PartnerLists* partner_lists(int min_gap_days) const;
};

// Inline: event_order and near() call these for every candidate pair.
inline std::ptrdiff_t DateIndex::index_of(const Event& e) const {
  return index_in(m_events, m_first_days.size(), e);
}

inline const DateIndex::FirstDays* DateIndex::first_days(const Event& e) const {
  const std::ptrdiff_t i = index_of(e);
  return i < 0 ? nullptr : &m_first_days[static_cast<std::size_t>(i)];
}

inline bool DateIndex::same_title(const Event& a, const Event& b) const {
  const std::ptrdiff_t i = index_of(a);
  const std::ptrdiff_t j = index_of(b);
  if (i < 0 || j < 0) return a.title == b.title;
  return m_title_class[static_cast<std::size_t>(i)] == m_title_class[static_cast<std::size_t>(j)];
}

inline std::int64_t DateIndex::gap_days(const Event& a, const Event& b) const {
  const FirstDays* fa = first_days(a);
  const FirstDays* fb = first_days(b);
  if (fa == nullptr || fb == nullptr) return core::gap_days(a.date, b.date);
  // As core::gap_days: the first days of both dates cut to the coarser precision.
  const auto p = static_cast<std::size_t>(std::min(a.date.precision, b.date.precision));
  const std::int64_t x = (*fa)[p];
  const std::int64_t y = (*fb)[p];
  return x < y ? y - x : x - y;
}

/// Facts of one kind placed on a hash ring by fnv1a64 of their id; a walk from a key's place
/// visits them in ring order, so an added fact changes only the walks that pass it.
template <typename T>
class HashRing {
 public:
  HashRing() = default;
  void add(const T* fact) { m_items.push_back({fnv1a64(fact->id), fact}); }
  void seal();
  /// Up to `n` facts for which keep(fact) is true, from the place of `key` onwards (wrapping,
  /// each fact at most once), looking at no more than 8 * n + 8 facts.
  template <typename Keep>
  [[nodiscard]] std::vector<const T*> walk(std::string_view key, std::size_t n, Keep&& keep) const {
    std::vector<const T*> out;
    walk(key, n, keep, out);
    return out;
  }
  /// walk() into `out` (cleared first), reusing its room.
  template <typename Keep>
  void walk(std::string_view key, std::size_t n, Keep&& keep, std::vector<const T*>& out) const;

 private:
  struct Item {
    std::uint64_t hash;
    const T* fact;
  };
  std::vector<Item> m_items;
};

template <typename T>
void HashRing<T>::seal() {
  std::sort(m_items.begin(), m_items.end(), [](const Item& a, const Item& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.fact->id < b.fact->id;
  });
}

template <typename T>
template <typename Keep>
void HashRing<T>::walk(std::string_view key, std::size_t n, Keep&& keep, std::vector<const T*>& out) const {
  out.clear();
  if (m_items.empty()) return;
  out.reserve(n);
  const std::uint64_t h = fnv1a64(key);
  std::size_t at = static_cast<std::size_t>(
      std::lower_bound(m_items.begin(), m_items.end(), h, [](const Item& a, std::uint64_t v) { return a.hash < v; }) -
      m_items.begin());
  const std::size_t limit = std::min(m_items.size(), 8 * n + 8);
  for (std::size_t step = 0; step < limit && out.size() < n; ++step, ++at) {
    const T* f = m_items[at % m_items.size()].fact;
    if (keep(*f)) out.push_back(f);
  }
}

/// Penalty factor of an actor of another kind than the anchor's in actor_match's ranking.
inline constexpr double kOtherKindPenalty = 3.0;

/// Whether a term is asked by `g` when both term generators are on and `terms_both_ways` is
/// off: one direction per term, chosen by a stable hash of its id.
[[nodiscard]] bool term_direction(const Term& t, Generator g);

/// The sorted ids of `ids` joined with '|': the key of a set of facts.
[[nodiscard]] std::string fact_set_key(const std::vector<std::string>& ids);

/// Ranks the date partners of every event for each gap that event_order and event_first ask
/// (those enabled in `bank`), in two halves at once when `two` (on this thread alone when no
/// thread can be started), so that `dates` is read-only while the generators run.
void rank_partners(DateIndex& dates, const Bank& bank, bool two);

/// A bank's facts indexed once for every generator (core/generate.cpp), shared by the lanes
/// of generate_questions and read-only while they run (`dates`' partner lists are ranked
/// before, by rank_partners).
struct FactIndexes {
  explicit FactIndexes(const Bank& b);

  /// The number of the bank's facts (events, actors, terms, figures) ...
  [[nodiscard]] std::size_t fact_count() const;
  /// ... and the place of `f`, one of them, among them: [0, fact_count()), events first,
  /// then actors, terms and figures, each in file order. A fact not of the bank: fact_count().
  [[nodiscard]] std::size_t fact_index(const FactBase& f) const;

  const Bank& bank;
  DateIndex dates;  ///< also keeps each event's ranked partners (filled before the generators run)
  std::unordered_map<std::string, const Actor*> actors;
  std::vector<std::vector<std::string>> actor_words;  ///< actor_name_words of each bank actor, by index
  std::unordered_map<std::string, const Event*> events;
  HashRing<Actor> ring_all;
  std::array<HashRing<Actor>, 5> ring_kind;  ///< one per ActorKind
  HashRing<Term> ring_terms;
  std::unordered_map<std::string, std::string> hand;  ///< fact_set_key -> hand-written question id
  bool dotted_ids = false;                            ///< some fact id holds a '.'
};

/// The actors actor_match puts in one card with each of `anchors` (in their order): the
/// anchor first, then up to size - 1 others from near its place on the hash ring of its kind
/// (and, fewer, of all actors), ranked by pair_score (another kind's score times
/// kOtherKindPenalty), skipping any whose name or description one of the group has; fewer
/// than `size` when too few are left. In two halves of `anchors` at once when `two` (on this
/// thread alone when no thread can be started).
[[nodiscard]] std::vector<std::vector<const Actor*>> actor_groups(const FactIndexes& ix, const std::vector<const Actor*>& anchors,
                                                                  std::size_t size, bool two);

}  // namespace casebook::core
