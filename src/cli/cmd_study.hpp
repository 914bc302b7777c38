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

/// `casebook study`'s options as given: the session's, and custom study's as typed.
struct StudyCommandOptions {
  term::StudyOptions session;
  std::string mode;   ///< --mode: "forgotten", "ahead", "preview", "cram", "extra-new", "all"; "" when not given
  int days = 0;       ///< --days N (1..365); 0 when not given
  int count = 0;      ///< --count N (1..9999); 0 when not given
};

/// Registers `study` on `app` (options --limit, --color, --bank-id, --topic, --mode, --days,
/// --count into `options`, help text with every input form). The caller runs it
/// (run_study_command) after parsing, once --db, --bank, --learner and --seed are known.
/// Returns the subcommand.
CLI::App* add_study_command(CLI::App& app, StudyCommandOptions& options);

/// Turns --mode, --days and --count into `mode`. Returns "" when they fit together, else what
/// is wrong ("--mode ahead needs --days N (1 to 365)", "--count goes with --mode preview, cram
/// or extra-new, not ahead", ...).
[[nodiscard]] std::string resolve_mode(const StudyCommandOptions& options, app::StudyMode& mode);

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
/// and custom study mode the options name. Returns its exit code (2 when resolve_mode or
/// resolve_scope refuses them); throws storage::StorageError when the database cannot be opened.
[[nodiscard]] int run_study_command(app::AppConfig config, const StudyCommandOptions& options);

}  // namespace casebook::cli
