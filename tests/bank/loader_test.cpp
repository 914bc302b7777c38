// Bank loader on valid fixtures (every field of every question type), folder walking,
// duplicate bank ids, and robustness: no throw and no half-loaded bank on any input.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bank/loader.hpp"
#include "bank_test_support.hpp"
#include "bank/validate.hpp"

namespace {

using casebook::test::dump;
using casebook::test::read_all;

namespace fs = std::filesystem;
using casebook::core::QuestionType;
using casebook::core::Severity;

const fs::path kValidDir = fs::path(CASEBOOK_TEST_DATA) / "data" / "valid";

/// A fresh empty folder under the test temp dir.
fs::path scratch_dir(const std::string& name) {
  const fs::path dir = fs::path(testing::TempDir()) / ("casebook_bank_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string minimal_bank(const std::string& id) {
  return "[bank]\nid = \"" + id + "\"\ntitle = \"T\"\nversion = \"1\"\nformat = 1\n\n[[source]]\nid = \"s\"\n"
         "citation = \"c\"\n\n[[question]]\nid = \"q\"\ntype = \"true_false\"\nprompt = \"p\"\nanswer = true\n"
         "explanation = \"e\"\nsource = \"s\"\nparagraph = 1\n";
}

TEST(BankLoader, AllTypesFixtureParsesEveryField) {
  const auto r = casebook::bank::load_bank_file((kValidDir / "all_types.toml").string());
  ASSERT_TRUE(r.bank) << dump(r);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r);
  const auto& b = *r.bank;
  EXPECT_EQ(b.path, (kValidDir / "all_types.toml").string());
  EXPECT_EQ(b.info.id, "fixture-all-types");
  EXPECT_EQ(b.info.title, "Every question type");
  EXPECT_EQ(b.info.version, "1.2.0");
  EXPECT_EQ(b.info.format, 1);
  EXPECT_EQ(b.info.language, "en-GB");
  EXPECT_EQ(b.info.authors, (std::vector<std::string>{"Casebook team", "Анна Петрова"}));
  EXPECT_EQ(b.info.licence, "CC-BY-4.0");
  EXPECT_EQ(b.info.description, "A fixture bank.");
  ASSERT_EQ(b.sources.size(), 2u);
  EXPECT_EQ(b.sources[0].id, "soldatov2021");
  EXPECT_EQ(b.sources[0].citation,
            "Andrei Soldatov, \"Can the U.S. Still Cooperate With Russia's Security Agencies?\", The Moscow Times, 14 May 2021.");
  EXPECT_EQ(b.sources[0].url, "https://www.themoscowtimes.com/");
  EXPECT_EQ(b.sources[1].url, "");
  EXPECT_EQ(b.find_source("context"), &b.sources[1]);
  EXPECT_EQ(b.find_source("nope"), nullptr);
  ASSERT_EQ(b.topics.size(), 2u);
  EXPECT_EQ(b.topics[1].title, "Федеральная служба безопасности");
  ASSERT_EQ(b.questions.size(), 9u);

  const auto& sc = b.questions[0];
  EXPECT_EQ(sc.id, "lurk-arrests-year");
  EXPECT_EQ(casebook::core::card_key(b, sc), "fixture-all-types/lurk-arrests-year");
  EXPECT_EQ(sc.type, QuestionType::SingleChoice);
  EXPECT_EQ(sc.topics, std::vector<std::string>{"lurk"});
  EXPECT_EQ(sc.prompt, "In which year did Russian police detain suspects of the Lurk group?");
  ASSERT_EQ(sc.choices.size(), 3u);
  EXPECT_EQ(sc.choices[1].text, "2016");
  EXPECT_FALSE(sc.choices[0].correct);
  EXPECT_TRUE(sc.choices[1].correct);
  EXPECT_FALSE(sc.choices[2].correct);
  EXPECT_EQ(sc.explanation, "The article dates the arrests to 2016.");
  EXPECT_EQ(sc.source.source_id, "soldatov2021");
  EXPECT_EQ(sc.source.paragraphs, std::vector<int>{12});
  EXPECT_EQ(sc.pos.file, b.path);
  EXPECT_EQ(sc.pos.line, 30);
  EXPECT_EQ(sc.pos.column, 1);

  const auto& mr = b.questions[1];
  EXPECT_EQ(mr.type, QuestionType::MultipleResponse);
  ASSERT_EQ(mr.choices.size(), 4u);
  EXPECT_TRUE(mr.choices[0].correct);
  EXPECT_TRUE(mr.choices[1].correct);
  EXPECT_FALSE(mr.choices[2].correct);
  EXPECT_FALSE(mr.choices[3].correct);
  EXPECT_EQ(mr.choices[3].text, "Федеральная служба безопасности");
  EXPECT_EQ(mr.source.paragraphs, (std::vector<int>{12, 13}));
  EXPECT_EQ(mr.topics, (std::vector<std::string>{"lurk", "fsb"}));

  const auto& tf = b.questions[2];
  EXPECT_EQ(tf.type, QuestionType::TrueFalse);
  EXPECT_FALSE(tf.truth);
  EXPECT_EQ(tf.explanation, "…");

  const auto& sa = b.questions[3];
  EXPECT_EQ(sa.type, QuestionType::ShortAnswer);
  EXPECT_EQ(sa.accepted, (std::vector<std::string>{"Lurk", "the Lurk group"}));

  const auto& num = b.questions[4];
  EXPECT_EQ(num.type, QuestionType::Numeric);
  EXPECT_DOUBLE_EQ(num.value, 50.0);
  EXPECT_DOUBLE_EQ(num.tolerance, 2.5);
  EXPECT_FALSE(num.min);
  EXPECT_FALSE(num.max);
  EXPECT_EQ(num.unit, "people");

  const auto& range = b.questions[5];
  ASSERT_TRUE(range.min && range.max);
  EXPECT_DOUBLE_EQ(*range.min, 40.0);
  EXPECT_DOUBLE_EQ(*range.max, 60.5);
  EXPECT_DOUBLE_EQ(range.tolerance, 0.0);
  EXPECT_EQ(range.unit, "");
  EXPECT_EQ(range.source.source_id, "context");

  const auto& ord = b.questions[6];
  EXPECT_EQ(ord.type, QuestionType::Ordering);
  EXPECT_EQ(ord.items, (std::vector<std::string>{"Litvinenko poisoning", "Sochi Winter Olympics", "Lurk arrests"}));
  EXPECT_EQ(ord.source.paragraphs, (std::vector<int>{9, 11, 12}));

  const auto& match = b.questions[7];
  EXPECT_EQ(match.type, QuestionType::Matching);
  ASSERT_EQ(match.pairs.size(), 2u);
  EXPECT_EQ(match.pairs[0].left, "FSB");
  EXPECT_EQ(match.pairs[0].right, "Russia's main security service");
  EXPECT_EQ(match.pairs[1].left, "Kaspersky Lab");
  EXPECT_EQ(match.pairs[1].right, "Private firm that helped track Lurk");

  const auto& dil = b.questions[8];
  EXPECT_EQ(dil.type, QuestionType::Dilemma);
  EXPECT_EQ(dil.scenario, "A multi-paragraph situation.\n\nSecond paragraph.");
  EXPECT_EQ(dil.rubric, (std::vector<std::string>{"Names the risk", "Weighs the benefit", "Says what would change the answer"}));
  EXPECT_EQ(dil.model_answer, "A balanced answer.");
  ASSERT_EQ(dil.positions.size(), 2u);
  EXPECT_EQ(dil.positions[0].id, "share");
  EXPECT_EQ(dil.positions[0].title, "Share the lead");
  EXPECT_EQ(dil.positions[0].arguments, (std::vector<std::string>{"Saves lives", "Builds trust"}));
  EXPECT_EQ(dil.positions[1].id, "withhold");
  EXPECT_EQ(dil.positions[1].arguments, std::vector<std::string>{"Protects sources"});
}

TEST(BankLoader, AGenIdInFormat1IsWarnedAboutBeforeFormat2RefusesIt) {
  std::string text = minimal_bank("gen-one");
  text.replace(text.find("id = \"q\""), 8, "id = \"gen.q5\"");
  const auto one = casebook::bank::load_bank_text(text, "one.toml");
  ASSERT_TRUE(one.bank) << dump(one);  // loads: a warning
  ASSERT_EQ(one.diagnostics.size(), 1u) << dump(one);
  EXPECT_EQ(one.diagnostics[0].code, "reserved-id");
  EXPECT_EQ(one.diagnostics[0].severity, casebook::core::Severity::Warning);
  EXPECT_EQ(std::pair(one.diagnostics[0].line, one.diagnostics[0].column), std::pair(12, 6)) << dump(one);
  text.replace(text.find("format = 1"), 10, "format = 2");
  const auto two = casebook::bank::load_bank_text(text, "two.toml");
  EXPECT_FALSE(two.bank) << dump(two);
  EXPECT_NE(dump(two).find("[reserved-id]"), std::string::npos) << dump(two);
}

TEST(BankLoader, BomAndCrlfFixture) {
  const auto r = casebook::bank::load_bank_file((kValidDir / "crlf_bom.toml").string());
  ASSERT_TRUE(r.bank) << dump(r);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r);
  ASSERT_EQ(r.bank->questions.size(), 1u);
  const auto& q = r.bank->questions[0];
  // TOML's line-ending backslash eats the CRLF and the indentation; a remaining single CRLF
  // is a wrapped line, which the loader joins with a space (see HardWrappedTextIsReflowed).
  EXPECT_EQ(q.prompt, "Line one continued. Second line.");
  EXPECT_EQ(q.explanation, "raw literal");
  EXPECT_EQ(r.bank->info.id, "crlf-bom");
  EXPECT_EQ(q.pos.line, 12);
  EXPECT_EQ(q.pos.column, 1);  // the BOM is not a column
}

TEST(BankLoader, DiagnosticsStayOneLineWithoutControlCharacters) {
  // A key with a newline and an ANSI escape (a hostile bank) must not break the one-line
  // format nor reach the terminal as an escape sequence.
  std::string text = minimal_bank("ctl");
  text += "\"bad\\nkey\\u001b[31mRED\" = 1\n";
  const auto r = casebook::bank::load_bank_text(text, "ctl.toml");
  ASSERT_FALSE(r.diagnostics.empty());
  const std::string line = casebook::core::format_diagnostic(r.diagnostics.back());
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  EXPECT_EQ(line.find('\x1b'), std::string::npos) << line;
  EXPECT_NE(line.find("bad\\x0Akey\\x1B[31mRED"), std::string::npos) << line;
}

TEST(BankLoader, InvisibleUnicodeTextIsEmpty) {
  // A prompt of only a no-break space and a zero-width space (or an ideographic space)
  // shows nothing: it is an empty value, not a question.
  for (const std::string blank : {"\\u00A0\\u200B", "\\u3000", " \\uFEFF\\t"}) {
    std::string text = minimal_bank("blank");
    text.replace(text.find("prompt = \"p\""), 12, "prompt = \"" + blank + "\"");
    const auto r = casebook::bank::load_bank_text(text, "blank.toml");
    EXPECT_FALSE(r.bank) << blank;
    ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
    EXPECT_EQ(r.diagnostics[0].code, "empty-value");
  }
}

TEST(BankLoader, AtMostEightRubricLines) {
  const auto dilemma = [](int lines) {
    std::string rubric;
    for (int i = 0; i < lines; ++i) rubric += (i ? ", \"r" : "\"r") + std::to_string(i) + "\"";
    return "[bank]\nid = \"d\"\ntitle = \"T\"\nversion = \"1\"\nformat = 1\n[[source]]\nid = \"s\"\n"
           "citation = \"c\"\n[[question]]\nid = \"q\"\ntype = \"dilemma\"\nprompt = \"p\"\n"
           "scenario = \"s\"\nmodel_answer = \"m\"\nexplanation = \"e\"\nsource = \"s\"\nparagraph = 1\n"
           "rubric = [" + rubric + "]\n"
           "[[question.position]]\nid = \"a\"\ntitle = \"A\"\narguments = [\"x\"]\n"
           "[[question.position]]\nid = \"b\"\ntitle = \"B\"\narguments = [\"y\"]\n";
  };
  const auto eight = casebook::bank::load_bank_text(dilemma(8), "d8.toml");
  ASSERT_TRUE(eight.bank) << dump(eight);
  EXPECT_EQ(eight.bank->questions.at(0).rubric.size(), 8u);
  const auto nine = casebook::bank::load_bank_text(dilemma(9), "d9.toml");
  EXPECT_FALSE(nine.bank);
  ASSERT_EQ(nine.diagnostics.size(), 1u) << dump(nine);
  EXPECT_EQ(nine.diagnostics[0].code, "too-many-rubric-lines");
  EXPECT_EQ(nine.diagnostics[0].line, 18);  // at the ninth line, "r8"
  EXPECT_EQ(nine.diagnostics[0].column, 59);
}

TEST(BankLoader, HardWrappedTextIsReflowed) {
  // Instructors wrap long prose in """ strings; a single break is a space, a blank line
  // a paragraph break, in prose fields and in lists of strings alike.
  std::string text = minimal_bank("reflow");
  text.replace(text.find("prompt = \"p\""), 12,
               "prompt = \"\"\"\nFirst line  \n  wrapped here.\r\n\r\n\tNew paragraph\n\"\"\"");
  const auto r = casebook::bank::load_bank_text(text, "reflow.toml");
  ASSERT_TRUE(r.bank) << dump(r);
  EXPECT_EQ(r.bank->questions.at(0).prompt, "First line wrapped here.\n\nNew paragraph");
}

TEST(BankLoader, ColumnsAfterBomAreNotShifted) {
  const std::string text = "\xEF\xBB\xBF" "[bank]\nid = 5\n";
  const auto r = casebook::bank::load_bank_text(text, "bom.toml");
  ASSERT_FALSE(r.bank);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].code, "missing-key");  // [bank] has no title: at the header, 1:1
  EXPECT_EQ(r.diagnostics[0].line, 1);
  EXPECT_EQ(r.diagnostics[0].column, 1);
}

TEST(BankLoader, WarningsKeepTheBankErrorsDropIt) {
  std::string text = minimal_bank("w");
  text.replace(text.find("explanation = \"e\""), 17, "explanation = \"\"");
  auto r = casebook::bank::load_bank_text(text, "w.toml");
  ASSERT_TRUE(r.bank) << dump(r);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(r.diagnostics[0].code, "empty-explanation");
  EXPECT_EQ(r.diagnostics[0].line, 16);
  EXPECT_EQ(r.diagnostics[0].column, 15);

  text += "promt = \"x\"\n";
  r = casebook::bank::load_bank_text(text, "w.toml");
  EXPECT_FALSE(r.bank);
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[1].code, "unknown-key");
  EXPECT_EQ(r.diagnostics[1].file, "w.toml");
  EXPECT_EQ(r.diagnostics[1].line, 19);
  EXPECT_EQ(r.diagnostics[1].column, 1);
  EXPECT_EQ(r.diagnostics[1].hint, "did you mean `prompt`?");
}

TEST(BankLoader, BankKind) {
  std::string text = minimal_bank("k");
  auto r = casebook::bank::load_bank_text(text, "k.toml");
  ASSERT_TRUE(r.bank) << dump(r);
  EXPECT_EQ(r.bank->info.kind, casebook::core::BankKind::Course);
  for (const auto& [word, kind] : {std::pair{"course", casebook::core::BankKind::Course},
                                   std::pair{"example", casebook::core::BankKind::Example},
                                   std::pair{"template", casebook::core::BankKind::Template}}) {
    std::string t = text;
    t.insert(t.find("format = 1"), "kind = \"" + std::string(word) + "\"\n");
    r = casebook::bank::load_bank_text(t, "k.toml");
    ASSERT_TRUE(r.bank) << dump(r);
    EXPECT_EQ(r.bank->info.kind, kind);
    EXPECT_EQ(casebook::core::to_string(kind), word);
  }
  text.insert(text.find("format = 1"), "kind = \"exmple\"\n");
  r = casebook::bank::load_bank_text(text, "k.toml");
  EXPECT_FALSE(r.bank);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, "bad-bank-kind");
  EXPECT_EQ(r.diagnostics[0].line, 5);
  EXPECT_EQ(r.diagnostics[0].column, 8);
  EXPECT_EQ(r.diagnostics[0].message, "unknown bank kind `exmple`");
  EXPECT_EQ(r.diagnostics[0].hint, "did you mean `example`?");
}

TEST(BankLoader, ExamPresets) {
  std::string text = minimal_bank("e");
  text.replace(text.find("[[question]]"), 12, "[[topic]]\nid = \"law\"\ntitle = \"Law\"\n\n[[question]]");
  text += "topics = [\"law\"]\n";
  const std::string exam =
      "\n[[exam]]\nid = \"paper-1\"\ntitle = \"Paper 1\"\nquestions = { law = 1 }\nminutes = 20\n"
      "pass_mark = 70\nmarking = \"each\"\n";
  auto r = casebook::bank::load_bank_text(text + exam, "e.toml");
  ASSERT_TRUE(r.bank) << dump(r);
  ASSERT_EQ(r.bank->exams.size(), 1u);
  const casebook::core::ExamPreset& e = r.bank->exams[0];
  EXPECT_EQ(e.id, "paper-1");
  EXPECT_EQ(e.title, "Paper 1");
  EXPECT_EQ(e.topics, (std::vector<std::pair<std::string, int>>{{"law", 1}}));
  EXPECT_EQ(e.minutes, 20);
  EXPECT_EQ(e.pass_mark, 70);
  EXPECT_TRUE(e.mark_each);
  EXPECT_FALSE(e.dilemmas);
  EXPECT_EQ(e.pos.line, 25);

  // Too many questions asked, an unknown topic, a pass mark out of range, an unknown marking.
  const std::string bad =
      "\n[[exam]]\nid = \"p\"\ntitle = \"P\"\nquestions = { law = 2, lwa = 1 }\npass_mark = 101\n"
      "marking = \"later\"\n";
  r = casebook::bank::load_bank_text(text + bad, "e.toml");
  EXPECT_FALSE(r.bank);
  std::vector<std::string> codes;
  for (const auto& d : r.diagnostics) codes.push_back(d.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"exam-too-few-questions", "exam-unknown-topic", "bad-pass-mark",
                                             "bad-marking"}))
      << dump(r);
  EXPECT_EQ(r.diagnostics[0].message, "exam `p` draws 2 questions of topic `law`, which has 1 (dilemmas not counted)");
  EXPECT_EQ(r.diagnostics[1].hint, "did you mean `law`?");

  // A count that is not a number: the hint shows one, with the topic's own id.
  r = casebook::bank::load_bank_text(text + "\n[[exam]]\nid = \"q\"\ntitle = \"Q\"\nquestions = { law = \"one\" }\n", "e.toml");
  ASSERT_FALSE(r.diagnostics.empty()) << dump(r);
  EXPECT_EQ(r.diagnostics[0].message, "`law` must be a whole number of questions, not a string");
  EXPECT_EQ(r.diagnostics[0].hint, "write it like `law = 3`");
}

TEST(BankLoader, AnExamErrorDoesNotSilenceNoQuestions) {
  // [[exam]] presets are read before generation (the parse tree is freed while the generators
  // run); their own errors must not hide that the generators made nothing (a regression a
  // differential test of the loader found).
  const std::string text =
      "[bank]\nid = \"noq\"\ntitle = \"No questions\"\nversion = \"1.0.0\"\nformat = 2\n\n"
      "[[source]]\nid = \"s1\"\ncitation = \"A. Author, 2020.\"\n\n"
      "[[term]]\nid = \"t1\"\nterm = \"one term\"\ndefinition = \"its definition\"\nsource = \"s1\"\nparagraph = 1\n\n"
      "[[exam]]\nid = \"x\"\ntitle = \"X\"\npass_mark = 200\nquestions = { nothing = 1 }\n";
  const auto r = casebook::bank::load_bank_text(text, "noq.toml");
  EXPECT_FALSE(r.bank);
  std::vector<std::string> codes;
  for (const auto& d : r.diagnostics) codes.push_back(d.code + "@" + std::to_string(d.line));
  EXPECT_EQ(codes, (std::vector<std::string>{"no-questions@1", "unused-fact@11", "bad-pass-mark@21",
                                             "exam-unknown-topic@22"}))
      << dump(r);
}

TEST(BankLoader, CollectsAllErrorsNotJustTheFirst) {
  std::string text = minimal_bank("x");
  text += "\n[[question]]\nid = \"q\"\ntype = \"true_fals\"\nprompt = 1\nexplanation = \"e\"\nsource = \"t\"\nparagraph = 0\n";
  const auto r = casebook::bank::load_bank_text(text, "x.toml");
  EXPECT_FALSE(r.bank);
  std::vector<std::string> codes;
  for (const auto& d : r.diagnostics) codes.push_back(d.code);
  // Sorted by place: the duplicate id (line 21) comes before the type (22), prompt (23) ...
  EXPECT_EQ(codes, (std::vector<std::string>{"duplicate-id", "unknown-type", "wrong-type", "unknown-source",
                                             "bad-paragraph"}))
      << dump(r);
}

TEST(BankLoader, NeverThrowsAndNeverHalfLoadsOnTruncatedOrCorruptInput) {
  const std::string full = read_all(kValidDir / "all_types.toml");
  ASSERT_GT(full.size(), 1000u);
  std::size_t loaded = 0;
  for (std::size_t len = 0; len <= full.size(); len += 37) {
    std::string text = full.substr(0, len);
    casebook::bank::LoadResult r;
    ASSERT_NO_THROW(r = casebook::bank::load_bank_text(text, "cut.toml")) << len;
    EXPECT_EQ(r.bank.has_value(), !casebook::core::has_errors(r.diagnostics)) << len;
    for (const auto& d : r.diagnostics) {
      EXPECT_FALSE(d.code.empty());
      EXPECT_FALSE(d.message.empty());
    }
    loaded += r.bank ? 1 : 0;
  }
  EXPECT_GT(loaded, 0u);  // some cuts fall between questions and give a smaller valid bank
  // Invalid UTF-8 and NUL bytes are syntax errors, not crashes.
  for (const std::string& bad : {std::string("[bank]\nid = \"\xC3\x28\"\n"), std::string("[bank]\0id", 9),
                                std::string("\xFF\xFE[bank]")}) {
    const auto r = casebook::bank::load_bank_text(bad, "bad.toml");
    EXPECT_FALSE(r.bank);
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(r.diagnostics[0].code, "toml-syntax");
  }
}

TEST(BankLoader, UnreadableAndMissingFiles) {
  const auto missing = casebook::bank::load_bank_file("/nonexistent/casebook/x.toml");
  EXPECT_FALSE(missing.bank);
  ASSERT_EQ(missing.diagnostics.size(), 1u);
  EXPECT_EQ(missing.diagnostics[0].code, "missing-path");
  EXPECT_EQ(missing.diagnostics[0].line, 0);
  EXPECT_EQ(casebook::core::format_diagnostic(missing.diagnostics[0]),
            "/nonexistent/casebook/x.toml: error: no such file or folder [missing-path]; check the path");
  const auto folder = casebook::bank::load_bank_file(kValidDir.string());
  ASSERT_EQ(folder.diagnostics.size(), 1u);
  EXPECT_EQ(folder.diagnostics[0].code, "unreadable-file");
  // A FIFO named like a bank would block a reader forever: refused without opening it.
  const fs::path fifo = scratch_dir("fifo") / "pipe.toml";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const auto pipe = casebook::bank::load_bank_file(fifo.string());
  ASSERT_EQ(pipe.diagnostics.size(), 1u);
  EXPECT_EQ(pipe.diagnostics[0].code, "unreadable-file");
  EXPECT_EQ(pipe.diagnostics[0].message, "is not an ordinary file (a pipe, socket or device)");
}

TEST(BankLoader, LoadBanksWalksFoldersSortedAndRefusesDuplicateIds) {
  const fs::path dir = scratch_dir("walk");
  write(dir / "b.toml", minimal_bank("bank-b"));
  write(dir / "a" / "z.toml", minimal_bank("bank-z"));
  write(dir / "a" / "c.toml", minimal_bank("bank-b"));  // same id as b.toml, sorted before it
  write(dir / "notes.txt", "not a bank");
  write(dir / ".hidden" / "h.toml", "garbage [");
  write(dir / ".swap.toml", "garbage [");

  const auto results = casebook::bank::load_banks({dir.string(), (dir / "b.toml").string(), (dir / "missing").string()});
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0].path, (dir / "a" / "c.toml").string());
  EXPECT_EQ(results[1].path, (dir / "a" / "z.toml").string());
  EXPECT_EQ(results[2].path, (dir / "b.toml").string());  // listed once though passed twice
  EXPECT_EQ(results[3].path, (dir / "missing").string());
  EXPECT_TRUE(results[0].bank);
  EXPECT_TRUE(results[1].bank);
  EXPECT_FALSE(results[2].bank);
  ASSERT_EQ(results[2].diagnostics.size(), 1u);
  const auto& dup = results[2].diagnostics[0];
  EXPECT_EQ(dup.code, "duplicate-bank-id");
  EXPECT_EQ(dup.line, 2);
  EXPECT_EQ(dup.column, 6);
  EXPECT_EQ(dup.message, "bank id `bank-b` is already used by " + (dir / "a" / "c.toml").string());
  ASSERT_EQ(results[3].diagnostics.size(), 1u);
  EXPECT_EQ(results[3].diagnostics[0].code, "missing-path");

  std::ostringstream out;
  EXPECT_EQ(casebook::bank::validate_paths({dir.string()}, out), 1);
  EXPECT_EQ(out.str(), (dir / "b.toml").string() + ":2:6: error: bank id `bank-b` is already used by " +
                           (dir / "a" / "c.toml").string() +
                           " [duplicate-bank-id]; give each bank its own id (card keys start with it)\n"
                           "3 banks (1 did not load), 2 questions: 1 error, 0 warnings\n");
}

TEST(BankValidate, TheSummaryCountsTheErrorsPastTheCap) {
  const fs::path dir = scratch_dir("capped");
  std::string bank = minimal_bank("capped");
  std::string markers;
  for (int i = 0; i < 2500; ++i) markers += "[@nosuch] ";
  bank.replace(bank.find("explanation = \"e\""), 17, "explanation = \"" + markers + "\"");
  write(dir / "capped.toml", bank);
  std::ostringstream out;
  EXPECT_EQ(casebook::bank::validate_paths({dir.string()}, out), 1);
  const std::string text = out.str();
  // 1,000 errors listed, the note saying 1,500 more, and a summary of all 2,500.
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1002) << text.substr(0, 600);
  // The note is the last line before the summary, where a reader at the end of the list sees it.
  const std::size_t summary = text.rfind('\n', text.size() - 2) + 1;
  const std::size_t note = text.rfind('\n', summary - 2) + 1;
  EXPECT_NE(text.substr(note, summary - note).find("1500 more were left out [too-many-errors]"), std::string::npos)
      << text.substr(note);
  EXPECT_EQ(text.substr(summary), "1 bank that did not load: 2500 errors, 0 warnings\n");
}

TEST(BankValidate, ValidFixturesSummary) {
  std::ostringstream out;
  EXPECT_EQ(casebook::bank::validate_paths({kValidDir.string()}, out), 0);
  // facts_v2.toml: 1 hand-written and 13 generated questions; case-dilemma.toml: 1 question.
  EXPECT_EQ(out.str(), "5 banks, 27 questions: 0 errors, 0 warnings\n");
}

TEST(BankValidate, SortsByFileThenLineAndCountsSingulars) {
  const fs::path dir = scratch_dir("sorted");
  std::string warn = minimal_bank("one");
  warn.replace(warn.find("explanation = \"e\""), 17, "explanation = \"\"");
  write(dir / "b.toml", warn);
  // Two errors in a.toml, the later one read first ([bank] `format` is read after `id`).
  write(dir / "a.toml", "[bank]\nformat = 3\ntitle = \"T\"\nversion = \"1\"\nid = \"Two\"\n");
  std::ostringstream out;
  EXPECT_EQ(casebook::bank::validate_paths({(dir / "b.toml").string(), (dir / "a.toml").string()}, out), 1);
  const std::string a = (dir / "a.toml").string();
  const std::string b = (dir / "b.toml").string();
  EXPECT_EQ(out.str(),
            a + ":2:10: error: bank format 3 is not supported; this Casebook reads formats 1 and 2 [unsupported-format]; "
                "write the bank in format 1 or 2 (docs/bank-format.md), or use a newer Casebook\n" +
            a + ":5:6: error: bank id `Two` may use only lowercase letters, digits and '-' [bad-id]; e.g. `two`; never "
                "change it once students use the bank\n" +
            b + ":16:15: warning: `explanation` is empty in question `q` [empty-explanation]; say why the answer is "
                "right, in your own words, and where the source says so\n"
                "2 banks (1 did not load), 1 question: 2 errors, 1 warning\n");
}

TEST(BankValidate, FoldersWithoutABankFileAreAnError) {
  // A check that finds nothing to check fails, naming each folder: an upper-case extension and
  // hidden files are not bank files.
  const fs::path empty = scratch_dir("no-banks-empty");
  const fs::path upper = scratch_dir("no-banks-upper");
  write(upper / "Bank.TOML", minimal_bank("upper"));
  write(upper / ".hidden.toml", minimal_bank("hidden"));
  std::ostringstream out;
  EXPECT_EQ(casebook::bank::validate_paths({empty.string(), upper.string()}, out), 1);
  const std::string what = ": error: no bank file in this folder (nor in its subfolders) [no-banks]; bank files end in "
                           "`.toml` (lower case); hidden files and folders (names starting with '.') are skipped\n";
  std::string first = empty.string();
  std::string second = upper.string();
  if (second < first) std::swap(first, second);  // sorted by file
  EXPECT_EQ(out.str(), first + what + second + what + "0 banks, 0 questions: 2 errors, 0 warnings\n");
  // A folder that holds a bank passes, whatever else is given with it.
  write(empty / "ok.toml", minimal_bank("ok"));
  std::ostringstream fine;
  EXPECT_EQ(casebook::bank::validate_paths({empty.string(), upper.string()}, fine), 0) << fine.str();
}

TEST(BankValidate, MissingPathIsAnError) {
  std::ostringstream out;
  EXPECT_EQ(casebook::bank::validate_paths({"/nonexistent/casebook"}, out), 1);
  EXPECT_EQ(out.str(),
            "/nonexistent/casebook: error: no such file or folder [missing-path]; check the path\n"
            "0 banks, 0 questions: 1 error, 0 warnings\n");
}

TEST(BankLoader, CitationsFixtureKeepsMarkersAndReadsShort) {
  const auto r = casebook::bank::load_bank_file((kValidDir / "citations.toml").string());
  ASSERT_TRUE(r.bank) << dump(r);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r);
  const auto& b = *r.bank;
  ASSERT_EQ(b.sources.size(), 2u);
  EXPECT_EQ(b.sources[0].short_form, "Soldatov, 2021");
  EXPECT_EQ(b.sources[1].short_form, "");
  ASSERT_EQ(b.questions.size(), 2u);
  // The loader keeps markers as written (rendering is for display); a marker wrapped over
  // two lines of a """ string is joined by the reflow like any other text.
  EXPECT_EQ(b.questions[0].prompt, "When were the treason sentences passed [@rferl-treason-2019]?");
  EXPECT_EQ(b.questions[0].explanation,
            "Both sources agree [@soldatov2021; @rferl-treason-2019]. Brackets without an at sign [like this] are "
            "plain text.");
  EXPECT_TRUE(b.questions[0].choices[0].correct);
  EXPECT_EQ(b.questions[1].positions[0].arguments.at(0), "Saves lives [@soldatov2021]");
  EXPECT_EQ(b.questions[1].model_answer, "It depends [@soldatov2021; @rferl-treason-2019].");
}

TEST(BankValidate, RealQuestionBanksLoadWithoutErrors) {
  const fs::path banks = fs::path(CASEBOOK_SOURCE_DIR) / "question_banks";
  if (!fs::exists(banks)) GTEST_SKIP() << "no question_banks/ yet";
  std::ostringstream out;
  EXPECT_EQ(casebook::bank::validate_paths({banks.string()}, out), 0) << out.str();
}

}  // namespace
