// Dilemmas written as cases (issue 14): every case field read from a valid fixture, and the
// levelled rubric standing in for `rubric`. Wrong shapes: data/invalid/case-shapes.toml.
#include <gtest/gtest.h>

#include <filesystem>

#include "bank/loader.hpp"
#include "bank_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using casebook::test::dump;

TEST(CaseLoader, EveryCaseFieldIsRead) {
  const fs::path path = fs::path(CASEBOOK_TEST_DATA) / "data" / "valid" / "case-dilemma.toml";
  const auto r = casebook::bank::load_bank_file(path.string());
  ASSERT_TRUE(r.bank) << dump(r);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r);
  const auto& q = r.bank->questions.at(0);
  ASSERT_TRUE(q.case_unit.has_value());
  const auto& c = *q.case_unit;
  EXPECT_EQ(c.protagonist, "Duty officer");
  EXPECT_EQ(c.role, "Decides what leaves the unit");
  EXPECT_EQ(c.situation, "A partner asks for the lead.");
  EXPECT_EQ(c.deadline, "Tonight");
  EXPECT_EQ(c.decision, "Share or keep the lead.");
  ASSERT_EQ(c.constraints.size(), 2u);
  EXPECT_EQ(c.constraints[1].kind, "data protection");
  EXPECT_EQ(c.constraints[1].text, "Names need a legal basis [@report].");
  ASSERT_EQ(c.exhibits.size(), 2u);
  EXPECT_EQ(c.exhibits[0].source.source_id, "article");
  EXPECT_EQ(c.exhibits[0].source.paragraphs, (std::vector<int>{3, 4}));
  EXPECT_EQ(c.exhibits[1].source.source_id, "report");  // outside the article: no paragraph needed
  EXPECT_TRUE(c.exhibits[1].source.paragraphs.empty());
  ASSERT_EQ(c.model_answers.size(), 2u);
  EXPECT_EQ(c.model_answers[1].position, "keep");
  EXPECT_EQ(c.model_answers[1].conclusion, "Keep it.");
  ASSERT_EQ(c.criteria.size(), 2u);
  EXPECT_EQ(c.criteria[0].levels.size(), 4u);
  EXPECT_EQ(c.criteria[1].levels.back(), "2: argued");
  EXPECT_EQ(c.epilogue, "The lead was shared later.");
  EXPECT_EQ(c.epilogue_source.source_id, "report");
  EXPECT_EQ(c.debrief, (std::vector<std::string>{"What would change your mind?"}));
  // The criteria are the rubric lines; the single model answer is optional with a case.
  EXPECT_EQ(q.rubric, (std::vector<std::string>{"Weighs the help", "Protects sources"}));
  EXPECT_TRUE(q.model_answer.empty());
}

}  // namespace
