#include "app/class_report_flow.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "app/files.hpp"
#include "app/lrs.hpp"
#include "app/output_guard.hpp"
#include "app/report_export.hpp"
#include "bank/input_file.hpp"
#include "core/card.hpp"
#include "core/diagnostic.hpp"

namespace casebook::app {
namespace {

namespace fs = std::filesystem;

/// The class's store as the window knows it: an empty url when none is configured (or its
/// credentials file cannot be used: the store is then not offered).
LrsConfig configured_store(const AppConfig& config) {
  try {
    return configured_lrs(config.lrs_config_path).value_or(LrsConfig{});
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace

report::LearnerExport read_learner_report(const std::string& path) {
  const bank::InputText in = bank::read_input_file(path, bank::kLearnerReportInput);
  if (in.problem) throw std::runtime_error(core::format_diagnostic(*in.problem));
  report::LearnerExport learner = report::parse_learner_export(in.text, path);
  if (learner.learner.empty()) learner.learner = fs::path(path).stem().string();
  return learner;
}

std::vector<report::LearnerExport> learner_reports_in(const std::string& folder, FolderSkips& skips) {
  skips = FolderSkips{};
  std::map<std::string, std::pair<fs::file_time_type, report::LearnerExport>> newest;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
    std::error_code kind;
    if (!entry.is_regular_file(kind) || entry.path().extension() != ".json") continue;
    try {
      report::LearnerExport learner = read_learner_report(entry.path().string());
      const fs::file_time_type when = entry.last_write_time(kind);
      auto it = newest.find(learner.learner);
      if (it != newest.end()) ++skips.older;  // one of the two is left out
      if (it == newest.end() || it->second.first < when) {
        const std::string name = learner.learner;
        newest.insert_or_assign(name, std::make_pair(when, std::move(learner)));
      }
    } catch (const std::exception&) {  // an xAPI export, another program's JSON: not a learner report
      ++skips.not_reports;
    }
  }
  if (ec) throw std::runtime_error("cannot read the folder " + folder + ": " + ec.message());
  std::vector<report::LearnerExport> learners;
  for (auto& [name, found] : newest) learners.push_back(std::move(found.second));
  return learners;
}

std::map<std::string, std::vector<core::Choice>> choices_by_card(const Library& library) {
  std::map<std::string, std::vector<core::Choice>> choices;
  for (const auto& [key, ref] : library.cards()) choices[key] = library.question(ref).choices;
  return choices;
}

void ClassReportFlow::open() { m_store_url = configured_store(m_ctx.config).url; }

void ClassReportFlow::choose(int source, int format) {
  const ClassReportView v = view();
  if (source >= 0 && source < static_cast<int>(v.sources.size())) m_source = source;
  if (format >= 0 && format < static_cast<int>(v.formats.size())) m_format = format;
}

void ClassReportFlow::start(const std::string& folder) {
  if (m_job.running()) return;
  const LrsConfig store = m_source == 1 ? configured_store(m_ctx.config) : LrsConfig{};
  if (m_source == 1 && store.url.empty()) m_source = 0;  // the store's file went away meanwhile
  const std::string format = m_format == 1 ? "xlsx" : "html";
  const std::string date = core::format_local_date(m_ctx.now(), m_ctx.clock().time_zone);
  const std::string db_path = m_ctx.config.db_path;
  m_failed = false;
  m_message = m_source == 1 ? "Reading the class's statements from the store..." : "Reading the learners' reports...";
  m_job.start(
      [store, folder, format, date, db_path, choices = choices_by_card(m_ctx.library)](
          const std::function<void(double)>& progress, const std::atomic<bool>& cancel) {
        Written out;
        const std::vector<report::LearnerExport> learners =
            store.url.empty() ? learner_reports_in(folder, out.skips) : read_lrs_learners(store, "", "");
        if (learners.empty()) {
          throw std::runtime_error("no learner's report (casebook report --format json) in " + folder +
                                   ": collect the learners' JSON reports there, or choose the class's store");
        }
        progress(0.5);
        if (cancel) throw std::runtime_error("cancelled");
        const report::ClassReport rep = report::compute_class_report(learners, choices);
        std::error_code ec;
        fs::create_directories(folder, ec);
        out.path = propose_report_paths(folder, "class", date, {format}).front();
        OutputRules rules;  // a new name: never an existing file, never the database
        rules.db_path = db_path;
        const OutputCheck output = check_output(out.path, rules);
        if (!output.refusal.empty()) throw std::runtime_error(output.refusal);
        if (format == "xlsx") {  // libxlsxwriter writes by path: a temporary file, then committed
          AtomicFile file(output.target);
          report::write_class_xlsx(rep, file.temp_path());
          file.commit();
        } else {
          std::ostringstream html;
          report::write_class_html(rep, html);
          write_file_atomically(output.target, html.str());
        }
        out.learners = learners.size();
        out.questions = rep.questions.size();
        out.without_reviews = static_cast<std::size_t>(std::count_if(
            learners.begin(), learners.end(), [](const report::LearnerExport& l) { return l.reviews.empty(); }));
        return out;
      },
      m_ctx.wake);
}

bool ClassReportFlow::poll() {
  if (!m_job.finished()) return false;
  auto written = m_job.collect();
  if (!written) {
    m_failed = true;
    m_message = m_job.cancelled() ? "Class report cancelled." : "No class report: " + m_job.error();
    return true;
  }
  m_written = written->path;
  m_message = "Wrote " + fs::path(written->path).filename().string() + " (" + std::to_string(written->learners) +
              (written->learners == 1 ? " learner, " : " learners, ") + std::to_string(written->questions) +
              (written->questions == 1 ? " question)" : " questions)");
  const FolderSkips& skips = written->skips;
  if (skips.not_reports > 0) {
    m_message += "; " + std::to_string(skips.not_reports) +
                 (skips.not_reports == 1 ? " JSON file was not a learner's report" : " JSON files were not learners' reports");
  }
  if (skips.older > 0) {
    m_message += "; " + std::to_string(skips.older) +
                 (skips.older == 1 ? " older report of a learner left out" : " older reports of learners left out");
  }
  m_message += ".";
  if (written->without_reviews > 0) {
    // Most often a report limited to a period with no study in it: the class report then
    // silently lacks that learner's answers.
    const std::size_t n = written->without_reviews;
    m_message += " " + std::to_string(n) + (n == 1 ? " learner's report has" : " learners' reports have") +
                 " no reviews (limited to a period without study?): export " + (n == 1 ? "it" : "them") +
                 " again for the whole time, then build the class report again.";
  }
  return true;
}

void ClassReportFlow::wait() {
  wait_finished(m_job);
  poll();
}

ClassReportView ClassReportFlow::view() const {
  ClassReportView v;
  v.sources = {"The learners' JSON reports in the folder above"};
  if (!m_store_url.empty()) v.sources.push_back("The class's record store (LRS): " + m_store_url);
  v.source = std::min(m_source, static_cast<int>(v.sources.size()) - 1);
  v.formats = {"HTML page", "XLSX workbook"};
  v.format = m_format;
  v.job = job_view(m_job);
  v.message = m_message;
  v.failed = m_failed;
  v.written = m_written;
  return v;
}

}  // namespace casebook::app
