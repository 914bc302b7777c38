#include "cli/cmd_import.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include "app/files.hpp"
#include "app/import.hpp"
#include "app/output_guard.hpp"
#include "cli/cli.hpp"
#include "bank/loader.hpp"
#include "core/diagnostic.hpp"
#include "core/question.hpp"
#include "interchange/interchange.hpp"
#include "core/text.hpp"

namespace casebook::cli {
namespace {

namespace fs = std::filesystem;

/// True when `id` is a bank id the loader accepts: lower-case ASCII letters, digits and '-', not
/// starting with '-'.
bool valid_bank_id(const std::string& id) {
  return !id.empty() && id.front() != '-' && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

bool replace_file(const std::string& path, const std::string& text, std::ostream& err) {
  try {
    app::write_file_atomically(path, text);
    return true;
  } catch (const std::runtime_error& e) {
    err << "casebook: " << e.what() << "\n";
    return false;
  }
}

std::optional<std::string> guarded_output(const std::string& out_path, const std::string& db_path,
                                          const std::vector<std::string>& inputs, bool force, std::ostream& err) {
  app::OutputRules rules;
  rules.db_path = db_path;
  rules.inputs = inputs;
  rules.replace = force;
  const app::OutputCheck check = app::check_output(out_path, rules);
  if (check.refusal.empty()) return check.target;
  err << "casebook: --out " << check.refusal << "\n";
  return std::nullopt;
}

int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err) {
  // Without --from, the Import screen's guess from the file name (.gift and .txt GIFT, .csv, "aiken").
  const auto format =
      options.from.empty() ? app::guess_import_format(options.input) : app::parse_import_format(options.from);
  if (!format) {
    err << "casebook: cannot tell the format of " << options.input << ": add --from gift|aiken|csv\n";
    return 2;
  }
  if (!options.bank_id.empty() && !valid_bank_id(options.bank_id)) {
    err << "casebook: --bank-id `" << options.bank_id << "` may use only lower-case letters, digits and '-'"
        << " (e.g. `" << interchange::slugify(options.bank_id) << "`)\n";
    return 2;
  }
  app::ImportRequest request;
  request.input = options.input;
  request.format = *format;
  request.out_path = options.out_path;
  request.bank_id = options.bank_id;
  request.title = options.title;
  request.replace = options.force;
  request.db_path = options.db_path;
  const app::ImportOutcome outcome = app::import_questions(request);
  // A refused --out comes alone: the input's diagnostics follow once there is somewhere to write.
  const bool out_refused = outcome.status == app::ImportStatus::Exists || outcome.status == app::ImportStatus::Refused;
  if (!out_refused) {
    for (const auto& d : outcome.diagnostics) err << core::format_diagnostic(d) << "\n";
  }
  switch (outcome.status) {
    case app::ImportStatus::Written: break;
    case app::ImportStatus::Empty:
      err << "casebook: " << app::nothing_imported(options.input, outcome.skipped, "above", *format, outcome.blank)
          << (outcome.blank ? "" : " (--from gift|aiken|csv)") << "\n";
      return 1;
    case app::ImportStatus::Invalid:
      for (const auto& d : outcome.check_diagnostics) err << core::format_diagnostic(d) << "\n";
      err << "casebook: the imported bank does not validate; nothing written (please report this)\n";
      return 1;
    case app::ImportStatus::Exists:
    case app::ImportStatus::Refused:
      err << "casebook: --out " << outcome.message << "\n";
      return 2;
    case app::ImportStatus::Unreadable:
    case app::ImportStatus::TooLarge:
    case app::ImportStatus::WriteFailed:
      err << "casebook: " << outcome.message << "\n";
      return 1;
  }
  out << "imported " << core::counted(outcome.imported, "question") << " from "
      << options.input << " into " << options.out_path << "; " << outcome.skipped << " left out"
      << (outcome.skipped > 0 ? " (see the errors above)" : "") << "\n";
  return 0;
}

int run_export(const ExportOptions& options, std::ostream& out, std::ostream& err) {
  const std::string& bank_path = options.bank_path;
  const std::string& out_path = options.out_path;
  const auto target = guarded_output(out_path, options.db_path, {bank_path}, options.force, err);
  if (!target) return 2;
  const auto loaded = bank::load_bank_file(bank_path);
  for (const auto& d : loaded.diagnostics) err << core::format_diagnostic(d) << "\n";
  if (!loaded.bank) {
    err << "casebook: " << bank_path << " does not load; nothing exported\n";
    return 1;
  }
  std::vector<core::Diagnostic> lossy;
  const std::string gift = interchange::export_gift(*loaded.bank, lossy);
  for (const auto& d : lossy) err << core::format_diagnostic(d) << "\n";
  if (!replace_file(*target, gift, err)) return 1;
  std::size_t exported = 0;
  for (const auto& q : loaded.bank->questions) {
    exported += (q.type != core::QuestionType::Ordering && q.type != core::QuestionType::Dilemma) ? 1 : 0;
  }
  out << "exported " << exported << " of " << loaded.bank->questions.size() << " questions of " << bank_path << " to " << out_path
      << " (" << core::counted(lossy.size(), "warning") << ")\n";
  return 0;
}

void add_import_commands(CLI::App& app, int& exit_code, bool& parsed) {
  auto opts = std::make_shared<ImportOptions>();
  auto* imp = app.add_subcommand("import", "Import GIFT, Aiken or CSV questions into a new bank (TOML)");
  imp->add_option("FILE", opts->input, "The question file to read")->required()->type_name("FILE");
  imp->add_option("--from", opts->from,
                  "gift, aiken or csv (default: from the file name: .gift or .txt GIFT, .csv CSV, 'aiken' in it Aiken)")
      ->check(CLI::IsMember({"gift", "aiken", "csv"}))
      ->type_name("FORMAT");
  imp->add_option("--out", opts->out_path, "The bank file to write")->required()->type_name("BANK.toml");
  imp->add_option("--bank-id", opts->bank_id, "Bank id (default: from the file name)")->type_name("ID");
  imp->add_option("--title", opts->title, "Bank title")->type_name("TEXT");
  imp->add_flag("--force", opts->force, "Replace --out if it exists (never a database or the input)");
  imp->footer("Every question that cannot be mapped is reported as path:line: error: ... and left out;\n"
              "the rest is written. See docs/import.md. Exit status: 0 written, 1 failure, 2 usage error.");
  imp->callback([opts, &app, &exit_code, &parsed] {
    parsed = true;
    opts->db_path = protected_db_path(app);
    exit_code = run_import(*opts, std::cout, std::cerr);
  });

  auto export_opts = std::make_shared<ExportOptions>();
  auto to = std::make_shared<std::string>("gift");
  auto* exp = app.add_subcommand("export", "Export a bank to GIFT (for Moodle)");
  exp->add_option("BANK", export_opts->bank_path, "The bank file (TOML)")->required()->type_name("BANK.toml");
  exp->add_option("--to", *to, "gift (the only export format)")->check(CLI::IsMember({"gift"}))->type_name("FORMAT");
  exp->add_option("--out", export_opts->out_path, "The GIFT file to write")->required()->type_name("FILE.gift");
  exp->add_flag("--force", export_opts->force, "Replace --out if it exists (never a database or the bank)");
  exp->footer("Ordering and dilemma questions, units and extra topics are reported as warnings and left out.");
  exp->callback([export_opts, to, &app, &exit_code, &parsed] {  // the lambda keeps every bound option alive
    (void)to;
    parsed = true;
    export_opts->db_path = protected_db_path(app);
    exit_code = run_export(*export_opts, std::cout, std::cerr);
  });
}

}  // namespace casebook::cli
