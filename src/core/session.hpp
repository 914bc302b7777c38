// One study session: which card comes next (learning, then reviews interleaved with new
// cards), the Answering -> Feedback -> rated state machine, and seeded choice shuffling.
// Pure: no I/O and no clock reads; the caller passes every instant in.
#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/card.hpp"
#include "core/time.hpp"

namespace casebook::core {

/// How far ahead a (re)learning card may be shown early when nothing else is left, and the
/// window in which a just-rated card stays in the session: 20 minutes, Anki's default
/// "learn ahead limit".
inline constexpr TimestampMs kLearnAheadMs = 20 * kMsPerMinute;

/// A card the session may show.
struct StudyCandidate {
  std::string card_key;                  ///< "<bank id>/<question id>"
  std::optional<CardSchedule> schedule;  ///< none (or state New) for a card never studied
  std::string group;                     ///< sibling group, the bank id: new cards are taken round-robin across groups
  double retrievability = 0.0;           ///< R at the session start (Scheduler::retrievability), orders reviews
  std::vector<std::string> fact_ids;     ///< facts the question rests on (Question::fact_ids): cards sharing one are siblings
  bool exam = false;                     ///< belongs to an exam plan before its exam: shown first (see Session)
};

/// The order of due Review cards when there are more than the day allows (a backlog).
enum class ReviewOrder {
  LowestRetrievability,  ///< lowest R first (ties: earlier due, then key): the default
  EarliestDue,           ///< earliest due first (ties: key)
  Random                 ///< a pseudo-random order from the session seed and the card key
};

/// Session rules from the learner's options (core/options.hpp); the defaults are the
/// behaviour of the constructor without rules.
struct SessionRules {
  ReviewOrder review_order = ReviewOrder::LowestRetrievability;
  TimestampMs learn_ahead_ms = kLearnAheadMs;  ///< >= 0; replaces kLearnAheadMs everywhere in Session
  /// Bury siblings: a Review or New card is left out (until the next study day) when it
  /// shares a fact id with a card already taken into this session's main queue, with a card
  /// in (re)learning, or with a card last reviewed today. Cards without fact ids are never
  /// siblings. Learning cards are never buried. On by default (docs/scheduling.md, "Siblings").
  bool bury_siblings = true;
  /// Keep in the session a card whose (re)learning step ends later in the same study day,
  /// beyond the learn-ahead limit (e.g. a 30-minute step): when only such cards remain the
  /// session is Waiting until the first is due, instead of Finished (Anki shows them again
  /// the same day). Off by default (the constructor's behaviour before this rule existed).
  bool wait_for_learning = false;
};

/// What today's limits still allow (the caller subtracts what was already done today).
/// A card of group g is taken only while both the overall count and g's own count are below
/// their limits (Anki's deck limits under a parent: a bank's limit caps that bank's cards
/// within the learner's overall limit, it never adds to it).
struct SessionLimits {
  int new_cards = 20;  ///< new cards that may be introduced; <= 0 means none
  int reviews = 200;   ///< Review-state cards that may be shown; <= 0 means none
  /// Per group (StudyCandidate::group, the bank id): new cards that group may still
  /// introduce; <= 0 means none. A group not listed is capped only by `new_cards`.
  std::map<std::string, int> group_new_cards = {};
  /// Per group: Review cards that group may still show; a group not listed: only `reviews`.
  std::map<std::string, int> group_reviews = {};
  /// New cards of an exam plan (StudyCandidate::exam) that must still be introduced today to
  /// finish in time (core::exam_new_cards_per_day minus those introduced today): taken first,
  /// past the group caps and, when it is larger, past `new_cards`. 0: none.
  int exam_new_cards = 0;
};

/// How many cards the limits let a session take when `available` (group -> cards of that
/// kind, New or due Review) are offered, ignoring siblings: min(total, sum over groups of
/// min(available, group cap)), each term at least 0; `group_caps` as in SessionLimits (a
/// group not listed is uncapped). This is the number Session takes when nothing is buried,
/// and what the Home counts show.
[[nodiscard]] int limited_count(int total, const std::map<std::string, int>& group_caps,
                                const std::map<std::string, int>& available);

/// How a card counts when a session or the Home screen is built.
enum class StudyKind {
  New,       ///< never studied (no schedule, or state New)
  Learning,  ///< in a (re)learning step due before `learning_before`
  Review,    ///< a Review card due on or before study day `today`
  NotDue     ///< anything else: a later step, a later day
};

/// The one rule that Session, the Home counts and the summary share. `learning_before` is
/// exclusive (UTC ms): a session passes now + kLearnAheadMs + 1, "due today" passes the
/// start of tomorrow. `today` is study_day(now, clock).
[[nodiscard]] StudyKind classify_for_study(const std::optional<CardSchedule>& schedule,
                                           TimestampMs learning_before, std::int64_t today,
                                           const DayClock& clock);

/// Puts candidates in the order new cards are introduced: a fixed pseudo-random permutation
/// per learner (sorted by FNV-1a of learner and card key), so that questions written one
/// after another about the same event are not shown one after another and give each other
/// away, while the order stays the same from one session to the next (Anki's "random" new
/// card order). Only the relative order of new cards matters to Session.
void order_new_cards(std::vector<StudyCandidate>& candidates, std::string_view learner);

/// Answering -> Feedback -> (rated) Answering of the next card, ..., Finished. Waiting: only
/// learning cards remain and none is due within the learn-ahead limit yet (only with
/// SessionRules::wait_for_learning); resume() shows the first one once it is.
enum class SessionPhase { Answering, Feedback, Finished, Waiting };

/// The cards still in a session by their state, the current card included: new (never
/// studied), learning (Learning or Relearning), review. Counts cards, not showings, as Anki
/// (v2 scheduler and later) does: a new card rated Good moves from `fresh` to `learning`.
struct QueueCounts {
  int fresh = 0, learning = 0, review = 0;
  friend bool operator==(const QueueCounts&, const QueueCounts&) = default;
};

/// Running totals for the summary screen.
struct SessionCounts {
  int shown = 0;                 ///< showings so far (a card repeated in learning counts again)
  int reviewed = 0;              ///< ratings recorded
  int correct = 0;               ///< ratings recorded with a correct answer
  int not_assessed = 0;          ///< of the ratings, dilemmas whose rubric was skipped (never correct)
  std::array<int, 4> ratings{};  ///< per rating, Again..Easy
  int new_cards = 0;             ///< ratings of cards that were New
  int learning = 0;              ///< ratings of cards in Learning or Relearning
  int reviews = 0;               ///< ratings of cards in Review
};

/// The study queue and its state machine.
///
/// Queue order at the start (all instants UTC ms, days in `clock`):
///  1. (re)learning cards due by `now + kLearnAheadMs`, earliest due first; they stay in a
///     separate learning queue and are shown as soon as they are due;
///  2. Review cards with study_day(due) <= today, lowest retrievability first (ties: earlier
///     due, then key), at most `limits.reviews`; a card whose group has used its
///     `limits.group_reviews` is skipped (the next one in order is taken instead);
///     With an exam plan, its cards (StudyCandidate::exam) come first in this order;
///  3. first the exam plan's new cards, up to `limits.exam_new_cards` (round-robin across
///     groups, not capped by the group limits); then new cards while fewer than
///     `limits.new_cards` are taken, at most `limits.group_new_cards[g]` of group
///     g, taken round-robin across groups (each group in candidate order) and spread evenly
///     among the reviews: new card i (0-based) of N comes
///     after floor((i + 1) * R / (N + 1)) of the R reviews (Anki's "mix with reviews").
/// Choosing the next card at time t: a learning card due by t (earliest first), else the
/// next card of the main queue, else a learning card due by t + kLearnAheadMs (shown early,
/// as Anki does), else the session is Finished. Learning cards are not capped by the limits.
///
/// After a rating, the card's new schedule is fed back: if it is due by `t + kLearnAheadMs`
/// (a 1 m or 10 m step) it re-enters the learning queue at its due time; otherwise (e.g. it
/// graduated to Review for a later day) it leaves the session.
class Session {
 public:
  /// Builds the queue from `candidates` (see the class comment) and shows the first card,
  /// or starts Finished when nothing is due. Throws std::runtime_error if `clock` names an
  /// unknown time zone.
  Session(std::vector<StudyCandidate> candidates, TimestampMs now, DayClock clock,
          SessionLimits limits, std::uint64_t seed);
  /// As above with explicit rules: `rules.review_order` replaces step 2's order (the limit
  /// still takes the first `limits.reviews`), `rules.learn_ahead_ms` replaces kLearnAheadMs,
  /// and `rules.bury_siblings` leaves siblings out (see SessionRules).
  Session(std::vector<StudyCandidate> candidates, TimestampMs now, DayClock clock,
          SessionLimits limits, std::uint64_t seed, SessionRules rules);

  [[nodiscard]] SessionPhase phase() const { return m_phase; }
  /// The cards still in the session by state (the current card included).
  [[nodiscard]] QueueCounts queue_counts() const;
  /// Waiting: when the first learning card may be shown (its due time less the learn-ahead
  /// limit), UTC ms; nullopt in every other phase.
  [[nodiscard]] std::optional<TimestampMs> ready_at() const;
  /// Waiting -> Answering when a learning card may be shown at `now` (true); otherwise
  /// nothing changes (false).
  bool resume(TimestampMs now);
  /// The card shown now; nullptr when Finished.
  [[nodiscard]] const StudyCandidate* current() const;
  /// 1-based number of the current showing in this session (0 before any).
  [[nodiscard]] int showing() const { return m_counts.shown; }
  /// Cards still queued after the current one (main queue and learning queue).
  [[nodiscard]] int remaining() const;
  /// Of remaining(): the cards waiting for a (re)learning step (they come back in 1-10 min).
  [[nodiscard]] int remaining_learning() const { return static_cast<int>(m_learning.size()); }
  [[nodiscard]] const SessionCounts& counts() const { return m_counts; }
  [[nodiscard]] std::uint64_t seed() const { return m_seed; }

  /// Answering -> Feedback. Returns false (and changes nothing) in any other phase.
  bool submit();
  /// Feedback -> next card (Answering) or Finished. `after` is the card's schedule after
  /// rating it at `now`; `correct` is the final verdict on the answer; `assessed` false for
  /// a dilemma whose rubric was skipped (counted in SessionCounts::not_assessed). Returns false
  /// (and changes nothing) unless in Feedback.
  bool rate(Rating rating, bool correct, const CardSchedule& after, TimestampMs now, bool assessed = true);
  /// Takes `card_key` out of the session (e.g. it was just suspended as a leech): it leaves
  /// the main and learning queues and a later rate() of it does not queue it again. The
  /// current card stays current until it is rated.
  void suspend(std::string_view card_key);
  /// Takes the current card away unrated (the learner suspended, buried or reset it): it
  /// leaves the session as suspend() does and the next card is shown (or the session is
  /// Finished). Returns false (and changes nothing) when no card is current.
  bool skip_current(TimestampMs now);
  /// Ends the session early (the learner leaves): any phase -> Finished. The current card,
  /// if not rated, is simply not recorded. Returns false if already Finished.
  bool finish();

  /// The card keys in the order they would be shown if each were rated at the last instant
  /// the session was given, without re-entering the queue: the current card, the learning
  /// cards already due, the main queue, then the other learning cards by due time.
  [[nodiscard]] std::vector<std::string> upcoming() const;

  /// On-screen order of `n` choices for the current showing: element k is the canonical
  /// index shown at position k. Same as shuffled_order(seed(), key, showing(), n, ...).
  [[nodiscard]] std::vector<int> display_order(int n, bool avoid_identity = false) const;

  /// A permutation of 0..n-1 (Fisher-Yates) driven by splitmix64 seeded from `seed`, the
  /// FNV-1a hash of `card_key` and `showing`: deterministic on every platform. With
  /// `avoid_identity` and n >= 2, an identity result is rotated left by one (so an ordering
  /// question never starts solved). n <= 0 gives an empty vector.
  [[nodiscard]] static std::vector<int> shuffled_order(std::uint64_t seed, std::string_view card_key,
                                                       std::uint64_t showing, int n,
                                                       bool avoid_identity = false);

 private:
  struct Learning {
    StudyCandidate card;
    std::uint64_t order = 0;  ///< insertion number, breaks ties between equal due times
  };
  void count_rating(Rating rating, bool correct, bool assessed);
  void advance(TimestampMs now);
  [[nodiscard]] std::optional<std::size_t> earliest_learning(TimestampMs limit) const;

  DayClock m_clock;
  SessionRules m_rules;
  std::uint64_t m_seed = 0;
  TimestampMs m_now = 0;  ///< the latest instant passed in (constructor or rate)
  std::deque<StudyCandidate> m_main;
  std::vector<Learning> m_learning;
  std::uint64_t m_learning_order = 0;
  std::vector<std::string> m_suspended;
  std::optional<StudyCandidate> m_current;
  SessionPhase m_phase = SessionPhase::Finished;
  SessionCounts m_counts;
};

}  // namespace casebook::core
