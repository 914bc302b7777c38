#include "cli/cmd_check.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/cli.hpp"
#include "storage/inspect.hpp"
#include "storage/progress.hpp"

namespace casebook::cli {

int run_check(const std::string& db_path, bool quick, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path, ec)) {
    err << "casebook: no progress database at " << db_path << "\n";
    return kExitFailure;
  }
  try {
    (void)storage::summarize_database(db_path);  // refuses what is not Casebook's, untouched
  } catch (const storage::DamagedDatabase&) {
    // Reported by the check below.
  } catch (const storage::StorageError& e) {
    err << "casebook: " << e.what() << "\n";
    return kExitFailure;
  }
  const auto problems = storage::check_integrity(db_path, !quick);
  const char* what = quick ? "SQLite quick_check" : "SQLite integrity_check";
  if (problems.empty()) {
    out << db_path << ": sound (" << what << ": ok)\n";
    return kExitOk;
  }
  err << db_path << ": damaged (" << what << " found " << problems.size()
      << (problems.size() == 1 ? " problem" : " problems") << ")\n";
  for (std::size_t i = 0; i < problems.size() && i < 20; ++i) err << "  " << problems[i] << "\n";
  err << "Casebook moves a damaged progress file aside when it starts and offers its newest backup (Backups "
         "screen, F on Home). Answers may be recovered from it with: sqlite3 FILE .recover\n";
  return kExitFailure;
}

CLI::App* add_check_command(CLI::App& app, int& exit_code) {
  auto quick = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("check", "Check a progress database for damage (read-only)");
  cmd->add_flag("--quick", *quick, "PRAGMA quick_check instead of the full integrity_check");
  cmd->footer("Reads --db PATH (default: the progress file the app uses). Exit status: 0 sound, 1 damaged\n"
              "or unreadable. The file is never written to. Example:\n"
              "  casebook check --db progress.sqlite3");
  cmd->callback([&app, quick, &exit_code] {
    try {
      const CLI::Option* db = app.get_option("--db");
      const std::string path = db->count() > 0 ? db->as<std::string>() : default_db_path();
      exit_code = run_check(path, *quick, std::cout, std::cerr);
    } catch (const std::exception& e) {
      std::cerr << "casebook: " << e.what() << "\n";
      exit_code = kExitFailure;
    }
  });
  return cmd;
}

}  // namespace casebook::cli
