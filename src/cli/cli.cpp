#include "cli/cli.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <utility>

#include "bank/loader.hpp"
#include "bank/validate.hpp"
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
  std::cerr << "casebook: " << what << "\n"
            << "Run 'casebook --help' for usage.\n";
}

/// Writes `content` to `path` atomically: a temp file beside it, flushed to disk, renamed.
void write_file_atomically(const std::string& path, const std::string& content) {
  const fs::path target(path);
  const fs::path tmp = target.parent_path() /
                       (target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw std::runtime_error("cannot create " + tmp.string() + ": " + std::strerror(errno));
  }
  const char* data = content.data();
  std::size_t left = content.size();
  auto fail = [&](const std::string& what) {
    const int saved = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    throw std::runtime_error(what + " " + tmp.string() + ": " + std::strerror(saved));
  };
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail("cannot flush");
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot close " + tmp.string() + ": " + std::strerror(saved));
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot rename " + tmp.string() + " to " + path + ": " + std::strerror(saved));
  }
}

std::string format_from_extension(const std::string& out_path) {
  std::string ext = fs::path(out_path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".csv") return "csv";
  if (ext == ".json") return "json";
  if (ext == ".html" || ext == ".htm") return "html";
  return {};
}

/// The bank id and question id of a stored card key "<bank id>/<question id>", split at the
/// first '/'. A key without '/' is all bank id with an empty question id (what reports have
/// always shown for such a key; report::detail::split_card_key reads it the other way).
std::pair<std::string, std::string> split_stored_key(std::string_view key) {
  const auto slash = key.find('/');
  if (slash == std::string_view::npos) return {std::string(key), std::string()};
  return {std::string(key.substr(0, slash)), std::string(key.substr(slash + 1))};
}

/// What a report shows of a bank question: its bank's title, prompt and type name.
struct QuestionInfo {
  std::string bank_title;
  std::string prompt;
  std::string question_type;
};

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

int run_validate(const std::vector<std::string>& paths, std::ostream& out) {
  return bank::validate_paths(paths, out);
}

/// Where a report may be written: the final file behind any symlinks. Throws for an output
/// that is the database itself (or its WAL/SHM files) or that exists but is not an ordinary
/// file (a device, a folder): replacing those would destroy them.
fs::path report_target(const std::string& out_path, const std::string& db_path) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(fs::path(out_path), ec);
  if (ec) target = fs::absolute(out_path);
  const fs::path db = fs::weakly_canonical(fs::path(db_path), ec);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    if (target == fs::path(db.string() + suffix)) {
      throw UsageError("--out " + out_path + " is the progress database; choose another file");
    }
  }
  if (fs::exists(target, ec) && !fs::is_regular_file(target, ec)) {
    throw UsageError("--out " + out_path + " exists and is not an ordinary file; choose a file path");
  }
  return target;
}

int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_regular_file(options.db_path, ec)) {
    throw std::runtime_error("no progress database at " + options.db_path);
  }
  const fs::path target = report_target(options.out_path, options.db_path);
  storage::Progress progress(options.db_path, storage::Progress::Access::ReadOnly);  // never writes
  const auto learners = progress.learners();
  if (std::find(learners.begin(), learners.end(), options.learner) == learners.end()) {
    std::string known;
    for (const auto& l : learners) known += (known.empty() ? "" : ", ") + l;
    throw std::runtime_error("no learner named '" + options.learner + "' in " + options.db_path +
                             (known.empty() ? std::string(" (it has no learners)") : " (learners: " + known + ")"));
  }

  // Bank info by bank id; banks that fail to load only lose their titles and prompts.
  std::map<std::string, const core::Bank*> banks;
  const auto loads = bank::load_banks(options.bank_paths);
  for (const auto& load : loads) {
    if (load.bank) {
      banks.emplace(load.bank->info.id, &*load.bank);
    } else {
      err << "casebook: warning: bank " << load.path << " did not load (see 'casebook validate "
          << load.path << "')\n";
    }
  }

  core::SchedulerOptions sched_options;
  sched_options.clock = options.clock;
  const core::Scheduler scheduler(sched_options);

  // Question info by card key, built once (ids hold no '/', so a key names one question).
  std::map<std::string, QuestionInfo> questions;
  for (const auto& [id, bank] : banks) {
    for (const auto& q : bank->questions) {
      questions.emplace(core::card_key(*bank, q), QuestionInfo{bank->info.title, q.prompt, core::to_string(q.type)});
    }
  }

  report::ReportInput in;
  in.learner = options.learner;
  in.generated_at = options.now;
  in.time_zone = options.clock.time_zone;
  for (const auto& [key, schedule] : progress.card_states(options.learner)) {
    report::CardEntry e;
    e.card_key = key;
    std::tie(e.bank_id, e.question_id) = split_stored_key(key);
    if (const auto q = questions.find(key); q != questions.end()) {
      e.bank_title = q->second.bank_title;
      e.prompt = q->second.prompt;
      e.question_type = q->second.question_type;
    } else if (const auto b = banks.find(e.bank_id); b != banks.end()) {
      e.bank_title = b->second->info.title;  // a question the bank no longer has
    }
    e.schedule = schedule;
    e.retrievability = scheduler.retrievability(schedule, options.now);
    in.cards.push_back(std::move(e));
  }
  in.reviews = progress.review_log(options.learner);

  std::ostringstream text;
  if (options.format == "csv") {
    report::write_csv(in, text);
  } else if (options.format == "json") {
    report::write_json(in, text);
  } else if (options.format == "html") {
    report::write_html(in, text);
  } else {
    throw UsageError("unknown report format '" + options.format + "' (csv, json or html)");
  }
  write_file_atomically(target.string(), text.str());
  out << "Wrote " << in.cards.size() << " cards and " << in.reviews.size() << " reviews of learner '"
      << options.learner << "' to " << options.out_path << "\n";
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
  const CLI::Validator frame_count(
      [](std::string& value) {
        int n = 0;
        const char* end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, n);
        if (ec != std::errc() || ptr != end) return "'" + value + "' is not a whole number";
        if (n < 1 || n > 100000) return "must be between 1 and 100000, not " + value;
        return std::string();
      },
      "1..100000");
  app.add_option("--learner", learner, "Learner name (default \"default\")")->check(non_blank)->type_name("NAME");
  app.add_option("--screenshot", screenshot, "GUI: write a PNG of the window after --frames frames, then exit")
      ->type_name("FILE.png");
  app.add_option("--frames", frames, "GUI: frames to render before the screenshot (default 3)")
      ->check(frame_count)
      ->type_name("N");

  auto* validate = app.add_subcommand("validate", "Check question bank files and print every problem");
  std::vector<std::string> validate_paths;
  validate->add_option("PATH", validate_paths, "Bank files or folders (searched for *.toml)")
      ->required()
      ->type_name("PATH");
  validate->footer("Prints path:line:col: error|warning: message [code] per problem.\n"
                   "Exit status: 0 no errors, 1 errors found, 2 usage error.");

  auto* report_cmd = app.add_subcommand("report", "Write a progress report (CSV, JSON or HTML)");
  std::string format;
  std::string out_path;
  report_cmd->add_option("--format", format, "csv, json or html (default: from the --out extension)")
      ->check(CLI::IsMember({"csv", "json", "html"}))
      ->type_name("FORMAT");
  report_cmd->add_option("--out", out_path, "File to write (replaced atomically)")
      ->required()
      ->type_name("FILE");
  report_cmd->footer("Also takes --db PATH (must exist), --learner NAME and --bank PATH (for titles and\n"
                     "prompts; default: the bundled banks). Example:\n"
                     "  casebook report --db progress.sqlite3 --format html --out report.html");

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
    if (validate->parsed()) {
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
        print_usage_error("cannot tell the report format from '" + out_path + "': add --format csv|json|html");
        return kExitUsage;
      }
      o.out_path = out_path;
      o.now = core::now_ms();
      o.clock = app::default_scheduler_options().clock;
      std::ostringstream warnings;
      const int rc = run_report(o, std::cout, warnings);
      if (have_banks) std::cerr << warnings.str();  // the default banks are optional here
      return rc;
    }

    if (!gui) {
      std::cerr << "casebook: this build has no graphical interface; use 'casebook validate' or "
                   "'casebook report' (see 'casebook --help')\n";
      return kExitFailure;
    }
    app::AppConfig config;
    config.db_path = db_path.empty() ? default_db_path() : db_path;
    config.bank_paths = bank_paths;
    config.learner = learner;
    app::Controller controller(std::move(config));
    // Bank problems also go to stderr, in the same form as `casebook validate`.
    for (const app::BankRow& bank : controller.home().banks) {
      for (const core::Diagnostic& d : bank.diagnostics) std::cerr << core::format_diagnostic(d) << '\n';
    }
    GuiRequest request;
    if (!screenshot.empty()) request.screenshot_path = screenshot;
    request.frames = frames;
    return gui(controller, request);
  } catch (const UsageError& e) {
    print_usage_error(e.what());
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "casebook: " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace casebook::cli
