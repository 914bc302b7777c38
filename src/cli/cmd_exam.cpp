// `casebook exam`: options and help text; the exam itself is term::run_exam.
#include "cli/cmd_exam.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "cli/cmd_study.hpp"

namespace casebook::cli {

CLI::App* add_exam_command(CLI::App& app, term::ExamOptions& options) {
  CLI::App* exam = app.add_subcommand("exam", "Sit a mock exam in the terminal: a bank's preset or N questions at random");
  exam->add_option("--preset", options.preset, "A bank's [[exam]] preset: its id, or <bank id>/<id>")->type_name("ID");
  exam->add_option("--bank-id", options.bank_ids, "Without --preset: draw from this bank (repeatable; default: every course bank)")
      ->type_name("ID");
  exam->add_option("--count", options.count, "Without --preset: the number of questions (1 to 500, default 20)")
      ->check(CLI::Range(1, 500))
      ->type_name("N");
  exam->add_option("--minutes", options.minutes, "Time limit in minutes (0: none; default: the preset's, or none)")
      ->check(CLI::Range(0, 600))
      ->type_name("N");
  exam->add_flag("--practice", options.practice, "A practice run: the attempt is stored, the schedule left alone");
  exam->add_flag("--color", options.color, "Colour the verdicts and headings (only when output is a terminal)");
  exam->footer(
      "Also takes --db PATH, --bank PATH (repeatable), --learner NAME, and --seed N (the same seed\n"
      "draws the same questions in the same order).\n"
      "\n"
      "Each question is printed with \"Question k of N\" and the time left, and answered on one line as\n"
      "in `casebook study` (see casebook study --help; a dilemma: the number of your position, a space\n"
      "and your justification). Answers are not marked until the end and are saved as they are given.\n"
      "An empty line or s skips a question: the skipped ones are asked once more after the last one.\n"
      "q, or the end of the input, hands the exam in; so does the time limit (checked before each\n"
      "question). The result follows: score, pass or fail, time taken, score per topic, and every\n"
      "question with your answer, the correct one, the explanation and the source.\n"
      "\n"
      "Exam answers count as reviews for the scheduler (right: Good, wrong: Again) unless --practice\n"
      "is given (docs/study.md, \"Mock exams\").\n"
      "Exit status: 0; 1 when the database cannot be opened or the exam cannot be handed in; 2 for an\n"
      "unknown preset or an exam with no question.");
  return exam;
}

int run_exam_command(app::AppConfig config, const term::ExamOptions& options) {
  const std::unique_ptr<app::Controller> controller = open_controller(std::move(config), std::cerr);
  term::ExamOptions chosen = options;
  chosen.color = chosen.color && isatty(STDOUT_FILENO) == 1;
  for (const std::string& id : chosen.bank_ids) {
    const auto& banks = controller->home().banks;
    if (std::none_of(banks.begin(), banks.end(), [&](const app::BankRow& b) { return b.id == id; })) {
      std::cerr << "casebook exam: no loaded bank has the id `" << id << "`.\n";
      return 2;
    }
  }
  return term::run_exam(*controller, std::cin, std::cout, std::cerr, chosen);
}

}  // namespace casebook::cli
