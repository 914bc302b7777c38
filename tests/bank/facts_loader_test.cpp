// Format 2 in the bank loader: fact tables and [generators] read from TOML, generated
// questions appended with the place of their fact, format-1 banks unchanged, question ids
// unaffected by reordering the file, and what `validate` collects (bank::validate_banks).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "bank/loader.hpp"
#include "bank_test_support.hpp"
#include "bank/validate.hpp"

namespace core = casebook::core;
namespace fs = std::filesystem;

namespace {

using casebook::test::dump;
using casebook::test::read_all;

const fs::path kData = fs::path(CASEBOOK_TEST_DATA) / "data";

/// The text of each `[[name]]` table of `text` (up to the next table header), in order.
std::vector<std::string> split_tables(const std::string& text, std::string& head) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  std::string cur;
  bool in_table = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("[[", 0) == 0 || line.rfind("[", 0) == 0) {
      if (in_table) parts.push_back(cur);
      else head = cur;
      cur.clear();
      in_table = true;
    }
    cur += line + "\n";
  }
  if (in_table) parts.push_back(cur);
  return parts;
}

}  // namespace

TEST(BankFacts, FormatTwoFixtureReadsFactsGeneratorsAndGeneratesQuestions) {
  const fs::path path = kData / "valid" / "facts_v2.toml";
  const auto r = casebook::bank::load_bank_file(path.string());
  ASSERT_TRUE(r.bank) << dump(r);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r);
  const core::Bank& b = *r.bank;
  EXPECT_EQ(b.info.format, 2);
  ASSERT_EQ(b.facts.actors.size(), 4u);
  ASSERT_EQ(b.facts.events.size(), 3u);
  ASSERT_EQ(b.facts.terms.size(), 3u);
  ASSERT_EQ(b.facts.figures.size(), 1u);

  const core::Actor& fsb = b.facts.actors[0];
  EXPECT_EQ(fsb.id, "fsb");
  EXPECT_EQ(fsb.kind, core::ActorKind::Agency);
  EXPECT_EQ(fsb.aliases, (std::vector<std::string>{"Federal Security Service", "\xD0\xA4\xD0\xA1\xD0\x91"}));
  EXPECT_EQ(fsb.source.paragraphs, (std::vector<int>{4}));
  EXPECT_EQ(fsb.pos.line, 24);

  const core::Event& lurk = b.facts.events[0];
  EXPECT_EQ(lurk.date, (core::FactDate{2016, 5, 0, core::DatePrecision::Month}));
  EXPECT_EQ(lurk.actors, (std::vector<std::string>{"fsb", "lurk"}));
  EXPECT_EQ(lurk.place, "Russia");
  EXPECT_EQ(lurk.topics, (std::vector<std::string>{"lurk"}));
  // A TOML date (no quotes) is a date known to the day.
  EXPECT_EQ(b.facts.events[1].date, (core::FactDate{2013, 9, 17, core::DatePrecision::Day}));
  EXPECT_EQ(b.facts.events[2].date.precision, core::DatePrecision::Year);
  EXPECT_EQ(b.facts.events[2].source.paragraphs, (std::vector<int>{7, 8}));

  const core::Figure& f = b.facts.figures[0];
  EXPECT_EQ(f.value, 1700000000.0);
  EXPECT_EQ(f.unit, "roubles");
  EXPECT_EQ(f.event, "lurk-arrests");

  const auto& g = b.generators;
  EXPECT_EQ(g.pos.line, 16);
  EXPECT_TRUE(g[core::Generator::EventDate].listed);
  EXPECT_EQ(g[core::Generator::EventDate].count, std::optional<std::size_t>(3));
  EXPECT_EQ(g[core::Generator::EventOrder].size, 3);
  EXPECT_FALSE(g[core::Generator::DefinitionTerm].enabled);
  EXPECT_TRUE(g[core::Generator::FigureValue].enabled);
  EXPECT_FALSE(g[core::Generator::EventActor].listed);

  // The hand-written question first, with its facts; then the generated ones.
  ASSERT_EQ(b.questions.size(), 14u);
  EXPECT_EQ(b.questions[0].id, "lurk-why");
  EXPECT_TRUE(b.questions[0].generator.empty());
  EXPECT_EQ(b.questions[0].fact_ids, (std::vector<std::string>{"lurk-arrests", "kaspersky"}));
  std::set<std::string> generators;
  for (std::size_t i = 1; i < b.questions.size(); ++i) {
    const core::Question& q = b.questions[i];
    generators.insert(q.generator);
    EXPECT_TRUE(q.pos.file.empty()) << "a generated question's file is its bank's own (not copied)";
    EXPECT_EQ(core::file_of(q.pos, b.path), path.string());
    EXPECT_GT(q.pos.line, 16);
  }
  EXPECT_EQ(generators, (std::set<std::string>{"event_date", "event_order", "event_first", "actor_match",
                                               "term_definition", "figure_value"}));
  const auto figure = std::find_if(b.questions.begin(), b.questions.end(),
                                   [](const core::Question& q) { return q.id == "gen.figure_value.lurk-stolen"; });
  ASSERT_NE(figure, b.questions.end());
  EXPECT_EQ(figure->pos.line, 106);  // the [[figure]] table
  EXPECT_EQ(core::card_key(b, *figure), "facts-v2/gen.figure_value.lurk-stolen");
}

TEST(BankFacts, FormatOneBanksLoadUnchanged) {
  for (const char* name : {"all_types.toml", "citations.toml", "crlf_bom.toml"}) {
    const auto r = casebook::bank::load_bank_file((kData / "valid" / name).string());
    ASSERT_TRUE(r.bank) << name << dump(r);
    EXPECT_EQ(r.bank->info.format, 1);
    EXPECT_TRUE(r.bank->facts.empty());
    for (const auto& q : r.bank->questions) {
      EXPECT_TRUE(q.generator.empty()) << q.id;
      EXPECT_TRUE(q.fact_ids.empty()) << q.id;
    }
  }
}

TEST(BankFacts, ReorderingTheFileKeepsEveryGeneratedQuestion) {
  const std::string text = read_all(kData / "valid" / "facts_v2.toml");
  std::string head;
  auto tables = split_tables(text, head);
  ASSERT_GT(tables.size(), 10u);
  const auto first = casebook::bank::load_bank_text(text, "a.toml");
  // Reverse the order of the tables (each [[...]] keeps its keys; [bank] stays first).
  std::reverse(tables.begin() + 1, tables.end());
  std::string reordered = head;
  for (const auto& t : tables) reordered += t + "\n";
  const auto second = casebook::bank::load_bank_text(reordered, "a.toml");
  ASSERT_TRUE(first.bank) << dump(first);
  ASSERT_TRUE(second.bank) << dump(second);
  std::map<std::string, std::string> a, b;
  const auto shown = [](const core::Question& q) {
    std::string s = q.prompt + "|" + q.explanation;
    for (const auto& c : q.choices) s += "|" + c.text + (c.correct ? "*" : "");
    for (const auto& i : q.items) s += "|" + i;
    for (const auto& p : q.pairs) s += "|" + p.left + "=" + p.right;
    return s;
  };
  for (const auto& q : first.bank->questions) a[q.id] = shown(q);
  for (const auto& q : second.bank->questions) b[q.id] = shown(q);
  EXPECT_EQ(a, b);
}

TEST(BankFacts, ValidateCollectsEveryBankAndDiagnostic) {
  // The JSON rendering of this is tested in tests/app/validate_json_test.cpp.
  const fs::path warn = kData / "invalid" / "warnings-facts.toml";
  const fs::path bad = kData / "invalid" / "facts-in-format-1.toml";
  const casebook::bank::Validation v = casebook::bank::validate_banks({warn.string()});
  EXPECT_EQ(v.exit_code(), 0);
  ASSERT_EQ(v.banks.size(), 1u);
  EXPECT_EQ(v.banks[0].path, warn.string());
  EXPECT_EQ(v.banks[0].id, "fixture");
  EXPECT_TRUE(v.banks[0].loaded);
  EXPECT_EQ(v.banks[0].questions, 1u);
  EXPECT_EQ(v.banks[0].generated, 0u);
  EXPECT_EQ(v.banks[0].errors, 0u);
  EXPECT_EQ(v.banks[0].warnings, 8u);
  ASSERT_EQ(v.diagnostics.size(), 8u);
  EXPECT_EQ(v.diagnostics[0].line, 16);
  EXPECT_EQ(v.diagnostics[0].code, "generator-unused");
  EXPECT_EQ(v.diagnostics[2].message, "alias `\xD0\xA4\xD0\xA1\xD0\x91` is repeated (first at line 26, column 12)");
  EXPECT_EQ(v.questions, 1u);
  EXPECT_EQ(v.errors, 0u);
  EXPECT_EQ(v.warnings, 8u);

  // With an error and a missing path: exit 1, the bank not loaded and its id unknown; the
  // missing path is a diagnostic but no bank; the text output has a line per diagnostic.
  const std::string missing = (kData / "no-such-bank.toml").string();
  const casebook::bank::Validation w = casebook::bank::validate_banks({bad.string(), missing});
  EXPECT_EQ(w.exit_code(), 1);
  ASSERT_EQ(w.banks.size(), 1u);
  EXPECT_FALSE(w.banks[0].loaded);
  EXPECT_FALSE(w.banks[0].id.has_value());
  EXPECT_EQ(w.banks[0].errors, 3u);
  EXPECT_EQ(w.errors, 4u);
  std::ostringstream text;
  EXPECT_EQ(casebook::bank::validate_paths({bad.string(), missing}, text), 1);
  std::size_t lines = 0;
  for (char c : text.str()) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, w.diagnostics.size() + 1);
  EXPECT_NE(text.str().find("1 bank that did not load: 4 errors, 0 warnings\n"), std::string::npos) << text.str();
}

// A long list of fact tables is read in two halves at once (BankReader::read_facts): the
// facts come out in file order and the diagnostics are those of one reader, a duplicate id
// in the later half naming the first line it was used at, wherever that was.
TEST(BankFacts, ALongListOfFactsReadInTwoHalvesKeepsOrderAndDiagnostics) {
  constexpr int kActors = 2500;
  constexpr int kEvents = 3000;  // both at least kFactsInTwo (2000): each list read in halves
  std::ostringstream out;
  int line = 1;
  const auto emit = [&](const std::string& s) {
    out << s;
    line += static_cast<int>(std::count(s.begin(), s.end(), '\n'));
  };
  emit("[bank]\nid = \"halves\"\ntitle = \"Halves\"\nversion = \"1\"\nformat = 2\narticle = \"art\"\n\n"
       "[[source]]\nid = \"art\"\ncitation = \"A. Author, Title, 2021.\"\n\n");
  const auto actor_id = [](int i) { return i == 2400 ? std::string("shared") : "a" + std::to_string(i); };
  const auto event_id = [](int i) {
    if (i == 100 || i == 2000 || i == 2500) return std::string("dup-a");  // first half, later half twice
    if (i == 1800 || i == 2900) return std::string("dup-b");             // both in the later half
    if (i == 10) return std::string("shared");                           // an actor's id (later half of actors)
    return "e" + std::to_string(i);
  };
  std::map<std::string, int> first_line;  // id -> line of its first use
  struct Expected {
    int line;
    int column;
    std::string code;
    std::string message_part;
  };
  std::vector<Expected> expected;
  const auto note = [&](const std::string& id) {
    // The id is on the line after the table header.
    if (const auto [it, fresh] = first_line.emplace(id, line + 1); !fresh) {
      expected.push_back({line + 1, 6, "duplicate-id", "(first at line " + std::to_string(it->second) + ")"});
    }
  };
  for (int i = 0; i < kActors; ++i) {
    note(actor_id(i));
    emit("[[actor]]\nid = \"" + actor_id(i) + "\"\nname = \"Actor " + std::to_string(i) +
         "\"\nkind = \"agency\"\ndescription = \"Agency " + std::to_string(i) + "\"\nsource = \"art\"\nparagraph = 1\n\n");
  }
  for (int i = 0; i < kEvents; ++i) {
    note(event_id(i));
    const std::string date = i == 2700 ? "2016-13" : std::to_string(1990 + i % 30);
    if (i == 2700) expected.push_back({line + 2, 8, "bad-date", "2016-13"});
    const std::string who = i == 5 ? "nobody" : "a" + std::to_string(i % 1000);
    if (i == 5) expected.push_back({line + 7, 20, "unknown-actor", "nobody"});
    emit("[[event]]\nid = \"" + event_id(i) + "\"\ndate = \"" + date + "\"\ntitle = \"Event " + std::to_string(i) +
         "\"\nsummary = \"Summary.\"\nsource = \"art\"\nparagraph = 1\nroles = [{ actor = \"" + who +
         "\", role = \"met\" }]\n\n");
  }
  std::sort(expected.begin(), expected.end(), [](const Expected& a, const Expected& b) { return std::pair(a.line, a.column) < std::pair(b.line, b.column); });
  ASSERT_EQ(expected.size(), 6u);  // 3 duplicate ids + 1 shared + 1 bad date + 1 unknown actor

  const auto r = casebook::bank::load_bank_text(out.str(), "halves.toml");
  ASSERT_FALSE(r.bank);
  ASSERT_EQ(r.diagnostics.size(), expected.size()) << dump(r);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& d = r.diagnostics[i];
    SCOPED_TRACE(core::format_diagnostic(d));
    EXPECT_EQ(d.line, expected[i].line);
    EXPECT_EQ(d.column, expected[i].column);
    EXPECT_EQ(d.code, expected[i].code);
    EXPECT_NE(d.message.find(expected[i].message_part), std::string::npos);
  }
}

TEST(BankFacts, ALongListOfFactsReadInTwoHalvesGivesTheFactsInFileOrder) {
  std::ostringstream out;
  out << "[bank]\nid = \"halves\"\ntitle = \"Halves\"\nversion = \"1\"\nformat = 2\narticle = \"art\"\n\n"
         "[[source]]\nid = \"art\"\ncitation = \"A. Author, Title, 2021.\"\n\n[generators]\nevent_date = { style = \"year\" }\n\n";
  for (int i = 0; i < 4001; ++i) {
    out << "[[event]]\nid = \"e" << i << "\"\ndate = \"" << 1900 + i % 120 << "\"\ntitle = \"Event " << i
        << "\"\nsummary = \"Summary " << i << ".\"\nsource = \"art\"\nparagraph = " << 1 + i % 9 << "\n\n";
  }
  const auto r = casebook::bank::load_bank_text(out.str(), "halves.toml");
  ASSERT_TRUE(r.bank) << dump(r);
  const auto& events = r.bank->facts.events;
  ASSERT_EQ(events.size(), 4001u);
  for (int i = 0; i < 4001; ++i) {
    const auto& e = events[static_cast<std::size_t>(i)];
    ASSERT_EQ(e.id, "e" + std::to_string(i));
    EXPECT_EQ(e.title, "Event " + std::to_string(i));
    EXPECT_EQ(e.pos.line, 15 + 8 * i);
    EXPECT_EQ(e.source.paragraphs, std::vector<int>{1 + i % 9});
  }
}
