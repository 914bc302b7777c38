// The TOML edge cases of ../shared/reference/cases (distilled from bug reports in tools of
// this kind), read by path; each test skips when the file is absent. The cases use another
// tool's "[deck]" layout: read as they are, they must give exact diagnostics (not a crash);
// rewritten into format v1 with their bytes kept, they must load with the exact strings.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bank/loader.hpp"
#include "core/grading.hpp"

namespace {

namespace fs = std::filesystem;
using casebook::core::Diagnostic;

const fs::path kCases = fs::path(CASEBOOK_SHARED_DIR) / "reference" / "cases";

std::string read_case(const std::string& name) {
  std::ifstream in(kCases / name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

#define REQUIRE_CASE(name) \
  if (!fs::exists(kCases / (name))) GTEST_SKIP() << "reference case absent: " << (kCases / (name))

std::string dump(const casebook::bank::LoadResult& r) {
  std::string s;
  for (const auto& d : r.diagnostics) s += casebook::core::format_diagnostic(d) + "\n";
  return s;
}

std::string replace_first(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << "no " << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

const std::string kSource = "[[source]]\nid = \"s\"\ncitation = \"c\"\n";

// 300 nested arrays: toml++ stops at its depth limit (256) with a syntax error at the 257th
// '[' (column 8 + 256), instead of exhausting the stack; nothing is loaded.
TEST(ReferenceCases, Toml1DeepNestingIsASyntaxErrorNotACrash) {
  REQUIRE_CASE("TOML-1_deep_nesting.toml");
  const std::string path = (kCases / "TOML-1_deep_nesting.toml").string();
  const auto r = casebook::bank::load_bank_file(path);
  EXPECT_FALSE(r.bank);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.code, "toml-syntax");
  EXPECT_EQ(d.file, path);
  EXPECT_EQ(d.line, 4);
  EXPECT_EQ(d.column, 264);
  EXPECT_EQ(d.message, "invalid TOML: exceeded maximum nested value depth of 256 (TOML_MAX_NESTED_VALUES)");
}

// CRLF line endings in multi-line strings: positions count CRLF as one line break, and the
// strings hold "\n" only, with the line-ending backslash trimming the next line's indent.
TEST(ReferenceCases, Toml4CrlfMultilineStrings) {
  REQUIRE_CASE("TOML-4_crlf_multiline.toml");
  const std::string raw = read_case("TOML-4_crlf_multiline.toml");
  ASSERT_NE(raw.find("\r\n"), std::string::npos);
  const auto as_is = casebook::bank::load_bank_text(raw, "TOML-4.toml");
  EXPECT_FALSE(as_is.bank);
  ASSERT_EQ(as_is.diagnostics.size(), 3u) << dump(as_is);
  EXPECT_EQ(as_is.diagnostics[0].code, "missing-table");
  EXPECT_EQ(as_is.diagnostics[1].code, "no-questions");
  EXPECT_EQ(as_is.diagnostics[2].code, "unknown-key");
  EXPECT_EQ(as_is.diagnostics[2].message, "unknown key `deck` in the top level of the file");
  EXPECT_EQ(as_is.diagnostics[2].line, 1);
  EXPECT_EQ(as_is.diagnostics[2].column, 3);

  // Same bytes as a format v1 question: [[deck.questions]] -> a bank header and [[question]].
  std::string text = replace_first(raw, "[[deck.questions]]",
                                   "[bank]\r\nid = \"crlf\"\r\ntitle = \"t\"\r\nversion = \"1\"\r\nformat = 1\r\n" +
                                       replace_all(kSource, "\n", "\r\n") + "[[question]]");
  text = replace_first(text, "note = ", "explanation = ");
  text += "type = \"true_false\"\r\nanswer = true\r\nsource = \"s\"\r\nparagraph = 1\r\nbad = 1\r\n";
  auto r = casebook::bank::load_bank_text(text, "crlf.toml");
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, "unknown-key");
  EXPECT_EQ(r.diagnostics[0].line, 21);  // every CRLF counted once
  text = replace_first(text, "bad = 1\r\n", "");
  r = casebook::bank::load_bank_text(text, "crlf.toml");
  ASSERT_TRUE(r.bank) << dump(r);
  const auto& q = r.bank->questions.at(0);
  EXPECT_EQ(q.id, "crlf1");
  // No CR survives; the remaining single line break is a wrapped line, joined by a space.
  EXPECT_EQ(q.prompt, "Line one continued. Second line.");
  EXPECT_EQ(q.explanation, "raw literal");
  EXPECT_EQ(q.prompt.find('\r'), std::string::npos);
}

// A byte-order mark (Notepad) is skipped: it is neither a syntax error nor a column.
TEST(ReferenceCases, TomlR1ByteOrderMark) {
  REQUIRE_CASE("TOML-R1_bom.toml");
  const std::string raw = read_case("TOML-R1_bom.toml");
  ASSERT_EQ(raw.rfind("\xEF\xBB\xBF", 0), 0u);
  const auto as_is = casebook::bank::load_bank_text(raw, "bom.toml");
  EXPECT_FALSE(as_is.bank);
  ASSERT_EQ(as_is.diagnostics.size(), 3u) << dump(as_is);
  EXPECT_EQ(as_is.diagnostics[2].code, "unknown-key");
  EXPECT_EQ(as_is.diagnostics[2].line, 1);
  EXPECT_EQ(as_is.diagnostics[2].column, 2);  // "[deck]": the key after '[', BOM not counted

  std::string text = replace_first(raw, "[deck]", "[bank]\r\nid = \"bom\"\r\nversion = \"1\"\r\nformat = 1");
  text += kSource + "[[question]]\nid = \"q\"\ntype = \"true_false\"\nprompt = \"p\"\nanswer = true\n"
                    "explanation = \"e\"\nsource = \"s\"\nparagraph = 1\n";
  const auto r = casebook::bank::load_bank_text(text, "bom.toml");
  ASSERT_TRUE(r.bank) << dump(r);
  EXPECT_EQ(r.bank->info.title, "Saved by Notepad");
  EXPECT_EQ(r.bank->info.id, "bom");
}

// Text in several scripts survives byte for byte, and typed answers match it after folding.
TEST(ReferenceCases, Img1MultiscriptBank) {
  REQUIRE_CASE("IMG-1_multiscript_bank.toml");
  const std::string raw = read_case("IMG-1_multiscript_bank.toml");
  std::string text = replace_first(raw, "[deck]", "[bank]\nid = \"multiscript\"\nversion = \"1\"\nformat = 1");
  text = replace_all(text, "[[deck.questions]]",
                     "[[question]]\ntype = \"short_answer\"\nexplanation = \"e\"\nsource = \"s\"\nparagraph = 1");
  text += "\n" + kSource;
  const auto r = casebook::bank::load_bank_text(text, "multiscript.toml");
  ASSERT_TRUE(r.bank) << dump(r);
  const auto& b = *r.bank;
  EXPECT_EQ(b.info.title, "Révision – Lietuvių ąčęėįšųū – Русский – Ελληνικά");
  ASSERT_EQ(b.questions.size(), 3u);
  EXPECT_EQ(b.questions[0].prompt, "Что означает слово «повторение»?");
  EXPECT_EQ(b.questions[0].accepted, (std::vector<std::string>{"repetition", "повтор"}));
  EXPECT_EQ(b.questions[1].prompt, "Kaip lietuviškai „thank you“? (ačiū)");
  EXPECT_EQ(b.questions[2].prompt, "Œuvre, naïveté, façade — où est l'accent grave ? à");
  // The prompts appear in the file exactly as loaded (no re-encoding).
  for (const auto& q : b.questions) EXPECT_NE(raw.find(q.prompt), std::string::npos) << q.id;

  using casebook::core::Answer;
  const auto typed = [](const casebook::core::Question& q, const std::string& t) {
    Answer a;
    a.text = t;
    return casebook::core::grade(q, a).correct;
  };
  EXPECT_TRUE(typed(b.questions[0], "ПОВТОР"));
  EXPECT_TRUE(typed(b.questions[0], " Repetition. "));
  EXPECT_FALSE(typed(b.questions[0], "повторение"));
  EXPECT_TRUE(typed(b.questions[1], "ačiū"));
  EXPECT_TRUE(typed(b.questions[1], "ACIU"));  // accents folded: a keyboard without them still works
  EXPECT_TRUE(typed(b.questions[2], "à"));
  EXPECT_TRUE(typed(b.questions[2], "a"));
  EXPECT_FALSE(typed(b.questions[2], "o"));
}

}  // namespace
