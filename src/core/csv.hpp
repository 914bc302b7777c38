// Reading CSV text (RFC 4180) into rows, each with the line it starts on. Pure: text in, rows
// out; what the columns mean is the caller's (the CSV question import, the review-log CSV).
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::core {

/// One record of a CSV file.
struct CsvRow {
  std::size_t line = 0;             ///< 1-based line of the file on which the record starts
  std::vector<std::string> fields;  ///< as written, quotes removed and "" read as "
};

/// Why a CSV text could not be read to its end.
struct CsvError {
  std::size_t line = 0;  ///< 1-based line of the problem (of the opening quote)
  std::string message;   ///< one sentence without the file name
};

/// The records of a CSV text, up to an error if there is one.
struct CsvTable {
  std::vector<CsvRow> rows;
  std::optional<CsvError> error;  ///< set when a quoted field is never closed
};

/// Reads `text` as RFC 4180 CSV, leniently as spreadsheets write it: a UTF-8 byte-order mark is
/// skipped; records end with CRLF, LF or a lone CR; empty lines are skipped (a line with only
/// spaces is a record of one field); a field that starts with '"' is quoted and may hold commas,
/// quotes written "" and line breaks, which are kept as written (CR included); text after a
/// closing quote is added to the field; a '"' inside an unquoted field is an ordinary
/// character. Line numbers count every line break, inside quoted fields too, so a record after
/// a multi-line field has its real line. A quoted field that is never closed ends the reading:
/// `rows` holds the records before it and `error` names the line of its opening quote.
[[nodiscard]] CsvTable read_csv(std::string_view text);

/// read_csv one record at a time: calls `on_row` with each record in order (it may move the
/// fields out; the row is reset afterwards) and returns the error that ended the reading, if
/// any. Memory is one record, not the table (review logs of millions of rows, large imports).
std::optional<CsvError> for_each_csv_row(std::string_view text, const std::function<void(CsvRow&)>& on_row);

/// The problem with the number of fields of `row`, or nullopt when it has from `min` to `max`:
/// "expected at least 5 fields, found 4", "expected at most 8 fields, found 9".
[[nodiscard]] std::optional<std::string> csv_field_count_problem(const CsvRow& row, std::size_t min,
                                                                 std::size_t max);

}  // namespace casebook::core
