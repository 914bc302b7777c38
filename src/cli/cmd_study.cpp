// `casebook study`: options and help text; the session itself is term::run_study_terminal.
#include "cli/cmd_study.hpp"

#include <iostream>
#include <utility>

#include "core/diagnostic.hpp"

namespace casebook::cli {

CLI::App* add_study_command(CLI::App& app, term::StudyOptions& options) {
  CLI::App* study = app.add_subcommand("study", "Study in the terminal: plain lines, answers typed line by line");
  study->add_option("--limit", options.limit, "Stop after N answers, then print the summary")
      ->check(CLI::Range(1, 1'000'000))
      ->type_name("N");
  study->add_flag("--color", options.color, "Colour the verdicts and headings (only when output is a terminal)");
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
      "A line with only q ends the session and ? shows what to type. The end of the input (or\n"
      "Ctrl+D, or Ctrl+C) also ends it, so `casebook study < answers.txt` works; an answer whose\n"
      "feedback is shown is saved with its rating first. The summary follows.\n"
      "Exit status: 0; 1 when the database cannot be opened or the last answer cannot be saved.");
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

int run_study_command(app::AppConfig config, const term::StudyOptions& options) {
  const std::unique_ptr<app::Controller> controller = open_controller(std::move(config), std::cerr);
  return term::run_study_terminal(*controller, options);
}

}  // namespace casebook::cli
