// `casebook import FILE --from gift|aiken|csv --out BANK.toml` and `casebook export BANK.toml
// --to gift --out FILE.gift`: question files to and from other tools (docs/import.md).
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace casebook::cli {

struct ImportOptions {
  std::string input;     ///< the file to read
  std::string from;      ///< "gift", "aiken" or "csv"; empty: app::guess_import_format
  std::string out_path;  ///< the TOML bank to write (replaced)
  std::string bank_id;   ///< empty: from the input file name
  std::string title;     ///< empty: "Imported from <file name>"
  bool force = false;    ///< replace an existing `out_path` (never the database or the input)
  std::string db_path;   ///< the progress database to protect (cli::protected_db_path)
};

struct ExportOptions {
  std::string bank_path;  ///< the bank file (TOML) to read
  std::string out_path;   ///< the GIFT file to write
  bool force = false;     ///< replace an existing `out_path` (never the database or the bank)
  std::string db_path;    ///< the progress database to protect (cli::protected_db_path)
};

/// Reads `input`, prints every diagnostic (file:line) to `err`, writes the bank to `out_path`
/// when it loads back without error, and prints a summary ("imported N questions, M
/// reported") to `out`. Returns 0 when the bank was written (questions may have been left
/// out, as reported), 1 when the input cannot be read or the bank cannot be written, 2 for an
/// unknown format or an output app::check_output refuses (the database or its -wal/-shm, the
/// input, an existing file without `force`). Never throws for bad content.
[[nodiscard]] int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err);

/// Loads `bank_path` and writes it as GIFT to `out_path`; what GIFT cannot hold is reported
/// as warnings on `err`. Returns 0 when written, 1 when the bank does not load or the file
/// cannot be written, 2 when app::check_output refuses the output (as run_import).
[[nodiscard]] int run_export(const ExportOptions& options, std::ostream& out, std::ostream& err);

/// The output guard of the commands (app::check_output): the file to write, or nothing after
/// printing "casebook: <refusal>" to `err` (the caller then exits with 2).
[[nodiscard]] std::optional<std::string> guarded_output(const std::string& out_path, const std::string& db_path,
                                                        const std::vector<std::string>& inputs, bool force,
                                                        std::ostream& err);

/// Replaces `path` by `text` atomically and durably (app::write_file_atomically). False (with a
/// message on `err`) on failure; the old file is then unchanged.
[[nodiscard]] bool replace_file(const std::string& path, const std::string& text, std::ostream& err);

/// Adds the `import` and `export` subcommands; the exit code of the one that runs goes to
/// `exit_code`. Returns true through `parsed` when one of them ran (checked after parsing).
void add_import_commands(CLI::App& app, int& exit_code, bool& parsed);

}  // namespace casebook::cli
