// `casebook check`: SQLite's integrity check of a progress file, read-only.
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>

namespace casebook::cli {

/// Checks the progress database `db_path` on a read-only connection (it is never written
/// to, and may be in a read-only folder): PRAGMA integrity_check, or quick_check when
/// `quick`. Prints "<path>: sound (...)" to `out`, or "<path>: damaged" and SQLite's
/// findings (at most 20 lines) with what to do to `err`. Returns 0 when sound, 1 when damaged,
/// missing or refused (not SQLite, another application's, a newer Casebook's).
[[nodiscard]] int run_check(const std::string& db_path, bool quick, std::ostream& out, std::ostream& err);

/// Adds the `check` subcommand (it reads the global --db, else the default progress file);
/// its exit code goes to `exit_code`.
CLI::App* add_check_command(CLI::App& app, int& exit_code);

}  // namespace casebook::cli
