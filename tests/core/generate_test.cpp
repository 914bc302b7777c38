// Question generators (core/generate.hpp) and fact dates (core/facts.hpp): every generator's
// output on a small bank of facts (prompts and explanations word for word), determinism, the
// distractor rules, equal dates kept apart, titles that name an actor (surnames too),
// citations at the end of a figure, colliding ids, shortfall warnings, unused facts, and ids
// that survive an edit adding, removing and reordering facts.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "core/facts.hpp"
#include "core/generate.hpp"
#include "generate_fixture.hpp"

namespace core = casebook::core;
using namespace casebook::test::generate;

TEST(FactDate, ParsesTheThreePrecisionsAndRefusesUnrealDates) {
  EXPECT_EQ(core::parse_fact_date("2016"), (core::FactDate{2016, 0, 0, core::DatePrecision::Year}));
  EXPECT_EQ(core::parse_fact_date("2016-05"), (core::FactDate{2016, 5, 0, core::DatePrecision::Month}));
  EXPECT_EQ(core::parse_fact_date("2016-02-29"), (core::FactDate{2016, 2, 29, core::DatePrecision::Day}));
  for (const char* bad : {"2016-13", "2016-00", "2015-02-29", "2016-04-31", "2016-5", "16", "0000", "2016-05-",
                          "2016/05", "2016-05-01T00", "", "abcd"}) {
    EXPECT_FALSE(core::parse_fact_date(bad).has_value()) << bad;
  }
  EXPECT_EQ(core::to_iso(date("2016-05-07")), "2016-05-07");
  EXPECT_EQ(core::to_display(date("2016-05-07")), "7 May 2016");
  EXPECT_EQ(core::to_display(date("2016-05")), "May 2016");
  EXPECT_EQ(core::to_display(date("2016")), "2016");
}

TEST(FactDate, ComparesAtTheCoarserPrecision) {
  EXPECT_EQ(core::compare_dates(date("2016"), date("2016-05")), 0);
  EXPECT_EQ(core::compare_dates(date("2016-05"), date("2016-05-30")), 0);
  EXPECT_LT(core::compare_dates(date("2016-04-30"), date("2016-05")), 0);
  EXPECT_GT(core::compare_dates(date("2017"), date("2016-12-31")), 0);
  EXPECT_EQ(core::months_between(date("2015-11"), date("2016-02")), 3);
}

TEST(PairScore, IsPositiveAndScalesWithThePenalty) {
  // The FNV-1a vectors behind it are in hash_test.cpp.
  EXPECT_GT(core::pair_score("a", "b"), 0.0);
  EXPECT_DOUBLE_EQ(core::pair_score("a", "b", 3.0), 3.0 * core::pair_score("a", "b"));
}

TEST(Generate, EveryGeneratorMakesQuestionsWithIdsFromFactIds) {
  const core::Bank b = sample_bank();
  const auto r = core::generate_questions(b);
  std::map<std::string, std::size_t> per;
  for (const auto& q : r.questions) {
    ++per[q.generator];
    EXPECT_EQ(q.id.rfind("gen." + q.generator + ".", 0), 0u) << q.id;
    std::string expected = "gen." + q.generator;
    for (const auto& f : q.fact_ids) expected += "." + f;
    EXPECT_EQ(q.id, expected);
    EXPECT_FALSE(q.prompt.empty());
    EXPECT_FALSE(q.explanation.empty()) << q.id;
    EXPECT_EQ(q.source.source_id, "src");
    EXPECT_FALSE(q.source.paragraphs.empty());
    EXPECT_GT(q.pos.line, 0);
  }
  EXPECT_EQ(per["event_date"], 8u);
  EXPECT_GE(per["event_order"], 2u);
  EXPECT_GE(per["event_first"], 4u);
  EXPECT_GE(per["actor_match"], 2u);
  EXPECT_EQ(per["event_actor"], 7u);  // the seven roles
  // Each term is asked one way: by a stable hash of its id.
  EXPECT_EQ(per["term_definition"] + per["definition_term"], 5u);
  EXPECT_GE(per["term_definition"], 1u);
  EXPECT_GE(per["definition_term"], 1u);
  EXPECT_EQ(per["figure_value"], 2u);
  std::set<std::string> ids;
  for (const auto& q : r.questions) EXPECT_TRUE(ids.insert(q.id).second) << "duplicate " << q.id;
  // Every fact is used by some question: no unused-fact warning, and no other warning.
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().message;
}

TEST(Generate, IsDeterministic) {
  const auto a = core::generate_questions(sample_bank());
  const auto b = core::generate_questions(sample_bank());
  ASSERT_EQ(a.questions.size(), b.questions.size());
  for (std::size_t i = 0; i < a.questions.size(); ++i) EXPECT_EQ(content(a.questions[i]), content(b.questions[i]));
}

TEST(Generate, EventDateOffersPlausibleDatesAtTheEventsPrecision) {
  const core::Bank b = sample_bank();
  const auto r = core::generate_questions(b);
  for (const core::Question* q : of(r, "event_date")) {
    SCOPED_TRACE(q->id);
    const core::Event* e = find_event(b, q->fact_ids.at(0));
    ASSERT_NE(e, nullptr);
    ASSERT_EQ(q->choices.size(), 4u);
    ASSERT_EQ(correct_count(*q), 1u);
    std::set<std::string> texts;
    for (const auto& c : q->choices) {
      EXPECT_TRUE(texts.insert(c.text).second) << "repeated " << c.text;
      if (c.correct) {
        EXPECT_EQ(c.text, core::to_display(e->date));
      }
    }
    if (e->date.precision == core::DatePrecision::Year) {
      EXPECT_EQ(q->prompt, "In which year did this happen: " + e->title + "?");
      for (const auto& c : q->choices) {
        const int y = std::stoi(c.text);
        EXPECT_NE(c.correct, y != e->date.year);
        EXPECT_LE(std::abs(y - e->date.year), 5) << c.text;  // near the true year
      }
    } else if (e->date.precision == core::DatePrecision::Month) {
      EXPECT_EQ(q->prompt, "In which month and year did this happen: " + e->title + "?");
      for (const auto& c : q->choices) EXPECT_EQ(std::count(c.text.begin(), c.text.end(), ' '), 1) << c.text;
    } else {
      EXPECT_EQ(q->prompt, "On which date did this happen: " + e->title + "?");
      for (const auto& c : q->choices) EXPECT_EQ(std::count(c.text.begin(), c.text.end(), ' '), 2) << c.text;
    }
  }
  // e2016 (May 2016): June 2016 is another event's date and one month away.
  const auto qs = of(r, "event_date");
  const auto it = std::find_if(qs.begin(), qs.end(), [](const core::Question* q) { return q->id == "gen.event_date.e2016"; });
  ASSERT_NE(it, qs.end());
  EXPECT_EQ((*it)->explanation, "Event e2016 happens (May 2016). Summary of e2016.");
  EXPECT_EQ((*it)->topics, (std::vector<std::string>{"t-e2016"}));
}

TEST(Generate, EventDateYearStyleIsNumeric) {
  core::Bank b = sample_bank();
  b.generators[core::Generator::EventDate].style = core::DateStyle::Year;
  const auto r = core::generate_questions(b);
  for (const core::Question* q : of(r, "event_date")) {
    EXPECT_EQ(q->type, core::QuestionType::Numeric);
    EXPECT_EQ(q->value, find_event(b, q->fact_ids.at(0))->date.year);
    EXPECT_EQ(q->tolerance, 0.0);
    EXPECT_EQ(q->prompt.rfind("In which year did this happen: ", 0), 0u);
  }
}

TEST(Generate, OrderingAndFirstNeverGroupEventsWithEqualDates) {
  core::Bank b = sample_bank();
  // Three events that cannot be told apart from e2016 (May 2016) at the coarser precision.
  b.facts.events.push_back(event("same-year", "2016"));
  b.facts.events.push_back(event("same-month", "2016-05-20"));
  b.facts.events.push_back(event("same-day", "2016-05"));
  b.generators[core::Generator::EventOrder].size = 5;
  const auto r = core::generate_questions(b);
  std::size_t checked = 0;
  for (const std::string gen : {"event_order", "event_first"}) {
    for (const core::Question* q : of(r, gen)) {
      for (std::size_t i = 0; i < q->fact_ids.size(); ++i) {
        for (std::size_t j = i + 1; j < q->fact_ids.size(); ++j) {
          const auto* x = find_event(b, q->fact_ids[i]);
          const auto* y = find_event(b, q->fact_ids[j]);
          EXPECT_NE(core::compare_dates(x->date, y->date), 0) << q->id;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 20u);
  for (const core::Question* q : of(r, "event_order")) {
    EXPECT_EQ(q->type, core::QuestionType::Ordering);
    EXPECT_EQ(q->prompt, "Put these events in chronological order, earliest first.");
    ASSERT_EQ(q->items.size(), 5u);
    // Items are in chronological order.
    std::vector<const core::Event*> events;
    for (const auto& item : q->items) {
      const auto e = std::find_if(b.facts.events.begin(), b.facts.events.end(), [&](const core::Event& x) { return x.title == item; });
      ASSERT_NE(e, b.facts.events.end());
      events.push_back(&*e);
    }
    for (std::size_t i = 1; i < events.size(); ++i) EXPECT_LT(core::compare_dates(events[i - 1]->date, events[i]->date), 0);
    // A numbered sentence per event, so no title (a sentence with a capital) is cut into another.
    std::string why;
    for (std::size_t i = 0; i < events.size(); ++i) {
      why += (i == 0 ? "" : " ") + std::to_string(i + 1) + ". " + events[i]->title + " (" +
             core::to_display(events[i]->date) + ").";
    }
    EXPECT_EQ(q->explanation, why);
  }
  for (const core::Question* q : of(r, "event_first")) {
    ASSERT_EQ(q->choices.size(), 2u);
    EXPECT_EQ(correct_count(*q), 1u);
    EXPECT_EQ(q->prompt, "Which of these events came first?");
    const auto* x = find_event(b, q->fact_ids[0]);
    const auto* y = find_event(b, q->fact_ids[1]);
    const auto* first = core::compare_dates(x->date, y->date) < 0 ? x : y;
    for (const auto& c : q->choices) EXPECT_EQ(c.correct, c.text == first->title);
    const auto* second = first == x ? y : x;
    EXPECT_EQ(q->explanation, "First: " + first->title + " (" + core::to_display(first->date) + "). Then: " +
                                  second->title + " (" + core::to_display(second->date) + ").");
  }
}

TEST(Generate, TermsBothWaysAndFigures) {
  core::Bank both = sample_bank();
  both.generators.terms_both_ways = true;
  const auto r = core::generate_questions(both);
  EXPECT_EQ(of(r, "term_definition").size(), 5u);
  EXPECT_EQ(of(r, "definition_term").size(), 5u);
  for (const core::Question* q : of(r, "term_definition")) {
    const std::string id = q->fact_ids.at(0);
    EXPECT_EQ(q->prompt, "What does \xE2\x80\x9Cterm " + id + "\xE2\x80\x9D mean?");
    ASSERT_EQ(q->choices.size(), 4u);
    for (const auto& c : q->choices) EXPECT_EQ(c.correct, c.text == "Definition of " + id);
  }
  for (const core::Question* q : of(r, "definition_term")) {
    const std::string id = q->fact_ids.at(0);
    EXPECT_EQ(q->prompt, "Which term means: Definition of " + id + "?");
    for (const auto& c : q->choices) EXPECT_EQ(c.correct, c.text == "term " + id);
  }
  const auto figures = of(r, "figure_value");
  ASSERT_EQ(figures.size(), 2u);
  for (const core::Question* q : figures) {
    EXPECT_EQ(q->type, core::QuestionType::Numeric);
    if (q->id == "gen.figure_value.stolen") {
      EXPECT_EQ(q->value, 1700000000.0);
      EXPECT_EQ(q->tolerance, 0.0);
      EXPECT_EQ(q->unit, "roubles");
      EXPECT_EQ(q->prompt, "Give the figure: how much the Lurk group stole. Unit: roubles.");
      EXPECT_EQ(q->explanation,
                "How much the Lurk group stole: 1,700,000,000 roubles. Related event: Event e2016 happens (May 2016).");
    } else {
      EXPECT_EQ(q->value, 50.0);
      EXPECT_EQ(q->tolerance, 5.0);
      EXPECT_EQ(q->explanation,
                "How many people were detained: 50 people. Answers within 5 people of it count. Related event: Event "
                "e2016 happens (May 2016).");
    }
  }
}

TEST(Generate, FigureCitationsStayAtTheEndAndNeverMeetTheUnit) {
  core::Bank b = sample_bank();
  b.facts.figures[0].measures = "how much the Lurk group stole [@src] [@a; @b].";
  b.facts.figures[0].event.clear();
  b.facts.figures[1].measures = "[@src] alone";  // a leading citation is part of the phrase
  b.facts.figures[1].unit.clear();
  b.facts.figures[1].event.clear();
  const auto r = core::generate_questions(b);
  std::map<std::string, const core::Question*> by_id;
  for (const auto* q : of(r, "figure_value")) by_id[q->id] = q;
  ASSERT_EQ(by_id.size(), 2u);
  const core::Question& stolen = *by_id.at("gen.figure_value.stolen");
  EXPECT_EQ(stolen.prompt, "Give the figure: how much the Lurk group stole [@src] [@a; @b]. Unit: roubles.");
  EXPECT_EQ(stolen.explanation, "How much the Lurk group stole: 1,700,000,000 roubles [@src] [@a; @b].");
  const core::Question& arrested = *by_id.at("gen.figure_value.arrested");
  EXPECT_EQ(arrested.prompt, "Give the figure: [@src] alone.");
  EXPECT_EQ(arrested.explanation, "[@src] alone: 50. Answers within 5 of it count.");
}

TEST(Generate, FigureExplanationsGiveEveryDigitOfTheValueAndTolerance) {
  core::Bank b = sample_bank();
  b.facts.figures[0].value = 1234567.891;  // was written "1.23457e+06" (six significant digits)
  b.facts.figures[0].tolerance = 0.0005;
  b.facts.figures[0].event.clear();
  b.facts.figures[1].value = 45.123456789;  // was "45.1235"
  b.facts.figures[1].tolerance = 0.0;
  b.facts.figures[1].event.clear();
  const auto r = core::generate_questions(b);
  std::map<std::string, const core::Question*> by_id;
  for (const auto* q : of(r, "figure_value")) by_id[q->id] = q;
  ASSERT_EQ(by_id.size(), 2u);
  EXPECT_EQ(by_id.at("gen.figure_value.stolen")->explanation,
            "How much the Lurk group stole: 1234567.891 roubles. Answers within 0.0005 roubles of it count.");
  EXPECT_EQ(by_id.at("gen.figure_value.arrested")->explanation, "How many people were detained: 45.123456789 people.");
}

TEST(Generate, EventActorCountsASurnameAsNamedAndExplainsTheActorInASentenceOfItsOwn) {
  core::Bank b = sample_bank();
  for (auto& e : b.facts.events) {
    if (e.id == "e2004") e.title = "Putin becomes president again";  // the surname of "Vladimir Putin"
    if (e.id == "e2014") e.title = "The Bureau stops all contacts";  // an agency: a last word is no surname
  }
  for (auto& a : b.facts.actors) {
    if (a.id == "putin") a.name = "Vladimir Putin";
    if (a.id == "fbi") {
      a.name = "Federal Bureau";
      a.description = "U.S. federal police agency.";
    }
  }
  const auto r = core::generate_questions(b);
  std::map<std::string, const core::Question*> by_id;
  for (const auto* q : of(r, "event_actor")) by_id[q->id] = q;
  EXPECT_EQ(by_id.count("gen.event_actor.e2004.putin"), 0u) << "the title names him by his surname";
  ASSERT_EQ(by_id.count("gen.event_actor.e2014.fbi"), 1u);
  EXPECT_EQ(by_id.at("gen.event_actor.e2014.fbi")->explanation,
            "Federal Bureau stopped all contacts. Event: The Bureau stops all contacts (2014). Federal Bureau: U.S. "
            "federal police agency. Summary of e2014.");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "generator `event_actor` made no question for 1 fact (first `e2004`): its title names the actor of each of its roles");
  // An alias's last word counts too, and only as a whole word.
  b.facts.events[2].title = "Putinism spreads";
  EXPECT_EQ(of(core::generate_questions(b), "event_actor").size(), by_id.size() + 1);
  b.facts.actors[4].name = "Putin";
  b.facts.actors[4].aliases = {"Владимир Путин"};
  b.facts.events[2].title = "Путин becomes president again";
  EXPECT_EQ(of(core::generate_questions(b), "event_actor").size(), by_id.size());
}

TEST(Generate, FactIdsWithDotsThatSpellTheSameQuestionIdKeepOnlyOne) {
  // The loader refuses '.' in fact ids; a bank built in code gets one question and a warning.
  core::Bank b;
  b.path = "bank.toml";
  using K = core::ActorKind;
  for (const char* id : {"c", "b.c", "d", "e"}) b.facts.actors.push_back(actor(id, K::Agency));
  b.facts.events = {event("a.b", "2001", {"c"}), event("a", "2005", {"b.c"})};
  b.facts.events[0].roles = {{"c", "acted"}};
  b.facts.events[1].roles = {{"b.c", "acted"}};
  for (const auto g : core::kAllGenerators) b.generators[g].enabled = g == core::Generator::EventActor;
  const auto r = core::generate_questions(b);
  ASSERT_EQ(r.questions.size(), 1u);
  EXPECT_EQ(r.questions[0].id, "gen.event_actor.a.b.c");
  const auto dup = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                [](const core::Diagnostic& d) { return d.code == "duplicate-id"; });
  ASSERT_NE(dup, r.diagnostics.end());
  EXPECT_EQ(dup->message, "generated question id `gen.event_actor.a.b.c` would be used twice");
}

TEST(Generate, CountsLimitsAndSwitches) {
  core::Bank b = sample_bank();
  b.generators[core::Generator::EventDate].count = 3;
  b.generators[core::Generator::TermDefinition].enabled = false;
  b.generators[core::Generator::DefinitionTerm].count = 0;
  const auto r = core::generate_questions(b);
  EXPECT_EQ(of(r, "event_date").size(), 3u);
  EXPECT_TRUE(of(r, "term_definition").empty());
  EXPECT_TRUE(of(r, "definition_term").empty());
  // The terms are now used by no question; `count = 0` itself is no problem.
  b.generators[core::Generator::DefinitionTerm].listed = true;
  const auto listed = core::generate_questions(b);
  ASSERT_EQ(listed.diagnostics.size(), 5u);
  for (const auto& d : listed.diagnostics) EXPECT_EQ(d.code, "unused-fact");
  // The three kept are the first three in rendezvous order, whatever the file order.
  core::Bank reversed = b;
  std::reverse(reversed.facts.events.begin(), reversed.facts.events.end());
  const auto r2 = core::generate_questions(reversed);
  std::vector<std::string> a, c;
  for (const auto* q : of(r, "event_date")) a.push_back(q->id);
  for (const auto* q : of(r2, "event_date")) c.push_back(q->id);
  EXPECT_EQ(a, c);
}

TEST(Generate, ShortOfDistractorsWarnsInsteadOfMakingABadQuestion) {
  core::Bank b;
  b.path = "bank.toml";
  b.facts.terms = {term("a"), term("b")};  // one distractor at most: fewer than two
  b.facts.terms[0].pos.line = 7;  // `b` (line 2) comes first in the file
  // Not listed in [generators]: the bank does not have what they need, so they stay quiet.
  auto r = core::generate_questions(b);
  EXPECT_TRUE(r.questions.empty());
  ASSERT_EQ(r.diagnostics.size(), 2u);  // two unused terms
  EXPECT_EQ(r.diagnostics[0].code, "unused-fact");
  EXPECT_EQ(r.diagnostics[0].message, "term `a` is used by no question");
  // Listed: the shortfall is a warning, at the first fact without a question (both terms are
  // asked this way: the other direction is off).
  b.generators[core::Generator::TermDefinition].listed = true;
  b.generators[core::Generator::DefinitionTerm].enabled = false;
  r = core::generate_questions(b);
  EXPECT_TRUE(r.questions.empty());
  ASSERT_EQ(r.diagnostics.size(), 3u);
  EXPECT_EQ(r.diagnostics[0].code, "short-of-distractors");
  EXPECT_EQ(r.diagnostics[0].message,
            "generator `term_definition` made no question for 2 facts (first `b`): fewer than 2 other terms to offer as "
            "wrong answers");
  EXPECT_EQ(r.diagnostics[0].line, 2);
}

TEST(Generate, HandWrittenFactIdsCountAsUse) {
  core::Bank b;
  b.path = "bank.toml";
  b.facts.terms = {term("a")};
  core::Question q;
  q.id = "q";
  q.fact_ids = {"a"};
  b.questions.push_back(q);
  EXPECT_TRUE(core::generate_questions(b).diagnostics.empty());
}

TEST(Generate, IdsAndQuestionsSurviveAnEditThatAddsRemovesAndReordersFacts) {
  const core::Bank before = sample_bank();
  core::Bank after = before;
  // Remove an event and a term, add an event and a term, and reorder every table.
  std::erase_if(after.facts.events, [](const core::Event& e) { return e.id == "e2004"; });
  std::erase_if(after.facts.terms, [](const core::Term& t) { return t.id == "shaming"; });
  after.facts.events.push_back(event("e2001", "2001-09", {"fbi"}));
  after.facts.terms.push_back(term("doxxing"));
  std::reverse(after.facts.events.begin(), after.facts.events.end());
  std::rotate(after.facts.actors.begin(), after.facts.actors.begin() + 2, after.facts.actors.end());
  std::reverse(after.facts.terms.begin(), after.facts.terms.end());
  std::reverse(after.facts.figures.begin(), after.facts.figures.end());

  const std::set<std::string> removed{"e2004", "shaming"};
  const std::set<std::string> added{"e2001", "doxxing"};
  // Texts of the changed facts: a question showing one of them (as a distractor) may change.
  const std::vector<std::string> changed_texts{"Event e2004 happens", "Definition of shaming", "term shaming",
                                               "Event e2001 happens", "Definition of doxxing", "term doxxing",
                                               "March 2004", "2004", "September 2001", "2001"};
  const auto involves = [](const core::Question& q, const std::set<std::string>& facts) {
    return std::any_of(q.fact_ids.begin(), q.fact_ids.end(), [&](const std::string& f) { return facts.count(f) != 0; });
  };
  const auto shows_changed = [&](const core::Question& q) {
    const std::string c = content(q);
    return std::any_of(changed_texts.begin(), changed_texts.end(),
                       [&](const std::string& t) { return c.find(t) != std::string::npos; });
  };
  const auto r1 = core::generate_questions(before);
  const auto r2 = core::generate_questions(after);
  std::map<std::string, const core::Question*> old_q, new_q;
  for (const auto& q : r1.questions) old_q[q.id] = &q;
  for (const auto& q : r2.questions) new_q[q.id] = &q;
  // Every question without a removed fact keeps its id ...
  std::size_t kept = 0, same = 0;
  for (const auto& [id, q] : old_q) {
    if (involves(*q, removed)) {
      EXPECT_EQ(new_q.count(id), 0u) << id << " rests on a removed fact and is retired";
      continue;
    }
    ASSERT_EQ(new_q.count(id), 1u) << id << " lost by an edit that does not touch its facts";
    ++kept;
    // ... and its content, unless it shows a changed fact as a distractor.
    if (!shows_changed(*q) && !shows_changed(*new_q[id])) {
      EXPECT_EQ(content(*q), content(*new_q[id]));
      ++same;
    }
  }
  // ... and every new question involves an added fact.
  for (const auto& [id, q] : new_q) {
    if (old_q.count(id) == 0) {
      EXPECT_TRUE(involves(*q, added)) << id << " appeared without an added fact";
    }
  }
  EXPECT_GT(kept, 30u);
  EXPECT_GT(same, 20u);
}

TEST(Generate, TheSecondLaneChangesNothing) {
  // A bank big enough for two lanes (core::kParallelEvents): 700 events over 35 years, a
  // role in every third, 61 actors, 35 terms, 10 figures, a hand-written question on the
  // facts of a generated one and a `count` limit.
  if (std::thread::hardware_concurrency() < 2) GTEST_SKIP() << "one core: generate_questions keeps one lane";
  core::Bank b = sample_bank();
  b.facts.events.clear();
  b.facts.actors.clear();
  using K = core::ActorKind;
  const std::array<K, 4> kinds{K::Agency, K::Group, K::Company, K::Person};
  for (int i = 0; i < 60; ++i) b.facts.actors.push_back(actor("a" + std::to_string(i), kinds[static_cast<std::size_t>(i % 4)]));
  for (int i = 0; i < 700; ++i) {
    const int days = i * 18 + (i % 7);
    const std::string iso = core::to_iso(core::FactDate{1990 + days / 365, 1 + (days / 30) % 12, 1 + days % 28,
                                                         i % 5 == 0 ? core::DatePrecision::Month : core::DatePrecision::Day});
    core::Event e = event("ev" + std::to_string(i), iso, {"a" + std::to_string(i % 59)});
    if (i % 3 == 0) e.roles.push_back(core::EventRole{"a" + std::to_string((i * 7) % 59), "was named in the report"});
    b.facts.events.push_back(std::move(e));
  }
  // An actor with no other of its kind: its role gets no question (a short-of warning).
  b.facts.actors.push_back(actor("lonely", K::State));
  b.facts.events[1].roles.push_back(core::EventRole{"lonely", "was fined"});
  ASSERT_GE(b.facts.events.size(), core::kParallelEvents);
  for (int i = 0; i < 35; ++i) b.facts.terms.push_back(term("x" + std::to_string(i)));
  for (int i = 0; i < 8; ++i) {
    core::Figure f = b.facts.figures.front();
    f.id = "f" + std::to_string(i);
    f.value = 10.0 * i;
    b.facts.figures.push_back(f);
  }
  b.generators[core::Generator::EventFirst].count = 250;
  core::Question hand;
  hand.id = "hand";
  hand.fact_ids = {"ev3"};
  b.questions.push_back(hand);

  const auto one = core::generate_questions(b, false);
  const auto two = core::generate_questions(b, true);
  ASSERT_EQ(one.questions.size(), two.questions.size());
  EXPECT_GT(one.questions.size(), 1900u);
  for (std::size_t i = 0; i < one.questions.size(); ++i) {
    const auto& x = one.questions[i];
    const auto& y = two.questions[i];
    ASSERT_EQ(content(x), content(y)) << i;
    EXPECT_EQ(x.fact_ids, y.fact_ids);
    EXPECT_EQ(x.topics, y.topics);
    EXPECT_EQ(x.source.paragraphs, y.source.paragraphs);
    EXPECT_EQ(std::tie(x.pos.line, x.pos.column), std::tie(y.pos.line, y.pos.column));
  }
  ASSERT_EQ(one.diagnostics.size(), two.diagnostics.size());
  EXPECT_FALSE(one.diagnostics.empty());
  for (std::size_t i = 0; i < one.diagnostics.size(); ++i) {
    EXPECT_EQ(one.diagnostics[i].code + one.diagnostics[i].message, two.diagnostics[i].code + two.diagnostics[i].message);
    EXPECT_EQ(one.diagnostics[i].line, two.diagnostics[i].line);
  }
  ASSERT_EQ(one.repeated.size(), 1u);
  ASSERT_EQ(two.repeated.size(), 1u);
  EXPECT_EQ(one.repeated[0].generated_id, two.repeated[0].generated_id);
}

TEST(Generate, ActorGroupsFoundInTwoHalvesChangeNothing) {
  // Few events (one lane), many actors: actor_match finds its groups in two halves at once.
  if (std::thread::hardware_concurrency() < 2) GTEST_SKIP() << "one core: actor_match stays on one thread";
  core::Bank b = sample_bank();
  using K = core::ActorKind;
  const std::array<K, 4> kinds{K::Agency, K::Group, K::Company, K::Person};
  for (int i = 0; i < 900; ++i) {
    core::Actor a = actor("x" + std::to_string(i), kinds[static_cast<std::size_t>(i % 4)]);
    if (i % 50 == 7) a.description = "Description of x0";  // clashes with x0's: never in one card with it
    b.facts.actors.push_back(std::move(a));
  }
  ASSERT_GE(b.facts.actors.size(), core::kParallelEvents);
  ASSERT_LT(b.facts.events.size(), core::kParallelEvents);
  b.generators[core::Generator::ActorMatch].count = 700;
  const auto one = core::generate_questions(b, false);
  const auto two = core::generate_questions(b, true);
  ASSERT_EQ(of(one, "actor_match").size(), 700u);
  ASSERT_EQ(one.questions.size(), two.questions.size());
  for (std::size_t i = 0; i < one.questions.size(); ++i) {
    ASSERT_EQ(content(one.questions[i]), content(two.questions[i])) << i;
    EXPECT_EQ(one.questions[i].fact_ids, two.questions[i].fact_ids);
  }
  ASSERT_EQ(one.diagnostics.size(), two.diagnostics.size());
  for (std::size_t i = 0; i < one.diagnostics.size(); ++i) EXPECT_EQ(one.diagnostics[i].message, two.diagnostics[i].message);
}
