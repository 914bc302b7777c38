// Issue 16 in the core: the load balancer on synthetic loads (never outside the fuzz range,
// identical on replay, an empty load changes nothing), light weekdays, the exam rule on a
// fixed clock (no interval passes the exam while the card would be below the target on it;
// R on the exam day at or above the target), the pace of an exam's new cards, the exam scope,
// the backlog spread, the new study options and the session's exam-first rules.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/backlog.hpp"
#include "core/exam.hpp"
#include "core/hash.hpp"
#include "core/load_balance.hpp"
#include "core/options.hpp"
#include "core/scheduler.hpp"
#include "core/session.hpp"
#include "core/time.hpp"

namespace casebook::core {
namespace {

/// 2025-01-01 (a Wednesday) at 09:00 UTC, and its day index.
constexpr TimestampMs kJan1 = 1735722000000;
constexpr std::int64_t kJan1Day = 20089;

SchedulerOptions utc_options() {
  SchedulerOptions o;
  o.clock = DayClock{"UTC", 0};
  return o;
}

CardSchedule review_card(double stability, double difficulty, TimestampMs last, std::int64_t interval, int reps = 3) {
  CardSchedule c;
  c.state = CardState::Review;
  c.stability = stability;
  c.difficulty = difficulty;
  c.last_review = last;
  c.due = last + interval * kMsPerDay;
  c.scheduled_days = interval;
  c.reps = reps;
  return c;
}

std::int64_t interval_of(const ReviewResult& r, TimestampMs now) { return (r.card.due - now) / kMsPerDay; }

// ---- The due load and the balancer -----------------------------------------------------

TEST(DueLoad, CountsAddAndRemoveAndNeverGoNegative) {
  DueLoad load;
  load.add(10);
  load.add(10, 2);
  load.add(12);
  EXPECT_EQ(load.count(10), 3);
  EXPECT_EQ(load.count(11), 0);
  EXPECT_EQ(load.total(), 4);
  load.add(10, -5);
  EXPECT_EQ(load.count(10), 0);
  EXPECT_EQ(load.total(), 1);
  EXPECT_EQ(load.days().size(), 1u);
}

TEST(LoadBalancer, FuzzRangeIsTheReferenceRange) {
  EXPECT_EQ(fuzz_range(10, 36500), (DayRange{8, 12}));
  EXPECT_EQ(fuzz_range(100, 36500), (DayRange{93, 107}));
  EXPECT_EQ(fuzz_range(2, 36500), (DayRange{2, 2}));
  EXPECT_EQ(fuzz_range(3, 36500), (DayRange{2, 4}));
  EXPECT_EQ(fuzz_range(100, 100), (DayRange{93, 100}));
  // fuzz_interval still draws from it: the draws for interval 10 are exactly 8..12.
  std::map<std::int64_t, int> seen;
  for (std::uint64_t seed = 0; seed < 500; ++seed) ++seen[fuzz_interval(10, 36500, seed, 3)];
  EXPECT_EQ(seen.size(), 5u);
  EXPECT_EQ(seen.begin()->first, 8);
  EXPECT_EQ(seen.rbegin()->first, 12);
}

TEST(LoadBalancer, TakesTheLeastLoadedDayTiesNearestThePreferredThenEarlier) {
  DueLoad load;
  const std::int64_t today = kJan1Day;
  const std::map<int, int> counts = {{8, 5}, {9, 3}, {10, 7}, {11, 3}, {12, 9}};
  for (const auto& [t, n] : counts) load.add(today + t, n);
  EXPECT_EQ(balance_interval({8, 12}, 10, today, load, kEvenWeek), 9);   // 9 and 11 tie, both 1 away: earlier
  EXPECT_EQ(balance_interval({8, 12}, 12, today, load, kEvenWeek), 11);  // 11 is nearer 12
  EXPECT_EQ(balance_interval({10, 10}, 10, today, load, kEvenWeek), 10); // no range, no choice
  EXPECT_EQ(balance_interval({8, 12}, 11, today, DueLoad{}, kEvenWeek), 11);  // empty load: the preferred day
}

TEST(LoadBalancer, NeverLeavesTheRangeAndIsIdenticalOnReplay) {
  std::uint64_t state = 42;
  for (int trial = 0; trial < 300; ++trial) {
    DueLoad load;
    for (int t = 0; t < 60; ++t) load.add(kJan1Day + t, static_cast<int>(splitmix64(state) % 20));
    const std::int64_t interval = 3 + static_cast<std::int64_t>(splitmix64(state) % 50);
    const DayRange range = fuzz_range(interval, 36500);
    const std::int64_t preferred = fuzz_interval(interval, 36500, splitmix64(state), trial);
    const std::int64_t chosen = balance_interval(range, preferred, kJan1Day, load, kEvenWeek);
    ASSERT_GE(chosen, range.lo);
    ASSERT_LE(chosen, range.hi);
    for (std::int64_t t = range.lo; t <= range.hi; ++t) ASSERT_GE(load.count(kJan1Day + t), load.count(kJan1Day + chosen));
    ASSERT_EQ(balance_interval(range, preferred, kJan1Day, load, kEvenWeek), chosen);
  }
}

TEST(LightDays, ALightDayCountsItsCardsAgainstItsFraction) {
  // Range 8..12 from Wednesday 2025-01-01: days 8..12 are Thu 9, Fri 10, Sat 11, Sun 12, Mon 13.
  DueLoad load;
  const std::int64_t today = kJan1Day;
  for (const auto& [t, n] : std::map<int, int>{{8, 6}, {9, 4}, {10, 2}, {11, 2}, {12, 5}}) load.add(today + t, n);
  EXPECT_EQ(iso_weekday_of_day(today + 10), 6);  // Saturday
  EXPECT_EQ(balance_interval({8, 12}, 10, today, load, kEvenWeek), 10);  // Saturday has 2, the least
  WeekdayCapacity light = kEvenWeek;
  light[5] = light[6] = 0.5;  // Saturday and Sunday take half a day's reviews
  // Saturday: (2 + 1) / 0.5 = 6, Sunday: 6; Friday (4 + 1) = 5: Friday wins.
  EXPECT_EQ(balance_interval({8, 12}, 10, today, load, light), 9);
  // With nothing due, a light day still loses to a normal one: (0 + 1) / 0.5 > 0 + 1.
  EXPECT_EQ(balance_interval({10, 12}, 10, today, DueLoad{}, light), 12);
  // Fraction 0: the weekend is avoided whenever the range has another day ...
  light[5] = light[6] = 0.0;
  DueLoad busy;
  busy.add(today + 12, 40);
  EXPECT_EQ(balance_interval({10, 12}, 10, today, busy, light), 12);
  // ... and when it has none, the day with fewer cards is taken.
  DueLoad weekend;
  weekend.add(today + 10, 3);
  weekend.add(today + 11, 1);
  EXPECT_EQ(balance_interval({10, 11}, 10, today, weekend, light), 11);
}

TEST(LoadBalancer, SchedulerPlacesOnTheLeastLoadedDayAndChangesNothingWithoutALoad) {
  SchedulerOptions plain = utc_options();
  SchedulerOptions balanced = plain;
  balanced.load_balance = true;
  const Scheduler a(plain);
  const Scheduler b(balanced);
  const CardSchedule card = review_card(20.0, 5.0, kJan1 - 20 * kMsPerDay, 20, 4);
  const ReviewResult base = a.next(card, kJan1, Rating::Good, 7);
  const std::int64_t ivl = interval_of(base, kJan1);
  // No load in the context: exactly the plain result (ts-fsrs), balancing on or off.
  EXPECT_EQ(b.next(card, kJan1, Rating::Good, 7).card, base.card);
  // An empty load: still the FSRS interval (fuzz off, so the preferred day is the interval).
  DueLoad empty;
  EXPECT_EQ(b.next(card, kJan1, Rating::Good, 7, ScheduleContext{&empty, {}}).card, base.card);
  // A load with one quiet day in the range: that day, the same on replay and in the preview.
  const DayRange range = fuzz_range(ivl, 36500);
  ASSERT_LT(range.lo, range.hi);
  DueLoad load;
  for (std::int64_t t = range.lo; t <= range.hi; ++t) load.add(kJan1Day + t, 10);
  load.add(kJan1Day + range.lo, -9);
  const ScheduleContext ctx{&load, {}};
  const ReviewResult moved = b.next(card, kJan1, Rating::Good, 7, ctx);
  EXPECT_EQ(interval_of(moved, kJan1), range.lo);
  EXPECT_EQ(moved.card.scheduled_days, range.lo);
  EXPECT_EQ(moved.card.stability, base.card.stability);  // only the date moves
  EXPECT_EQ(b.next(card, kJan1, Rating::Good, 7, ctx).card, moved.card);
  EXPECT_EQ(b.preview(card, kJan1, 7, ctx)[2].card, moved.card);
}

TEST(LoadBalancer, WithFuzzAndAnEmptyLoadItIsPlainFuzz) {
  SchedulerOptions fuzz = utc_options();
  fuzz.enable_fuzz = true;
  SchedulerOptions both = fuzz;
  both.load_balance = true;
  const Scheduler a(fuzz);
  const Scheduler b(both);
  const DueLoad empty;
  for (int k = 0; k < 50; ++k) {
    const CardSchedule card = review_card(5.0 + k * 3.0, 5.0, kJan1 - 10 * kMsPerDay, 10, k);
    const std::uint64_t seed = fuzz_seed_of("bank/q" + std::to_string(k));
    for (const Rating g : {Rating::Hard, Rating::Good, Rating::Easy}) {
      EXPECT_EQ(b.next(card, kJan1, g, seed, ScheduleContext{&empty, {}}).card, a.next(card, kJan1, g, seed).card);
    }
  }
}

// ---- The exam rule ---------------------------------------------------------------------

TEST(ExamRule, DaysRecallableIsTheLastWholeDayAtTheTarget) {
  const Scheduler s(utc_options());
  // S is the number of days until R falls to 90 %: F2(10, 10) = 0.9 exactly.
  EXPECT_EQ(s.recall_probability(10.0, 10.0), 0.9);
  EXPECT_EQ(days_recallable(s, 10.0, 0.9), 10);
  for (const double target : {0.8, 0.9, 0.95, 0.97}) {
    for (const double stability : {0.5, 3.3, 17.0, 250.0}) {
      const std::int64_t t = days_recallable(s, stability, target);
      if (t > 1) {
        EXPECT_GE(s.recall_probability(static_cast<double>(t), stability), target);
      }
      EXPECT_LT(s.recall_probability(static_cast<double>(t + 1), stability), target) << stability << " " << target;
    }
  }
  EXPECT_EQ(days_recallable(s, 0.2, 0.95), 1);  // even one day is below: the shortest interval
}

TEST(ExamRule, ShortensOnlyIntervalsThatPassTheExamBelowTheTarget) {
  const Scheduler s(utc_options());
  const ExamTarget exam{110, 0.9};
  EXPECT_EQ(exam_interval(8, 5.0, 100, exam, s), 8);     // back before the exam
  EXPECT_EQ(exam_interval(40, 30.0, 100, exam, s), 40);  // passes it, but R(10, 30) >= 0.9
  EXPECT_EQ(exam_interval(12, 5.0, 100, exam, s), 5);    // R(10, 5) < 0.9: back on day 105
  EXPECT_EQ(exam_interval(10, 5.0, 100, exam, s), 5);    // due on the exam day itself: also shortened
  EXPECT_EQ(exam_interval(12, 5.0, 110, exam, s), 12);   // the exam day: no rule
  EXPECT_EQ(exam_interval(12, 5.0, 111, exam, s), 12);   // after it: plain FSRS
}

/// One review of a walk: the study day, the interval granted and the card after it.
struct Step {
  std::int64_t day;
  std::int64_t interval;
  CardSchedule after;
};

/// A learner rating `ratings` in turn, each on the day the card is due, from 2025-01-01
/// (steps passed with Good), stopping at the exam day when there is an exam.
std::vector<Step> walk(const Scheduler& s, const std::vector<Rating>& ratings, std::optional<ExamTarget> exam,
                       std::int64_t stop_day) {
  std::vector<Step> steps;
  CardSchedule card = Scheduler::new_card(kJan1);
  TimestampMs now = kJan1;
  const ScheduleContext ctx{nullptr, exam};
  for (const Rating g : ratings) {
    const std::int64_t today = s.study_day_of(now);
    if (today >= stop_day) break;
    card = s.next(card, now, g, 11, ctx).card;
    while (is_learning(card.state)) card = s.next(card, card.due, Rating::Good, 11, ctx).card;
    steps.push_back({today, card.scheduled_days, card});
    now = card.due;
  }
  return steps;
}

TEST(ExamRule, OnAFixedClockEveryCardIsAtTheTargetOnTheExamDay) {
  const Scheduler s(utc_options());
  const ExamTarget exam{kJan1Day + 45, 0.95};  // 2025-02-15, 95 %
  const std::vector<std::vector<Rating>> histories = {
      std::vector<Rating>(12, Rating::Good),
      std::vector<Rating>(12, Rating::Easy),
      {Rating::Good, Rating::Again, Rating::Good, Rating::Hard, Rating::Good, Rating::Good, Rating::Good, Rating::Good},
      {Rating::Hard, Rating::Hard, Rating::Good, Rating::Again, Rating::Hard, Rating::Good, Rating::Good, Rating::Good},
  };
  int plain_below = 0;
  for (auto h : histories) {
    h.resize(40, Rating::Good);  // enough reviews to reach the exam day
    const std::vector<Step> with = walk(s, h, exam, exam.day);
    ASSERT_FALSE(with.empty());
    for (const Step& st : with) {
      // No interval reaches the exam day while the card would be below the target on it.
      if (st.day + st.interval >= exam.day) {
        EXPECT_GE(retrievability_on_day(st.after, exam.day, s), exam.retention) << "review on day " << st.day;
      }
    }
    EXPECT_GE(retrievability_on_day(with.back().after, exam.day, s), exam.retention);
    const std::vector<Step> plain = walk(s, h, std::nullopt, exam.day);
    if (retrievability_on_day(plain.back().after, exam.day, s) < exam.retention) ++plain_below;
  }
  EXPECT_GE(plain_below, 2);  // plain FSRS (90 %) leaves these cards below 95 % on the exam day
}

TEST(ExamRule, ACardScheduledPastTheExamIsBroughtForward) {
  const Scheduler s(utc_options());
  const ExamTarget exam{kJan1Day + 30, 0.9};
  // Last reviewed on Jan 1 with S = 12, due in 40 days: R on the exam day (30 days) < 0.9.
  const CardSchedule far = review_card(12.0, 5.0, kJan1, 40);
  EXPECT_LT(retrievability_on_day(far, exam.day, s), 0.9);
  EXPECT_EQ(exam_review_day(far, exam, s), std::optional<std::int64_t>(kJan1Day + days_recallable(s, 12.0, 0.9)));
  EXPECT_EQ(exam_review_day(far, exam, s), std::optional<std::int64_t>(kJan1Day + 12));
  // Due before the exam, or safe on it: nothing to do.
  EXPECT_EQ(exam_review_day(review_card(12.0, 5.0, kJan1, 20), exam, s), std::nullopt);
  EXPECT_EQ(exam_review_day(review_card(400.0, 5.0, kJan1, 400), exam, s), std::nullopt);
  EXPECT_EQ(exam_review_day(far, ExamTarget{kJan1Day, 0.9}, s), std::nullopt);  // the exam is over
}

TEST(ExamRule, NewCardsArePacedToFinishTheDayBeforeTheExam) {
  EXPECT_EQ(exam_new_cards_per_day(100, 0, 10), 10);
  EXPECT_EQ(exam_new_cards_per_day(101, 0, 10), 11);
  EXPECT_EQ(exam_new_cards_per_day(3, 0, 10), 1);
  EXPECT_EQ(exam_new_cards_per_day(30, 9, 10), 30);  // the day before: all of them
  EXPECT_EQ(exam_new_cards_per_day(30, 10, 10), 0);  // the exam day: none
  EXPECT_EQ(exam_new_cards_per_day(0, 0, 10), 0);
}

TEST(ExamRule, ScopeTakesBanksAndTopics) {
  EXPECT_TRUE(in_exam_scope({}, "any", {}));
  EXPECT_TRUE(in_exam_scope({"a", "b/actors"}, "a", {}));
  EXPECT_TRUE(in_exam_scope({"a", "b/actors"}, "b", {"events", "actors"}));
  EXPECT_FALSE(in_exam_scope({"a", "b/actors"}, "b", {"events"}));
  EXPECT_FALSE(in_exam_scope({"a", "b/actors"}, "c", {"actors"}));
  EXPECT_FALSE(in_exam_scope({"b/actors"}, "a", {"actors"}));
}

// ---- The backlog spread ----------------------------------------------------------------

TEST(Backlog, MostAtRiskFirstEvenlyOverTheDays) {
  std::vector<BacklogCard> cards;
  for (int i = 0; i < 10; ++i) cards.push_back({"b/q" + std::to_string(i), 0.95 - 0.05 * (i % 5)});
  const auto spread = spread_backlog(cards, 3);
  ASSERT_EQ(spread.size(), 10u);
  // Lowest R first (q4 and q9 at 0.75, ties by key), 4 + 3 + 3.
  const std::vector<BacklogAssignment> expected = {
      {"b/q4", 0}, {"b/q9", 0}, {"b/q3", 0}, {"b/q8", 0}, {"b/q2", 1},
      {"b/q7", 1}, {"b/q1", 1}, {"b/q6", 2}, {"b/q0", 2}, {"b/q5", 2}};
  EXPECT_EQ(spread, expected);
  EXPECT_EQ(backlog_cards_per_day(10, 3), (std::vector<int>{4, 3, 3}));
  EXPECT_EQ(backlog_cards_per_day(2, 7), (std::vector<int>{1, 0, 0, 1, 0, 0, 0}));
  EXPECT_EQ(backlog_cards_per_day(700, 7), std::vector<int>(7, 100));
  EXPECT_EQ(backlog_cards_per_day(5, 100).size(), static_cast<std::size_t>(kBacklogMaxDays));
  // The per-day counts are those of the spread itself.
  std::vector<BacklogCard> many;
  for (int i = 0; i < 95; ++i) many.push_back({"k" + std::to_string(i), (i * 37 % 101) / 101.0});
  std::vector<int> counted(7, 0);
  for (const auto& a : spread_backlog(many, 7)) ++counted[static_cast<std::size_t>(a.day_offset)];
  EXPECT_EQ(counted, backlog_cards_per_day(95, 7));
}

// ---- Options ---------------------------------------------------------------------------

TEST(PlanningOptions, ParseValidateAndMapOntoTheScheduler) {
  StudyOptions o;
  EXPECT_FALSE(set_key_value(o, "light_weekdays", "Sat, sunday").has_value());
  EXPECT_EQ(light_weekdays_text(o.light_days), "sat sun");
  EXPECT_FALSE(set_key_value(o, "light_weekdays", "1 3").has_value());
  EXPECT_EQ(light_weekdays_text(o.light_days), "mon wed");
  EXPECT_EQ(set_key_value(o, "light_weekdays", "funday"),
            std::optional<std::string>("light_weekdays: expected weekdays such as \"sat sun\" (mon ... sun, or 1 ... 7 "
                                       "from Monday), got \"funday\""));
  EXPECT_EQ(light_weekdays_text(o.light_days), "mon wed");  // unchanged
  EXPECT_TRUE(set_key_value(o, "exam_date", "2025-02-30").has_value());
  EXPECT_FALSE(set_key_value(o, "exam_date", "2025-02-15").has_value());
  EXPECT_EQ(o.exam_day, std::optional<std::int64_t>(kJan1Day + 45));
  EXPECT_EQ(exam_target(o), std::optional<ExamTarget>(ExamTarget{kJan1Day + 45, 0.9}));
  EXPECT_FALSE(set_key_value(o, "exam_date", "").has_value());
  EXPECT_EQ(exam_target(o), std::nullopt);
  EXPECT_TRUE(set_key_value(o, "after_exam", "forget").has_value());

  StudyOptions bad;
  bad.exam_retention = 1.0;
  bad.light_fraction = 0.95;
  bad.exam_scope = {"ok-bank", "bad bank/"};
  const auto problems = validate(bad);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0], (OptionProblem{"exam_retention", "must be between 0.70 and 0.99, got 1"}));
  EXPECT_EQ(problems[1].field, "exam_scope");
  EXPECT_EQ(problems[2], (OptionProblem{"light_fraction", "must be between 0 and 0.9, got 0.95"}));

  StudyOptions on;
  on.time_zone = "UTC";
  on.load_balance = true;
  on.light_days[6] = true;
  on.light_fraction = 0.25;
  const SchedulerOptions s = to_scheduler_options(on);
  EXPECT_TRUE(s.load_balance);
  EXPECT_EQ(s.day_capacity, (WeekdayCapacity{1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.25}));
  const SchedulerOptions off = to_scheduler_options(StudyOptions{});
  EXPECT_FALSE(off.load_balance);
  EXPECT_EQ(off.day_capacity, kEvenWeek);
}

// ---- The session: an exam plan first ---------------------------------------------------

StudyCandidate fresh(const std::string& key, bool exam) {
  StudyCandidate c;
  c.card_key = key;
  c.group = key.substr(0, key.find('/'));
  c.exam = exam;
  return c;
}

TEST(ExamSession, PlanCardsComeFirstAndItsNewCardsPassTheLimit) {
  const DayClock utc{"UTC", 0};
  std::vector<StudyCandidate> cs;
  for (int i = 0; i < 6; ++i) cs.push_back(fresh("other/n" + std::to_string(i), false));
  for (int i = 0; i < 6; ++i) cs.push_back(fresh("exam/n" + std::to_string(i), true));
  for (int i = 0; i < 4; ++i) {
    StudyCandidate r = fresh((i % 2 == 0 ? "other/r" : "exam/r") + std::to_string(i), i % 2 == 1);
    r.schedule = review_card(5.0, 5.0, kJan1 - 6 * kMsPerDay, 5);
    r.retrievability = 0.5 + 0.1 * i;  // the "other" ones are the more at risk
    cs.push_back(r);
  }
  SessionLimits limits;
  limits.new_cards = 3;
  limits.reviews = 2;
  limits.exam_new_cards = 5;  // more than the learner's 3: the exam needs them
  const Session s(cs, kJan1, utc, limits, 1);
  std::vector<std::string> keys = s.upcoming();
  std::vector<std::string> reviews, news;
  for (const auto& k : keys) (k.find("/r") != std::string::npos ? reviews : news).push_back(k);
  EXPECT_EQ(reviews, (std::vector<std::string>{"exam/r1", "exam/r3"}));  // the plan's reviews, despite higher R
  EXPECT_EQ(news, (std::vector<std::string>{"exam/n0", "exam/n1", "exam/n2", "exam/n3", "exam/n4"}));
  // With exam_new_cards 0 and no plan flags: the learner's limit and order, as before.
  for (auto& c : cs) c.exam = false;
  limits.exam_new_cards = 0;
  const Session plain(cs, kJan1, utc, limits, 1);
  std::vector<std::string> plain_news;
  for (const auto& k : plain.upcoming()) {
    if (k.find("/n") != std::string::npos) plain_news.push_back(k);
  }
  EXPECT_EQ(plain_news, (std::vector<std::string>{"other/n0", "exam/n0", "other/n1"}));
}

}  // namespace
}  // namespace casebook::core
