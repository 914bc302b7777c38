// Answer grading: folding of typed text (NFKC, case, accents, punctuation, spaces), learner
// number parsing, every question type's rule, partial credit, proposed ratings, and
// describe_answer. UTF-8 inputs from ../shared/reference/cases/IMG-2 (skipped when absent).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "core/grading.hpp"
#include "core/utf8.hpp"

namespace {

using namespace casebook::core;

Question short_answer(std::vector<std::string> accepted) {
  Question q;
  q.type = QuestionType::ShortAnswer;
  q.accepted = std::move(accepted);
  return q;
}

Answer typed(std::string text) {
  Answer a;
  a.text = std::move(text);
  return a;
}

// --- normalize_answer_text ---------------------------------------------------------------

TEST(NormalizeAnswerText, CaseSpacesPunctuation) {
  EXPECT_EQ(normalize_answer_text("  KASPERSKY  lab!"), "kaspersky lab");
  EXPECT_EQ(normalize_answer_text("Kaspersky Lab"), "kaspersky lab");
  EXPECT_EQ(normalize_answer_text("\tthe  Lurk\n group. "), "the lurk group");
  EXPECT_EQ(normalize_answer_text("U.S."), "us");
  EXPECT_EQ(normalize_answer_text("co-operation"), "cooperation");  // dashes are punctuation: dropped
  EXPECT_EQ(normalize_answer_text("«Лурк»"), "лурк");
  EXPECT_EQ(normalize_answer_text("$5 + 3"), "$5 + 3");  // symbols are not punctuation
  EXPECT_EQ(normalize_answer_text(""), "");
  EXPECT_EQ(normalize_answer_text(" ... "), "");
}

TEST(NormalizeAnswerText, UnicodeForms) {
  // NFC "é" (U+00E9) and NFD "e" + U+0301 fold to the same text, with the accent removed.
  EXPECT_EQ(normalize_answer_text("caf\u00e9"), "cafe");
  EXPECT_EQ(normalize_answer_text("cafe\u0301"), "cafe");
  // NFKC: ligatures, full-width letters and digits, superscripts.
  EXPECT_EQ(normalize_answer_text("\ufb01nance"), "finance");
  EXPECT_EQ(normalize_answer_text("\uff26\uff33\uff22 \uff11\uff19\uff19\uff15"), "fsb 1995");
  EXPECT_EQ(normalize_answer_text("m\u00b2"), "m2");
  // Full case folding: ß -> ss, final sigma -> sigma.
  EXPECT_EQ(normalize_answer_text("Straße"), "strasse");
  EXPECT_EQ(normalize_answer_text("ΟΔΟΣ"), normalize_answer_text("οδος"));
  // No-break, thin and ideographic spaces are spaces; soft hyphens and zero-width spaces vanish.
  EXPECT_EQ(normalize_answer_text("1\u00a0700\u2009km\u3000x"), "1 700 km x");
  EXPECT_EQ(normalize_answer_text("Kas\u00adper\u200bsky"), "kaspersky");
}

TEST(NormalizeAnswerText, CyrillicYoIsFoldedToYe) {
  // Decision: "Ё" decomposes to "Е" + U+0308 and accents are removed, so "Ёлка" matches
  // "елка" (Russian print usually omits the dots; a learner should not lose a card for it).
  EXPECT_EQ(normalize_answer_text("Ёлка"), "елка");
  EXPECT_EQ(normalize_answer_text("ёлка"), normalize_answer_text("елка"));
  EXPECT_EQ(normalize_answer_text("Й"), "и");  // the breve is an accent too (documented)
}

TEST(NormalizeAnswerText, MarksOfOtherScriptsAreKept) {
  // Japanese voicing marks change the letter: ガ (ga) must not match カ (ka).
  EXPECT_EQ(normalize_answer_text("ガス"), "ガス");
  EXPECT_NE(normalize_answer_text("ガス"), normalize_answer_text("カス"));
  EXPECT_EQ(normalize_answer_text("\uff76\uff9e"), "ガ");  // half-width ｶﾞ composes (NFKC)
  // Devanagari vowel signs are combining marks but not accents.
  EXPECT_EQ(normalize_answer_text("हिंदी"), "हिंदी");
}

TEST(NormalizeAnswerText, InvalidBytesAreDroppedAndOutputIsValid) {
  EXPECT_EQ(normalize_answer_text("Lu\xffrk"), "lurk");
  EXPECT_EQ(normalize_answer_text("ab\xe6\xbc"), "ab");  // a cut 3-byte sequence
  EXPECT_EQ(normalize_answer_text("\xed\xa0\x80x"), "x");  // an encoded surrogate
  EXPECT_TRUE(is_valid_utf8(normalize_answer_text("\xc3")));
}

// --- parse_learner_number ----------------------------------------------------------------

TEST(ParseLearnerNumber, Accepted) {
  EXPECT_EQ(parse_learner_number("1,700"), 1700.0);
  EXPECT_EQ(parse_learner_number("1 700"), 1700.0);
  EXPECT_EQ(parse_learner_number("1\u2009700"), 1700.0);  // thin space
  EXPECT_EQ(parse_learner_number("1\u00a0700"), 1700.0);  // no-break space
  EXPECT_EQ(parse_learner_number("1,234,567"), 1234567.0);
  EXPECT_EQ(parse_learner_number("1,234.5"), 1234.5);
  EXPECT_EQ(parse_learner_number("1.234,5"), 1234.5);
  EXPECT_EQ(parse_learner_number("1.000.000"), 1000000.0);
  EXPECT_EQ(parse_learner_number("45.5"), 45.5);
  EXPECT_EQ(parse_learner_number("45,5"), 45.5);  // decimal comma
  EXPECT_EQ(parse_learner_number("0,500"), 0.5);  // a leading 0 is never a thousands group
  EXPECT_EQ(parse_learner_number(".5"), 0.5);
  EXPECT_EQ(parse_learner_number("-3"), -3.0);
  EXPECT_EQ(parse_learner_number("\u22123"), -3.0);  // U+2212 MINUS SIGN
  EXPECT_EQ(parse_learner_number("+7"), 7.0);
  EXPECT_EQ(parse_learner_number("  50  "), 50.0);
  EXPECT_EQ(parse_learner_number("50 people"), 50.0);
  EXPECT_EQ(parse_learner_number("50people"), 50.0);
  EXPECT_EQ(parse_learner_number("50 %"), 50.0);
  EXPECT_EQ(parse_learner_number("$1,700"), 1700.0);
  EXPECT_EQ(parse_learner_number("-$5"), -5.0);
  EXPECT_EQ(parse_learner_number("\uff11\uff17\uff10\uff10"), 1700.0);  // full-width digits
  EXPECT_EQ(parse_learner_number("2 million"), 2e6);  // scale words multiply
  EXPECT_EQ(parse_learner_number("1.7 thousand people"), 1700.0);
  EXPECT_EQ(parse_learner_number("50k"), 50000.0);
  EXPECT_EQ(parse_learner_number("3 млн"), 3e6);
  EXPECT_EQ(parse_learner_number("5 m"), 5.0);  // "m" is metres as much as million: a unit
}

TEST(ParseLearnerNumber, Rejected) {
  for (const char* bad : {"", "   ", "fifty", "about 50", "1e6", "50 to 60", "12 34", "1,70,000", "1,2,3",
                          "1.2.3,4,5", "--5", "50-60", "5 . 5", "1,234.5.6", ",", "."}) {
    EXPECT_EQ(parse_learner_number(bad), std::nullopt) << bad;
  }
}

// --- grade: one test per type ------------------------------------------------------------

Question single_choice() {
  Question q;
  q.type = QuestionType::SingleChoice;
  q.choices = {{"2014", false}, {"2016", true}, {"2018", false}};
  return q;
}

TEST(Grade, SingleChoice) {
  const Question q = single_choice();
  Answer a;
  a.choices = {1};
  Grade g = grade(q, a);
  EXPECT_TRUE(g.correct);
  EXPECT_EQ(g.score, 1.0);
  EXPECT_EQ(g.proposed, Rating::Good);
  EXPECT_EQ(g.expected, "2016");
  a.choices = {0};
  g = grade(q, a);
  EXPECT_FALSE(g.correct);
  EXPECT_EQ(g.score, 0.0);
  EXPECT_EQ(g.proposed, Rating::Again);
  EXPECT_EQ(g.expected, "2016");
  for (const std::vector<int>& bad : {std::vector<int>{}, {1, 0}, {3}, {-1}}) {
    a.choices = bad;
    EXPECT_FALSE(grade(q, a).correct);
  }
  a.choices = {1, 1};  // the same choice twice is still one choice
  EXPECT_TRUE(grade(q, a).correct);
}

TEST(Grade, MultipleResponsePartialCredit) {
  Question q;
  q.type = QuestionType::MultipleResponse;
  q.choices = {{"Kaspersky Lab", true}, {"FSB", true}, {"Interpol", false}, {"Europol", false}};
  Answer a;
  a.choices = {1, 0};
  Grade g = grade(q, a);
  EXPECT_TRUE(g.correct);
  EXPECT_EQ(g.score, 1.0);
  EXPECT_EQ(g.proposed, Rating::Good);
  EXPECT_EQ(g.expected, "Kaspersky Lab; FSB");
  a.choices = {0};  // one of two right
  g = grade(q, a);
  EXPECT_FALSE(g.correct);
  EXPECT_EQ(g.score, 0.5);
  EXPECT_EQ(g.proposed, Rating::Again);
  a.choices = {0, 1, 2};  // both right, one wrong: 2 - 1 of 2
  g = grade(q, a);
  EXPECT_FALSE(g.correct);
  EXPECT_EQ(g.score, 0.5);
  a.choices = {0, 2, 3};  // 1 - 2 -> 0, never negative
  EXPECT_EQ(grade(q, a).score, 0.0);
  a.choices = {0, 1, 9};  // an index naming no choice counts as a wrong pick
  g = grade(q, a);
  EXPECT_FALSE(g.correct);
  EXPECT_EQ(g.score, 0.5);
  a.choices = {};
  EXPECT_EQ(grade(q, a).score, 0.0);
}

TEST(Grade, TrueFalse) {
  Question q;
  q.type = QuestionType::TrueFalse;
  q.truth = false;
  Answer a;
  EXPECT_FALSE(grade(q, a).correct);  // no answer
  a.truth = false;
  Grade g = grade(q, a);
  EXPECT_TRUE(g.correct);
  EXPECT_EQ(g.expected, "false");
  a.truth = true;
  EXPECT_FALSE(grade(q, a).correct);
  EXPECT_EQ(grade(q, a).proposed, Rating::Again);
}

TEST(Grade, ShortAnswer) {
  const Question q = short_answer({"Kaspersky Lab", "Kaspersky"});
  EXPECT_TRUE(grade(q, typed("  KASPERSKY  lab!")).correct);
  EXPECT_TRUE(grade(q, typed("kaspersky")).correct);
  EXPECT_FALSE(grade(q, typed("Kaspersky Labs")).correct);
  EXPECT_FALSE(grade(q, typed("")).correct);
  EXPECT_EQ(grade(q, typed("x")).expected, "Kaspersky Lab");
  EXPECT_EQ(grade(q, typed("kaspersky")).proposed, Rating::Good);

  const Question cafe = short_answer({"caf\u00e9"});  // NFC
  EXPECT_TRUE(grade(cafe, typed("cafe\u0301")).correct);  // NFD
  EXPECT_TRUE(grade(cafe, typed("CAFE")).correct);
  EXPECT_TRUE(grade(short_answer({"Ёлка"}), typed("елка")).correct);
  // An accepted answer that folds to nothing never matches, even an empty or "!!!" answer.
  EXPECT_FALSE(grade(short_answer({"!!!"}), typed("!!!")).correct);
}

Question numeric(double value, double tolerance, std::string unit = "people") {
  Question q;
  q.type = QuestionType::Numeric;
  q.value = value;
  q.tolerance = tolerance;
  q.unit = std::move(unit);
  return q;
}

TEST(Grade, NumericValueAndTolerance) {
  const Question q = numeric(1700, 0);
  EXPECT_TRUE(grade(q, typed("1,700")).correct);
  EXPECT_TRUE(grade(q, typed("1700 people")).correct);
  EXPECT_TRUE(grade(q, typed("1.7 thousand")).correct);
  EXPECT_FALSE(grade(q, typed("1,701")).correct);
  EXPECT_FALSE(grade(q, typed("about 1700")).correct);
  EXPECT_EQ(grade(q, typed("1")).expected, "1700 people");

  const Question tol = numeric(50, 2.5);
  EXPECT_TRUE(grade(tol, typed("52.5")).correct);  // the bound is included
  EXPECT_TRUE(grade(tol, typed("47,5")).correct);
  EXPECT_FALSE(grade(tol, typed("52.6")).correct);
  EXPECT_EQ(grade(tol, typed("")).expected, "50 people (\u00b1 2.5)");

  const Question tenth = numeric(0.3, 0, "");
  EXPECT_TRUE(grade(tenth, typed("0.3")).correct);
  EXPECT_EQ(grade(tenth, typed("0.3")).expected, "0.3");
}

TEST(Grade, NumericExpectedAnswerWritesNumbersAsTheQuestionDoes) {
  Question q = numeric(10000, 0, "roubles");
  q.prompt = "How large was the fine?";
  q.explanation = "The court fined him 10,000 roubles.";
  EXPECT_EQ(grade(q, typed("5")).expected, "10,000 roubles");
  q.explanation = "The court fined him 10000 roubles.";
  EXPECT_EQ(grade(q, typed("5")).expected, "10000 roubles");
  q.explanation = "";  // nothing to go by: grouped from 10,000 up
  EXPECT_EQ(grade(q, typed("5")).expected, "10,000 roubles");
  Question year = numeric(2016, 1, "");
  year.explanation = "The arrests were in 2016; 1,700 officers took part.";
  EXPECT_EQ(grade(year, typed("5")).expected, "2016 (\u00b1 1)");
}

TEST(Grade, NumericRangeAndScaleUnits) {
  Question q = numeric(0, 0, "");
  q.min = 40;
  q.max = 60.5;
  EXPECT_TRUE(grade(q, typed("40")).correct);
  EXPECT_TRUE(grade(q, typed("60.5")).correct);
  EXPECT_FALSE(grade(q, typed("39.99")).correct);
  EXPECT_FALSE(grade(q, typed("61")).correct);
  EXPECT_EQ(grade(q, typed("")).expected, "from 40 to 60.5");

  // When the unit itself is a scale word, "45 million" means 45 (of that unit).
  const Question millions = numeric(45, 0, "million USD");
  EXPECT_TRUE(grade(millions, typed("45 million")).correct);
  EXPECT_TRUE(grade(millions, typed("45")).correct);
  EXPECT_FALSE(grade(millions, typed("45 billion")).correct);
  EXPECT_EQ(grade(millions, typed("")).expected, "45 million USD");
}

Question ordering() {
  Question q;
  q.type = QuestionType::Ordering;
  q.items = {"Litvinenko poisoning", "Sochi Olympics", "Lurk arrests", "Navalny poisoning"};
  return q;
}

TEST(Grade, OrderingPartialCreditByPairs) {
  const Question q = ordering();
  Answer a;
  a.order = {0, 1, 2, 3};
  Grade g = grade(q, a);
  EXPECT_TRUE(g.correct);
  EXPECT_EQ(g.score, 1.0);
  EXPECT_EQ(g.expected, "Litvinenko poisoning \u2192 Sochi Olympics \u2192 Lurk arrests \u2192 Navalny poisoning");
  a.order = {1, 0, 2, 3};  // one adjacent swap: 5 of 6 pairs in order
  g = grade(q, a);
  EXPECT_FALSE(g.correct);
  EXPECT_DOUBLE_EQ(g.score, 5.0 / 6.0);
  EXPECT_EQ(g.proposed, Rating::Again);
  a.order = {3, 2, 1, 0};  // reversed: no pair in order
  EXPECT_EQ(grade(q, a).score, 0.0);
  a.order = {0, 1, 2};  // not a permutation: wrong, no credit
  EXPECT_EQ(grade(q, a).score, 0.0);
  a.order = {0, 1, 2, 2};
  EXPECT_FALSE(grade(q, a).correct);
  a.order = {0, 1, 2, 7};
  EXPECT_FALSE(grade(q, a).correct);

  Question dup = q;  // two items written the same way are interchangeable
  dup.items = {"a", "b", "a"};
  a.order = {2, 1, 0};
  EXPECT_TRUE(grade(dup, a).correct);
}

TEST(Grade, MatchingPartialCredit) {
  Question q;
  q.type = QuestionType::Matching;
  q.pairs = {{"FSB", "security service"}, {"Kaspersky Lab", "private firm"}, {"MVD", "police"}};
  Answer a;
  a.matches = {0, 1, 2};
  Grade g = grade(q, a);
  EXPECT_TRUE(g.correct);
  EXPECT_EQ(g.expected, "FSB \u2192 security service; Kaspersky Lab \u2192 private firm; MVD \u2192 police");
  a.matches = {1, 0, 2};
  g = grade(q, a);
  EXPECT_FALSE(g.correct);
  EXPECT_DOUBLE_EQ(g.score, 1.0 / 3.0);
  a.matches = {0, -1, 5};
  EXPECT_DOUBLE_EQ(grade(q, a).score, 1.0 / 3.0);
  a.matches = {0, 1};  // left 3 unmatched
  EXPECT_FALSE(grade(q, a).correct);
  q.pairs[2].right = "private firm";  // identical right sides are interchangeable
  a.matches = {0, 2, 1};
  EXPECT_TRUE(grade(q, a).correct);
}

Question dilemma(std::size_t rubric_lines) {
  Question q;
  q.type = QuestionType::Dilemma;
  q.positions = {{"share", "Share the lead", {}}, {"withhold", "Withhold it", {}}};
  for (std::size_t i = 0; i < rubric_lines; ++i) q.rubric.push_back("line " + std::to_string(i));
  q.model_answer = "A balanced answer.";
  return q;
}

TEST(Grade, DilemmaFromRubric) {
  const Question q = dilemma(4);
  Answer a;
  a.position = 1;
  a.rubric_met = {true, true, true, true};
  Grade g = grade(q, a);
  EXPECT_TRUE(g.correct);
  EXPECT_EQ(g.score, 1.0);
  EXPECT_EQ(g.proposed, Rating::Good);
  EXPECT_EQ(g.expected, "A balanced answer.");
  a.rubric_met = {true, false, true, false};  // exactly half
  g = grade(q, a);
  EXPECT_TRUE(g.correct);
  EXPECT_EQ(g.score, 0.5);
  EXPECT_EQ(g.proposed, Rating::Hard);
  a.rubric_met = {true, true, true, false};
  EXPECT_EQ(grade(q, a).proposed, Rating::Hard);
  a.rubric_met = {false, false, true, false};
  g = grade(q, a);
  EXPECT_FALSE(g.correct);
  EXPECT_EQ(g.score, 0.25);
  EXPECT_EQ(g.proposed, Rating::Again);
  a.rubric_met = {true, true};  // missing flags are "not met"
  EXPECT_EQ(grade(q, a).proposed, Rating::Hard);
  a.rubric_met = {true, true, true, true, true, true};  // extra flags are ignored
  EXPECT_EQ(grade(q, a).score, 1.0);

  const Question odd = dilemma(3);  // 1 of 3 is below half, 2 of 3 above
  a.rubric_met = {true, false, false};
  EXPECT_EQ(grade(odd, a).proposed, Rating::Again);
  a.rubric_met = {true, true, false};
  EXPECT_EQ(grade(odd, a).proposed, Rating::Hard);

  a.position = -1;  // no position taken: wrong whatever the rubric says
  a.rubric_met = {true, true, true, true};
  g = grade(q, a);
  EXPECT_FALSE(g.correct);
  EXPECT_EQ(g.proposed, Rating::Again);
  a.position = 2;
  EXPECT_FALSE(grade(q, a).correct);
}

// --- describe_answer ---------------------------------------------------------------------

TEST(DescribeAnswer, EveryType) {
  Answer a;
  a.choices = {1};
  EXPECT_EQ(describe_answer(single_choice(), a), "2016");
  a.choices = {2, 0, 7};
  EXPECT_EQ(describe_answer(single_choice(), a), "2018; 2014; (no choice #7)");
  EXPECT_EQ(describe_answer(single_choice(), Answer{}), "(no answer)");

  Question tf;
  tf.type = QuestionType::TrueFalse;
  a = {};
  EXPECT_EQ(describe_answer(tf, a), "(no answer)");
  a.truth = true;
  EXPECT_EQ(describe_answer(tf, a), "true");

  EXPECT_EQ(describe_answer(short_answer({"x"}), typed("Lurk\r\ngroup\x01")), "Lurk\ngroup ");
  EXPECT_EQ(describe_answer(short_answer({"x"}), typed("  ")), "(no answer)");
  EXPECT_EQ(describe_answer(numeric(1, 0), typed("1,700 people")), "1,700 people");

  a = {};
  a.order = {2, 0, 1, 3};
  EXPECT_EQ(describe_answer(ordering(), a),
            "Lurk arrests \u2192 Litvinenko poisoning \u2192 Sochi Olympics \u2192 Navalny poisoning");

  Question m;
  m.type = QuestionType::Matching;
  m.pairs = {{"FSB", "security service"}, {"MVD", "police"}};
  a = {};
  a.matches = {1, -1};
  EXPECT_EQ(describe_answer(m, a), "FSB \u2192 police; MVD \u2192 (none)");

  a = {};
  a.position = 0;
  a.rubric_met = {true, false, true};
  a.text = "Share, but\nwith conditions.";
  EXPECT_EQ(describe_answer(dilemma(3), a),
            "position: Share the lead; rubric 2/3 met; justification: Share, but\nwith conditions.");
  a = {};
  EXPECT_EQ(describe_answer(dilemma(2), a), "position: (none); rubric 0/2 met");
}

TEST(DescribeAnswer, KeepsTypedTextWholeAndValid) {
  // Invalid bytes become U+FFFD; a long answer is stored whole (the review log is append-only,
  // so a cut justification could never be recovered).
  EXPECT_EQ(describe_answer(short_answer({"x"}), typed("ab\xe6\xbc")), "ab\ufffd\ufffd");
  std::string long_text;
  for (int i = 0; i < 1200; ++i) long_text += "漢";
  const std::string d = describe_answer(short_answer({"x"}), typed(long_text));
  EXPECT_TRUE(is_valid_utf8(d));
  EXPECT_EQ(d, long_text);
}

TEST(Img2Utf8InputCases, TypedAnswersFoldToValidUtf8AndMatchThemselves) {
  const auto path = std::filesystem::path(CASEBOOK_SHARED_DIR) / "reference" / "cases" / "IMG-2_utf8_input_cases.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "reference case absent: " << path;
  std::ifstream in(path);
  const auto json = nlohmann::json::parse(in);
  const auto typed_answers = json.at("typed_answers").get<std::vector<std::string>>();
  ASSERT_EQ(typed_answers.size(), 6u);
  // Exact folds (decided and documented in docs/bank-format.md).
  const std::vector<std::string> folded = {
      "",                      // "§" is punctuation (Po): the answer folds to nothing
      "日本語の答え",          // no case, no accents: unchanged
      "aciu",                  // Lithuanian accents removed
      "ежик",                  // Ё -> е
      "e e + combining acute",  // "é" typed as e + U+0301; brackets dropped, '+' kept
      "👩🏻🏫",                 // the zero-width joiner is default-ignorable
  };
  for (std::size_t i = 0; i < typed_answers.size(); ++i) {
    const std::string& t = typed_answers[i];
    SCOPED_TRACE(t);
    ASSERT_TRUE(is_valid_utf8(t));
    EXPECT_EQ(normalize_answer_text(t), folded[i]);
    EXPECT_TRUE(is_valid_utf8(describe_answer(short_answer({t}), typed(t))));
    EXPECT_EQ(describe_answer(short_answer({t}), typed(t)), t);  // stored as typed
    // Each answer matches itself (except one that folds to nothing, which matches nothing).
    EXPECT_EQ(grade(short_answer({t}), typed(t)).correct, !folded[i].empty());
  }
  // "é typed two ways matches": NFC against NFD.
  EXPECT_TRUE(grade(short_answer({"\u00e9"}), typed("e\u0301")).correct);

  // A paste cut at a byte cap must never store half a character.
  const auto& paste = json.at("paste_into_small_cap");
  const std::string text = paste.at("text").get<std::string>();
  const auto cap = paste.at("cap_bytes").get<std::size_t>();
  const std::string cut = text.substr(0, cap);  // E6 BC A2 E5 + 1 byte: a cut sequence
  ASSERT_FALSE(is_valid_utf8(cut));
  EXPECT_EQ(normalize_answer_text(cut), "漢");  // the cut sequence is dropped, the whole kept
  EXPECT_TRUE(is_valid_utf8(describe_answer(short_answer({"x"}), typed(cut))));
  EXPECT_EQ(describe_answer(short_answer({"x"}), typed(cut)), "漢\ufffd\ufffd");
}

}  // namespace
