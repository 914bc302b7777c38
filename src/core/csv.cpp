// RFC 4180 CSV reading (see csv.hpp).
#include "core/csv.hpp"

#include <utility>

namespace casebook::core {

std::optional<CsvError> for_each_csv_row(std::string_view text, const std::function<void(CsvRow&)>& on_row) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvRow row;
  std::string field;
  std::size_t line = 1;
  row.line = 1;
  bool in_quotes = false;
  bool started = false;      ///< the record has a character (a field may be empty but present)
  bool field_start = true;   ///< nothing of the current field read yet
  std::size_t quote_line = 0;
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < n && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
        continue;
      }
      field += c;
      // A line break inside the field: CRLF, LF or a lone CR each count once.
      if (c == '\n' || (c == '\r' && (i + 1 >= n || text[i + 1] != '\n'))) ++line;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      if (started) {
        row.fields.push_back(std::move(field));
        on_row(row);
      }
      field.clear();
      row = CsvRow{};
      started = false;
      field_start = true;
      row.line = ++line;
      continue;
    }
    started = true;
    if (c == '"' && field_start) {
      in_quotes = true;
      quote_line = line;
      field_start = false;
    } else if (c == ',') {
      row.fields.push_back(std::move(field));
      field.clear();
      field_start = true;
    } else {
      field += c;
      field_start = false;
    }
  }
  if (in_quotes) return CsvError{quote_line, "unterminated quoted field (its `\"` runs on to the end of the file)"};
  if (started) {
    row.fields.push_back(std::move(field));
    on_row(row);
  }
  return std::nullopt;
}

CsvTable read_csv(std::string_view text) {
  CsvTable table;
  table.error = for_each_csv_row(text, [&](CsvRow& row) { table.rows.push_back(std::move(row)); });
  return table;
}

std::optional<std::string> csv_field_count_problem(const CsvRow& row, std::size_t min, std::size_t max) {
  const std::size_t found = row.fields.size();
  if (found < min) return "expected at least " + std::to_string(min) + " fields, found " + std::to_string(found);
  if (found > max) return "expected at most " + std::to_string(max) + " fields, found " + std::to_string(found);
  return std::nullopt;
}

}  // namespace casebook::core
