// Interchange against hostile input: each test is the minimal reproduction of a defect found
// by feeding the importers bad files (non-finite numbers, stray braces, binary and non-UTF-8
// bytes, misquoted CSV, 100,000 questions), checked by what the importer must report.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <tuple>
#include <vector>

#include "bank/loader.hpp"
#include "interchange/interchange.hpp"

namespace ci = casebook::interchange;
namespace core = casebook::core;

namespace {

/// (line, column, severity letter, code) of every diagnostic.
std::vector<std::tuple<int, int, char, std::string>> diags(const ci::ImportResult& r) {
  std::vector<std::tuple<int, int, char, std::string>> out;
  for (const auto& d : r.diagnostics) {
    out.emplace_back(d.line, d.column, d.severity == core::Severity::Error ? 'E' : 'W', d.code);
  }
  return out;
}

using D = std::tuple<int, int, char, std::string>;

/// The written bank loads without error (the import must never produce a bank the loader refuses).
void expect_loads(const ci::ImportResult& r) {
  const auto loaded = casebook::bank::load_bank_text(ci::write_bank_toml(r.bank), "out.toml");
  EXPECT_FALSE(core::has_errors(loaded.diagnostics));
}

}  // namespace

// {#nan} used to be imported as a numeric question the loader then refused ("please report this").
TEST(InterchangeHostile, GiftNonFiniteNumbersAreReported) {
  const auto r = ci::import_gift("Q1 {#nan}\n\nQ2 {#inf}\n\nQ3 {#1..inf}\n\nQ4 {#-inf:1}\n\nQ5 {#5}\n", "n.gift");
  EXPECT_EQ(diags(r), (std::vector<D>{{1, 1, 'E', "gift-bad-number"},
                                      {3, 1, 'E', "gift-bad-number"},
                                      {5, 1, 'E', "gift-bad-number"},
                                      {7, 1, 'E', "gift-bad-number"}}));
  ASSERT_EQ(r.bank.questions.size(), 1U);
  EXPECT_EQ(r.bank.questions[0].value, 5.0);
  expect_loads(r);
}

TEST(InterchangeHostile, CsvNonFiniteNumbersAreReported) {
  const auto r = ci::import_csv("type,prompt,answer\nnumeric,a,nan\nnumeric,b,1..inf\nnumeric,c,5:inf\nnumeric,d,5:1\n",
                                "n.csv");
  EXPECT_EQ(diags(r), (std::vector<D>{{2, 1, 'E', "csv-bad-question"},
                                      {3, 1, 'E', "csv-bad-question"},
                                      {4, 1, 'E', "csv-bad-question"}}));
  ASSERT_EQ(r.bank.questions.size(), 1U);
  expect_loads(r);
}

TEST(InterchangeHostile, ReversedRangeSaysSo) {
  const auto g = ci::import_gift("Q {#5..1}\n", "r.gift");
  ASSERT_EQ(g.diagnostics.size(), 1U);
  EXPECT_NE(g.diagnostics[0].message.find("ends below its start"), std::string::npos) << g.diagnostics[0].message;
  const auto c = ci::import_csv("type,prompt,answer\nnumeric,q,5..1\n", "r.csv");
  ASSERT_EQ(c.diagnostics.size(), 1U);
  EXPECT_NE(c.diagnostics[0].message.find("ends below its start"), std::string::npos) << c.diagnostics[0].message;
}

// "Q {=a ~b}}" and a second answer block used to be imported with the rest as prompt text.
TEST(InterchangeHostile, GiftBraceAfterAnswerBlockIsAnError) {
  const auto r = ci::import_gift("Q {=a ~b}}\n\nR {=a ~b} then {=c ~d}\n\nS {=a ~b} \\{literal\\}\n", "b.gift");
  EXPECT_EQ(diags(r), (std::vector<D>{{1, 1, 'E', "gift-syntax"}, {3, 1, 'E', "gift-syntax"}}));
  ASSERT_EQ(r.bank.questions.size(), 1U);
  EXPECT_EQ(r.bank.questions[0].prompt, "S _____ {literal}");
}

TEST(InterchangeHostile, GiftFeedbackAfterTheBracesIsWarnedAbout) {
  // `####` after `}` is question text in GIFT (a missing word); inside the braces it is feedback.
  const auto r = ci::import_gift("What is 2+2? {=4 ~5} ####Four.\n\nAnd 3+3? {=6 ~7 ####Six.}\n", "f.gift");
  EXPECT_EQ(diags(r), (std::vector<D>{{1, 1, 'W', "gift-feedback-outside"}}));
  ASSERT_EQ(r.bank.questions.size(), 2U);
  EXPECT_EQ(r.bank.questions[0].prompt, "What is 2+2? _____ ####Four.");  // as GIFT reads it
  EXPECT_EQ(r.bank.questions[1].explanation.rfind("Six.", 0), 0U) << r.bank.questions[1].explanation;
}

// Invalid UTF-8 used to reach the TOML writer and fail the whole import as an internal error;
// a NUL byte was imported into the prompt.
TEST(InterchangeHostile, NonUtf8AndControlBytesAreReportedAtTheirPlace) {
  const auto bad = ci::import_gift("Q ok {=a ~b}\n\nR \xc3\xa9t\xe9 {=a ~b}\n", "u.gift");
  EXPECT_EQ(diags(bad), (std::vector<D>{{3, 5, 'E', "encoding"}}));
  EXPECT_TRUE(bad.bank.questions.empty());
  const auto nul = ci::import_aiken(std::string("Q?\nA) x\nB) y\x00z\nANSWER: A\n", 25), "n.txt");
  EXPECT_EQ(diags(nul), (std::vector<D>{{3, 5, 'E', "encoding"}}));
  const auto csv = ci::import_csv("type,prompt,answer\ntrue_false,\xff,true\n", "x.csv");
  EXPECT_EQ(diags(csv), (std::vector<D>{{2, 12, 'E', "encoding"}}));
  // A BOM, CRLF and tabs are fine.
  const auto ok = ci::import_gift("\xef\xbb\xbfQ\tbom {=a ~b}\r\n\r\nR crlf {T}\r\n", "ok.gift");
  EXPECT_TRUE(ok.diagnostics.empty());
  EXPECT_EQ(ok.bank.questions.size(), 2U);
}

// An unquoted comma shifted the cells silently; an unterminated quote was read as a question.
TEST(InterchangeHostile, CsvExtraFieldsAndUnterminatedQuote) {
  const auto r = ci::import_csv("type,prompt,choices,answer\nsingle_choice,Is it a, b?,a|b,a\n"
                                "single_choice,\"multi\nline\",a|b,a\nsingle_choice,\"open,a|b,a\nx,y,z,w\n",
                                "q.csv");
  EXPECT_EQ(diags(r), (std::vector<D>{{2, 1, 'E', "csv-bad-question"}, {5, 1, 'E', "csv-syntax"}}));
  ASSERT_EQ(r.bank.questions.size(), 1U);
  EXPECT_EQ(r.bank.questions[0].prompt, "multi\n\nline");
  expect_loads(r);
}

// A CRLF file whose quoted prompt spans lines: the row after it is reported at its real line,
// and the line breaks of the prompt become paragraphs.
TEST(InterchangeHostile, CsvMultiLineFieldKeepsLaterLineNumbers) {
  const auto r = ci::import_csv("type,prompt,answer\r\ntrue_false,\"first\r\nsecond\r\nthird\",true\r\n"
                                "no_such_type,x,y\r\n",
                                "q.csv");
  EXPECT_EQ(diags(r), (std::vector<D>{{5, 1, 'E', "csv-bad-type"}}));
  ASSERT_EQ(r.bank.questions.size(), 1U);
  EXPECT_EQ(r.bank.questions[0].prompt, "first\n\nsecond\n\nthird");
  expect_loads(r);
}

// Unique ids were found by probing "-2", "-3", ... with a linear scan each: n questions with
// one prompt cost n^3 string compares (5,000 took many minutes; 100,000 never ended).
TEST(InterchangeHostile, ManyQuestionsWithOnePromptImportFast) {
  std::string gift;
  for (int i = 0; i < 5000; ++i) gift += "Same prompt {=a ~b}\n\n";
  const auto start = std::chrono::steady_clock::now();
  const auto r = ci::import_gift(gift, "big.gift");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.bank.questions.size(), 5000U);
  EXPECT_EQ(r.bank.questions[0].id, "same-prompt");
  EXPECT_EQ(r.bank.questions[1].id, "same-prompt-2");
  EXPECT_EQ(r.bank.questions[4999].id, "same-prompt-5000");
  EXPECT_LT(seconds, 20.0);  // about 2 s with sanitizers on a loaded machine
}

// A choice "%50% off" was exported verbatim and came back as a multiple response question
// with the choice "off"; an accepted "a->b" came back as matching (or not at all).
TEST(InterchangeHostile, ExportKeepsPercentTextsAndDropsArrowAnswers) {
  const char* toml = R"([bank]
id = "ex"
title = "Ex"
version = "1.0.0"
format = 1
language = "en"

[[source]]
id = "s"
citation = "S, 2020."

[[question]]
id = "q1"
type = "single_choice"
prompt = "Pick"
choices = ["%50% off", "%10% off", "a -> b"]
answer = "%50% off"
explanation = "e"
source = "s"
paragraph = [1]

[[question]]
id = "q2"
type = "short_answer"
prompt = "Type it"
answers = ["%20%c", "x->y"]
explanation = "e"
source = "s"
paragraph = [2]

[[question]]
id = "q3"
type = "short_answer"
prompt = "Arrow only"
answers = ["x->y"]
explanation = "e"
source = "s"
paragraph = [3]
)";
  const auto loaded = casebook::bank::load_bank_text(toml, "ex.toml");
  ASSERT_TRUE(loaded.bank);
  std::vector<core::Diagnostic> lossy;
  const std::string gift = ci::export_gift(*loaded.bank, lossy);
  ASSERT_EQ(lossy.size(), 2U);
  EXPECT_EQ(lossy[0].code, "gift-arrow-in-answer");
  EXPECT_EQ(lossy[1].code, "gift-arrow-in-answer");
  EXPECT_NE(gift.find("\t=%50% off\n\t~%0%%10% off\n\t~a -> b"), std::string::npos) << gift;
  EXPECT_NE(gift.find("\t=%100%%20%c\n"), std::string::npos) << gift;
  const auto back = ci::import_gift(gift, "ex.gift");
  EXPECT_TRUE(back.diagnostics.empty());
  ASSERT_EQ(back.bank.questions.size(), 2U);
  const auto& q1 = back.bank.questions[0];
  EXPECT_EQ(q1.type, core::QuestionType::SingleChoice);
  ASSERT_EQ(q1.choices.size(), 3U);
  EXPECT_EQ(q1.choices[0].text, "%50% off");
  EXPECT_TRUE(q1.choices[0].correct);
  EXPECT_EQ(q1.choices[1].text, "%10% off");
  EXPECT_FALSE(q1.choices[1].correct);
  EXPECT_EQ(back.bank.questions[1].accepted, (std::vector<std::string>{"%20%c"}));
}

// Two options labelled B: `ANSWER: B` silently took the second one.
TEST(InterchangeHostile, AikenRepeatedAnswerLabelIsAnError) {
  const auto r = ci::import_aiken("Which?\nA) one\nB) two\nB) three\nANSWER: B\n\nOk?\nA) x\nB) y\nANSWER: A\n", "a.txt");
  EXPECT_EQ(diags(r), (std::vector<D>{{1, 1, 'E', "aiken-bad-answer"}}));
  ASSERT_EQ(r.bank.questions.size(), 1U);
  EXPECT_EQ(r.bank.questions[0].prompt, "Ok?");
}
