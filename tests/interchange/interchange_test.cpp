// Interchange: imports of the real GIFT/Aiken files in ../shared/reference (question counts
// and per-line reports counted by hand), CSV import, GIFT export round trip, TOML round trip.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "bank/loader.hpp"
#include "interchange/interchange.hpp"

namespace ci = casebook::interchange;
namespace core = casebook::core;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string ref(const std::string& rel) { return std::string(CASEBOOK_SHARED_DIR) + "/reference/" + rel; }

#define REQUIRE_REF(path)                                                     \
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "reference file absent: " << (path)

/// (line, severity letter, code) of every diagnostic, for compact expectations.
std::vector<std::tuple<int, char, std::string>> summary(const ci::ImportResult& r) {
  std::vector<std::tuple<int, char, std::string>> out;
  for (const auto& d : r.diagnostics) {
    out.emplace_back(d.line, d.severity == core::Severity::Error ? 'E' : 'W', d.code);
  }
  return out;
}

/// The written TOML loads without error and gives back the same questions.
core::Bank reload(const ci::ImportResult& r) {
  const std::string toml = ci::write_bank_toml(r.bank);
  const auto loaded = casebook::bank::load_bank_text(toml, "imported.toml");
  for (const auto& d : loaded.diagnostics) {
    EXPECT_NE(d.severity, core::Severity::Error) << core::format_diagnostic(d) << "\n" << toml;
  }
  EXPECT_TRUE(loaded.bank.has_value()) << toml;
  return loaded.bank.value_or(core::Bank{});
}

void expect_same_questions(const core::Bank& a, const core::Bank& b) {
  ASSERT_EQ(a.questions.size(), b.questions.size());
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    const auto& x = a.questions[i];
    const auto& y = b.questions[i];
    SCOPED_TRACE(x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.type, y.type);
    EXPECT_EQ(x.prompt, y.prompt);
    EXPECT_EQ(x.explanation, y.explanation);
    ASSERT_EQ(x.choices.size(), y.choices.size());
    for (std::size_t k = 0; k < x.choices.size(); ++k) {
      EXPECT_EQ(x.choices[k].text, y.choices[k].text);
      EXPECT_EQ(x.choices[k].correct, y.choices[k].correct);
    }
    EXPECT_EQ(x.truth, y.truth);
    EXPECT_EQ(x.accepted, y.accepted);
    EXPECT_EQ(x.value, y.value);
    EXPECT_EQ(x.tolerance, y.tolerance);
    EXPECT_EQ(x.min, y.min);
    EXPECT_EQ(x.max, y.max);
    EXPECT_EQ(x.topics, y.topics);
    ASSERT_EQ(x.pairs.size(), y.pairs.size());
    for (std::size_t k = 0; k < x.pairs.size(); ++k) {
      EXPECT_EQ(x.pairs[k].left, y.pairs[k].left);
      EXPECT_EQ(x.pairs[k].right, y.pairs[k].right);
    }
    EXPECT_EQ(x.source.source_id, y.source.source_id);
    EXPECT_EQ(x.source.paragraphs, y.source.paragraphs);
  }
}

}  // namespace

TEST(GiftImport, EscapeAllGivesOneSingleChoiceWithEveryControlCharacter) {
  const auto path = ref("question-files/gift-grammar-pegjs_MIT/escapeAll.gift");
  REQUIRE_REF(path);
  const auto r = ci::import_gift(read_file(path), path);
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.bank.questions.size(), 1u);
  const auto& q = r.bank.questions[0];
  EXPECT_EQ(q.id, "gift-control-characters");
  EXPECT_EQ(q.type, core::QuestionType::SingleChoice);
  EXPECT_EQ(q.prompt, "Which of the following is NOT a control character for the GIFT import format?");
  std::vector<std::string> texts;
  for (const auto& c : q.choices) texts.push_back(c.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"~", "=", "#", "{", "}", ":", "\\"}));
  EXPECT_TRUE(q.choices[6].correct);
  EXPECT_NE(q.explanation.find("\\: Correct! \\ (backslash) is not a control character. BUT,\n\nit is used"), std::string::npos)
      << q.explanation;
  EXPECT_EQ(q.pos.line, 1);
  expect_same_questions(r.bank, reload(r));
}

TEST(GiftImport, NumericalFileGivesTenNumbersWithRangesAndTheFullCreditAnswer) {
  const auto path = ref("question-files/gift-grammar-pegjs_MIT/numerical1.gift");
  REQUIRE_REF(path);
  const auto r = ci::import_gift(read_file(path), path);
  ASSERT_EQ(r.bank.questions.size(), 10u);
  EXPECT_EQ(r.skipped, 0);
  // The two multi-answer questions keep their 100 % answer and say so.
  EXPECT_EQ(summary(r), (decltype(summary(r)){{19, 'W', "gift-partial-credit"}, {23, 'W', "gift-partial-credit"}}));
  const auto& qs = r.bank.questions;
  for (const auto& q : qs) EXPECT_EQ(q.type, core::QuestionType::Numeric);
  EXPECT_EQ(qs[0].value, 1822);
  EXPECT_EQ(qs[1].value, -1);
  EXPECT_EQ(qs[2].value, 3.1415);
  EXPECT_EQ(qs[2].tolerance, 0.0005);
  EXPECT_EQ(qs[2].prompt, "What is the value of pi (to 3 decimal places)? _____.");
  EXPECT_EQ(qs[4].min, 3.141);
  EXPECT_EQ(qs[4].max, 3.142);
  EXPECT_EQ(qs[5].min, -3.142);
  EXPECT_EQ(qs[5].max, -3.141);
  EXPECT_EQ(qs[7].min, -5);
  EXPECT_EQ(qs[8].value, 1822);
  EXPECT_EQ(qs[8].tolerance, 0);
  EXPECT_EQ(qs[9].id, "combien-de-principes-grasp-y-a-t-il");
  EXPECT_EQ(qs[9].value, 9);
  EXPECT_EQ(qs[9].prompt, "Combien de principes GRASP y a-t-il?");
  EXPECT_NE(qs[9].explanation.find("\n\n9:0: Correct. Il y a neuf (9) principes GRASP.\n\n23:0: Incorrect."), std::string::npos);
  EXPECT_EQ(qs[0].id, "when-was-ulysses-s-grant-born");
  EXPECT_EQ(qs[8].id, "when-was-ulysses-s-grant-born-2");
  std::vector<int> lines;
  for (const auto& q : qs) lines.push_back(q.pos.line);
  EXPECT_EQ(lines, (std::vector<int>{3, 5, 7, 9, 11, 13, 15, 17, 19, 23}));
  expect_same_questions(r.bank, reload(r));
}

TEST(GiftImport, HtmlQuestionsBecomePlainText) {
  const auto path = ref("question-files/gift-grammar-pegjs_MIT/mcHTMLComment.gift");
  REQUIRE_REF(path);
  const auto r = ci::import_gift(read_file(path), path);
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.bank.questions.size(), 1u);
  const auto& q = r.bank.questions[0];
  EXPECT_EQ(q.id, "ee-mod-05-t39-p079");
  EXPECT_EQ(q.prompt, "\u00bfEn qu\u00e9 supuestos podr\u00eda el Fiscal autorizar a la Polic\u00eda Judicial la "
                      "pr\u00e1ctica de una diligencia de entrada y registro?");
  ASSERT_EQ(q.choices.size(), 3u);
  EXPECT_EQ(q.choices[2].text, "Nunca.");
  EXPECT_TRUE(q.choices[2].correct);
  EXPECT_EQ(q.explanation.rfind("Art\u00edculo 5 Estatuto Org\u00e1nico del Ministerio Fiscal:\n\nDos. Igualmente", 0), 0u)
      << q.explanation;
  EXPECT_EQ(q.explanation.find('<'), std::string::npos);
  EXPECT_EQ(q.explanation.find("LE0000017566"), std::string::npos);  // the HTML comment is gone
  expect_same_questions(r.bank, reload(r));
}

TEST(GiftImport, MultiLineFeedbackAndHtmlChoices) {
  const auto path = ref("question-files/gift-grammar-pegjs_MIT/multiLineFeedback1.gift");
  REQUIRE_REF(path);
  const auto r = ci::import_gift(read_file(path), path);
  ASSERT_EQ(r.bank.questions.size(), 2u);
  EXPECT_EQ(summary(r), (decltype(summary(r)){{11, 'W', "gift-image-dropped"}}));
  const auto& a = r.bank.questions[0];
  EXPECT_EQ(a.pos.line, 3);
  EXPECT_EQ(a.type, core::QuestionType::SingleChoice);
  EXPECT_EQ(a.explanation,
            "Global feedback split\n\non multiple lines\n\n"
            "wrong answer: feedback comment on the wrong answer\n\n"
            "another wrong answer: feedback comment on this wrong answer\n\non multiple lines\n\n"
            "right answer: Very good!");
  const auto& b = r.bank.questions[1];
  EXPECT_EQ(b.id, "06-creation-d-instance");
  std::vector<std::string> texts;
  for (const auto& c : b.choices) texts.push_back(c.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Client", "ConditionAbonnement", "Paiement", "Emprunt",
                                             "Contr\u00f4leurAbonnement", "Cl\u00e9Access"}));
  EXPECT_TRUE(b.choices[4].correct);
  expect_same_questions(r.bank, reload(r));
}

TEST(GiftImport, DescriptionIsReportedAndTheTrueFalseImports) {
  const auto path = ref("question-files/gift-grammar-pegjs_MIT/descriptionTitleEscapedColon.gift");
  REQUIRE_REF(path);
  const auto r = ci::import_gift(read_file(path), path);
  EXPECT_EQ(summary(r), (decltype(summary(r)){{1, 'E', "gift-description"}}));
  EXPECT_NE(r.diagnostics[0].message.find("`Description Title:`"), std::string::npos);
  ASSERT_EQ(r.bank.questions.size(), 1u);
  EXPECT_EQ(r.bank.questions[0].type, core::QuestionType::TrueFalse);
  EXPECT_TRUE(r.bank.questions[0].truth);
  EXPECT_EQ(r.bank.questions[0].pos.line, 3);
}

TEST(GiftImport, CategoryWithColonsBecomesATopic) {
  const auto path = ref("question-files/gift-grammar-pegjs_MIT/categorySpecialCharacter.gift");
  REQUIRE_REF(path);
  const auto r = ci::import_gift(read_file(path), path);
  EXPECT_TRUE(r.bank.questions.empty());
  ASSERT_EQ(r.bank.topics.size(), 1u);
  EXPECT_EQ(r.bank.topics[0].title, "Default for Unit 1: Topic");
  EXPECT_EQ(r.bank.topics[0].id, "default-for-unit-1-topic");

  const auto case_path = ref("cases/GIFT-2_category_colon.gift");
  REQUIRE_REF(case_path);
  const auto c = ci::import_gift(read_file(case_path), case_path);
  EXPECT_TRUE(c.diagnostics.empty());
  ASSERT_EQ(c.bank.questions.size(), 2u);
  EXPECT_EQ(c.bank.questions[0].id, "s1");
  EXPECT_EQ(c.bank.questions[0].type, core::QuestionType::TrueFalse);
  EXPECT_EQ(c.bank.questions[0].topics, std::vector<std::string>{"default-for-bio-101-cells-unit-2"});
  EXPECT_EQ(c.bank.questions[1].id, "g1");
  EXPECT_EQ(c.bank.questions[1].type, core::QuestionType::SingleChoice);
  EXPECT_EQ(c.bank.questions[1].topics, std::vector<std::string>{"grammaire-unite-2-les-accords"});
  ASSERT_EQ(c.bank.topics.size(), 2u);
  EXPECT_EQ(c.bank.topics[0].title, "Default for BIO-101/Cells: Unit 2");
  EXPECT_EQ(c.bank.topics[1].title, "Grammaire/Unit\u00e9 2 : les accords");
  expect_same_questions(c.bank, reload(c));
}

TEST(GiftImport, TypesTheFilesDoNotCover) {
  const std::string gift =
      "// comment\n"
      "::mr::Pick the two {~%50%a ~%50%b ~%-100%c}\n"
      "\n"
      "::sa::Capital of France? {=Paris =%50%Lyon}\n"
      "\n"
      "::match::Match {=x -> 1 =y -> 2 = -> 3}\n"
      "\n"
      "::tf::Sky is green {F#No, blue.#Right.}\n"
      "\n"
      "::essay::Write about it {}\n"
      "\n"
      "::two::Either {=a =b ~c}\n";
  const auto r = ci::import_gift(gift, "t.gift");
  EXPECT_EQ(summary(r), (decltype(summary(r)){{4, 'W', "gift-partial-credit"},
                                              {6, 'W', "gift-extra-distractor"},
                                              {10, 'E', "gift-essay"},
                                              {12, 'E', "gift-several-correct"}}));
  ASSERT_EQ(r.bank.questions.size(), 4u);
  EXPECT_EQ(r.bank.questions[0].type, core::QuestionType::MultipleResponse);
  EXPECT_EQ(r.bank.questions[1].accepted, std::vector<std::string>{"Paris"});
  EXPECT_EQ(r.bank.questions[2].pairs.size(), 2u);
  EXPECT_FALSE(r.bank.questions[3].truth);
  EXPECT_EQ(r.bank.questions[3].explanation, "Answered true: No, blue.\n\nAnswered false: Right.");
  expect_same_questions(r.bank, reload(r));
}

TEST(AikenImport, MoodleFixtures) {
  const auto good = ref("question-files/moodle_GPL3/questions.aiken.txt");
  REQUIRE_REF(good);
  const auto r = ci::import_aiken(read_file(good), good);
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.bank.questions.size(), 2u);
  EXPECT_EQ(r.bank.questions[0].choices[1].text, "Martin Dougiamas");
  EXPECT_TRUE(r.bank.questions[0].choices[1].correct);
  EXPECT_EQ(r.bank.questions[1].prompt,
            "Moodle's abilities include handling user input that includes <html class=\"cool\"> & images:");
  expect_same_questions(r.bank, reload(r));

  const auto bad = ref("question-files/moodle_GPL3/aiken_errors.txt");
  const auto e = ci::import_aiken(read_file(bad), bad);
  EXPECT_EQ(summary(e), (decltype(summary(e)){{1, 'E', "too-few-choices"},
                                              {5, 'E', "aiken-no-question"},
                                              {14, 'E', "aiken-unfinished"},
                                              {19, 'W', "aiken-no-space"},
                                              {20, 'W', "aiken-no-space"}}));
  ASSERT_EQ(e.bank.questions.size(), 2u);
  EXPECT_EQ(e.bank.questions[0].prompt, "A good question");
  EXPECT_EQ(e.bank.questions[1].prompt, "A second good question");
  EXPECT_TRUE(e.bank.questions[1].choices[1].correct);
  EXPECT_EQ(e.bank.questions[1].choices[1].text, "Correct (No space)");
}

TEST(AikenImport, BadFileIsReportedPerQuestion) {
  const auto path = ref("cases/GIFT-4_aiken_bad.txt");
  REQUIRE_REF(path);
  const auto r = ci::import_aiken(read_file(path), path);
  EXPECT_EQ(summary(r), (decltype(summary(r)){{1, 'E', "too-few-choices"},
                                              {5, 'E', "aiken-bad-answer"},
                                              {13, 'W', "aiken-lowercase-answer"},
                                              {15, 'E', "aiken-no-question"},
                                              {17, 'E', "aiken-unfinished"},
                                              {22, 'W', "aiken-no-space"},
                                              {23, 'W', "aiken-no-space"}}));
  EXPECT_EQ(r.skipped, 4);
  ASSERT_EQ(r.bank.questions.size(), 3u);
  EXPECT_EQ(r.bank.questions[0].prompt, "Lower-case answer letter");
  EXPECT_TRUE(r.bank.questions[0].choices[1].correct);
  EXPECT_EQ(r.bank.questions[1].pos.line, 21);
  EXPECT_EQ(r.bank.questions[1].choices[1].text, "right");
  EXPECT_EQ(r.bank.questions[2].prompt, "A good question");
  EXPECT_EQ(r.bank.questions[2].source.paragraphs, std::vector<int>{3});
  expect_same_questions(r.bank, reload(r));
}

TEST(CsvImport, EveryTypeAndAReportedRow) {
  const std::string csv =
      "type,prompt,choices,answer,explanation,topic,unit,id\r\n"
      "single_choice,\"Year, roughly?\",2014|2016|2018,2016,\"Said \"\"2016\"\".\",Lurk,,lurk-year\r\n"
      "multiple_response,Pick,a|b|c,a|c,,Lurk,,\r\n"
      "true_false,Is it?,,TRUE,,,,\r\n"
      "short_answer,Group?,,Lurk|the Lurk group,,,,\r\n"
      "numeric,How many?,,50:5,,,people,\r\n"
      "numeric,Range?,,1..5,,,,\r\n"
      "ordering,Order,first|second|third,,,,,\r\n"
      "matching,Match,FSB -> security|FBI -> police,,,,,\r\n"
      "single_choice,Broken,a|b,c,,,,\r\n"
      "dilemma,No,,,,,,\r\n";
  const auto r = ci::import_csv(csv, "q.csv");
  EXPECT_EQ(summary(r), (decltype(summary(r)){{10, 'E', "csv-bad-question"}, {11, 'E', "csv-bad-type"}}));
  ASSERT_EQ(r.bank.questions.size(), 8u);
  EXPECT_EQ(r.bank.questions[0].id, "lurk-year");
  EXPECT_EQ(r.bank.questions[0].prompt, "Year, roughly?");
  EXPECT_EQ(r.bank.questions[0].explanation, "Said \"2016\".");
  EXPECT_TRUE(r.bank.questions[0].choices[1].correct);
  EXPECT_EQ(r.bank.questions[4].unit, "people");
  EXPECT_EQ(r.bank.questions[4].tolerance, 5);
  EXPECT_EQ(r.bank.questions[7].pairs[1].right, "police");
  const auto back = reload(r);
  expect_same_questions(r.bank, back);
  EXPECT_EQ(back.questions[6].items, (std::vector<std::string>{"first", "second", "third"}));
}

TEST(GiftExport, ReimportsToTheSameBank) {
  const std::string toml = R"([bank]
id = "rt"
title = "Round trip"
version = "1.0.0"
format = 1

[[source]]
id = "imported"
citation = "x"

[[topic]]
id = "lurk-case"
title = "Lurk case"

[[question]]
id = "year"
type = "single_choice"
topics = ["lurk-case"]
prompt = "In which year {did} police act: 2016 = yes? #1 ~ no \\ slash\nsecond line"
choices = ["2014", "2016", "a:b"]
answer = "2016"
explanation = "Because = reasons."
source = "imported"
paragraph = 1

[[question]]
id = "multi"
type = "multiple_response"
prompt = "Pick"
choices = ["a", "b", "c", "d"]
answers = ["a", "b", "d"]
explanation = ""
source = "imported"
paragraph = 2

[[question]]
id = "tf"
type = "true_false"
prompt = "True?"
answer = false
explanation = "No."
source = "imported"
paragraph = 3

[[question]]
id = "short"
type = "short_answer"
prompt = "Group?"
answers = ["Lurk", "the Lurk group"]
explanation = "x"
source = "imported"
paragraph = 4

[[question]]
id = "num"
type = "numeric"
prompt = "How many?"
answer = 0.0005
tolerance = 0.25
explanation = "x"
source = "imported"
paragraph = 5

[[question]]
id = "range"
type = "numeric"
prompt = "Range?"
range = [-3.5, 2]
explanation = "x"
source = "imported"
paragraph = 6

[[question]]
id = "pairs"
type = "matching"
prompt = "Match"
pairs = [["FSB", "security"], ["FBI", "police"]]
explanation = "x"
source = "imported"
paragraph = 7
)";
  const auto loaded = casebook::bank::load_bank_text(toml, "rt.toml");
  ASSERT_TRUE(loaded.bank.has_value());
  std::vector<core::Diagnostic> lossy;
  const std::string gift = ci::export_gift(*loaded.bank, lossy);
  EXPECT_TRUE(lossy.empty());
  const auto back = ci::import_gift(gift, "rt.gift");
  EXPECT_TRUE(back.diagnostics.empty()) << gift;
  expect_same_questions(*loaded.bank, back.bank);
  ASSERT_EQ(back.bank.topics.size(), 1u);
  EXPECT_EQ(back.bank.topics[0].id, "lurk-case");
  EXPECT_EQ(back.bank.topics[0].title, "Lurk case");
}

TEST(GiftExport, ReportsWhatGiftCannotHold) {
  core::Bank bank;
  bank.path = "b.toml";
  core::Question q;
  q.id = "order";
  q.type = core::QuestionType::Ordering;
  q.pos.line = 7;
  bank.questions.push_back(q);
  std::vector<core::Diagnostic> lossy;
  const std::string gift = ci::export_gift(bank, lossy);
  ASSERT_EQ(lossy.size(), 1u);
  EXPECT_EQ(lossy[0].code, "gift-unsupported-type");
  EXPECT_EQ(lossy[0].line, 7);
  EXPECT_EQ(gift.find("::order::"), std::string::npos);
}

TEST(Slugify, FoldsAccentsAndSeparators) {
  EXPECT_EQ(ci::slugify("Unité 2 : les accords"), "unite-2-les-accords");
  EXPECT_EQ(ci::slugify("  --  "), "");
  EXPECT_EQ(ci::slugify("Лурк"), "");
  EXPECT_EQ(ci::slugify("one two three four", 9), "one-two");
}

TEST(HtmlToText, EntitiesTagsAndBreaks) {
  EXPECT_EQ(ci::html_to_text("<p>a &amp; b&nbsp;&lt;c&gt;</p><p>d<br>e &#233;&#x41;</p>"), "a & b <c>\nd\ne \u00e9A");
  EXPECT_EQ(ci::html_to_text("x <script>alert(1)</script>y"), "x y");
}

TEST(GiftExport, InlineCitationsBecomeShortFormsAndImportDefusesMarkers) {
  core::Bank bank;
  bank.path = "b.toml";
  bank.sources.push_back(core::Source{"sol", "Andrei Soldatov, \"Title\", The Moscow Times, 14 May 2021.", {}, {}});
  core::Question q;
  q.id = "q";
  q.type = core::QuestionType::TrueFalse;
  q.prompt = "Lurk was arrested in 2016 [@sol].";
  q.explanation = "See [@sol; @other].";
  bank.questions.push_back(q);
  std::vector<core::Diagnostic> lossy;
  const std::string gift = ci::export_gift(bank, lossy);
  EXPECT_NE(gift.find("Lurk was arrested in 2016 (Andrei Soldatov, 2021)."), std::string::npos) << gift;
  EXPECT_NE(gift.find("See (Andrei Soldatov, 2021; other)."), std::string::npos) << gift;

  const auto r = ci::import_gift("::a::Cited [@x] here {T####and [@y]}\n", "c.gift");
  EXPECT_EQ(summary(r), (decltype(summary(r)){{1, 'W', "citation-marker-defused"}}));
  ASSERT_EQ(r.bank.questions.size(), 1u);
  EXPECT_EQ(r.bank.questions[0].prompt, "Cited [ @x] here");
  EXPECT_EQ(r.bank.questions[0].explanation, "and [ @y]");
  (void)reload(r);
}
