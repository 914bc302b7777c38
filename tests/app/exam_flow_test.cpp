// Mock exams through app::Controller (issue 11): a bank's preset drawn with its per-topic
// counts, no question twice and the same exam from the same seed; answers kept unmarked and
// saved as they are given; skip and revisit; hand-in asking first when questions are
// unanswered; scoring; the timer handing in on the app's clock; exam answers as reviews, or
// none in a practice run. Real bank (question_banks/), real SQLite file, fixed clock.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "app/controller.hpp"
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

const std::string kArticle = std::string(CASEBOOK_SOURCE_DIR) + "/question_banks/soldatov-2021-russia-cooperation.toml";

struct Fixture : casebook::test::AppFiles {
  std::unique_ptr<app::Controller> c = std::make_unique<app::Controller>(test_config(db, now, {kArticle}));

  /// Opens the exam screen and starts the preset (or a custom exam) with `setup`'s choices.
  void start(app::ExamSetup setup) {
    c->dispatch(app::Navigate{app::Screen::Exam});
    ASSERT_EQ(c->screen(), app::Screen::Exam);
    ASSERT_EQ(c->exam().phase, app::ExamPhase::Setup);
    c->dispatch(app::SetExamSetup{setup});
    c->dispatch(app::StartExam{});
    ASSERT_EQ(c->exam().phase, app::ExamPhase::Taking) << c->exam().message;
  }

  /// Answers the question on screen, right or wrong, after `ms` on it.
  void answer(bool right, core::TimestampMs ms = 5000) {
    *now += ms;
    const core::Question& q = casebook::test::question_for(c->config().bank_paths, c->exam().card.card_key);
    c->dispatch(app::SubmitAnswer{make_answer(q, right)});
  }

  [[nodiscard]] int review_rows() const {
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    return d.execAndGet("SELECT COUNT(*) FROM review_log").getInt();
  }

  [[nodiscard]] std::vector<storage::ExamAttemptRow> attempts() const {
    storage::Progress p(db);
    return p.exam_attempts("alice");
  }
};

app::ExamSetup preset_setup(std::uint64_t seed, bool practice = false) {
  app::ExamSetup s;
  s.preset = 0;
  s.minutes = 30;
  s.pass_mark = 60;
  s.practice = practice;
  s.seed = seed;
  return s;
}

std::vector<std::string> drawn_keys(const storage::ExamAttemptRow& a) {
  std::vector<std::string> keys;
  for (const auto& q : a.questions) keys.push_back(q.card_key);
  return keys;
}

}  // namespace

TEST(ExamFlow, ThePresetDrawsItsCountPerTopicWithNoRepeatsTheSameFromTheSameSeed) {
  Fixture f;
  f.c->dispatch(app::Navigate{app::Screen::Exam});
  const app::ExamView& v = f.c->exam();
  ASSERT_EQ(v.presets.size(), 1u);
  EXPECT_EQ(v.presets[0].preset_id, "mock-paper");
  EXPECT_EQ(v.presets[0].line, "20 questions · 30 min · pass 60 % · marked at the end");
  EXPECT_EQ(v.setup.preset, 0);
  EXPECT_EQ(v.setup.minutes, 30);
  EXPECT_EQ(v.setup.pass_mark, 60);
  f.c->dispatch(app::GoHome{});
  f.start(preset_setup(42));
  EXPECT_EQ(f.c->exam().total, 20);
  EXPECT_EQ(f.c->exam().current, 0);
  EXPECT_EQ(f.c->exam().unanswered, 20);
  EXPECT_EQ(f.c->exam().time_left, "30:00");

  // Stored before the first question shows: the attempt and its 20 questions.
  const auto stored = f.attempts();
  ASSERT_EQ(stored.size(), 1u);
  const storage::ExamAttemptRow& a = stored[0];
  EXPECT_EQ(a.preset, "soldatov-2021-russia-cooperation/mock-paper");
  EXPECT_EQ(a.seed, 42u);
  EXPECT_FALSE(a.result.has_value());
  const std::vector<std::string> keys = drawn_keys(a);
  EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), 20u);  // no repeats
  std::map<std::string, int> per_topic;
  for (const auto& q : a.questions) ++per_topic[q.topic];
  EXPECT_EQ(per_topic, (std::map<std::string, int>{{"colonial-pipeline", 1},
                                                   {"early-cooperation", 2},
                                                   {"election-2016", 3},
                                                   {"fsb-strategy", 2},
                                                   {"germany-2021", 2},
                                                   {"hacker-generation", 1},
                                                   {"litvinenko", 1},
                                                   {"lurk", 3},
                                                   {"naming-shaming", 2},
                                                   {"sochi", 1},
                                                   {"world-cup-incident-centre", 2}}));
  // Every question drawn has the topic it counts for, and no dilemma is drawn.
  for (const auto& q : a.questions) {
    const core::Question& question = casebook::test::question_for({kArticle}, q.card_key);
    EXPECT_NE(std::find(question.topics.begin(), question.topics.end(), q.topic), question.topics.end()) << q.card_key;
    EXPECT_NE(question.type, core::QuestionType::Dilemma) << q.card_key;
  }

  // The same seed on another progress file: the same exam in the same order; another seed: not.
  Fixture g;
  g.start(preset_setup(42));
  EXPECT_EQ(drawn_keys(g.attempts()[0]), keys);
  Fixture h;
  h.start(preset_setup(43));
  EXPECT_NE(drawn_keys(h.attempts()[0]), keys);
}

TEST(ExamFlow, AnswersAreSavedAsGivenUnmarkedAndHandInScoresAndMakesReviews) {
  Fixture f;
  f.start(preset_setup(7));
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(f.c->exam().current, i);
    f.answer(i < 15);
    EXPECT_FALSE(f.c->exam().feedback.has_value());  // marked at the end: no verdict yet
  }
  EXPECT_EQ(f.c->exam().unanswered, 0);
  // Saved as they were given: a crash now would lose none (no review rows yet).
  auto stored = f.attempts();
  ASSERT_EQ(stored[0].answers.size(), 20u);
  EXPECT_FALSE(stored[0].result.has_value());
  EXPECT_EQ(f.review_rows(), 0);

  *f.now += 1000;
  f.c->dispatch(app::HandInExam{});
  const app::ExamView& v = f.c->exam();
  ASSERT_EQ(v.phase, app::ExamPhase::Result) << v.message;
  EXPECT_EQ(v.correct, 15);
  EXPECT_EQ(v.percent, 75);
  EXPECT_TRUE(v.passed);
  EXPECT_EQ(v.score_line, "15 of 20 (75 %) — passed (pass mark 60 %)");
  EXPECT_EQ(v.time_taken, "1 min 41 s");  // 20 x 5 s + 1 s
  ASSERT_EQ(v.questions.size(), 20u);
  EXPECT_TRUE(v.questions[0].correct);
  EXPECT_FALSE(v.questions[19].correct);
  EXPECT_FALSE(v.questions[19].expected.empty());
  EXPECT_FALSE(v.questions[19].explanation.empty());
  EXPECT_FALSE(v.questions[19].source.empty());
  int topic_total = 0;
  for (const std::string& line : v.topic_lines) topic_total += std::stoi(line.substr(line.rfind(' ') + 1));
  EXPECT_EQ(topic_total, 20);

  // Durable: the result and one review per answer (right: Good, wrong: Again), linked.
  stored = f.attempts();
  ASSERT_TRUE(stored[0].result.has_value());
  EXPECT_EQ(stored[0].result->correct, 15);
  EXPECT_EQ(stored[0].result->percent, 75);
  EXPECT_TRUE(stored[0].result->passed);
  EXPECT_FALSE(stored[0].result->timed_out);
  EXPECT_EQ(stored[0].result->finished_at, kTestNow + 101'000);
  EXPECT_EQ(f.review_rows(), 20);
  storage::Progress p(f.db);
  for (const auto& a : stored[0].answers) {
    ASSERT_TRUE(a.review_id.has_value());
    const auto log = p.card_review_log("alice", stored[0].questions[static_cast<std::size_t>(a.position)].card_key);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].rating, a.position < 15 ? core::Rating::Good : core::Rating::Again);
    EXPECT_EQ(log[0].response_ms, 5000);
    EXPECT_EQ(log[0].bank_version, "2.3.0") << "the bank's [bank] version";
  }
  // The scheduler saw them: the cards are no longer new on Home.
  f.c->dispatch(app::Back{});
  EXPECT_EQ(f.c->screen(), app::Screen::Home);
}

TEST(ExamFlow, APracticeRunStoresTheAttemptButLeavesTheScheduleAlone) {
  Fixture f;
  f.start(preset_setup(7, true));
  for (int i = 0; i < 20; ++i) f.answer(i % 2 == 0);
  f.c->dispatch(app::HandInExam{});
  ASSERT_EQ(f.c->exam().phase, app::ExamPhase::Result);
  EXPECT_EQ(f.c->exam().correct, 10);
  EXPECT_FALSE(f.c->exam().passed);  // 50 % < 60 %
  EXPECT_EQ(f.review_rows(), 0);
  const auto stored = f.attempts();
  ASSERT_TRUE(stored[0].practice);
  ASSERT_TRUE(stored[0].result.has_value());
  EXPECT_EQ(stored[0].result->correct, 10);
  for (const auto& a : stored[0].answers) EXPECT_FALSE(a.review_id.has_value());
}

TEST(ExamFlow, SkipAndRevisitThenHandInAsksWhileQuestionsAreUnanswered) {
  Fixture f;
  f.start(preset_setup(9));
  f.answer(true);                                  // 1
  EXPECT_EQ(f.c->exam().current, 1);
  f.c->dispatch(app::SkipExamQuestion{});          // 2 skipped
  EXPECT_EQ(f.c->exam().current, 2);
  f.answer(false);                                 // 3
  EXPECT_EQ(f.c->exam().current, 3);
  EXPECT_EQ(f.c->exam().unanswered, 18);
  EXPECT_FALSE(f.c->exam().list[1].answered);
  EXPECT_TRUE(f.c->exam().list[2].answered);
  f.c->dispatch(app::GoToExamQuestion{0});         // revisit 1: its answer is kept and shown
  EXPECT_EQ(f.c->exam().current, 0);
  EXPECT_FALSE(f.c->exam().given.empty());
  f.answer(false);                                 // ... and changed
  EXPECT_EQ(f.c->exam().current, 1);               // the next unanswered one: the skipped 2
  f.answer(true);
  EXPECT_EQ(f.c->exam().current, 3);

  f.c->dispatch(app::HandInExam{});                // 17 unanswered: it asks
  EXPECT_EQ(f.c->exam().phase, app::ExamPhase::Taking);
  EXPECT_TRUE(f.c->exam().confirm_hand_in);
  f.c->dispatch(app::CancelHandIn{});
  EXPECT_FALSE(f.c->exam().confirm_hand_in);
  f.c->dispatch(app::Back{});                      // Back while answering asks too
  EXPECT_TRUE(f.c->exam().confirm_hand_in);
  EXPECT_EQ(f.c->screen(), app::Screen::Exam);
  f.c->dispatch(app::HandInExam{true});
  ASSERT_EQ(f.c->exam().phase, app::ExamPhase::Result);
  EXPECT_EQ(f.c->exam().correct, 1);               // 1 changed to wrong, 2 right, 3 wrong
  EXPECT_EQ(f.c->exam().score_line, "1 of 20 (5 %) — not passed (pass mark 60 %)");
  EXPECT_EQ(f.c->exam().questions[4].given, "(not answered)");
  const auto stored = f.attempts();
  EXPECT_EQ(stored[0].answers.size(), 20u);
  EXPECT_EQ(f.review_rows(), 3);                   // unanswered questions make no review
}

TEST(ExamFlow, TheTimerHandsInWhenTimeIsUp) {
  Fixture f;
  app::ExamSetup s = preset_setup(5);
  f.start(s);
  f.c->dispatch(app::Back{});
  f.c->dispatch(app::CancelHandIn{});
  f.answer(true, 60'000);
  f.c->poll();
  EXPECT_EQ(f.c->exam().time_left, "29:00");
  *f.now += 29 * 60'000 - 1;
  f.c->poll();
  EXPECT_EQ(f.c->exam().phase, app::ExamPhase::Taking);
  EXPECT_EQ(f.c->exam().time_left, "0:01");
  *f.now += 5'000;  // the clock is read a little after the limit
  EXPECT_TRUE(f.c->poll());
  ASSERT_EQ(f.c->exam().phase, app::ExamPhase::Result);
  EXPECT_TRUE(f.c->exam().timed_out);
  EXPECT_EQ(f.c->exam().time_taken, "30 min 00 s (time was up)");
  const auto stored = f.attempts();
  ASSERT_TRUE(stored[0].result.has_value());
  EXPECT_TRUE(stored[0].result->timed_out);
  EXPECT_EQ(stored[0].result->finished_at, kTestNow + 30 * 60'000);
  EXPECT_EQ(stored[0].result->correct, 1);
  EXPECT_EQ(f.review_rows(), 1);
}

TEST(ExamFlow, MarkedAfterEachAnswerShowsTheVerdictAndKeepsTheAnswer) {
  Fixture f;
  app::ExamSetup s = preset_setup(11);
  s.mark_each = true;
  f.start(s);
  f.answer(false);
  EXPECT_EQ(f.c->exam().current, 0);  // stays, with its verdict
  ASSERT_TRUE(f.c->exam().feedback.has_value());
  EXPECT_FALSE(f.c->exam().feedback->grade.correct);
  EXPECT_EQ(f.c->exam().list[0].correct, std::optional<bool>(false));
  f.answer(true);  // final: ignored
  EXPECT_FALSE(f.c->exam().feedback->grade.correct);
  f.c->dispatch(app::GoToExamQuestion{1});
  EXPECT_FALSE(f.c->exam().feedback.has_value());
}

TEST(ExamFlow, ACustomExamSpreadsItsCountOverTheTopicsOfTheChosenBanks) {
  Fixture f;
  app::ExamSetup s;
  s.preset = -1;
  s.count = 12;
  s.minutes = 0;
  s.pass_mark = 50;
  s.seed = 3;
  f.start(s);
  EXPECT_EQ(f.c->exam().total, 12);
  EXPECT_TRUE(f.c->exam().time_left.empty());  // no time limit
  const auto stored = f.attempts();
  EXPECT_EQ(stored[0].preset, "");
  EXPECT_EQ(stored[0].title, "Mock exam");
  EXPECT_EQ(stored[0].time_limit_ms, 0);
  const std::vector<std::string> keys = drawn_keys(stored[0]);
  EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), 12u);
}

TEST(ExamFlow, AnInterruptedExamKeepsEveryAnswerGiven) {
  Fixture f;
  f.start(preset_setup(13));
  f.answer(true);
  f.answer(false);
  f.c.reset();  // the app is closed (or killed) mid-exam
  const auto stored = f.attempts();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_FALSE(stored[0].result.has_value());
  ASSERT_EQ(stored[0].answers.size(), 2u);
  EXPECT_TRUE(stored[0].answers[0].correct);
  EXPECT_FALSE(stored[0].answers[1].correct);
  EXPECT_EQ(f.review_rows(), 0);
}

TEST(ExamFlow, APresetWithDilemmasHasThemSelfAssessedAfterHandIn) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  std::ifstream in(casebook::test::small_bank_path());
  std::stringstream text;
  text << in.rdbuf();
  std::string bank = text.str();
  const std::string id = "id = \"q8-dilemma\"\n";
  bank.replace(bank.find(id), id.size(), id + "topics = [\"basics\"]\n");
  bank += "\n[[exam]]\nid = \"with-dilemma\"\ntitle = \"With a dilemma\"\nquestions = { basics = 2 }\nminutes = 5\n"
          "pass_mark = 100\ndilemmas = true\n";
  const std::string path = dir.file("bank.toml");
  std::ofstream(path) << bank;
  const std::string db = dir.file("progress.sqlite3");
  app::Controller c(test_config(db, now, {path}));
  c.dispatch(app::Navigate{app::Screen::Exam});
  ASSERT_EQ(c.exam().presets.size(), 1u);
  EXPECT_EQ(c.exam().presets[0].line, "2 questions · 5 min · pass 100 % · marked at the end · dilemmas (self-assessed)");
  c.dispatch(app::StartExam{});
  ASSERT_EQ(c.exam().phase, app::ExamPhase::Taking) << c.exam().message;
  int dilemma = -1;
  for (int i = 0; i < 2; ++i) {
    const core::Question& q = casebook::test::question_for({path}, c.exam().card.card_key);
    if (q.type == core::QuestionType::Dilemma) dilemma = i;
    *now += 1000;
    c.dispatch(app::SubmitAnswer{make_answer(q, q.type != core::QuestionType::Dilemma)});  // the dilemma: nothing ticked
  }
  ASSERT_GE(dilemma, 0);
  c.dispatch(app::HandInExam{});
  // Self-assessment: the dilemma with its model answer and rubric; the clock has stopped.
  ASSERT_EQ(c.exam().phase, app::ExamPhase::Taking);
  EXPECT_EQ(c.exam().assessing, dilemma);
  EXPECT_EQ(c.exam().card.card_key, "test-small/q8-dilemma");
  ASSERT_TRUE(c.exam().feedback.has_value());
  EXPECT_EQ(c.exam().feedback->verdict, "Self-assessment: 0 of 3 rubric lines met");
  *now += 10 * 60'000;  // past the 5 minutes: no hand-in by the timer now
  EXPECT_FALSE(c.poll());
  EXPECT_EQ(c.exam().assessing, dilemma);
  c.dispatch(app::SetRubric{0, true});
  c.dispatch(app::SetRubric{2, true});
  EXPECT_EQ(c.exam().feedback->verdict, "Self-assessment: 2 of 3 rubric lines met");
  c.dispatch(app::HandInExam{true});
  ASSERT_EQ(c.exam().phase, app::ExamPhase::Result) << c.exam().message;
  EXPECT_EQ(c.exam().correct, 2);  // at least half the rubric met: right
  EXPECT_TRUE(c.exam().passed);
  EXPECT_FALSE(c.exam().timed_out);
  EXPECT_EQ(c.exam().time_taken, "0 min 02 s");  // handed in after 2 s; assessing takes no exam time
  storage::Progress p(db);
  const auto stored = p.exam_attempts("alice");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_TRUE(stored[0].answers[static_cast<std::size_t>(dilemma)].correct);
  const auto log = p.card_review_log("alice", "test-small/q8-dilemma");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].rating, core::Rating::Good);
}
