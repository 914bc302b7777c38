// `casebook study`: options and help text; the session itself is term::run_study_terminal.
#include "cli/cmd_study.hpp"

#include <iostream>
#include <utility>

#include "app/custom_study.hpp"
#include "core/diagnostic.hpp"

namespace casebook::cli {

CLI::App* add_study_command(CLI::App& app, StudyCommandOptions& options) {
  CLI::App* study = app.add_subcommand("study", "Study in the terminal: plain lines, answers typed line by line");
  study->add_option("--limit", options.session.limit, "Stop after N answers, then print the summary")
      ->check(CLI::Range(1, 1'000'000))
      ->type_name("N");
  study->add_flag("--color", options.session.color, "Colour the verdicts and headings (only when output is a terminal)");
  study->add_option("--bank-id", options.session.scope.bank_id,
                    "Study only this bank (its [bank] id); example and template banks are studied only this way")
      ->type_name("ID");
  study->add_option("--topic", options.session.scope.topic,
                    "Study only this topic (a [[topic]] id; with --bank-id when two banks have it)")
      ->type_name("ID");
  study->add_option("--mode", options.mode,
                    "Custom study: forgotten (rated Again today), ahead (due in the next --days N days), preview "
                    "(--count N new cards, nothing recorded), cram (--count N new cards past today's limit), "
                    "extra-new (raise today's new-card limit by --count N), all (every card whatever its due date)")
      ->type_name("MODE");
  study->add_option("--days", options.days, "With --mode ahead: cards due in the next N days (1 to 365)")
      ->check(CLI::Range(1, app::kMaxAheadDays))
      ->type_name("N");
  study->add_option("--count", options.count,
                    "With --mode preview or cram: at most N new cards (default 20); with extra-new: the raise (1 to 9999)")
      ->check(CLI::Range(1, app::kMaxModeCount))
      ->type_name("N");
  study->footer(
      "Also takes --db PATH, --bank PATH (repeatable), --learner NAME, and --seed N (a fixed shuffle\n"
      "of the choices, so that a scripted session is reproducible).\n"
      "\n"
      "Each card is printed as plain lines (a header, the question, numbered options, a line saying\n"
      "what to type) and answered on one line, then Enter:\n"
      "  single choice      the number of your answer: 2\n"
      "  multiple response  the numbers of every correct answer: 1 3\n"
      "  true/false         t or f (or 1 or 2)\n"
      "  short answer       the answer as text (an empty line means you do not know)\n"
      "  numeric            a number, such as 1,700 or 45.5\n"
      "  ordering           the item numbers from first to last: 3 1 2 4 (Enter alone keeps the\n"
      "                     order shown)\n"
      "  matching           item numbers with option letters: 1b 2a 3c (items left unpaired are\n"
      "                     named; Enter then submits without them)\n"
      "  dilemma            the number of your position, then your justification on one or more\n"
      "                     lines ended by an empty line; after the feedback, the letters of the\n"
      "                     rubric lines it met (a c), or - for none\n"
      "The feedback ends with the four ratings and their intervals: 1-4 rate (Again, Hard, Good,\n"
      "Easy), Enter accepts the proposed one. Each answer is saved before the next card.\n"
      "\n"
      "A line with only u takes back the last rating (the review is voided, never deleted) and asks\n"
      "that card again; again for the one before. When only learning cards are left and none is due\n"
      "yet, Enter waits for the next one and q ends the session.\n"
      "A line with only q ends the session and ? shows what to type. The end of the input (or\n"
      "Ctrl+D, or Ctrl+C) also ends it, so `casebook study < answers.txt` works; an answer whose\n"
      "feedback is shown is saved with its rating first. The summary follows.\n"
      "\n"
      "Custom study (--mode): preview records nothing and leaves the cards new; every other mode records\n"
      "each answer and changes the schedule as normal study does (docs/study.md, \"Custom study\").\n"
      "Exit status: 0; 1 when the database cannot be opened or the last answer cannot be saved; 2 when\n"
      "--bank-id or --topic names no loaded bank or topic, or --mode, --days and --count do not fit together.");
  return study;
}

void print_bank_diagnostics(const app::Controller& controller, std::ostream& err) {
  for (const app::BankRow& bank : controller.home().banks) {
    for (const core::Diagnostic& d : bank.diagnostics) err << core::format_diagnostic(d) << '\n';
  }
}

std::unique_ptr<app::Controller> open_controller(app::AppConfig config, std::ostream& err) {
  auto controller = std::make_unique<app::Controller>(std::move(config));
  print_bank_diagnostics(*controller, err);
  return controller;
}

std::string resolve_scope(const app::HomeView& home, app::StudyScope& scope) {
  if (scope.bank_id.empty() && scope.topic.empty()) return "";
  std::vector<const app::ScopeRow*> found;
  std::string banks, topics;
  for (const app::ScopeRow& row : home.scopes) {
    if (row.depth == 1) banks += (banks.empty() ? "" : ", ") + row.scope.bank_id;
    if (row.depth == 2 && (scope.bank_id.empty() || row.scope.bank_id == scope.bank_id)) {
      topics += (topics.empty() ? "" : ", ") + row.scope.topic;
    }
    const bool bank_ok = scope.bank_id.empty() || row.scope.bank_id == scope.bank_id;
    if (row.depth > 0 && bank_ok && row.scope.topic == scope.topic) found.push_back(&row);
  }
  if (found.size() == 1) {
    scope = found.front()->scope;
    return "";
  }
  if (scope.topic.empty()) {
    return "no loaded bank has the id `" + scope.bank_id + "` (loaded: " + (banks.empty() ? "none" : banks) + ")";
  }
  if (found.empty()) {
    return "no loaded bank" + (scope.bank_id.empty() ? std::string() : " `" + scope.bank_id + "`") +
           " has the topic `" + scope.topic + "` (topics: " + (topics.empty() ? "none" : topics) + ")";
  }
  return "more than one bank has the topic `" + scope.topic + "`: add --bank-id";
}

std::string resolve_mode(const StudyCommandOptions& options, app::StudyMode& mode) {
  mode = app::StudyMode{};
  if (options.mode.empty()) {
    if (options.days != 0 || options.count != 0) return "--days and --count go with --mode (see casebook study --help)";
    return "";
  }
  const auto kind = app::parse_study_mode(options.mode);
  if (!kind || *kind == app::StudyModeKind::Normal) {
    return "unknown --mode `" + options.mode + "` (choose forgotten, ahead, preview, cram, extra-new or all)";
  }
  mode.kind = *kind;
  const bool counted = *kind == app::StudyModeKind::Preview || *kind == app::StudyModeKind::Cram ||
                       *kind == app::StudyModeKind::ExtraNew;
  if (options.days != 0 && *kind != app::StudyModeKind::Ahead) {
    return "--days goes with --mode ahead, not " + options.mode;
  }
  if (options.count != 0 && !counted) return "--count goes with --mode preview, cram or extra-new, not " + options.mode;
  if (*kind == app::StudyModeKind::Ahead && options.days == 0) return "--mode ahead needs --days N (1 to 365)";
  if (*kind == app::StudyModeKind::ExtraNew && options.count == 0) {
    return "--mode extra-new needs --count N (1 to 9999), the number of extra new cards";
  }
  if (options.days != 0) mode.days = options.days;
  if (options.count != 0) mode.count = options.count;
  return app::study_mode_problem(mode);
}

int run_study_command(app::AppConfig config, const StudyCommandOptions& options) {
  app::StudyMode mode;
  if (const std::string problem = resolve_mode(options, mode); !problem.empty()) {
    std::cerr << "casebook study: " << problem << ".\n";
    return 2;
  }
  const std::unique_ptr<app::Controller> controller = open_controller(std::move(config), std::cerr);
  term::StudyOptions chosen = options.session;
  chosen.mode = mode;
  if (const std::string problem = resolve_scope(controller->home(), chosen.scope); !problem.empty()) {
    std::cerr << "casebook study: " << problem << ".\n";
    return 2;
  }
  return term::run_study_terminal(*controller, chosen);
}

}  // namespace casebook::cli
