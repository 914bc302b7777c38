// Report test fixtures (see fixture.hpp).
#include "fixture.hpp"

#include <gtest/gtest.h>

#include "core/answer_key.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

namespace casebook::report::testing {

using core::CardSchedule;
using core::CardState;
using core::Rating;
using core::ReviewRecord;
using core::TimestampMs;

CardSchedule schedule(CardState state, double stability, double difficulty, TimestampMs due,
                      std::optional<TimestampMs> last, std::int64_t days, int steps, int reps, int lapses) {
  CardSchedule s;
  s.state = state;
  s.stability = stability;
  s.difficulty = difficulty;
  s.due = due;
  s.last_review = last;
  s.scheduled_days = days;
  s.learning_steps = steps;
  s.reps = reps;
  s.lapses = lapses;
  return s;
}

report::CardEntry card(const std::string& bank, const std::string& question, const std::string& title,
                       const std::string& prompt, const std::string& type, CardSchedule s, double r) {
  report::CardEntry c;
  c.card_key = bank + "/" + question;
  c.bank_id = bank;
  c.question_id = question;
  c.bank_title = title;
  c.prompt = prompt;
  c.question_type = type;
  c.schedule = s;
  c.retrievability = r;
  return c;
}

ReviewRecord review(std::int64_t id, const std::string& key, TimestampMs at, Rating rating, bool correct,
                    const std::string& answer, std::int64_t response_ms, CardSchedule before,
                    CardSchedule after) {
  ReviewRecord r;
  r.id = id;
  r.learner = "Zoë \"O'Brien\" " + kScript;
  r.card_key = key;
  r.reviewed_at = at;
  r.rating = rating;
  r.correct = correct;
  r.answer = answer;
  r.response_ms = response_ms;
  r.before = before;
  r.after = after;
  return r;
}

/// The fixed input behind every golden file.
report::ReportInput fixed_input() {
  report::ReportInput in;
  in.learner = "Zoë \"O'Brien\" " + kScript;
  in.generated_at = kNow;
  in.time_zone = "Europe/Berlin";
  const CardSchedule fresh{};
  in.cards = {
      card("soldatov-2021", "lurk-arrests-year", "Soldatov 2021: Russia & cooperation",
           "In which year did Russian police detain about 50 suspects of the Lurk group?", "numeric",
           schedule(CardState::Review, 12.5, 5.123456789, kNow - kHour, kNow - 12 * kDay, 12, 0, 4, 1),
           0.876543219),
      card("hostile", "script", "Bank \"A\" & <B>", kHostilePrompt, "single_choice",
           schedule(CardState::Learning, 0.4, 6.5, kNow + 10 * 60'000, kNow - 50 * 60'000, 0, 1, 1, 0),
           0.95),
      card("hostile", "formula", "Bank \"A\" & <B>", kHyperlink, "short_text",
           schedule(CardState::Relearning, 1.75, 8.25, kNow - 2 * kHour, kNow - kDay, 0, 0, 9, 3), 0.5),
      card("ru-bank", "vedomstvo", "Русский банк", kCyrillic, "single_choice", fresh, 0.0),
      card("rtl", "group-name", "בנק", kRtl, "short_text",
           schedule(CardState::Review, 30.0, 3.0, kNow + 20 * kDay, kNow - 10 * kDay, 30, 0, 5, 0), 0.9731),
  };
  const CardSchedule s0 = schedule(CardState::New, 0, 0, kNow - 3 * kDay, std::nullopt, 0, 0, 0, 0);
  const CardSchedule s1 = schedule(CardState::Learning, 2.3065, 2.11810397, kNow - 3 * kDay + 600'000,
                                   kNow - 3 * kDay, 0, 1, 1, 0);
  in.reviews = {
      review(1, "soldatov-2021/lurk-arrests-year", kNow - 3 * kDay, Rating::Good, true, "2016", 4200, s0, s1),
      review(2, "hostile/formula", kNow - 2 * kDay, Rating::Again, false, "-1+1", 1234, s1,
             schedule(CardState::Relearning, 1.75, 8.25, kNow - 2 * kDay + 600'000, kNow - 2 * kDay, 0, 0, 9, 3)),
      review(3, "hostile/script", kNow - kDay, Rating::Hard, false, "@SUM(A1:A9)\t<img src=x onerror=alert(1)>",
             987654, s0, s1),
      review(4, "ru-bank/vedomstvo", kNow - 2 * kHour, Rating::Easy, true, "ФСБ и МВД, \"вместе\"\r\nвторая строка 🎯",
             0, s0, s1),
      review(5, "rtl/group-name", kNow - 90 * 60'000, Rating::Good, true, "", 15000, s0, s1),
      review(6, "hostile/formula", kNow - kHour, Rating::Good, true, "\tstarts with a tab", 250, s1, s1),
  };
  return in;
}

std::string read_file(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Compares `actual` with tests/report/golden/<name>; CASEBOOK_UPDATE_GOLDEN=1 rewrites it.
void expect_golden(const std::string& name, const std::string& actual) {
  const std::filesystem::path path = std::filesystem::path(CASEBOOK_TEST_DATA) / "golden" / name;
  const char* update = std::getenv("CASEBOOK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << actual;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing; run with CASEBOOK_UPDATE_GOLDEN=1 to create it";
  const std::string expected = read_file(path.string());
  if (expected != actual) {
    const auto mismatch = std::mismatch(expected.begin(), expected.end(), actual.begin(), actual.end());
    const auto at = static_cast<std::size_t>(mismatch.first - expected.begin());
    ADD_FAILURE() << name << " differs from the golden file at byte " << at << ":\n  golden: "
                  << expected.substr(at, 80) << "\n  actual: " << actual.substr(at, 80)
                  << "\n(if the change is intended, rerun with CASEBOOK_UPDATE_GOLDEN=1 and review the diff)";
  }
}

ReportInput rich_input() {
  ReportInput in = fixed_input();
  in.rollover_hour = 4;
  in.cards[0].topics = {"Cooperation", "Cybercrime"};
  in.cards[0].language = "en";
  in.cards[1].topics = {"<b>Hostile</b> & \"topic\""};
  in.cards[2].topics = {"<b>Hostile</b> & \"topic\""};
  in.cards[3].topics = {"Cybercrime"};
  in.cards[3].language = "ru";
  in.cards[4].language = "he";
  // A card whose question is no longer in any bank, lapsed often enough to be a leech.
  CardEntry gone = card("old-bank", "gone", "", "", "", 
                        schedule(CardState::Review, 3.0, 9.5, kNow + 2 * kDay, kNow - 5 * kDay, 3, 0, 20, 9), 0.7);
  gone.retired = true;
  in.cards.push_back(gone);
  // Reviews of cards in Review state: young (interval 12 days) and mature (interval 30 days).
  const CardSchedule young = schedule(CardState::Review, 12.5, 5.1, kNow - 40 * kDay, kNow - 52 * kDay, 12, 0, 3, 0);
  const CardSchedule mature = schedule(CardState::Review, 30.0, 3.0, kNow - 20 * kDay, kNow - 50 * kDay, 30, 0, 4, 0);
  std::vector<ReviewRecord> older = {
      review(7, "old-bank/gone", kNow - 40 * kDay, Rating::Again, false, "no idea", 61000, young, young),
      review(8, "soldatov-2021/lurk-arrests-year", kNow - 20 * kDay, Rating::Good, true, "2016", 90000, mature, mature),
      review(9, "rtl/group-name", kNow - 6 * kDay, Rating::Hard, true, "لورك", 30000, young, mature),
      review(10, "old-bank/gone", kNow - 5 * kDay, Rating::Again, false, "=1+1", 45000, mature, young),
  };
  older.insert(older.end(), in.reviews.begin(), in.reviews.end());
  in.reviews = older;
  // Reviews today of a mature and a young card (12:30 local time, after the 04:00 rollover).
  in.reviews.push_back(review(11, "rtl/group-name", kNow - 30 * 60'000, Rating::Easy, true, "Lurk 🎯", 5000, mature, mature));
  in.reviews.push_back(review(12, "soldatov-2021/lurk-arrests-year", kNow - 20 * 60'000, Rating::Again, false, "2015", 7000, young, young));
  // Today's answers were given against the bank's current versions (earlier ones: unknown).
  in.reviews[in.reviews.size() - 2].bank_version = "";  // rtl has no version
  in.reviews.back().bank_version = "1.2.0";
  // A review taken back by an undo a minute after it was made (not in the log above).
  in.voided = {{in.learner, "rtl/group-name", kNow - 40 * 60'000, kNow - 39 * 60'000}};
  // Card events: a flag with a note, a problem report with a hostile comment, a suspension.
  in.card_events = {{"soldatov-2021/lurk-arrests-year", kNow - 3 * kDay, "flag", 1, "check the year"},
                    {"rtl/group-name", kNow - 2 * kDay, "report", 0, "The answer <b>is</b> spelt two ways & both count?"},
                    {"hostile/script", kNow - kDay, "suspend", 0, ""}};
  // Mock exams: one passed, one failed practice run (timed out), one not handed in.
  ExamEntry passed;
  passed.started_at = kNow - 4 * kDay;
  passed.finished_at = kNow - 4 * kDay + 12 * 60'000 + 5'000;
  passed.title = "Mock exam: <b>Lurk</b> & co";
  passed.preset = "soldatov-2021/final";
  passed.questions = 10;
  passed.correct = 8;
  passed.percent = 80;
  passed.pass_mark = 70;
  passed.passed = true;
  passed.time_limit_ms = 30 * 60'000;
  ExamEntry practice = passed;
  practice.started_at = kNow - 2 * kDay;
  practice.finished_at = kNow - 2 * kDay + 30 * 60'000;
  practice.title = "Custom exam";
  practice.preset = "";
  practice.questions = 4;
  practice.correct = 1;
  practice.percent = 25;
  practice.pass_mark = 50;
  practice.passed = false;
  practice.timed_out = true;
  practice.practice = true;
  ExamEntry interrupted = passed;
  interrupted.started_at = kNow - 3 * kHour;
  interrupted.finished_at.reset();
  interrupted.correct = 0;
  interrupted.percent = 0;
  interrupted.passed = false;
  in.exams = {passed, practice, interrupted};
  // The banks (with versions), the answer key, a suspended card and a card not started yet.
  in.banks = {{"hostile", "Bank \"A\" & <B>", "0.9-beta", "en"},
              {"rtl", "בנק", "", "he"},
              {"ru-bank", "Русский банк", "2.0.0", "ru"},
              {"soldatov-2021", "Soldatov 2021: Russia & cooperation", "1.2.0", "en"}};
  in.cards[0].correct_answer = "2016";
  // Its answer key changed after the wrong answer of review 12 (recorded with another key).
  core::Question lurk;
  lurk.id = "lurk-arrests-year";
  lurk.type = core::QuestionType::Numeric;
  lurk.prompt = in.cards[0].prompt;
  lurk.value = 2016;
  in.cards[0].question = std::make_shared<const core::Question>(lurk);
  for (auto& r : in.reviews) {
    if (r.id == 12) r.answer_key = core::answer_key_fingerprint(lurk).replace(0, 4, "5eed");  // another key
    if (r.id == 8) r.answer_key = core::answer_key_fingerprint(lurk);  // the same key
  }
  in.cards[1].correct_answer = "<b>the right one</b>";
  in.cards[2].suspended = true;
  CardEntry fresh = card("soldatov-2021", "not-yet", "Soldatov 2021: Russia & cooperation", "A question not studied yet?",
                         "true_false", schedule(CardState::New, 0, 0, kNow, std::nullopt, 0, 0, 0, 0), 0.0);
  fresh.topics = {"Cooperation"};
  fresh.language = "en";
  fresh.correct_answer = "true";
  in.cards.push_back(fresh);
  // A backlog spread made six days ago: 5 cards (4 overdue) over 3 days, new cards paused.
  core::BacklogSpread spread;
  spread.created_at = kNow - 6 * kDay;
  spread.first_day = core::study_day(kNow - 6 * kDay, core::DayClock{in.time_zone, in.rollover_hour});
  spread.days = 3;
  spread.overdue = 4;
  spread.pause_new = true;
  spread.cards = {{"old-bank/gone", 0}, {"rtl/group-name", 0}, {"soldatov-2021/lurk-arrests-year", 1},
                  {"a/b", 1}, {"a/c", 2}};
  in.backlog_spreads.push_back(spread);
  return in;
}

ReportInput edge_input() {
  ReportInput in;
  in.learner = "_x0041_";
  in.generated_at = kNow;
  const CardSchedule s = schedule(CardState::Learning, 1.0, 5.0, kNow, kNow - kHour, 0, 1, 1, 0);
  in.cards = {card("edge", "escape", "_x0041_ bank", "_x0041_ and _X00e9_ stay as typed, as do _x4_ and _x00041_",
                   "short_answer", s, 0.9),
              card("edge", "long", "Edge", "A long answer", "short_answer", s, 0.9)};
  std::string long_answer;
  for (int i = 0; i < 40'000; ++i) long_answer += "\u0434";  // д, two bytes: 80,000 bytes
  in.reviews = {review(1, "edge/escape", kNow - kHour, Rating::Good, true, "_x0041_", 1000, s, s),
                review(2, "edge/long", kNow - kHour + 1, Rating::Good, true, long_answer, 1000, s, s)};
  return in;
}

ReportInput typed_input() {
  ReportInput in;
  in.learner = "ann";
  in.generated_at = kNow;
  in.time_zone = "UTC";
  in.banks = {{"types", "Every question type", "3.1.0", "en-GB"}};
  const auto add = [&](core::Question q, const std::string& answer, bool correct) {
    q.prompt = "Question " + q.id;
    CardEntry c = card("types", q.id, "Every question type", q.prompt, core::to_string(q.type),
                       schedule(CardState::Learning, 1.0, 5.0, kNow + kHour, kNow - kHour, 0, 1, 1, 0), 0.97);
    c.language = "en-GB";
    c.question = std::make_shared<const core::Question>(q);
    in.reviews.push_back(review(static_cast<std::int64_t>(in.reviews.size() + 1), c.card_key,
                                kNow - kHour + static_cast<std::int64_t>(in.reviews.size()) * 60'000,
                                correct ? Rating::Good : Rating::Again, correct, answer, 3000,
                                schedule(CardState::New, 0, 0, kNow - kDay, std::nullopt, 0, 0, 0, 0), c.schedule));
    in.reviews.back().learner = "ann";
    in.cards.push_back(std::move(c));
  };
  core::Question single;
  single.id = "single";
  single.type = core::QuestionType::SingleChoice;
  single.choices = {{"FSB", false}, {"MVD", true}, {"Line\nbreak", false}};
  add(single, "Line break", false);
  core::Question multi = single;
  multi.id = "multi";
  multi.type = core::QuestionType::MultipleResponse;
  multi.choices = {{"A", true}, {"B", false}, {"C", true}};
  add(multi, "A; C", true);
  core::Question tf;
  tf.id = "tf";
  tf.type = core::QuestionType::TrueFalse;
  tf.truth = false;
  add(tf, "true", false);
  core::Question text;
  text.id = "text";
  text.type = core::QuestionType::ShortAnswer;
  text.accepted = {"Lurk", "the Lurk group"};
  add(text, "lurk", true);
  core::Question number;
  number.id = "number";
  number.type = core::QuestionType::Numeric;
  number.value = 50;
  number.tolerance = 5;
  add(number, "48", true);
  core::Question order;
  order.id = "order";
  order.type = core::QuestionType::Ordering;
  order.items = {"First", "Second", "Third"};
  add(order, "Second \u2192 First \u2192 Third", false);
  core::Question match;
  match.id = "match";
  match.type = core::QuestionType::Matching;
  match.pairs = {{"FSB", "Russia"}, {"FBI", "USA"}};
  add(match, "FSB \u2192 Russia; FBI \u2192 USA", true);
  core::Question dilemma;
  dilemma.id = "dilemma";
  dilemma.type = core::QuestionType::Dilemma;
  dilemma.positions = {{"cooperate", "Cooperate", {}}, {"refuse", "Refuse", {}}};
  dilemma.rubric = {"Names the law", "Weighs the risk"};
  add(dilemma, "position: Refuse; rubric 1/2 met; justification: too risky", true);
  return in;
}

}  // namespace casebook::report::testing
