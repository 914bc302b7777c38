#include "cli/cli.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cerrno>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <utility>

#include "bank/loader.hpp"
#include "app/display.hpp"
#include "app/learners.hpp"
#include "app/lrs.hpp"
#include "app/study_text.hpp"
#include "core/text.hpp"
#include "report/report.hpp"
#include "app/output_guard.hpp"
#include "app/report_export.hpp"
#include "bank/validate.hpp"
#include "app/startup.hpp"
#include "cli/cmd_check.hpp"
#include "cli/cmd_validate.hpp"
#include "cli/cmd_cards.hpp"
#include "cli/cmd_optimize.hpp"
#include "cli/cmd_class_report.hpp"
#include "cli/cmd_import.hpp"
#include "cli/cmd_diff.hpp"
#include "cli/cmd_preview.hpp"
#include "cli/cmd_replay.hpp"
#include "cli/cmd_simulate.hpp"
#include "cli/cmd_sync.hpp"
#include "cli/cmd_exam.hpp"
#include "cli/cmd_study.hpp"
#include "core/question.hpp"
#include "core/scheduler.hpp"
#include "core/text.hpp"
#include "report/report.hpp"
#include "storage/progress.hpp"

#ifndef CASEBOOK_VERSION
#define CASEBOOK_VERSION "0.0.0"
#endif
#ifndef CASEBOOK_SOURCE_BANKS
#define CASEBOOK_SOURCE_BANKS ""
#endif
#ifndef CASEBOOK_INSTALLED_BANKS
#define CASEBOOK_INSTALLED_BANKS ""
#endif

namespace casebook::cli {

namespace fs = std::filesystem;

namespace {

/// A usage error found after CLI11 parsing (exit 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void print_usage_error(const std::string& what) {
  std::cerr << "casebook: " << app::terminal_safe(what) << "\n"
            << "Run 'casebook --help' for usage.\n";
}

/// A CLI11 check: the value is a whole number in ASCII digits (no sign, no spaces) from `lo` to
/// `hi`; `name` is what --help shows for it.
CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi, const std::string& name) {
  return CLI::Validator(
      [lo, hi](std::string& value) {
        std::uint64_t n = 0;
        const char* end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, n);
        if (ec != std::errc() || ptr != end) return "'" + value + "' is not a whole number";
        if (n < lo || n > hi) return "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", not " + value;
        return std::string();
      },
      name);
}

std::string format_from_extension(const std::string& out_path) {
  const std::string ext = core::ascii_lower(fs::path(out_path).extension().string());
  if (ext == ".csv") return "csv";
  // The Export screen names its xAPI files "casebook-report.xapi.json".
  const std::string name = core::ascii_lower(fs::path(out_path).filename().string());
  if (name.size() > 10 && name.compare(name.size() - 10, 10, ".xapi.json") == 0) return "xapi";
  if (ext == ".json") return "json";
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".xlsx") return "xlsx";
  if (ext == ".pdf") return "pdf";
  return {};
}

}  // namespace

std::string version_string() { return std::string("casebook ") + CASEBOOK_VERSION; }

std::vector<std::string> default_bank_paths() {
  const std::string source = CASEBOOK_SOURCE_BANKS;
  const std::string installed = CASEBOOK_INSTALLED_BANKS;
  std::error_code ec;
  // An installed copy is found next to the binary first (<prefix>/bin/casebook ->
  // <prefix>/share/casebook/question_banks), so an install under any --prefix opens its
  // own banks; a binary in the build tree opens the source tree's.
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = exe.parent_path().parent_path() / "share" / "casebook" / "question_banks";
    if (fs::is_directory(beside, ec)) return {beside.string()};
  }
  if (!source.empty() && fs::is_directory(source, ec)) return {source};
  if (!installed.empty() && fs::is_directory(installed, ec)) return {installed};
  return {source.empty() ? installed : source};
}

std::string default_db_path() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  fs::path base;
  if (xdg != nullptr && *xdg != '\0' && fs::path(xdg).is_absolute()) {
    base = xdg;
  } else {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') {
      throw std::runtime_error("cannot find a place for the progress database: HOME is not set (use --db PATH)");
    }
    base = fs::path(home) / ".local" / "share";
  }
  return (base / "casebook" / "progress.sqlite3").string();
}

std::string protected_db_path(const CLI::App& app) {
  const CLI::Option* db = app.get_option_no_throw("--db");
  if (db != nullptr && db->count() > 0) return db->as<std::string>();
  try {
    return default_db_path();
  } catch (const std::runtime_error&) {
    return {};
  }
}

int run_validate(const std::vector<std::string>& paths, std::ostream& out) {
  return bank::validate_paths(paths, out);
}

int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_regular_file(options.db_path, ec)) {
    throw std::runtime_error("no progress database at " + options.db_path);
  }
  app::OutputRules rules;
  rules.db_path = options.db_path;
  rules.inputs = options.bank_paths;
  rules.replace = options.force;
  const app::OutputCheck output = app::check_output(options.out_path, rules);
  if (!output.refusal.empty()) throw UsageError("--out " + output.refusal);
  const fs::path target = output.target;
  if (std::find(app::kReportFormats.begin(), app::kReportFormats.end(), options.format) == app::kReportFormats.end()) {
    throw UsageError("unknown report format '" + options.format + "' (html, pdf, csv, xlsx, json or xapi)");
  }
  app::ReportRequest request;
  request.db_path = options.db_path;
  request.bank_paths = options.bank_paths;
  request.learner = options.learner;
  request.bank_filter = options.bank_filter;
  request.from = options.from;
  request.to = options.to;
  request.now = options.now;
  request.base = options.base;
  app::GatheredReport report;
  try {
    report = app::gather_report(request);
  } catch (const std::invalid_argument& e) {  // a bad --from / --to
    throw UsageError(e.what());
  }
  for (const std::string& warning : report.bank_warnings) err << "casebook: warning: " << app::terminal_safe(warning) << "\n";
  // Studied cards of a bank that is not loaded would all show as retired: say which bank.
  std::map<std::string, std::size_t> unloaded;  // bank id -> its studied cards
  for (const report::CardEntry& c : report.input.cards) {
    const bool loaded = std::any_of(report.input.banks.begin(), report.input.banks.end(),
                                    [&](const report::BankEntry& b) { return b.id == c.bank_id; });
    if (c.retired && !loaded) ++unloaded[c.bank_id];
  }
  for (const auto& [id, n] : unloaded) {
    err << "casebook: warning: " << core::counted(n, "studied card") << " of bank `" << app::terminal_safe(id)
        << "` show as retired: no loaded bank has that id; pass --bank with its file to report on it\n";
  }
  const app::ReportFileResult written = app::write_report_file(report.input, options.format, target.string());
  for (const std::string& warning : written.warnings) std::cerr << "casebook: warning: " << app::terminal_safe(warning) << "\n";
  out << "Wrote " << core::counted(report.input.cards.size(), "card") << " and " << core::counted(written.reviews, "review")
      << " of learner '"
      << app::terminal_safe(options.learner) << "' to " << options.out_path << " (" << options.format << ")\n";
  return kExitOk;
}

int run_cli(int argc, char** argv) { return run_cli(argc, argv, GuiRunner{}); }

int run_cli(int argc, char** argv, const GuiRunner& gui) {
  CLI::App app{"Casebook: spaced-repetition practice for policy and law-enforcement case studies.\n"
               "Without a subcommand, opens the study window.",
               "casebook"};
  app.set_version_flag("--version", version_string(), "Print the version and exit");
  app.fallthrough();  // --db, --bank, --learner are accepted after a subcommand too
  app.require_subcommand(0, 1);

  std::string db_path;
  std::vector<std::string> bank_paths;
  std::string learner = "default";
  std::string screenshot;
  int frames = 3;
  app.add_option("--db", db_path,
                 "Progress database (default $XDG_DATA_HOME/casebook/progress.sqlite3)")
      ->type_name("PATH");
  app.add_option("--bank", bank_paths, "Question bank file or folder (repeatable; default: the bundled banks)")
      ->allow_extra_args(false)
      ->type_name("PATH");
  // A learner name must have a visible character; a frame count is a whole number 1..100000.
  const CLI::Validator non_blank(
      [](std::string& value) {
        return core::is_blank(value) ? std::string("must not be empty") : std::string();
      },
      "NON-EMPTY");
  const CLI::Option* learner_option =
      app.add_option("--learner", learner, "Learner name (window: default the one chosen last, else \"default\")")
          ->check(non_blank)
          ->type_name("NAME");
  std::uint64_t seed = 0;
  app.add_option("--seed", seed,
                 "Fixed seed of the choice shuffles (window and `study`): a scripted session is reproducible")
      ->check(whole_number(0, UINT64_MAX, ""))
      ->type_name("N");
  app.add_option("--screenshot", screenshot, "GUI: write a PNG of the window after --frames frames, then exit")
      ->type_name("FILE.png");
  app.add_option("--frames", frames, "GUI: frames to render before the screenshot (default 3)")
      ->check(whole_number(1, 100000, "1..100000"))
      ->type_name("N");
  int keep_backups = app::AppConfig{}.backups_kept;
  app.add_option("--keep-backups", keep_backups,
                 "GUI: backups kept of each kind (daily, before an upgrade, ...); 0 turns the daily backup off "
                 "(default 7)")
      ->check(CLI::Range(0, 1000))
      ->type_name("N");

  auto* validate = app.add_subcommand("validate", "Check question bank files and print every problem");
  std::vector<std::string> validate_paths;
  validate->add_option("PATH", validate_paths, "Bank files or folders (searched for *.toml)")
      ->required()
      ->type_name("PATH");
  std::string validate_format = "text";
  validate->add_option("--format", validate_format, "text (default) or json (docs/bank-format.md)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  validate->footer("Prints path:line:col: error|warning: message [code] per problem (text), or one JSON\n"
                   "document (--format json, for CI; see docs/bank-format.md).\n"
                   "Exit status: 0 no errors, 1 errors found, 2 usage error.");

  auto* report_cmd = app.add_subcommand("report", "Write a progress report (HTML, PDF, CSV, XLSX, JSON or xAPI)");
  std::string format;
  std::string out_path;
  std::string report_bank;
  std::string report_from, report_to;
  report_cmd->add_option("--format", format, "html, pdf, csv, xlsx, json or xapi (default: from the --out extension)")
      ->check(CLI::IsMember({"html", "pdf", "csv", "xlsx", "json", "xapi"}))
      ->type_name("FORMAT");
  report_cmd->add_option("--from", report_from, "First day of the period (YYYY-MM-DD, the learner's time zone) or an ISO instant")
      ->type_name("DATE");
  report_cmd->add_option("--to", report_to, "Last day of the period, included (YYYY-MM-DD) or an ISO instant (excluded)")
      ->type_name("DATE");
  report_cmd->add_option("--out", out_path, "File to write (atomically; an existing file only with --force)")
      ->required()
      ->type_name("FILE");
  report_cmd->add_option("--bank-id", report_bank, "Only the cards and reviews of this bank id")->type_name("ID");
  bool report_force = false;
  report_cmd->add_flag("--force", report_force, "Replace --out if it exists (never a database or an input)");
  report_cmd->footer("Also takes --db PATH (must exist), --learner NAME and --bank PATH (for titles and\n"
                     "prompts; default: the bundled banks). Examples:\n"
                     "  casebook report --db progress.sqlite3 --format html --out report.html\n"
                     "  casebook report --learner ann --bank-id soldatov-2021 --from 2024-05-01 --to 2024-05-31 --out may.pdf");

  SyncCliOptions sync_options;
  CLI::App* sync_cmd = add_sync_command(app, sync_options);

  int tool_exit = kExitOk;  // set by the replay and simulate callbacks
  CLI::App* replay_cmd = add_replay_command(app, tool_exit);
  PlanFlags plan_flags;  // simulate --exam-date: run below, once --db, --bank, --learner are known
  CLI::App* simulate_cmd = add_simulate_command(app, tool_exit, plan_flags);
  CLI::App* preview_cmd = add_preview_command(app, tool_exit);
  CLI::App* diff_cmd = add_diff_command(app, tool_exit);
  bool interchange_ran = false;  // import, export or class-report ran (exit code in tool_exit)
  add_import_commands(app, tool_exit, interchange_ran);
  add_class_report_command(app, tool_exit, interchange_ran);
  const auto [optimize_cmd, evaluate_cmd] = add_optimize_commands(app, tool_exit);
  StudyCommandOptions study_options;
  CLI::App* study_cmd = add_study_command(app, study_options);
  term::ExamOptions exam_options;
  CLI::App* exam_cmd = add_exam_command(app, exam_options);
  CardsOptions cards_options;
  CLI::App* cards_cmd = add_cards_command(app, cards_options);
  CLI::App* check_cmd = add_check_command(app, tool_exit);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_usage_error(e.what());
    return kExitUsage;
  }

  try {
    if (interchange_ran) return tool_exit;
    if (simulate_cmd->parsed() && !plan_flags.exam_date.empty()) {
      return run_plan(plan_flags, db_path.empty() ? default_db_path() : db_path,
                      bank_paths.empty() ? default_bank_paths() : bank_paths, learner, std::cout, std::cerr);
    }
    if (replay_cmd->parsed() || simulate_cmd->parsed() || preview_cmd->parsed() || optimize_cmd->parsed() ||
        evaluate_cmd->parsed() || check_cmd->parsed() || diff_cmd->parsed()) {
      return tool_exit;
    }
    if (validate->parsed()) {
      if (validate_format == "json") return run_validate_json(validate_paths, std::cout);
      return run_validate(validate_paths, std::cout);
    }
    const bool have_banks = !bank_paths.empty();
    if (!have_banks) bank_paths = default_bank_paths();
    if (report_cmd->parsed()) {
      ReportOptions o;
      o.db_path = db_path.empty() ? default_db_path() : db_path;
      o.bank_paths = bank_paths;
      o.learner = learner;
      o.format = format.empty() ? format_from_extension(out_path) : format;
      if (o.format.empty()) {
        print_usage_error("cannot tell the report format from '" + out_path +
                          "': add --format html|pdf|csv|xlsx|json|xapi");
        return kExitUsage;
      }
      o.out_path = out_path;
      o.bank_filter = report_bank;
      o.from = report_from;
      o.to = report_to;
      o.force = report_force;
      o.now = core::now_ms();
      o.base = app::base_study_options(app::AppConfig{});
      std::ostringstream warnings;
      const int rc = run_report(o, std::cout, warnings);
      if (have_banks) std::cerr << warnings.str();  // the default banks are optional here
      return rc;
    }

    if (sync_cmd->parsed()) {
      app::SyncRequest request;
      request.db_path = db_path.empty() ? default_db_path() : db_path;
      request.bank_paths = bank_paths;
      request.learner = learner;
      request.now = core::now_ms();
      request.base = app::base_study_options(app::AppConfig{});
      return run_sync(sync_options, request, std::cout, std::cerr);
    }

    app::AppConfig config;
    config.bank_paths = bank_paths;
    config.learner = learner;
    config.backups_kept = keep_backups;
    config.session_seed = seed;
    if (study_cmd->parsed() || cards_cmd->parsed() || exam_cmd->parsed()) {
      config.db_path = db_path.empty() ? default_db_path() : db_path;
      if (cards_cmd->parsed()) return run_cards_command(std::move(config), cards_options, std::cout, std::cerr);
      if (exam_cmd->parsed()) return run_exam_command(std::move(config), exam_options);
      return run_study_command(std::move(config), study_options);
    }
    if (!gui) {
      std::cerr << "casebook: this build has no graphical interface; use 'casebook study', 'casebook validate' "
                   "or 'casebook report' (see 'casebook --help')\n";
      return kExitFailure;
    }
    config.display_path = app::default_display_path();  // the window remembers its scale and theme
    config.learner_memory_path = app::default_learner_memory_path();  // and the learner chosen last on Home
    config.learner_given = learner_option->count() > 0;
    config.lrs_config_path = app::default_lrs_config_path();  // answers go to a class's store when one is configured
    GuiRequest request;
    if (!screenshot.empty()) request.screenshot_path = screenshot;
    request.frames = frames;
    // Every start-up failure goes to stderr and, started from the desktop, to a window.
    const app::AskUser ask = [&](const app::StartupView& view) {
      std::cerr << "casebook: " << view.message << "\n";
      return gui.ask ? gui.ask(view, request) : static_cast<int>(view.choices.size()) - 1;
    };
    try {
      config.db_path = db_path.empty() ? default_db_path() : db_path;
    } catch (const std::exception& e) {
      (void)ask(app::startup_failure(e.what()));
      return kExitFailure;
    }
    int exit_code = kExitFailure;
    const std::unique_ptr<app::Controller> controller = app::start_controller(std::move(config), ask, exit_code);
    if (!controller) return exit_code;
    // Bank problems also go to stderr, in the same form as `casebook validate`.
    print_bank_diagnostics(*controller, std::cerr);
    return gui.run(*controller, request);
  } catch (const UsageError& e) {
    print_usage_error(e.what());
    return kExitUsage;
  } catch (const std::exception& e) {  // messages may quote a learner name or bank text
    std::cerr << "casebook: " << app::terminal_safe(e.what()) << "\n";
    return kExitFailure;
  }
}

}  // namespace casebook::cli
