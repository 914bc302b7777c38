// The loader's diagnostics as a writer meets them: a cap on how many one file reports (as a
// compiler's -fmax-errors), allowed values listed once, a [[question.position]] before any
// [[question]] named at its own line, and an unsupported format reported alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bank/loader.hpp"
#include "bank_test_support.hpp"

namespace {

using casebook::bank::load_bank_text;
using casebook::core::Severity;
using casebook::test::dump;

const std::string kHeader =
    "[bank]\nid = \"diag\"\ntitle = \"T\"\nversion = \"1\"\nformat = 1\n\n[[source]]\nid = \"article\"\n"
    "citation = \"c\"\n\n";

std::size_t count(const casebook::bank::LoadResult& r, Severity s) {
  return static_cast<std::size_t>(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                                [&](const auto& d) { return d.severity == s; }));
}

TEST(DiagnosticCap, ManyErrorsStopAtTheCapWithOneLastNote) {
  // 5,000 citations of distinct unknown sources: each one an error with a did-you-mean.
  std::string prompt;
  for (int i = 0; i < 5000; ++i) prompt += "[@nosuch" + std::to_string(i) + "] ";
  const std::string text = kHeader + "[[question]]\nid = \"q\"\ntype = \"true_false\"\nprompt = \"" + prompt +
                           "\"\nanswer = true\nexplanation = \"e\"\nsource = \"article\"\nparagraph = 1\n";
  const auto r = load_bank_text(text, "cap.toml");
  EXPECT_FALSE(r.bank);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(count(r, Severity::Error), 1001u);  // 1,000 and the note
  EXPECT_EQ(r.dropped_errors, 4000u);
  const auto& last = r.diagnostics.back();
  EXPECT_EQ(last.code, "too-many-errors") << dump(r).substr(0, 2000);
  EXPECT_EQ(last.severity, Severity::Error);
  EXPECT_NE(last.message.find("1000"), std::string::npos) << last.message;
  EXPECT_FALSE(last.hint.empty());
}

TEST(DiagnosticCap, ManyWarningsStopAtTheCapAndTheBankStillLoads) {
  std::string choices = "\"a\", \"b\"";
  for (int i = 0; i < 3000; ++i) choices += ", \"b\"";  // each repeat is a repeated-choice warning
  const std::string text = kHeader + "[[question]]\nid = \"q\"\ntype = \"single_choice\"\nprompt = \"p\"\nchoices = [" +
                           choices + "]\nanswer = \"a\"\nexplanation = \"e\"\nsource = \"article\"\nparagraph = 1\n";
  const auto r = load_bank_text(text, "warn.toml");
  EXPECT_TRUE(r.bank) << dump(r).substr(0, 2000);
  EXPECT_EQ(count(r, Severity::Warning), 1001u);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.back().code, "too-many-warnings");
}

TEST(DiagnosticText, AllowedValuesAreListedOnce) {
  const std::string text = kHeader +
                           "[[question]]\nid = \"q\"\ntype = \"dilemma\"\nprompt = \"p\"\nscenario = \"s\"\n"
                           "explanation = \"e\"\nsource = \"article\"\nparagraph = 1\nrubric = [\"a\", \"b\"]\n"
                           "[[question.position]]\nid = \"yes\"\ntitle = \"Y\"\narguments = [\"a\"]\n"
                           "[[question.position]]\nid = \"yes\"\ntitle = \"Y2\"\narguments = [\"b\"]\n"
                           "[question.case]\nprotagonist = \"P\"\nrole = \"R\"\nsituation = \"S\"\ndecision = \"D\"\n"
                           "[[question.case.model_answer]]\nposition = \"maybe\"\nconclusion = \"C\"\njustification = \"J\"\n";
  const auto r = load_bank_text(text, "dup.toml");
  const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                               [](const auto& d) { return d.code == "unknown-position"; });
  ASSERT_NE(it, r.diagnostics.end()) << dump(r);
  EXPECT_EQ(it->hint, "use one of `yes`") << dump(r);
}

TEST(DiagnosticText, PositionBeforeAnyQuestionIsReportedAtItsLine) {
  const std::string text = kHeader +                                             // lines 1-10
                           "[[question.position]]\nid = \"yes\"\ntitle = \"Y\"\n"  // line 11
                           "\n[[question]]\nid = \"q\"\ntype = \"dilemma\"\n";
  const auto r = load_bank_text(text, "orphan.toml");
  EXPECT_FALSE(r.bank);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  const auto& d = r.diagnostics[0];
  EXPECT_EQ(d.line, 11) << dump(r);
  EXPECT_EQ(d.column, 1) << dump(r);
  EXPECT_NE(d.message.find("[[question.position]]"), std::string::npos) << dump(r);
  EXPECT_EQ(d.message.find("redefine"), std::string::npos) << dump(r);
  EXPECT_NE(d.hint.find("[[question]]"), std::string::npos) << dump(r);
}

TEST(DiagnosticText, AnUnsupportedFormatIsTheOnlyError) {
  const std::string text =
      "[bank]\nid = \"future\"\ntitle = \"T\"\nversion = \"1\"\nformat = 3\n\n[[event]]\nid = \"e1\"\n\n"
      "[[actor]]\nid = \"a1\"\n";
  const auto r = load_bank_text(text, "future.toml");
  EXPECT_FALSE(r.bank);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, "unsupported-format");
  EXPECT_EQ(r.diagnostics[0].line, 5);
}

TEST(DiagnosticText, AFormatInQuotesIsReadAsItsNumber) {
  const std::string facts = "\n[[event]]\nid = \"e1\"\n\n[[actor]]\nid = \"a1\"\n";
  const auto r = load_bank_text("[bank]\nid = \"q\"\ntitle = \"T\"\nversion = \"1\"\nformat = \"2\"\n" + facts, "q.toml");
  EXPECT_FALSE(r.bank);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].code, "wrong-type") << dump(r);
  EXPECT_EQ(r.diagnostics[0].line, 5);
  EXPECT_EQ(r.diagnostics[0].hint, "write it without quotes: `format = 2`");
  // The fact tables are judged as format 2: their own errors, no needs-format-2.
  for (const auto& d : r.diagnostics) EXPECT_NE(d.code, "needs-format-2") << dump(r);
  // A format that is no number at all: reported alone, as an unsupported one.
  const auto x = load_bank_text("[bank]\nid = \"q\"\ntitle = \"T\"\nversion = \"1\"\nformat = \"two\"\n" + facts, "x.toml");
  ASSERT_EQ(x.diagnostics.size(), 1u) << dump(x);
  EXPECT_EQ(x.diagnostics[0].code, "wrong-type");
  EXPECT_EQ(x.diagnostics[0].hint, "write it like `format = 1`");
}

TEST(DiagnosticText, AMisspeltRequiredKeyIsOneErrorAtItsLine) {
  // `promt` for `prompt`, `tpye` for `type`, `iid` for `id`, `titel` for an actor's name-like
  // key: each one error where it is written, with its did-you-mean; no missing-key error at
  // the table for the key it stands for.
  const std::string text = kHeader +                                                 // lines 1-10
                           "[[question]]\niid = \"q1\"\ntpye = \"true_false\"\n"      // lines 11-13
                           "promt = \"The sky is blue.\"\nanswer = true\nexplanation = \"e\"\n"  // 14-16
                           "source = \"article\"\nparagraph = 1\n"                      // 17-18
                           "\n[[question]]\nid = \"q2\"\ntype = \"true_false\"\nanswer = true\n"  // 20-23
                           "explanation = \"e\"\nsource = \"article\"\nparagraph = 1\n";
  const auto r = load_bank_text(text, "typo.toml");
  EXPECT_FALSE(r.bank);
  std::vector<std::string> seen;
  for (const auto& d : r.diagnostics) seen.push_back(std::to_string(d.line) + " " + d.code + " " + d.hint);
  const std::vector<std::string> expected{
      "12 unknown-key did you mean `id`?",
      "13 unknown-key did you mean `type`?",
      "14 unknown-key did you mean `prompt`?",
      // A required key simply left out is still reported, at its table.
      "20 missing-key add `prompt = \"...\"`",
  };
  EXPECT_EQ(seen, expected) << dump(r);
}

}  // namespace
