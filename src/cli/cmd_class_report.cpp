#include "cli/cmd_class_report.hpp"

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "app/class_report_flow.hpp"
#include "app/files.hpp"
#include "app/lrs.hpp"
#include "app/study_text.hpp"
#include "bank/loader.hpp"
#include "core/diagnostic.hpp"
#include "cli/cli.hpp"
#include "cli/cmd_import.hpp"
#include "core/question.hpp"
#include "report/class_report.hpp"
#include "core/text.hpp"

namespace casebook::cli {

namespace fs = std::filesystem;

int run_class_report(const ClassReportOptions& options, std::ostream& out, std::ostream& err) {
  std::string format = options.format;
  if (format.empty()) {
    const std::string ext = core::ascii_lower(fs::path(options.out_path).extension().string());
    format = ext == ".xlsx" ? "xlsx" : (ext == ".html" || ext == ".htm") ? "html" : "";
  }
  if (format != "html" && format != "xlsx") {
    err << "casebook: cannot tell the format of " << options.out_path << ": add --format html|xlsx\n";
    return 2;
  }
  std::vector<std::string> inputs = options.inputs;
  inputs.insert(inputs.end(), options.bank_paths.begin(), options.bank_paths.end());
  const auto target = guarded_output(options.out_path, options.db_path, inputs, options.force, err);
  if (!target) return 2;
  std::vector<report::LearnerExport> learners;
  if (options.inputs.empty() == options.lrs.empty()) {
    err << "casebook: give the learners' reports (--input FILE.json ...) or a learning record store (--lrs URL)\n";
    return 2;
  }
  if (!options.lrs.empty()) {
    try {
      learners = app::read_lrs_learners(app::load_lrs_config(options.lrs, options.lrs_config), options.since,
                                        options.activity_prefix);
    } catch (const std::exception& e) {
      err << "casebook: " << e.what() << "\n";
      return 1;
    }
  }
  for (const auto& path : options.inputs) {
    try {
      learners.push_back(app::read_learner_report(path));
    } catch (const std::exception& e) {  // any bad input names the file; never a crash
      err << "casebook: " << app::terminal_safe(e.what()) << "\n";
      return 1;
    }
  }
  std::map<std::string, std::vector<core::Choice>> choices;
  if (!options.bank_paths.empty()) {
    for (const auto& result : bank::load_banks(options.bank_paths)) {
      if (!result.bank) {
        err << "casebook: warning: " << result.path << " did not load; its choices are not listed\n";
        continue;
      }
      for (const auto& q : result.bank->questions) choices[core::card_key(*result.bank, q)] = q.choices;
    }
  }
  const report::ClassReport rep = report::compute_class_report(learners, choices);
  if (format == "html") {
    std::ostringstream html;
    report::write_class_html(rep, html);
    if (!replace_file(*target, html.str(), err)) return 1;
  } else {
    // libxlsxwriter writes by path: into a temporary file beside the target, then committed.
    try {
      app::AtomicFile file(*target);
      report::write_class_xlsx(rep, file.temp_path());
      file.commit();
    } catch (const std::runtime_error& e) {
      err << "casebook: " << app::terminal_safe(e.what()) << "\n";
      return 1;
    }
  }
  out << "class report of " << learners.size() << (learners.size() == 1 ? " learner and " : " learners and ")
      << rep.questions.size() << (rep.questions.size() == 1 ? " question" : " questions") << " written to "
      << options.out_path << "\n";
  return 0;
}

void add_class_report_command(CLI::App& app, int& exit_code, bool& parsed) {
  auto opts = std::make_shared<ClassReportOptions>();
  auto* cmd = app.add_subcommand("class-report", "Item analysis over several learners' JSON reports (HTML or XLSX)");
  cmd->add_option("--input", opts->inputs, "A learner's report (casebook report --format json); repeat it")
      ->type_name("FILE.json");
  cmd->add_option("--lrs", opts->lrs, "Read the learners' statements from this learning record store instead")
      ->type_name("URL");
  cmd->add_option("--lrs-config", opts->lrs_config, "The store's credentials file (default ~/.config/casebook/lrs.conf)")
      ->type_name("FILE");
  cmd->add_option("--since", opts->since, "With --lrs: only statements stored since (YYYY-MM-DD or an ISO instant)")
      ->type_name("DATE");
  cmd->add_option("--activity-prefix", opts->activity_prefix,
                  "With --lrs: only activities whose id starts with this, e.g. https://casebook.invalid/xapi/cards/soldatov-2021/")
      ->type_name("IRI");
  cmd->add_option("--out", opts->out_path, "File to write")->required()->type_name("FILE");
  cmd->add_flag("--force", opts->force, "Replace --out if it exists (never a database or an input)");
  cmd->add_option("--format", opts->format, "html or xlsx (default: from the --out extension)")
      ->check(CLI::IsMember({"html", "xlsx"}))
      ->type_name("FORMAT");
  cmd->add_option("--bank-file", opts->bank_paths, "Banks to list every choice (picked or not) and mark distractors")
      ->type_name("PATH");
  cmd->footer("Per question: attempts, facility and discrimination index (Moodle's definitions), answers\n"
              "picked and flags; per learner: reviews and first-review score. See docs/class-report.md.");
  cmd->callback([opts, &app, &exit_code, &parsed] {
    parsed = true;
    opts->db_path = protected_db_path(app);
    exit_code = run_class_report(*opts, std::cout, std::cerr);
  });
}

}  // namespace casebook::cli
