// `casebook class-report --input A.json --input B.json --out class.html|class.xlsx`, or
// `--lrs URL`: item analysis over several learners' JSON reports or over their statements in
// a learning record store (docs/class-report.md).
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>
#include <vector>

namespace casebook::cli {

struct ClassReportOptions {
  std::vector<std::string> inputs;      ///< learners' `casebook report --format json` files
  std::string out_path;                 ///< .html or .xlsx
  std::string format;                   ///< "html" or "xlsx"; empty: from the extension
  std::vector<std::string> bank_paths;  ///< optional banks: list unpicked choices, mark distractors
  std::string lrs;                      ///< read the statements from this learning record store instead
  std::string lrs_config;               ///< its credentials file ("" = app::default_lrs_config_path())
  std::string since;                    ///< only statements stored since (ISO instant or date)
  std::string activity_prefix;          ///< only activities whose id starts with this
  bool force = false;                   ///< replace an existing `out_path` (never the database or an input)
  std::string db_path;                  ///< the progress database to protect (cli::protected_db_path)
};

/// Reads every input, computes report::compute_class_report and writes it (replacing the
/// file). Returns 0 when written, 1 when an input cannot be read or parsed or the output
/// cannot be written (message on `err`), 2 when the format is unknown or app::check_output
/// refuses the output (the database or its -wal/-shm, an input, an existing file without
/// `force`).
[[nodiscard]] int run_class_report(const ClassReportOptions& options, std::ostream& out, std::ostream& err);

/// Adds the `class-report` subcommand; its exit code goes to `exit_code`, and `parsed` is
/// set when it ran.
void add_class_report_command(CLI::App& app, int& exit_code, bool& parsed);

}  // namespace casebook::cli
