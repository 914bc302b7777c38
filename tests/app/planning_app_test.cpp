// Issue 16 through app::Controller: Home's backlog offer and the spread (most at-risk first,
// recorded, in the report JSON, new cards paused), the exam options (Home's line, the pace
// past the daily limit, a card scheduled past the exam brought forward, "stop" after it), the
// plan view from Home and from the simulator, and the load balancer placing new intervals on
// the quietest day with the load kept up to date rating by rating.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "app/report_export.hpp"
#include "core/options.hpp"
#include "report/report.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace storage = casebook::storage;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::TempDir;
using casebook::test::test_config;

namespace {

constexpr core::TimestampMs kDay = core::kMsPerDay;
/// 2024-06-01 (kTestNow's date).
constexpr std::int64_t kToday = 19875;

std::string key(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "plan-bank/q%02d", i);
  return buf;
}

/// A bank of `n` true/false questions q00.., the even ones of topic "early", the odd ones "late".
std::string write_bank(const TempDir& dir, int n) {
  const std::string path = dir.file("plan-bank.toml");
  std::ofstream out(path, std::ios::binary);
  out << "[bank]\nid = \"plan-bank\"\ntitle = \"Plan bank\"\nversion = \"1.0.0\"\nformat = 1\nlanguage = \"en\"\n"
         "authors = [\"Casebook tests\"]\nlicence = \"CC-BY-4.0\"\ndescription = \"For tests.\"\n\n"
         "[[source]]\nid = \"src\"\ncitation = \"Jane Doe, \\\"An Article\\\", The Test Times, 1 May 2021.\"\n\n"
         "[[topic]]\nid = \"early\"\ntitle = \"Early\"\n\n[[topic]]\nid = \"late\"\ntitle = \"Late\"\n";
  for (int i = 0; i < n; ++i) {
    out << "\n[[question]]\nid = \"" << key(i).substr(10) << "\"\ntype = \"true_false\"\ntopics = [\""
        << (i % 2 == 0 ? "early" : "late") << "\"]\nprompt = \"Statement number " << i
        << " is true.\"\nanswer = true\nexplanation = \"It is.\"\nsource = \"src\"\nparagraph = 1\n";
  }
  return path;
}

/// A Review card of stability `s`, last reviewed at `last` and due at `due` (one review logged).
core::ReviewRecord review(const std::string& card, core::TimestampMs last, core::TimestampMs due, double s) {
  core::ReviewRecord r;
  r.learner = "alice";
  r.card_key = card;
  r.reviewed_at = last;
  r.rating = core::Rating::Good;
  r.correct = true;
  r.before = core::Scheduler::new_card(last);
  r.after.state = core::CardState::Review;
  r.after.stability = s;
  r.after.difficulty = 5.0;
  r.after.last_review = last;
  r.after.due = due;
  r.after.scheduled_days = (due - last) / kDay;
  r.after.reps = 1;
  return r;
}

struct Fixture : casebook::test::AppFiles {
  std::string bank;

  explicit Fixture(int cards) : bank(write_bank(dir, cards)) {}
  [[nodiscard]] app::AppConfig config() const { return test_config(db, now, {bank}); }
  void seed(const std::vector<core::ReviewRecord>& log) const {
    storage::Progress p(db);
    for (const auto& r : log) p.record_review(r);
  }
};

void save(app::Controller& c, const core::StudyOptions& o) {
  c.dispatch(app::Navigate{app::Screen::Settings});
  c.dispatch(app::SaveOptions{o, ""});
  ASSERT_TRUE(c.settings().problems.empty()) << c.settings().problems.front().message;
  c.dispatch(app::GoHome{});
}

/// Rates every card of a session Good (submitting the right answer), returns the keys shown.
std::vector<std::string> study_all(app::Controller& c, Fixture& f, core::Rating rating = core::Rating::Good) {
  std::vector<std::string> shown;
  c.dispatch(app::StartSession{});
  while (c.study() != nullptr) {
    shown.push_back(c.study()->card.card_key);
    *f.now += 1000;
    c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
    c.dispatch(app::Rate{rating});
  }
  c.dispatch(app::GoHome{});
  return shown;
}

}  // namespace

TEST(Backlog, HomeOffersASpreadThatTakesTheMostAtRiskFirstAndIsRecorded) {
  Fixture f(30);
  std::vector<core::ReviewRecord> log;
  for (int i = 0; i < 24; ++i) log.push_back(review(key(i), kTestNow - 30 * kDay, kTestNow - (5 + i % 5) * kDay, 2.0 + i));
  f.seed(log);
  app::Controller c(f.config());
  const app::BacklogView& b = c.home().backlog;
  EXPECT_EQ(b.due, 24);
  EXPECT_EQ(b.overdue, 24);
  EXPECT_TRUE(b.offer);
  EXPECT_TRUE(b.active.empty());
  EXPECT_EQ(c.home().review_due, 24);
  EXPECT_EQ(c.home().new_available, 6);

  c.dispatch(app::SpreadBacklog{4, true});
  EXPECT_EQ(c.message(), "Spread 24 cards over 4 days, most at risk first: 6 today, then about 6 a day; no new cards "
                         "until then.");
  EXPECT_FALSE(c.home().backlog.offer);
  EXPECT_EQ(c.home().backlog.active,
            "Catching up: day 1 of 4; 24 of the 24 cards spread on 2024-06-01 not reviewed yet; new cards paused.");
  EXPECT_EQ(c.home().review_due, 6);
  EXPECT_EQ(c.home().new_available, 0);  // paused, by the learner's choice
  // Today: the six least likely to be recalled (all last reviewed 30 days ago: the lowest S).
  const std::vector<std::string> today = study_all(c, f);
  EXPECT_EQ(std::set<std::string>(today.begin(), today.end()),
            (std::set<std::string>{key(0), key(1), key(2), key(3), key(4), key(5)}));
  EXPECT_EQ(c.home().review_due, 0);
  // Tomorrow: the next six come, whatever else falls due.
  *f.now += kDay;
  c.dispatch(app::ReloadBanks{});
  EXPECT_EQ(c.home().backlog.active.substr(0, 23), "Catching up: day 2 of 4");
  EXPECT_GE(c.home().review_due, 6);
  const std::vector<std::string> tomorrow = study_all(c, f);
  for (int i = 6; i < 12; ++i) EXPECT_NE(std::find(tomorrow.begin(), tomorrow.end(), key(i)), tomorrow.end()) << i;
  for (int i = 12; i < 24; ++i) EXPECT_EQ(std::find(tomorrow.begin(), tomorrow.end(), key(i)), tomorrow.end()) << i;

  // Recorded, and in the report JSON.
  storage::Progress p(f.db, storage::Progress::Access::ReadOnly);
  const auto spreads = p.backlog_spreads("alice");
  ASSERT_EQ(spreads.size(), 1u);
  EXPECT_EQ(spreads[0].days, 4);
  EXPECT_EQ(spreads[0].cards.size(), 24u);
  app::ReportRequest request;
  request.db_path = f.db;
  request.bank_paths = {f.bank};
  request.learner = "alice";
  request.now = *f.now;
  std::ostringstream json;
  casebook::report::write_json(app::gather_report(request).input, json);
  const auto doc = nlohmann::json::parse(json.str());
  ASSERT_EQ(doc.at("backlog_spreads").size(), 1u);
  const auto& s = doc.at("backlog_spreads")[0];
  EXPECT_EQ(s.at("first_date"), "2024-06-01");
  EXPECT_EQ(s.at("last_date"), "2024-06-04");
  EXPECT_EQ(s.at("days"), 4);
  EXPECT_EQ(s.at("cards"), 24);
  EXPECT_EQ(s.at("overdue"), 24);
  EXPECT_EQ(s.at("new_cards_paused"), true);
  EXPECT_EQ(s.at("cards_per_day"), nlohmann::json::parse("[6, 6, 6, 6]"));
}

TEST(Backlog, NoOfferWithoutAnOverdueBacklog) {
  Fixture f(30);
  std::vector<core::ReviewRecord> log;
  for (int i = 0; i < 9; ++i) log.push_back(review(key(i), kTestNow - 10 * kDay, kTestNow - kDay, 5.0));
  for (int i = 9; i < 20; ++i) log.push_back(review(key(i), kTestNow - 10 * kDay, kTestNow, 5.0));
  f.seed(log);
  app::Controller c(f.config());
  EXPECT_EQ(c.home().backlog.due, 20);
  EXPECT_EQ(c.home().backlog.overdue, 9);
  EXPECT_FALSE(c.home().backlog.offer);  // 9 < core::kBacklogOfferMinimum
}

TEST(ExamPlan, HomeLinePaceBroughtForwardAndStopAfterTheExam) {
  Fixture f(30);
  // One "early" (in scope) and one "late" card, both last reviewed 2 days ago with S = 10,
  // due in 40 days: past the exam, where R would be below 95 %.
  f.seed({review(key(0), kTestNow - 2 * kDay, kTestNow + 40 * kDay, 10.0),
          review(key(1), kTestNow - 2 * kDay, kTestNow + 40 * kDay, 10.0)});
  app::Controller c(f.config());
  core::StudyOptions o = c.study_options();
  ASSERT_FALSE(core::set_key_value(o, "exam_date", "2024-06-21").has_value());
  o.exam_retention = 0.95;
  o.exam_scope = {"plan-bank/early"};
  o.new_cards_per_day = 0;  // the learner's limit: no new cards
  save(c, o);
  ASSERT_EQ(c.home().exam_lines.size(), 1u);
  EXPECT_EQ(c.home().exam_lines[0],
            "Exam on 2024-06-21 (in 20 days; plan-bank/early; target 95 %): 1 of 15 cards studied, about 1 new "
            "card a day to finish in time.");
  EXPECT_EQ(c.home().new_available, 1);  // the exam's pace passes the learner's limit of 0
  EXPECT_EQ(c.home().review_due, 0);
  const std::vector<std::string> shown = study_all(c, f);  // its learning steps show it twice
  EXPECT_EQ(std::set<std::string>(shown.begin(), shown.end()), std::set<std::string>{key(2)});  // "early", the first new
  EXPECT_EQ(c.home().new_available, 0);  // today's share is done
  // The early card is brought forward: due by the last day its R is at 95 % (before the exam).
  const core::Scheduler s(core::to_scheduler_options(c.study_options()));
  const std::int64_t by = kToday - 2 + core::days_recallable(s, 10.0, 0.95);
  EXPECT_LT(by, kToday + 20);
  *f.now = kTestNow + (by - kToday) * kDay;
  c.dispatch(app::ReloadBanks{});
  EXPECT_GE(c.home().review_due, 1);
  const std::vector<std::string> later = study_all(c, f);
  EXPECT_NE(std::find(later.begin(), later.end(), key(0)), later.end());
  EXPECT_EQ(std::find(later.begin(), later.end(), key(1)), later.end());  // not in the exam: still in 40 days
  // After the exam, with "stop", its cards are no longer shown or counted.
  o = c.study_options();
  o.after_exam = core::AfterExam::Stop;
  o.new_cards_per_day = 20;
  save(c, o);
  *f.now = kTestNow + 21 * kDay;
  c.dispatch(app::ReloadBanks{});
  EXPECT_TRUE(c.home().exam_lines.empty());
  const std::vector<std::string> after = study_all(c, f);
  for (const std::string& k : after) EXPECT_EQ(std::stoi(k.substr(11)) % 2, 1) << k;  // only "late" cards
  EXPECT_FALSE(after.empty());
}

TEST(ExamPlan, PlanViewFromHomeAndFromTheSimulator) {
  Fixture f(30);
  app::Controller c(f.config());
  core::StudyOptions o = c.study_options();
  ASSERT_FALSE(core::set_key_value(o, "exam_date", "2024-06-21").has_value());
  o.exam_retention = 0.95;
  save(c, o);
  c.dispatch(app::Navigate{app::Screen::Plan});
  ASSERT_EQ(c.screen(), app::Screen::Plan);
  c.wait_for_background();
  app::PlanView v = c.plan();
  ASSERT_TRUE(v.has_results) << v.error;
  EXPECT_EQ(v.horizon, "From 2024-06-01 to the exam on 2024-06-21 (21 days).");
  EXPECT_EQ(v.days.size(), 21u);
  EXPECT_EQ(v.days.front().date, "2024-06-01");
  // The plot: a chart per column on one value axis, each day's bar with its date and reviews.
  for (std::size_t column = 0; column < 2; ++column) {
    const app::Chart& chart = v.reviews[column];
    EXPECT_EQ(chart.title, "Reviews per day, " + v.columns[column]);
    EXPECT_EQ(chart.unit, "reviews per day");
    EXPECT_EQ(chart.x_axis, "days from today (day 1 is today)");
    ASSERT_EQ(chart.values.size(), 21u);
    EXPECT_EQ(chart.labels.front(), "day 1");
    EXPECT_EQ(chart.labels.back(), "day 21");
    for (std::size_t d = 0; d < 21; ++d) {
      const int reviews = column == 0 ? v.days[d].a : v.days[d].b;
      EXPECT_EQ(chart.values[d], static_cast<float>(reviews));
      EXPECT_EQ(chart.tips[d].rfind("Day " + std::to_string(d + 1) + ", " + v.days[d].date + ": " +
                                        std::to_string(reviews) + (reviews == 1 ? " review " : " reviews "),
                                    0),
                0u)
          << chart.tips[d];
    }
  }
  EXPECT_EQ(v.reviews[0].top, v.reviews[1].top);
  EXPECT_GE(v.reviews[0].top, *std::max_element(v.reviews[0].values.begin(), v.reviews[0].values.end()));
  EXPECT_EQ(v.columns[0], "Your options");
  EXPECT_EQ(v.columns[1], v.alternatives[0]);
  const auto row = [&](const std::string& label) -> const app::SimulatorView::Row* {
    for (const auto& r : v.rows) {
      if (r.label == label) return &r;
    }
    return nullptr;
  };
  ASSERT_NE(row("Retention on 2024-06-21 (target 95 %)"), nullptr);
  EXPECT_EQ(row("  cards studied by then")->a, "30 of 30");  // the pace: all 30 in 20 days
  EXPECT_EQ(row("  studied cards below the target")->a, "0");
  c.dispatch(app::SetPlanAlternative{1});
  c.wait_for_background();
  v = c.plan();
  EXPECT_EQ(v.columns[1], "Without the exam date");
  EXPECT_EQ(row("  cards studied by then")->b, "30 of 30");  // 20 new a day: done in two days
  c.dispatch(app::Back{});
  EXPECT_EQ(c.screen(), app::Screen::Home);
  c.dispatch(app::Navigate{app::Screen::Simulator});
  c.dispatch(app::Navigate{app::Screen::Plan});
  EXPECT_EQ(c.screen(), app::Screen::Plan);
  c.dispatch(app::Back{});
  EXPECT_EQ(c.screen(), app::Screen::Simulator);
}

TEST(LoadBalancing, NewIntervalsGoToTheQuietestDayAndTheLoadFollowsEachRating) {
  Fixture f(42);
  // Review cards of the bank (q04 ..) due in 6..10 days: 5, 3, 20, 5, 5; q00 .. q03 are new.
  std::vector<core::ReviewRecord> log;
  int k = 4;
  for (const auto& [day, n] : std::vector<std::pair<int, int>>{{6, 5}, {7, 3}, {8, 20}, {9, 5}, {10, 5}}) {
    for (int i = 0; i < n; ++i, ++k) log.push_back(review(key(k), kTestNow - kDay, kTestNow + day * kDay, 30.0));
  }
  f.seed(log);
  app::Controller c(f.config());  // the load is built from these states
  core::StudyOptions o = c.study_options();
  o.learning_steps_minutes = {};  // a new card rated Easy graduates at once: S0(Easy) = 8.2956, 8 days
  o.load_balance = true;
  save(c, o);
  ASSERT_EQ(c.home().new_available, 4);
  std::vector<std::int64_t> days;
  c.dispatch(app::StartSession{});
  while (c.study() != nullptr) {
    const std::string card = c.study()->card.card_key;
    c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
    const std::string easy = c.study()->feedback->intervals[3];
    c.dispatch(app::Rate{core::Rating::Easy});
    storage::Progress p(f.db, storage::Progress::Access::ReadOnly);
    const auto state = p.card_state("alice", card);
    ASSERT_TRUE(state.has_value());
    days.push_back((state->due - kTestNow) / kDay);
    EXPECT_EQ(easy, std::to_string(days.back()) + "d");  // the button showed the balanced day
  }
  // FSRS says 8 days (range 6..10). Day 7 is the quietest (3, then 4); at 5 it ties with days
  // 6, 9 and 10 and, as near to 8 as day 9, is taken for being earlier; then day 9.
  EXPECT_EQ(days, (std::vector<std::int64_t>{7, 7, 7, 9}));
  // Without balancing: the FSRS interval.
  o.load_balance = false;
  save(c, o);
  Fixture g(42);
  g.seed(log);
  app::Controller plain(g.config());
  save(plain, o);
  plain.dispatch(app::StartSession{});
  ASSERT_NE(plain.study(), nullptr);
  plain.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(plain), true)});
  EXPECT_EQ(plain.study()->feedback->intervals[3], "8d");
}
