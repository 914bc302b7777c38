// The generator rules that make cards teach (issue 14): event-actor cards ask a role and never
// offer as wrong an actor with a part in the event, nor an answer the title gives away; terms
// one way unless asked; a minimum gap between the dates of ordering and which-came-first
// cards; no card that repeats a hand-written one; every source of a group cited.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/facts.hpp"
#include "core/generate.hpp"
#include "generate_fixture.hpp"

namespace core = casebook::core;
using namespace casebook::test::generate;

TEST(Generate, ActorQuestionsAskARoleAndOfferOnlyActorsWithNoPartInTheEvent) {
  const core::Bank b = sample_bank();
  const auto r = core::generate_questions(b);
  std::map<std::string, const core::Actor*> actors;
  for (const auto& a : b.facts.actors) actors[a.id] = &a;
  for (const core::Question* q : of(r, "event_actor")) {
    SCOPED_TRACE(q->id);
    const core::Event* e = find_event(b, q->fact_ids.at(0));
    ASSERT_EQ(q->fact_ids.size(), 2u);
    const core::Actor& answer = *actors.at(q->fact_ids[1]);
    const auto role = std::find_if(e->roles.begin(), e->roles.end(), [&](const core::EventRole& x) { return x.actor == answer.id; });
    ASSERT_NE(role, e->roles.end()) << "the answer has a role in the event";
    const std::string who = answer.kind == core::ActorKind::Person ? "Who" : answer.kind == core::ActorKind::Agency ? "Which agency"
                            : answer.kind == core::ActorKind::Group ? "Which group" : "Which company";
    EXPECT_EQ(q->prompt, e->title + " (" + core::to_display(e->date) + "). " + who + " " + role->role + "?");
    ASSERT_GE(q->choices.size(), 3u);
    ASSERT_EQ(correct_count(*q), 1u);
    for (const auto& c : q->choices) {
      const auto a = std::find_if(b.facts.actors.begin(), b.facts.actors.end(), [&](const core::Actor& x) { return x.name == c.text; });
      ASSERT_NE(a, b.facts.actors.end());
      EXPECT_EQ(a->kind, answer.kind) << "every option is of the answer's kind";
      EXPECT_EQ(c.correct, a->id == answer.id);
      // A wrong option never has any part in the event, as an actor or in a role.
      if (!c.correct) {
        EXPECT_EQ(std::find(e->actors.begin(), e->actors.end(), a->id), e->actors.end()) << c.text;
        for (const auto& x : e->roles) EXPECT_NE(x.actor, a->id) << c.text;
      }
    }
  }
  const auto* fbi = [&]() -> const core::Question* {
    for (const auto* q : of(r, "event_actor")) {
      if (q->id == "gen.event_actor.e2011.fbi") return q;
    }
    return nullptr;
  }();
  ASSERT_NE(fbi, nullptr);
  EXPECT_EQ(fbi->prompt, "Event e2011 happens (2011). Which agency signed the memorandum?");
  // The other agencies with no part in e2011 (mvd has one): fsb, gru, nsa.
  std::vector<std::string> texts;
  for (const auto& c : fbi->choices) texts.push_back(c.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Name fbi", "Name fsb", "Name gru", "Name nsa"}));
  EXPECT_EQ(fbi->explanation,
            "Name fbi signed the memorandum. Event: Event e2011 happens (2011). Name fbi: Description of fbi. Summary of e2011.");
  for (const core::Question* q : of(r, "actor_match")) {
    EXPECT_EQ(q->type, core::QuestionType::Matching);
    EXPECT_EQ(q->prompt, "Match each actor to its description.");
    ASSERT_EQ(q->pairs.size(), 4u);
    for (std::size_t i = 0; i < q->pairs.size(); ++i) {
      EXPECT_EQ(q->pairs[i].left, "Name " + q->fact_ids[i]);
      EXPECT_EQ(q->pairs[i].right, "Description of " + q->fact_ids[i]);
    }
    const auto& ids = q->fact_ids;
    EXPECT_EQ(q->explanation, "Name " + ids[0] + ": Description of " + ids[0] + ". Name " + ids[1] + ": Description of " +
                                  ids[1] + ". Name " + ids[2] + ": Description of " + ids[2] + ". Name " + ids[3] +
                                  ": Description of " + ids[3] + ".");
    EXPECT_TRUE(std::is_sorted(q->fact_ids.begin(), q->fact_ids.end()));
  }
}

TEST(Generate, EventActorNeverOffersAnActorWithAPartAndWarnsWhenTooFewAreLeft) {
  core::Bank b = sample_bank();
  // e2011 now involves four of the five agencies: only nsa could be a wrong answer.
  for (auto& e : b.facts.events) {
    if (e.id == "e2011") e.actors = {"fbi", "mvd", "fsb", "gru"};
  }
  const auto r = core::generate_questions(b);
  for (const auto* q : of(r, "event_actor")) EXPECT_EQ(q->id.find("e2011"), std::string::npos) << q->id;
  const auto d = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                              [](const core::Diagnostic& x) { return x.code == "short-of-distractors"; });
  ASSERT_NE(d, r.diagnostics.end());
  EXPECT_EQ(d->message,
            "generator `event_actor` made no question for 1 fact (first `e2011`): fewer than 2 actors of the same kind "
            "(agency) with no part in the event to offer as wrong answers");
  // An event with actors but no roles gets no event_actor question, and no warning.
  for (auto& e : b.facts.events) e.roles.clear();
  const auto none = core::generate_questions(b);
  EXPECT_TRUE(of(none, "event_actor").empty());
  for (const auto& x : none.diagnostics) EXPECT_NE(x.code, "short-of-distractors") << x.message;
}

TEST(Generate, EventActorSkipsAnAnswerTheTitleGivesAway) {
  core::Bank b = sample_bank();
  for (auto& e : b.facts.events) {
    if (e.id == "e2011") e.title = "Name fbi meets its counterparts";  // fbi named, mvd not
    if (e.id == "e2014") e.title = "Name fbi stops all contacts";       // its only role's actor named
  }
  const auto r = core::generate_questions(b);
  const auto qs = of(r, "event_actor");
  std::set<std::string> ids;
  for (const auto* q : qs) ids.insert(q->id);
  EXPECT_TRUE(ids.count("gen.event_actor.e2011.mvd"));
  EXPECT_FALSE(ids.count("gen.event_actor.e2011.fbi"));
  for (const auto& id : ids) EXPECT_EQ(id.find("e2014"), std::string::npos);
  // The skipped event is reported, once, as a generator that could not make a question.
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "short-of-distractors");
  EXPECT_EQ(r.diagnostics[0].severity, core::Severity::Warning);
  EXPECT_EQ(r.diagnostics[0].line, 50);  // e2014's place
  EXPECT_EQ(r.diagnostics[0].message,
            "generator `event_actor` made no question for 1 fact (first `e2014`): its title names the actor of each of its roles");
}

TEST(Generate, ATermIsAskedOneWayUnlessTheBankAsksForBoth) {
  core::Bank b = sample_bank();
  const auto r = core::generate_questions(b);
  std::map<std::string, int> ways;
  for (const auto* q : of(r, "term_definition")) ++ways[q->fact_ids.at(0)];
  for (const auto* q : of(r, "definition_term")) ways[q->fact_ids.at(0)] += 10;
  ASSERT_EQ(ways.size(), 5u);
  for (const auto& [id, w] : ways) EXPECT_TRUE(w == 1 || w == 10) << id << " asked both ways";
  // With only one of the two generators on, that one asks every term.
  b.generators[core::Generator::DefinitionTerm].enabled = false;
  EXPECT_EQ(of(core::generate_questions(b), "term_definition").size(), 5u);
}

TEST(FactDate, GapDaysComparesTheFirstDaysAtTheCoarserPrecision) {
  EXPECT_EQ(core::first_day(date("1970-01-01")), 0);
  EXPECT_EQ(core::first_day(date("1970")), 0);
  EXPECT_EQ(core::first_day(date("1969-12-31")), -1);
  EXPECT_EQ(core::gap_days(date("2016"), date("2017-03")), 366);  // 1 Jan 2016 to 1 Jan 2017
  EXPECT_EQ(core::gap_days(date("2016-05-30"), date("2016-05")), 0);
  EXPECT_EQ(core::gap_days(date("2016-03-01"), date("2016-02-01")), 29);
  EXPECT_EQ(core::gap_days(date("2021-05-07"), date("2021-05-10")), 3);
}

TEST(Generate, OrderAndFirstKeepTheMinimumGapBetweenDates) {
  core::Bank b;
  b.path = "bank.toml";
  b.sources.push_back({"src", "Author, Title, 2021.", "", ""});
  // Pairs of events a few days apart, each pair a year from the next.
  for (int y = 2001; y <= 2008; ++y) {
    b.facts.events.push_back(event("a" + std::to_string(y), std::to_string(y) + "-05-07"));
    b.facts.events.push_back(event("b" + std::to_string(y), std::to_string(y) + "-05-10"));
  }
  for (const auto g : core::kAllGenerators) {
    b.generators[g].enabled = g == core::Generator::EventOrder || g == core::Generator::EventFirst;
  }
  const auto closest = [&](const core::GenerateResult& r) {
    std::int64_t least = 1 << 30;
    for (const auto& q : r.questions) {
      for (std::size_t i = 0; i < q.fact_ids.size(); ++i) {
        for (std::size_t j = i + 1; j < q.fact_ids.size(); ++j) {
          least = std::min(least, core::gap_days(find_event(b, q.fact_ids[i])->date, find_event(b, q.fact_ids[j])->date));
        }
      }
    }
    return least;
  };
  const auto r = core::generate_questions(b);
  EXPECT_GE(of(r, "event_first").size(), 8u) << "every event has partners a year or more away";
  EXPECT_GE(closest(r), 90) << "by default no two events of a card are less than 90 days apart";
  // The gap is a bank setting: with none, three days apart is allowed, and is then chosen.
  b.generators[core::Generator::EventOrder].min_gap_days = 0;
  b.generators[core::Generator::EventFirst].min_gap_days = 0;
  EXPECT_EQ(closest(core::generate_questions(b)), 3);
  // With more than the bank spans, no partner is left: a warning, no question.
  b.generators[core::Generator::EventFirst].min_gap_days = 5000;
  b.generators[core::Generator::EventFirst].listed = true;
  // Each generator ranks partners at its own gap: event_order still at none.
  const auto own = core::generate_questions(b);
  EXPECT_TRUE(of(own, "event_first").empty());
  EXPECT_FALSE(of(own, "event_order").empty());
  EXPECT_EQ(closest(own), 3);
  b.generators[core::Generator::EventOrder].enabled = false;
  const auto none = core::generate_questions(b);
  EXPECT_TRUE(none.questions.empty());
  EXPECT_EQ(std::count_if(none.diagnostics.begin(), none.diagnostics.end(),
                          [](const core::Diagnostic& d) {
                            return d.code == "short-of-distractors" &&
                                   d.message.find("made no question for 16 facts") != std::string::npos &&
                                   d.message.ends_with("no other event at least 5000 days from it");
                          }),
            1);
}

TEST(Generate, AQuestionThatRepeatsAHandWrittenOneIsNotMadeButListed) {
  core::Bank b = sample_bank();
  core::Question q;
  q.id = "who-hosted";
  q.fact_ids = {"mvd", "e2011"};  // the same set as gen.event_actor.e2011.mvd, in another order
  b.questions.push_back(q);
  const auto r = core::generate_questions(b);
  for (const auto& x : r.questions) EXPECT_NE(x.id, "gen.event_actor.e2011.mvd");
  ASSERT_EQ(r.repeated.size(), 1u);
  EXPECT_EQ(r.repeated[0].generated_id, "gen.event_actor.e2011.mvd");
  EXPECT_EQ(r.repeated[0].handwritten_id, "who-hosted");
  EXPECT_EQ(r.repeated[0].pos.line, find_event(b, "e2011")->pos.line);
  EXPECT_TRUE(r.diagnostics.empty()) << "not a warning: validate lists it as a note";
  EXPECT_EQ(of(r, "event_actor").size(), 6u);
}

TEST(Generate, OtherSourcesOfAGroupAreCitedInTheExplanation) {
  core::Bank b = sample_bank();
  b.sources.push_back({"other", "Reporter, Report, 2016.", "", ""});
  for (auto& e : b.facts.events) {
    if (e.id != "e1991") e.source = {"other", {}};
  }
  for (const auto g : core::kAllGenerators) b.generators[g].enabled = g == core::Generator::EventFirst;
  const auto r = core::generate_questions(b);
  std::size_t cited = 0;
  for (const auto& q : r.questions) {
    const bool has_1991 = std::find(q.fact_ids.begin(), q.fact_ids.end(), "e1991") != q.fact_ids.end();
    if (!has_1991) {
      EXPECT_EQ(q.explanation.find("[@"), std::string::npos) << q.explanation;
      continue;
    }
    // The locator names the first fact's source; the other one is cited where its event is.
    const std::string marker = q.source.source_id == "src" ? " [@other]." : " [@src].";
    EXPECT_NE(q.explanation.find(marker), std::string::npos) << q.explanation;
    ++cited;
  }
  EXPECT_GE(cited, 1u);
}

TEST(Generate, AFactIsUnusedWhenNoKeptQuestionAndNoHandWrittenOneNamesIt) {
  // The two figures are used only by figure_value: `count` decides which of them get a card.
  const auto unused = [](const core::GenerateResult& r) {
    std::set<std::string> out;
    for (const auto& d : r.diagnostics) {
      if (d.code == "unused-fact") out.insert(d.message);
    }
    return out;
  };
  core::Bank b = sample_bank();
  EXPECT_TRUE(unused(core::generate_questions(b)).empty());

  b.generators[core::Generator::FigureValue].count = 1;
  const auto one = core::generate_questions(b);
  const auto kept = of(one, "figure_value");
  ASSERT_EQ(kept.size(), 1u);
  const std::string cut = kept[0]->fact_ids.at(0) == "stolen" ? "arrested" : "stolen";
  EXPECT_EQ(unused(one), std::set<std::string>{"figure `" + cut + "` is used by no question"});

  b.generators[core::Generator::FigureValue].count = 0;
  EXPECT_EQ(unused(core::generate_questions(b)),
            (std::set<std::string>{"figure `arrested` is used by no question", "figure `stolen` is used by no question"}));

  // A hand-written question on the cut figure: that figure is named, its card is a repeat
  // (not made), and the other figure's card is the one kept.
  b.generators[core::Generator::FigureValue].count = 1;
  core::Question hand;
  hand.id = "hand";
  hand.fact_ids = {cut};
  b.questions.push_back(hand);
  const auto with_hand = core::generate_questions(b);
  EXPECT_TRUE(unused(with_hand).empty());
  ASSERT_EQ(of(with_hand, "figure_value").size(), 1u);
  EXPECT_NE(of(with_hand, "figure_value")[0]->fact_ids.at(0), cut);
  ASSERT_EQ(with_hand.repeated.size(), 1u);
}

TEST(Generate, EventsOfTheSameTitleNeverShareAnOrderingOrWhichFirstCard) {
  core::Bank b = sample_bank();
  // Two pairs of events on different dates with one title each: told apart only by the date.
  for (auto& e : b.facts.events) {
    if (e.id == "e1991" || e.id == "e2013") e.title = "Talks are held in Moscow";
    if (e.id == "e2004" || e.id == "e2016b") e.title = "A treaty is signed";
  }
  b.generators[core::Generator::EventOrder].size = 3;
  const auto r = core::generate_questions(b);
  const auto orders = of(r, "event_order");
  const auto firsts = of(r, "event_first");
  ASSERT_FALSE(orders.empty());
  ASSERT_FALSE(firsts.empty());
  const auto distinct = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return std::adjacent_find(v.begin(), v.end()) == v.end();
  };
  for (const core::Question* q : orders) EXPECT_TRUE(distinct(q->items)) << q->id;
  for (const core::Question* q : firsts) {
    ASSERT_EQ(q->choices.size(), 2u);
    EXPECT_NE(q->choices[0].text, q->choices[1].text) << q->id;
  }
}
