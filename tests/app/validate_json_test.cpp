// `casebook validate --format json` (cli::run_validate_json): the documented shape, exact
// values for a bank with warnings and one with errors, and file names that are not UTF-8.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "bank/validate.hpp"
#include "cli/cmd_validate.hpp"

namespace {

namespace fs = std::filesystem;
const fs::path kData = fs::path(CASEBOOK_SOURCE_DIR) / "tests" / "bank" / "data";

TEST(ValidateJson, HasTheDocumentedShape) {
  std::ostringstream out;
  const fs::path warn = kData / "invalid" / "warnings-facts.toml";
  EXPECT_EQ(casebook::cli::run_validate_json({warn.string()}, out), 0);
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["schema"], 1);
  ASSERT_EQ(j["banks"].size(), 1u);
  EXPECT_EQ(j["banks"][0], (nlohmann::json{{"path", warn.string()}, {"id", "fixture"}, {"loaded", true},
                                           {"questions", 1}, {"generated", 0}, {"errors", 0}, {"warnings", 8},
                                           {"repeated", nlohmann::json::array()}}));
  ASSERT_EQ(j["diagnostics"].size(), 8u);
  const auto& d = j["diagnostics"][0];
  EXPECT_EQ(d["file"], warn.string());
  EXPECT_EQ(d["line"], 16);
  EXPECT_EQ(d["column"], 1);
  EXPECT_EQ(d["severity"], "warning");
  EXPECT_EQ(d["code"], "generator-unused");
  EXPECT_TRUE(d["message"].is_string());
  EXPECT_TRUE(d["hint"].is_string());
  EXPECT_EQ(j["diagnostics"][2]["message"], "alias `\xD0\xA4\xD0\xA1\xD0\x91` is repeated (first at line 26, column 12)");
  EXPECT_EQ(j["summary"], (nlohmann::json{{"banks", 1}, {"questions", 1}, {"errors", 0}, {"warnings", 8}}));
  // Keys in the documented order.
  std::string keys;
  const auto ordered = nlohmann::ordered_json::parse(out.str());
  for (const auto& [key, value] : ordered.items()) keys += key + " ";
  EXPECT_EQ(keys, "schema banks diagnostics summary ");
}

TEST(ValidateJson, ErrorsGiveExitOneANullIdAndTheSameDiagnosticsAsText) {
  const fs::path bad = kData / "invalid" / "facts-in-format-1.toml";
  std::ostringstream out;
  EXPECT_EQ(casebook::cli::run_validate_json({bad.string()}, out), 1);
  const auto k = nlohmann::json::parse(out.str());
  EXPECT_EQ(k["banks"][0]["loaded"], false);
  EXPECT_TRUE(k["banks"][0]["id"].is_null());
  EXPECT_EQ(k["summary"]["errors"], 3);
  const casebook::bank::Validation v = casebook::bank::validate_banks({bad.string()});
  ASSERT_EQ(k["diagnostics"].size(), v.diagnostics.size());
  for (std::size_t i = 0; i < v.diagnostics.size(); ++i) {
    EXPECT_EQ(k["diagnostics"][i]["message"], v.diagnostics[i].message);
    EXPECT_EQ(k["diagnostics"][i]["severity"], "error");
  }
}

TEST(ValidateJson, ABankPathThatIsNotUtf8StillGivesValidJson) {
  const fs::path dir = fs::temp_directory_path() / ("casebook-validate-json-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "caf\xE9.toml";  // Latin-1 é: not UTF-8
  std::ofstream(file) << "[bank]\nid = \"x\"\n";
  std::ostringstream out;
  EXPECT_EQ(casebook::cli::run_validate_json({file.string()}, out), 1);
  const auto j = nlohmann::json::parse(out.str());  // throws on invalid UTF-8
  EXPECT_EQ(j["banks"][0]["path"], (dir / "caf\xEF\xBF\xBD.toml").string());
  fs::remove_all(dir);
}

}  // namespace
