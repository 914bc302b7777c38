// Every option the Settings screen shows has its one-line explanation (issue 12), written
// with the field's term beside the plain words.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "app/option_help.hpp"

TEST(OptionHelp, EverySettingsRowHasAnExplanationNamingItsTerm) {
  std::ifstream in(std::string(CASEBOOK_SOURCE_DIR) + "/src/ui/settings_screen.cpp");
  ASSERT_TRUE(in) << "the Settings screen's source is read to find its rows";
  std::stringstream text;
  text << in.rdbuf();
  const std::string src = text.str();
  const std::regex row_label(R"re(row\("([^"]+)")re");
  int rows = 0;
  for (auto it = std::sregex_iterator(src.begin(), src.end(), row_label); it != std::sregex_iterator(); ++it) {
    const std::string label = (*it)[1];
    ++rows;
    const std::string_view help = casebook::app::option_help(label);
    EXPECT_FALSE(help.empty()) << label << " has no explanation";
    EXPECT_LE(help.size(), 200u) << label << ": one line, not a paragraph";
  }
  EXPECT_GE(rows, 20);
  // The field's terms beside the plain words.
  EXPECT_NE(casebook::app::option_help("Desired retention").find("(desired retention)"), std::string_view::npos);
  EXPECT_NE(casebook::app::option_help("Relearning steps").find("lapse"), std::string_view::npos);
  EXPECT_NE(casebook::app::option_help("Review order (backlog)").find("retrievability"), std::string_view::npos);
  EXPECT_TRUE(casebook::app::option_help("No such option").empty());
  // Plain words first on the screen, the term beside them (the brief): no row is labelled by
  // the term alone.
  EXPECT_NE(src.find("row(\"Spread due days (fuzz)\""), std::string::npos);
  EXPECT_NE(src.find("row(\"Memory model (FSRS weights)\""), std::string::npos);
  EXPECT_EQ(src.find("row(\"Fuzz\""), std::string::npos);
}
