// Question interchange: imports GIFT, Aiken and CSV question files into a core::Bank (with a
// diagnostic, file:line, for every question that cannot be mapped), exports a bank to GIFT,
// and writes a bank as TOML that `casebook validate` accepts. Formats: docs/import.md.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/question.hpp"

namespace casebook::interchange {

/// What an import produced: a bank (never half a question) and what could not be mapped.
/// Errors name questions that were skipped; warnings name lossy but imported ones.
struct ImportResult {
  core::Bank bank;
  std::vector<core::Diagnostic> diagnostics;
  int skipped = 0;  ///< questions reported as errors and left out
  std::size_t imported = 0;  ///< questions imported: in bank.questions, or handed to ImportOptions::on_question
};

/// Metadata of the bank an import creates (docs/import.md, "The imported bank").
struct ImportOptions {
  std::string bank_id;   ///< [a-z0-9-]+; empty: derived from the file name
  std::string title;     ///< empty: "Imported from <file name>"
  std::string language = "en";
  /// When set, each imported question (with its final id, in file order) is handed to this
  /// instead of being kept in ImportResult::bank, so an import holds one question at a time
  /// (ImportResult::bank then has the bank's header, sources and topics only).
  std::function<void(const core::Question&)> on_question;
};

/// Reads GIFT (Moodle's format: categories, titles, comments, escapes, [html]/[markdown]/
/// [moodle]/[plain] text, multiple choice, true/false, short answer, numerical, matching,
/// missing word). `path` is used in diagnostics and for the bank's [[source]]. Never throws
/// for bad content.
[[nodiscard]] ImportResult import_gift(std::string_view text, const std::string& path,
                                       const ImportOptions& options = {});

/// Reads Aiken (question line, options "A) " or "A. ", "ANSWER: X"). Never throws for bad
/// content: a malformed question is reported at its first line and the rest imports.
[[nodiscard]] ImportResult import_aiken(std::string_view text, const std::string& path,
                                        const ImportOptions& options = {});

/// Reads Casebook's CSV layout (RFC 4180, header row; columns in docs/import.md).
[[nodiscard]] ImportResult import_csv(std::string_view text, const std::string& path,
                                      const ImportOptions& options = {});

/// Writes `bank` as GIFT for Moodle. Questions GIFT cannot hold (ordering, dilemma) are left
/// out and reported as warnings in `lossy` (file = bank.path, line = question line), as are
/// parts that are dropped (a numeric unit, topics after the first, the source citation).
[[nodiscard]] std::string export_gift(const core::Bank& bank, std::vector<core::Diagnostic>& lossy);

/// Writes `bank` as a format-1 TOML bank (docs/bank-format.md): keys in the documented order,
/// strings as TOML basic strings with every control character escaped, numbers in shortest
/// round-trip form. load_bank_text() of the result gives back the same bank.
[[nodiscard]] std::string write_bank_toml(const core::Bank& bank);
/// The part of write_bank_toml() before the first [[question]]: [bank], [[source]], [[topic]].
[[nodiscard]] std::string write_bank_header_toml(const core::Bank& bank);
/// Appends one "\n[[question]]" table as write_bank_toml() writes it; `format` is the bank's
/// format number (fact references are written from format 2). Every string is a TOML basic
/// string, so "\n[[question]]\n" in the output only ever starts a question.
void append_question_toml(std::string& out, const core::Question& q, int format);

/// `text` as an id: ASCII letters folded to lower case (accents removed), runs of anything
/// else as one '-', no '-' at either end, at most `max_length` bytes (cut at a '-' when
/// possible). Empty when nothing is left.
[[nodiscard]] std::string slugify(std::string_view text, std::size_t max_length = 48);

/// HTML converted to plain text: comments, scripts and tags removed, <br>, </p>, </div>,
/// </li> and </tr> as line breaks, character references decoded (named ones of HTML 4 Latin-1
/// and the common typographic set; numeric ones), runs of spaces collapsed, lines trimmed.
/// Sets `dropped_image` when an <img> was removed.
[[nodiscard]] std::string html_to_text(std::string_view html, bool* dropped_image = nullptr);

}  // namespace casebook::interchange
