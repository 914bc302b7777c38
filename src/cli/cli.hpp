// The `casebook` command line: options, the `validate` and `report` subcommands, and the
// hand-over to the GUI (wired by main.cpp, so this library never links ImGui).
#pragma once
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/controller.hpp"

namespace CLI {
class App;
}

namespace casebook::cli {

/// Exit codes: success, a failure (bad bank, unreadable database, I/O), a usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

/// The program version printed by `--version` ("casebook 0.1.0").
[[nodiscard]] std::string version_string();

/// What the GUI is asked to do (mirrors ui::GuiOptions without depending on it).
struct GuiRequest {
  std::optional<std::string> screenshot_path;  ///< write a PNG after `frames` frames, then exit
  int frames = 3;
};

/// The GUI as the command line sees it (wired by main.cpp, so this library never links ImGui).
struct GuiRunner {
  /// Runs the GUI over a ready controller and returns the exit code (see ui::run_gui).
  std::function<int(app::Controller&, const GuiRequest&)> run;
  /// Shows a start-up question or failure in a small window (ui::run_startup_window) and
  /// returns the chosen index; the last choice (Quit) when the window cannot open or is closed.
  std::function<int(const app::StartupView&, const GuiRequest&)> ask;
  /// Whether a GUI is built in.
  explicit operator bool() const { return static_cast<bool>(run); }
};

/// The banks to open when no `--bank` is given, first that exists of: `../share/casebook/
/// question_banks` beside the running binary (an install under any prefix), the source
/// tree's `question_banks/`, the configured install path. Returns a one-element list (the
/// folder may not exist).
[[nodiscard]] std::vector<std::string> default_bank_paths();

/// `$XDG_DATA_HOME/casebook/progress.sqlite3` when XDG_DATA_HOME is an absolute path, else
/// `$HOME/.local/share/casebook/progress.sqlite3`. Throws std::runtime_error if HOME is unset.
[[nodiscard]] std::string default_db_path();

/// The progress database a command protects from its --out: the global `--db` of `app`
/// when given, else default_db_path() ("" when HOME is unset).
[[nodiscard]] std::string protected_db_path(const CLI::App& app);

/// `casebook validate PATH...`: prints every diagnostic of every bank under the paths
/// (bank::validate_paths). Returns 0 when there is no error, 1 otherwise.
[[nodiscard]] int run_validate(const std::vector<std::string>& paths, std::ostream& out);

struct ReportOptions {
  std::string db_path;                  ///< must exist: a missing database is an error
  std::vector<std::string> bank_paths;  ///< for titles and prompts (cards stay listed without them)
  std::string learner = "default";
  std::string format;                   ///< "html", "pdf", "csv", "xlsx", "json" or "xapi"
  std::string out_path;
  core::TimestampMs now = 0;            ///< report time, UTC ms
  /// The options the learner's stored ones apply over (app::base_study_options): the report
  /// uses the learner's effective options (weights, time zone, rollover) as the study screen.
  core::StudyOptions base{};
  std::string bank_filter;              ///< only this bank id's cards and reviews ("" = all)
  std::string from, to;                 ///< the period (app::parse_report_period), "" = no bound
  bool force = false;                   ///< replace an existing `out_path` (app::check_output)
};

/// `casebook report`: every card in the learner's card states (joined with bank info when
/// the bank is loaded) with retrievability at `now`, and the review log, written to
/// `out_path` atomically (temp file in the same folder, then rename). `out_path` passes
/// app::check_output first (never the database, its -wal/-shm or a bank; an existing file
/// only with `force`): a refusal is a usage error (exit 2). Prints a one-line result to
/// `out` and a warning per bank that failed to load to `err`. Returns 0; throws
/// std::runtime_error (missing database, unknown learner, write failure) or
/// storage::StorageError.
[[nodiscard]] int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err);

/// Parses the command line and runs a subcommand, or the GUI through `gui` when there is
/// none (without a runner it says the GUI is not built and returns 1). The GUI starts with
/// app::start_controller: every start-up failure goes to stderr and to `gui.ask` (a
/// window), and a progress file held by another Casebook or not writable is offered
/// read-only. Usage errors print a
/// line and a hint to stderr and return 2; storage and I/O errors are printed in words and
/// return 1.
[[nodiscard]] int run_cli(int argc, char** argv, const GuiRunner& gui);
/// run_cli without a GUI.
[[nodiscard]] int run_cli(int argc, char** argv);

}  // namespace casebook::cli
