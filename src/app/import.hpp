// Question import shared by `casebook import` and the GUI's Import screen: reads a GIFT, Aiken
// or CSV file, maps it with the interchange importers, checks the bank loads, and writes it
// as TOML atomically. Formats and mapping: docs/import.md.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace casebook::app {

/// The question file formats an import reads.
enum class ImportFormat { Gift, Aiken, Csv };

/// "gift", "aiken" or "csv" as an ImportFormat; nullopt for anything else.
[[nodiscard]] std::optional<ImportFormat> parse_import_format(std::string_view name);
/// The lower-case name of `format` ("gift", "aiken", "csv").
[[nodiscard]] std::string_view import_format_name(ImportFormat format);
/// The format with its article, for messages: "a GIFT file", "an Aiken file", "a CSV file".
[[nodiscard]] std::string import_format_file(ImportFormat format);
/// Why an import that found no question wrote nothing, as `casebook import` and the Import
/// screen say it (one sentence that starts with `what`, e.g. a path or "The file"): "`what`
/// is empty; nothing written." for a file of nothing but white space (`blank`); "`what` has no
/// questions; nothing written. Is it a GIFT file?" when no question was reported either (only
/// comments, or another format); else "`what` has no question that could be imported
/// (`reported` reported `where`); nothing written. Is it ...?".
[[nodiscard]] std::string nothing_imported(std::string_view what, int reported, std::string_view where,
                                           ImportFormat format, bool blank = false);
/// The format of the question file at `path` (the GUI's preselection, and `casebook import`
/// without --from): CSV for .csv; Aiken when the file name contains "aiken" (any case); for
/// .txt, Aiken when its first 64 KiB have a line starting "ANSWER:" and no '{' (GIFT puts
/// every answer in braces), else GIFT; GIFT for .gift; nullopt otherwise. Reads at most 64 KiB
/// of the file; one that cannot be read is judged by its name alone.
[[nodiscard]] std::optional<ImportFormat> guess_import_format(const std::string& path);

/// What to import and where to.
struct ImportRequest {
  std::string input;     ///< the question file to read
  ImportFormat format = ImportFormat::Gift;
  std::string out_path;  ///< the TOML bank to write
  std::string bank_id;   ///< empty: from the input file name (the caller checks its syntax)
  std::string title;     ///< empty: "Imported from <file name>"
  bool replace = true;   ///< false: an existing `out_path` is left alone (status Exists)
  std::string db_path;   ///< the progress database in use: never written over (app::check_output)
};

/// How an import ended.
enum class ImportStatus {
  Written,      ///< the bank was written (some questions may have been left out, as reported)
  Unreadable,   ///< the input is a folder or cannot be read; nothing written
  Empty,        ///< no question could be imported; nothing written
  Invalid,      ///< the bank does not load back (a bug); nothing written
  TooLarge,     ///< the bank would be larger than a bank file may be, or memory ran out; nothing written
  Exists,       ///< `out_path` exists and `replace` is false; nothing written
  Refused,      ///< `out_path` is the database, the input or not a file (app::check_output); nothing written
  WriteFailed,  ///< the file could not be written
};

/// The result of import_questions().
struct ImportOutcome {
  ImportStatus status = ImportStatus::Unreadable;
  std::size_t imported = 0;  ///< questions in the bank (written or not)
  int skipped = 0;           ///< questions reported as errors and left out
  bool blank = false;        ///< the file held nothing but white space (status Empty)
  std::vector<core::Diagnostic> diagnostics;        ///< the importer's, in file order
  std::vector<core::Diagnostic> check_diagnostics;  ///< the loader's, when status is Invalid
  std::string message;  ///< for Unreadable, TooLarge, Exists, Refused and WriteFailed: what went wrong, one sentence
};

/// A bank's TOML as an import writes it: the header ([bank], [[source]], [[topic]]) and the
/// [[question]] tables in pieces of at most kQuestionsPerPiece questions (their text joined is
/// the file). Pieces spare the copies of one growing string, and each is one slice of
/// check_imported_bank().
struct ImportedBankToml {
  static constexpr std::size_t kQuestionsPerPiece = 1000;
  std::string header;
  std::vector<std::string> pieces;  ///< each starts with "\n[[question]]\n"
  std::size_t questions_in_last = 0;  ///< questions in pieces.back()
  std::size_t size = 0;  ///< bytes of header and pieces; import_questions counts on past the limit
};

/// The loader's errors (bank::load_bank_text) for the file `toml` makes, checked one piece at a
/// time: each slice is the header and one piece, and the errors in a piece are moved to their
/// lines in the whole file; question ids are checked across pieces (`duplicate-id`, at the
/// question's [[question]] line). Same verdict as loading the joined text, while toml++'s
/// document (about 15 times its text) is held for one piece at a time, so an import's memory
/// stays a small multiple of its input (issue 15). Warnings are left out: the importer gives its own.
[[nodiscard]] std::vector<core::Diagnostic> check_imported_bank(const ImportedBankToml& toml, const std::string& path);

/// Imports `request.input` as `request.format` into a bank written to `request.out_path`
/// (write_file_atomically, app/files.hpp) after app::check_output (never the database, its
/// -wal/-shm or the input; an existing file only with `replace`). The input is read by
/// bank::read_input_file (kQuestionInput: ordinary files of at most 16 MiB). The bank must
/// have at least one question, be no larger than a bank file may be (kBankInput) and pass
/// bank::load_bank_text before anything is written: nothing is written that Casebook would
/// refuse to load. Never throws for bad content, I/O errors or lack of memory: they come back
/// in the outcome.
[[nodiscard]] ImportOutcome import_questions(const ImportRequest& request);

}  // namespace casebook::app
