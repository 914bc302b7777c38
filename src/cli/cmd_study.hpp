// `casebook study`: the terminal front end (src/term) on the command line, and the start-up
// both front ends share (a controller over the database and banks, bank problems on stderr).
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>
#include <memory>

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

/// `casebook study`: one session in the terminal (term::run_study_terminal). Returns its exit
/// code; throws storage::StorageError when the database cannot be opened.
[[nodiscard]] int run_study_command(app::AppConfig config, const term::StudyOptions& options);

}  // namespace casebook::cli
