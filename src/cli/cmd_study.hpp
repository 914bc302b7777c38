// `casebook study`: the terminal front end (src/term) on the command line, and the start-up
// both front ends share (a controller over the database and banks, bank problems on stderr).
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>
#include <memory>
#include <string>

#include "app/controller.hpp"
#include "term/study.hpp"

namespace casebook::cli {

/// Registers `study` on `app` (options --limit and --color into `options`, help text with
/// every input form). The caller runs it (run_study_command) after parsing, once --db,
/// --bank, --learner and --seed are known. Returns the subcommand.
CLI::App* add_study_command(CLI::App& app, term::StudyOptions& options);

/// Prints each bank problem of `controller`'s banks to `err` as `casebook validate` prints it.
void print_bank_diagnostics(const app::Controller& controller, std::ostream& err);

/// A controller over `config` (database opened, banks loaded); each bank problem is printed
/// to `err` as `casebook validate` prints it. Throws storage::StorageError when the database
/// cannot be opened.
[[nodiscard]] std::unique_ptr<app::Controller> open_controller(app::AppConfig config, std::ostream& err);

/// Checks --bank-id and --topic against the loaded banks (HomeView::scopes) and fills in the
/// bank of a topic given alone when exactly one bank has it. Returns "" when `scope` is
/// usable (also when both are empty: every course bank), else what is wrong, naming what is
/// loaded.
[[nodiscard]] std::string resolve_scope(const app::HomeView& home, app::StudyScope& scope);

/// `casebook study`: one session in the terminal (term::run_study_terminal) over the scope
/// the options name. Returns its exit code (2 when resolve_scope refuses the scope); throws storage::StorageError when the database cannot be opened.
[[nodiscard]] int run_study_command(app::AppConfig config, const term::StudyOptions& options);

}  // namespace casebook::cli
