// Fact-table helpers the generator tests share (tests/core/generate_test.cpp and
// generate_rules_test.cpp): facts with predictable ids, dates and sources, and a small bank.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/facts.hpp"
#include "core/generate.hpp"

namespace casebook::test::generate {

inline core::FactDate date(const std::string& iso) {
  const auto d = core::parse_fact_date(iso);
  EXPECT_TRUE(d.has_value()) << iso;
  return d.value_or(core::FactDate{});
}

inline core::Event event(const std::string& id, const std::string& iso, std::vector<std::string> actors = {}) {
  core::Event e;
  e.id = id;
  e.date = date(iso);
  e.title = "Event " + id + " happens";
  e.summary = "Summary of " + id + ".";
  e.actors = std::move(actors);
  e.source = {"src", {static_cast<int>(id.size())}};
  e.topics = {"t-" + id};
  e.pos = {"bank.toml", static_cast<int>(id.size()) * 10, 1};
  return e;
}

inline core::Actor actor(const std::string& id, core::ActorKind kind) {
  core::Actor a;
  a.id = id;
  a.name = "Name " + id;
  a.kind = kind;
  a.description = "Description of " + id;
  a.source = {"src", {1}};
  a.pos = {"bank.toml", 1, 1};
  return a;
}

inline core::Term term(const std::string& id) {
  core::Term t;
  t.id = id;
  t.term = "term " + id;
  t.definition = "Definition of " + id;
  t.source = {"src", {2}};
  t.pos = {"bank.toml", 2, 1};
  return t;
}

/// A bank of 8 events (1990s-2010s, two on nearby dates) with 7 roles, 14 actors (5 agencies,
/// 3 groups, 3 companies, 3 persons), 5 terms and 2 figures.
inline core::Bank sample_bank() {
  core::Bank b;
  b.path = "bank.toml";
  b.info.id = "sample";
  b.info.format = 2;
  b.sources.push_back({"src", "Author, Title, 2021.", "", ""});
  using K = core::ActorKind;
  for (const auto& [id, kind] : std::vector<std::pair<std::string, K>>{
           {"fsb", K::Agency}, {"fbi", K::Agency}, {"mvd", K::Agency}, {"lurk", K::Group}, {"putin", K::Person},
           {"kaspersky", K::Company}, {"gru", K::Agency}, {"nsa", K::Agency}, {"darkside", K::Group},
           {"ghostwriter", K::Group}, {"positive", K::Company}, {"groupib", K::Company}, {"zakharova", K::Person},
           {"beseda", K::Person}}) {
    b.facts.actors.push_back(actor(id, kind));
  }
  b.facts.events = {event("e1991", "1991-12"),           event("e1995", "1995", {"fsb"}),
                    event("e2004", "2004-03-14", {"putin"}), event("e2011", "2011", {"fbi", "mvd"}),
                    event("e2013", "2013-09"),           event("e2014", "2014", {"fbi"}),
                    event("e2016", "2016-05", {"fsb", "lurk", "kaspersky"}), event("e2016b", "2016-06")};
  // Roles: what an actor did in an event (event_actor asks about these).
  const auto role = [&](const std::string& event_id, const std::string& actor_id, const std::string& what) {
    for (auto& e : b.facts.events) {
      if (e.id == event_id) e.roles.push_back(core::EventRole{actor_id, what});
    }
  };
  role("e1995", "fsb", "was founded");
  role("e2004", "putin", "was re-elected");
  role("e2011", "fbi", "signed the memorandum");
  role("e2011", "mvd", "hosted the talks");
  role("e2014", "fbi", "stopped all contacts");
  role("e2016", "lurk", "was arrested");
  role("e2016", "kaspersky", "helped the police");
  for (const char* id : {"mlat", "extradition", "shaming", "attribution", "sanctions"}) b.facts.terms.push_back(term(id));
  core::Figure f;
  f.id = "stolen";
  f.value = 1700000000;
  f.unit = "roubles";
  f.measures = "how much the Lurk group stole";
  f.event = "e2016";
  f.source = {"src", {9}};
  f.pos = {"bank.toml", 3, 1};
  b.facts.figures.push_back(f);
  core::Figure g = f;
  g.id = "arrested";
  g.value = 50;
  g.tolerance = 5;
  g.unit = "people";
  g.measures = "how many people were detained";
  b.facts.figures.push_back(g);
  return b;
}

inline std::vector<const core::Question*> of(const core::GenerateResult& r, const std::string& generator) {
  std::vector<const core::Question*> out;
  for (const auto& q : r.questions) {
    if (q.generator == generator) out.push_back(&q);
  }
  return out;
}

inline const core::Event* find_event(const core::Bank& b, const std::string& id) {
  for (const auto& e : b.facts.events) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

inline std::size_t correct_count(const core::Question& q) {
  return static_cast<std::size_t>(std::count_if(q.choices.begin(), q.choices.end(), [](const core::Choice& c) { return c.correct; }));
}

/// Everything a learner sees of a question, for comparing two generations.
inline std::string content(const core::Question& q) {
  std::string s = q.id + "|" + q.prompt + "|" + q.explanation + "|" + q.source.source_id + "|";
  for (const auto& c : q.choices) s += c.text + (c.correct ? "*" : "") + ";";
  for (const auto& i : q.items) s += i + ";";
  for (const auto& p : q.pairs) s += p.left + "=" + p.right + ";";
  s += std::to_string(q.value) + "|" + std::to_string(q.tolerance) + "|" + q.unit;
  return s;
}

}  // namespace casebook::test::generate
