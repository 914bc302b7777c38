// core/csv.hpp: RFC 4180 reading with real line numbers, CRLF, quoted CR and LF, embedded
// quotes, and the errors for an unclosed quote and wrong field counts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/csv.hpp"

namespace casebook::core {
namespace {

using Fields = std::vector<std::string>;

/// The rows of `text`, which must read without an error.
std::vector<CsvRow> rows_of(std::string_view text) {
  const CsvTable t = read_csv(text);
  EXPECT_FALSE(t.error.has_value()) << text;
  return t.rows;
}

TEST(Csv, ReadsFieldsAndLinesWithLfCrlfAndLoneCr) {
  const std::vector<CsvRow> rows = rows_of("a,b,c\r\n1,,3\n\n x ,y\rlast");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(rows[0].line, 1U);
  EXPECT_EQ(rows[1].fields, (Fields{"1", "", "3"}));
  EXPECT_EQ(rows[1].line, 2U);
  EXPECT_EQ(rows[2].fields, (Fields{" x ", "y"}));  // the empty line 3 is skipped; spaces kept
  EXPECT_EQ(rows[2].line, 4U);
  EXPECT_EQ(rows[3].fields, (Fields{"last"}));  // after a lone CR, no final line break
  EXPECT_EQ(rows[3].line, 5U);
}

TEST(Csv, QuotedFieldsKeepCommasQuotesAndLineBreaksAsWritten) {
  const std::vector<CsvRow> rows = rows_of("\"a,b\",\"say \"\"hi\"\"\",\"\"\r\n\"two\r\nlines\",\"cr\ronly\",x\r\n");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].fields, (Fields{"a,b", "say \"hi\"", ""}));
  EXPECT_EQ(rows[1].fields, (Fields{"two\r\nlines", "cr\ronly", "x"}));  // CR kept inside quotes
}

TEST(Csv, AMultiLineFieldDoesNotShiftLaterLineNumbers) {
  // Line 2 opens a field that ends on line 5 (CRLF, LF and a lone CR inside it, one line each).
  const std::vector<CsvRow> rows = rows_of("h1,h2\n1,\"a\r\nb\nc\rd\"\n2,z\r\n\r\n3,w\n");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[1].line, 2U);
  EXPECT_EQ(rows[1].fields[1], "a\r\nb\nc\rd");
  EXPECT_EQ(rows[2].line, 6U);
  EXPECT_EQ(rows[2].fields, (Fields{"2", "z"}));
  EXPECT_EQ(rows[3].line, 8U);
}

TEST(Csv, QuotesOnlyOpenAFieldAtItsStart) {
  const std::vector<CsvRow> rows = rows_of("ab\"c,\"q\"tail, \"x\"\n");
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].fields, (Fields{"ab\"c", "qtail", " \"x\""}));
}

TEST(Csv, ByteOrderMarkAndEmptyText) {
  EXPECT_EQ(read_csv("\xEF\xBB\xBFid\n").rows.at(0).fields, (Fields{"id"}));
  EXPECT_TRUE(read_csv("").rows.empty());
  EXPECT_FALSE(read_csv("").error);
  EXPECT_TRUE(read_csv("\n\r\n\r").rows.empty());
  EXPECT_EQ(read_csv(",\n").rows.at(0).fields, (Fields{"", ""}));
}

TEST(Csv, AnUnclosedQuoteStopsAtItsLine) {
  const CsvTable t = read_csv("h\nok\n\"multi\nline\"\nx,\"open\nrest\n");
  ASSERT_TRUE(t.error);
  EXPECT_EQ(t.error->line, 5U);  // where the unclosed quote opens
  EXPECT_EQ(t.error->message, "unterminated quoted field (its `\"` runs on to the end of the file)");
  ASSERT_EQ(t.rows.size(), 3U);  // the records before it
  EXPECT_EQ(t.rows[2].fields, (Fields{"multi\nline"}));
  EXPECT_EQ(t.rows[2].line, 3U);
}

TEST(Csv, FieldCountProblems) {
  const CsvRow row{7, {"a", "b", "c", "d"}};
  EXPECT_FALSE(csv_field_count_problem(row, 4, 4));
  EXPECT_FALSE(csv_field_count_problem(row, 0, 9));
  EXPECT_EQ(csv_field_count_problem(row, 5, 9), "expected at least 5 fields, found 4");
  EXPECT_EQ(csv_field_count_problem(row, 0, 3), "expected at most 3 fields, found 4");
}

}  // namespace
}  // namespace casebook::core
