// GIFT answer weights (Moodle: a percentage from -100 to 100, written ~%50%): a weight that
// is not a number or is out of range is reported at its place and the question left out.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "interchange/interchange.hpp"

namespace ci = casebook::interchange;
namespace core = casebook::core;

namespace {

using D = std::tuple<int, int, char, std::string>;

std::vector<D> diags(const ci::ImportResult& r) {
  std::vector<D> out;
  for (const auto& d : r.diagnostics) {
    out.emplace_back(d.line, d.column, d.severity == core::Severity::Error ? 'E' : 'W', d.code);
  }
  return out;
}

TEST(GiftWeights, OutOfRangeAndNonNumericWeightsAreReportedAtTheirPlace) {
  const std::string text =
      "Q1 {=a ~%200%b}\n"         // line 1: `%` at column 9
      "\n"
      "// a comment\n"
      "::t2:: Q2 {\n"            // line 4
      "// inside\n"
      "  =a\n"
      "  ~%abc%b\n"              // line 7: `%` at column 4
      "}\n"
      "\n"
      "Q3 {=a ~%-50%b ~%-100%c}\n"  // fine
      "\n"
      "Q4 {~%50%a ~%50%b ~%-101%c}\n";  // line 12: `%` at column 20
  const auto r = ci::import_gift(text, "w.gift");
  EXPECT_EQ(diags(r), (std::vector<D>{{1, 9, 'E', "gift-bad-weight"},
                                      {7, 4, 'E', "gift-bad-weight"},
                                      {12, 20, 'E', "gift-bad-weight"}}));
  ASSERT_EQ(r.diagnostics.size(), 3U);
  EXPECT_NE(r.diagnostics[0].message.find("`%200%`"), std::string::npos) << r.diagnostics[0].message;
  EXPECT_NE(r.diagnostics[0].hint.find("-100"), std::string::npos) << r.diagnostics[0].hint;
  EXPECT_NE(r.diagnostics[1].message.find("`%abc%`"), std::string::npos) << r.diagnostics[1].message;
  EXPECT_EQ(r.bank.questions.size(), 1U);
  EXPECT_EQ(r.skipped, 3);
}

TEST(GiftWeights, AWeightAfterEqualsInAChoiceQuestionIsText) {
  // As in Moodle, "=%abc% off" in a question with `~` answers is the answer's text.
  const auto r = ci::import_gift("Q {=%abc% off ~b}\n", "t.gift");
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.bank.questions.size(), 1U);
  EXPECT_EQ(r.bank.questions[0].choices.at(0).text, "%abc% off");
}

}  // namespace
