// A bank's TOML parsed in two parts on two threads (src/bank/parse_parts.*) against one
// toml::parse of the whole text: the same values, keys, source lines and columns, or nullopt
// (the loader then parses the whole text) wherever the parts could differ.
#include "bank/parse_parts.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

#include "bank/loader.hpp"
#include "bank_test_support.hpp"

namespace casebook::bank {
namespace {

namespace fs = std::filesystem;
using detail::find_parts_cut;
using detail::parse_in_parts;

std::string where(const toml::source_region& r) {
  return std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column) + "-" + std::to_string(r.end.line) + ":" +
         std::to_string(r.end.column) + (r.path ? " " + *r.path : std::string(" (no path)"));
}

/// Adds a failure for each node or key of `a` and `b` that differ in type, source region,
/// inline-ness or (for values) value; `at` names the node in messages.
void expect_same(const toml::node& a, const toml::node& b, const std::string& at) {
  ASSERT_EQ(a.type(), b.type()) << at;
  EXPECT_EQ(where(a.source()), where(b.source())) << at;
  if (const auto* ta = a.as_table()) {
    const auto* tb = b.as_table();
    EXPECT_EQ(ta->is_inline(), tb->is_inline()) << at;
    ASSERT_EQ(ta->size(), tb->size()) << at;
    auto ib = tb->begin();
    for (const auto& [key, value] : *ta) {
      ASSERT_EQ(key.str(), ib->first.str()) << at;
      EXPECT_EQ(where(key.source()), where(ib->first.source())) << at << "." << key.str();
      expect_same(value, ib->second, at + "." + std::string(key.str()));
      ++ib;
    }
  } else if (const auto* aa = a.as_array()) {
    const auto* ab = b.as_array();
    ASSERT_EQ(aa->size(), ab->size()) << at;
    for (std::size_t i = 0; i < aa->size(); ++i) expect_same((*aa)[i], (*ab)[i], at + "[" + std::to_string(i) + "]");
  } else {
    a.visit([&](const auto& va) {
      using V = std::remove_cvref_t<decltype(va)>;
      if constexpr (toml::is_value<V>) {
        const auto* vb = b.as<typename V::value_type>();
        ASSERT_NE(vb, nullptr) << at;
        EXPECT_TRUE(va == *vb) << at;
      }
    });
  }
}

/// Parses `text` both ways; true when it was parsed in parts (and then checks it is the same).
bool parts_match_whole(const std::string& text, const std::string& path) {
  std::optional<toml::table> parts = parse_in_parts(text, path, 0, true);
  if (!parts) return false;
  const toml::table whole = toml::parse(text, path);
  EXPECT_TRUE(whole == *parts) << path;
  expect_same(whole, *parts, path);
  return true;
}

/// A format-2 bank of `n` events with one actor each, in the shapes a writer uses: comments,
/// multi-line strings (a few holding a `[[event]]` line), inline tables and arrays, a nested
/// [[event.link]] array and a table after the events. Line ending `eol`.
std::string fact_bank(int n, const std::string& eol = "\n") {
  std::string s = "# A bank for the parse-in-parts tests" + eol + "[bank]" + eol + "id = \"parts\"" + eol +
                  "title = \"Parts\"" + eol + "format = 2" + eol + eol;
  for (int i = 0; i < n; ++i) {
    const std::string k = std::to_string(i);
    s += "[[event]]  # event " + k + eol + "id = \"e" + k + "\"" + eol + "title = \"Event " + k + "\"" + eol +
         "date = 20" + std::to_string(10 + i % 10) + "-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) +
         eol + "summary = \"\"\"" + eol + "Line one of " + k + "," + eol + (i % 50 == 3 ? "[[event]] inside a string" + eol : "") + "\"\"\"" +
         eol + "where = { city = \"C" + k + "\", country = 'X' }" + eol + "paragraph = [" + k + ", " +
         std::to_string(i + 1) + "]" + eol;
    if (i % 7 == 0) s += "[[event.link]]" + eol + "to = \"e" + std::to_string(i / 2) + "\"" + eol;
    s += eol;
  }
  s += "[generators]" + eol + "event_order = { count = 10 }" + eol;
  return s;
}

/// Comment lines (about 80 KB) that put the middle of a text, hence the cut, where a case needs it.
std::string comment_lines() {
  std::string f;
  for (int i = 0; i < 4000; ++i) f += "# filler line " + std::to_string(i) + "\n";
  return f;
}

TEST(ParseInParts, AFactBankIsCutAtAHeaderAfterTheMiddleAndMergedExactly) {
  const std::string text = fact_bank(400);
  const auto cut = find_parts_cut(text);
  ASSERT_TRUE(cut.has_value());
  EXPECT_GE(*cut, text.size() / 2);
  EXPECT_EQ(text.substr(*cut, 11), "[[event]]  ");
  EXPECT_EQ(text[*cut - 1], '\n');
  EXPECT_TRUE(parts_match_whole(text, "bank.toml"));
  const auto parts = parse_in_parts(text, "bank.toml", 0, true);
  ASSERT_TRUE(parts.has_value());
  ASSERT_NE((*parts)["event"].as_array(), nullptr);
  EXPECT_EQ((*parts)["event"].as_array()->size(), 400u);
  EXPECT_EQ((*parts)["event"][399]["id"].value_or(std::string()), "e399");
  // The last event's place is the whole file's line, as toml++ counts it.
  const std::size_t at = text.find("id = \"e399\"");
  const auto line = static_cast<toml::source_index>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n') + 1);
  EXPECT_EQ((*parts)["event"][399]["id"].node()->source().begin.line, line);
}

TEST(ParseInParts, CrLfAByteOrderMarkAndTheTableArraysAfterTheCutMergeExactly) {
  EXPECT_TRUE(parts_match_whole("\xEF\xBB\xBF" + fact_bank(300, "\r\n"), "crlf.toml"));
  // Only the first part has [[event]]; the second starts a new array of tables.
  std::string text = fact_bank(200);
  for (int i = 0; i < 200; ++i) text += "[[actor]]\nid = \"a" + std::to_string(i) + "\"\nname = \"Actor\"\n\n";
  EXPECT_TRUE(parts_match_whole(text, "actors.toml"));
  // No [[event]] before the cut: the second part's array is the whole array.
  const std::string events = fact_bank(100);
  EXPECT_TRUE(parts_match_whole("[bank]\nid = \"x\"\n" + comment_lines() + events.substr(events.find("[[event]]")), "late.toml"));
  // Spaces inside the brackets of the header at the cut.
  std::string spaced = fact_bank(300);
  for (std::size_t at = 0; (at = spaced.find("[[event]]", at)) != std::string::npos;) spaced.replace(at, 9, "[[ event\t]]");
  EXPECT_TRUE(parts_match_whole(spaced, "spaced.toml"));
}

TEST(ParseInParts, WhereThePartsCouldDifferTheWholeTextIsParsedInstead) {
  const std::string events = fact_bank(300);
  const std::size_t cut = *find_parts_cut(events);
  const std::string head = events.substr(0, cut), tail = events.substr(cut);
  const std::string filler = comment_lines();
  const std::string from_first = events.substr(events.find("[[event]]"));
  struct Case {
    std::string name, text;
    bool whole_parses;
  };
  const std::vector<Case> cases{
      // Before the cut `event` is an inline array or a table: [[event]] may not append to it.
      {"inline array", "event = [{ id = \"x\" }]\n" + filler + from_first, false},
      {"table", "[event.meta]\na = 1\n" + filler + from_first, false},
      // A table named in both parts: an error, or (for a parent made implicitly) allowed.
      {"table twice", "[meta]\na = 1\n" + events + "[meta]\nb = 2\n", false},
      {"implicit parent", "[meta.one]\na = 1\n" + events + "[meta.two]\nb = 2\n", true},
      // The cut inside a multi-line string or array: the first part is unterminated.
      {"cut in a string", head + "note = \"\"\"\n" + filler + "[[event]]\n\"\"\"\n" + tail, true},
      {"cut in an array", head + "list = [\n" + filler + "[[event]]\n]\n" + tail, false},
      // Errors and unsafe shapes in either part.
      {"error after", head + tail + "bad = = 1\n", false},
      {"error before", "bad = = 1\n" + head + tail, false},
      {"header without a name after", head + tail + "[[\nx]]\n", false},
      {"overlong key after", head + tail + "[a" + std::string(130, '.') + "]\n", false},
  };
  for (const auto& c : cases) {
    ASSERT_TRUE(find_parts_cut(c.text).has_value()) << c.name;
    EXPECT_FALSE(parse_in_parts(c.text, "case.toml", 0, true).has_value()) << c.name;
    if (c.name.starts_with("header") || c.name.starts_with("overlong")) continue;  // not for toml++ itself
    bool parsed = true;
    try {
      (void)toml::parse(c.text, std::string_view("case.toml"));
    } catch (const toml::parse_error&) {
      parsed = false;
    }
    EXPECT_EQ(parsed, c.whole_parses) << c.name;
  }
}

TEST(ParseInParts, SmallTextAndTextWithoutACutAreNotParsedInParts) {
  EXPECT_FALSE(parse_in_parts(fact_bank(20), "small.toml").has_value());  // under kParsePartsBytes
  const std::string no_header = "[bank]\nid = \"x\"\ntext = \"\"\"\n" + std::string(300000, 'y') + "\n\"\"\"\n";
  EXPECT_FALSE(find_parts_cut(no_header).has_value());
  EXPECT_FALSE(parse_in_parts(no_header, "plain.toml", 0, true).has_value());
  // [[name]] with a dotted or quoted name is not a cut.
  EXPECT_FALSE(find_parts_cut(std::string(100, '#') + "\n[[a.b]]\n[[\"q\"]]\n").has_value());
}

TEST(ParseInParts, EveryRepositoryBankAndTomlEdgeCaseParsesAlike) {
  std::vector<fs::path> files;
  for (const char* dir : {"question_banks", "tests/bank/data", "bench"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(CASEBOOK_SOURCE_DIR) / dir)) {
      if (e.path().extension() == ".toml") files.push_back(e.path());
    }
  }
  const fs::path cases = fs::path(CASEBOOK_SHARED_DIR) / "reference" / "cases";
  if (fs::is_directory(cases)) {
    for (const auto& e : fs::recursive_directory_iterator(cases)) {
      if (e.path().extension() == ".toml") files.push_back(e.path());
    }
  }
  std::size_t in_parts = 0;
  for (const auto& f : files) {
    const std::string text = test::read_all(f);
    if (parts_match_whole(text, f.string())) ++in_parts;
  }
  // The article's bank and the format-2 fixtures have [[...]] headers after their middles.
  EXPECT_GE(in_parts, 3u) << files.size() << " files";
}

/// Lines of `text` up to its first occurrence of `what` (1-based line of it).
int line_of(const std::string& text, const std::string& what) {
  const std::size_t at = text.find(what);
  return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
}

TEST(ParseInParts, TheLoaderPlacesDiagnosticsAfterTheCutOnTheWholeFilesLines) {
  std::string text = fact_bank(1500);
  // fact_bank's events have errors of their own (no `source`, a `where` key, an
  // [[event.link]]): thousands, past the 1,000 a file reports (kMaxErrors), which would leave
  // out the one below. Each event gets a source; the others become comments.
  const auto replace_all = [&](std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  };
  replace_all("format = 2\n\n", "format = 2\n\n[[source]]\nid = \"s\"\ncitation = \"c\"\n\n");
  replace_all("\nwhere = {", "\nsource = \"s\"\n# where = {");
  replace_all("[[event.link]]\nto =", "# [[event.link]]\n# to =");
  ASSERT_GE(text.size(), detail::kParsePartsBytes);
  // A key the format does not know, far after the cut: parsed in parts, reported by the reader.
  text.replace(text.find("title = \"Event 1400\""), 5, "titel");
  const LoadResult r = load_bank_text(text, "late.toml");
  const auto d = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                              [](const core::Diagnostic& x) { return x.message.find("titel") != std::string::npos; });
  ASSERT_NE(d, r.diagnostics.end()) << test::dump(r);
  EXPECT_EQ(d->line, line_of(text, "titel = \"Event 1400\"")) << test::dump(r);
  EXPECT_EQ(d->column, 1);
  EXPECT_LT(r.diagnostics.size(), 100u) << test::dump(r);
  // A syntax error after the cut: the whole text is parsed, with toml++'s own message.
  std::string broken = fact_bank(1500);
  broken.replace(broken.rfind("date = 2010-06-10"), 17, "date = 2010-13-10");  // event 1490
  const LoadResult b = load_bank_text(broken, "broken.toml");
  ASSERT_EQ(b.diagnostics.size(), 1u) << test::dump(b);
  EXPECT_EQ(b.diagnostics[0].code, "toml-syntax");
  EXPECT_EQ(b.diagnostics[0].line, line_of(broken, "date = 2010-13-10")) << test::dump(b);
}

/// What a load gave: its questions' count and every diagnostic, formatted.
std::string summary(const LoadResult& r) {
  return std::to_string(r.bank ? r.bank->questions.size() : 0) + " questions\n" + test::dump(r);
}

TEST(ParseInParts, WithoutASecondThreadTheLoadIsTheSame) {
  // A process limit can forbid new threads (std::async then throws std::system_error): the
  // parse in parts, freeing the tree aside and the second generator lane then run on this
  // thread instead of ending the program.
  if (geteuid() != 0) GTEST_SKIP() << "needs root to run the load as a user limited to one process";
  // A valid bank of 1,500 events (its generators run in two lanes) of over 256 KiB (parsed in
  // parts, its tree freed aside).
  std::string text = "[bank]\nid = \"big\"\ntitle = \"Big\"\nversion = \"1.0.0\"\nformat = 2\n\n[[source]]\n"
                     "id = \"art\"\ncitation = \"A. Author, \\\"Title\\\", Paper, 1 May 2021.\"\n\n";
  for (int i = 0; i < 60; ++i) {
    const std::string k = std::to_string(i);
    text += "[[actor]]\nid = \"a" + k + "\"\nname = \"Actor " + k + " Name\"\nkind = \"agency\"\n" +
            "description = \"The agency numbered " + k + "\"\nsource = \"art\"\nparagraph = [1]\n\n";
  }
  for (int i = 0; i < 1500; ++i) {
    const std::string k = std::to_string(i);
    text += "[[event]]\nid = \"e" + k + "\"\ndate = \"" + std::to_string(1990 + i % 30) + "-0" + std::to_string(1 + i % 9) +
            "-1" + std::to_string(i % 10) + "\"\ntitle = \"Event " + k + " took place\"\nsummary = \"What happened in " + k +
            ".\"\nactors = [\"a" + std::to_string(i % 60) + "\"]\nroles = [{ actor = \"a" + std::to_string((i * 7) % 60) +
            "\", role = \"led the inquiry\" }]\nsource = \"art\"\nparagraph = [1]\n\n";
  }
  ASSERT_GE(text.size(), 256u * 1024u);
  const LoadResult threaded = load_bank_text(text, "big.toml");
  ASSERT_TRUE(threaded.bank.has_value()) << test::dump(threaded);
  ASSERT_GT(threaded.bank->questions.size(), 3000u);
  const std::string expected = summary(threaded);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const rlimit one{1, 1};
    if (setrlimit(RLIMIT_NPROC, &one) != 0 || setgid(65534) != 0 || setuid(65534) != 0) _exit(3);
    try {
      std::thread probe([] {});
      probe.join();
      _exit(4);  // the limit did not hold: the test would prove nothing
    } catch (const std::system_error&) {
    }
    _exit(summary(load_bank_text(text, "big.toml")) == expected ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "the load ended by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: another result, 3: the limit could not be set, 4: threads still start";
}

}  // namespace
}  // namespace casebook::bank
