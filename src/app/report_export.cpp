// Report export: gathering the report input from storage and banks, atomic report files,
// and the step-by-step exporter behind the GUI's Export screen.
#include "app/report_export.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "app/effective_options.hpp"
#include "app/files.hpp"
#include "bank/loader.hpp"
#include "core/question.hpp"
#include "core/scheduler.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

namespace fs = std::filesystem;

namespace {

/// What a report shows of a bank question.
struct QuestionInfo {
  std::string bank_title;
  std::string prompt;
  std::string question_type;
  std::vector<std::string> topics;  ///< topic titles (ids when a topic has no title)
  std::string language;
};

std::vector<std::string> topic_titles(const core::Bank& bank, const core::Question& q) {
  std::vector<std::string> out;
  for (const std::string& id : q.topics) {
    const auto t = std::find_if(bank.topics.begin(), bank.topics.end(), [&](const core::Topic& x) { return x.id == id; });
    out.push_back(t == bank.topics.end() || t->title.empty() ? id : t->title);
  }
  return out;
}

/// The bank id and question id of a stored card key, split at the first '/'; a key without
/// '/' is all bank id (what reports have always shown for such a key).
std::pair<std::string, std::string> split_stored_key(std::string_view key) {
  const auto slash = key.find('/');
  if (slash == std::string_view::npos) return {std::string(key), std::string()};
  return {std::string(key.substr(0, slash)), std::string(key.substr(slash + 1))};
}

}  // namespace

GatheredReport gather_report(const ReportRequest& request) {
  std::error_code ec;
  if (!fs::is_regular_file(request.db_path, ec)) throw std::runtime_error("no progress database at " + request.db_path);
  storage::Progress progress(request.db_path, storage::Progress::Access::ReadOnly);  // never writes
  const auto learners = progress.learners();
  if (std::find(learners.begin(), learners.end(), request.learner) == learners.end()) {
    std::string known;
    for (const auto& l : learners) known += (known.empty() ? "" : ", ") + l;
    throw std::runtime_error("no learner named '" + request.learner + "' in " + request.db_path +
                             (known.empty() ? std::string(" (it has no learners)") : " (learners: " + known + ")"));
  }

  GatheredReport out;
  std::map<std::string, const core::Bank*> banks;
  const auto loads = bank::load_banks(request.bank_paths);
  for (const auto& load : loads) {
    if (load.bank) {
      banks.emplace(load.bank->info.id, &*load.bank);
    } else {
      out.bank_warnings.push_back("bank " + load.path + " did not load (see 'casebook validate " + load.path + "')");
    }
  }
  // Question info by card key, built once (ids hold no '/', so a key names one question).
  std::map<std::string, QuestionInfo> questions;
  for (const auto& [id, bank] : banks) {
    for (const auto& q : bank->questions) {
      questions.emplace(core::card_key(*bank, q), QuestionInfo{bank->info.title, q.prompt, core::to_string(q.type),
                                                               topic_titles(*bank, q), bank->info.language});
    }
  }

  // The learner's effective options, as the study screen uses them.
  const EffectiveOptions options = load_effective_options(request.base, progress, request.learner).options;
  report::ReportInput& in = out.input;
  in.learner = request.learner;
  in.generated_at = request.now;
  in.time_zone = options.clock().time_zone;
  in.rollover_hour = options.clock().rollover_hour;
  in.bank_filter = request.bank_filter;
  for (const auto& [key, schedule] : progress.card_states(request.learner)) {
    report::CardEntry e;
    e.card_key = key;
    std::tie(e.bank_id, e.question_id) = split_stored_key(key);
    if (!request.bank_filter.empty() && e.bank_id != request.bank_filter) continue;
    if (const auto q = questions.find(key); q != questions.end()) {
      e.bank_title = q->second.bank_title;
      e.prompt = q->second.prompt;
      e.question_type = q->second.question_type;
      e.topics = q->second.topics;
      if (!q->second.language.empty()) e.language = q->second.language;
    } else {
      e.retired = true;  // no loaded bank has this question any more: keep its history
      if (const auto b = banks.find(e.bank_id); b != banks.end()) e.bank_title = b->second->info.title;
    }
    e.schedule = schedule;
    e.retrievability = options.scheduler_for_card(key).retrievability(schedule, request.now);
    in.cards.push_back(std::move(e));
  }
  for (core::ReviewRecord& r : progress.review_log(request.learner)) {
    if (request.bank_filter.empty() || split_stored_key(r.card_key).first == request.bank_filter) {
      in.reviews.push_back(std::move(r));
    }
  }
  for (core::BacklogSpread& spread : progress.backlog_spreads(request.learner)) {
    if (!request.bank_filter.empty()) {
      std::erase_if(spread.cards, [&](const core::BacklogAssignment& a) {
        return split_stored_key(a.card_key).first != request.bank_filter;
      });
    }
    if (!spread.cards.empty()) in.backlog_spreads.push_back(std::move(spread));
  }
  return out;
}

void write_report_file(const report::ReportInput& in, std::string_view format, const std::string& path) {
  const fs::path target(path);
  if (format == "xlsx") {
    // libxlsxwriter writes by path: into a temporary file beside the target, then committed.
    AtomicFile file(target.string());
    report::write_xlsx(in, file.temp_path());
    file.commit();
    return;
  }
  std::ostringstream text;
  if (format == "csv") {
    report::write_csv(in, text);
  } else if (format == "json") {
    report::write_json(in, text);
  } else if (format == "html") {
    report::write_html(in, text);
  } else if (format == "xapi") {
    report::write_xapi(in, text);
  } else {
    throw std::invalid_argument("unknown report format '" + std::string(format) + "' (html, csv, xlsx, json or xapi)");
  }
  write_file_atomically(target.string(), text.str());
}

std::string report_file_name(std::string_view format) {
  if (format == "xapi") return "casebook-report.xapi.json";
  return "casebook-report." + std::string(format);
}

std::vector<std::string> propose_report_paths(const std::string& folder, const std::string& learner,
                                              const std::string& date, const std::vector<std::string>& formats) {
  // Learner names may hold anything: keep letters, digits (any script), '-' and '_'.
  std::string who;
  for (const char c : learner) {
    const auto u = static_cast<unsigned char>(c);
    who += (u >= 0x80 || std::isalnum(u) || c == '-' || c == '_') ? c : '_';
  }
  const std::string stem = "casebook-report-" + who + "-" + date;
  for (int k = 1;; ++k) {
    std::vector<std::string> paths;
    bool taken = false;
    for (const std::string& format : formats) {
      std::string name = report_file_name(format);  // casebook-report.<ext>
      name = stem + (k > 1 ? "-" + std::to_string(k) : "") + name.substr(std::string("casebook-report").size());
      const fs::path p = fs::path(folder) / name;
      std::error_code ec;
      taken = taken || fs::exists(fs::symlink_status(p, ec));
      paths.push_back(p.string());
    }
    if (!taken) return paths;
  }
}

}  // namespace casebook::app
