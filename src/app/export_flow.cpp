#include "app/export_flow.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "app/output_guard.hpp"
#include "app/report_export.hpp"
#include "core/time.hpp"
#include "core/text.hpp"

namespace casebook::app {

namespace fs = std::filesystem;

namespace {

/// What each format is, as the screen says it (kReportFormats order).
constexpr std::array<const char*, kReportFormats.size()> kFormatLabels = {
    "HTML page (charts, tables)", "PDF document (to hand in or file)", "CSV table (spreadsheets)",
    "XLSX workbook (Excel, LibreOffice)", "JSON (schema casebook-report v3)", "xAPI statements (learning record stores)"};

}  // namespace

std::string default_export_folder(const AppConfig& config) {
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return (fs::path(home) / "casebook-reports").string();
  return (fs::path(config.db_path).parent_path() / "casebook-reports").string();
}

ExportFlow::ExportFlow(AppContext& ctx)
    : m_ctx(ctx), m_selected(kReportFormats.size(), true), m_folder(default_export_folder(ctx.config)) {}

void ExportFlow::open() {
  if (m_job.running()) return;
  try {
    m_learners = m_ctx.progress.learners();
  } catch (const std::exception&) {
    m_learners.clear();  // the export itself will say what is wrong with the database
  }
  if (std::find(m_learners.begin(), m_learners.end(), m_ctx.config.learner) == m_learners.end()) {
    m_learners.insert(m_learners.begin(), m_ctx.config.learner);
  }
  const std::string current = m_learner < static_cast<int>(m_learners.size()) ? m_learners[static_cast<std::size_t>(m_learner)] : "";
  const auto found = std::find(m_learners.begin(), m_learners.end(), current.empty() ? m_ctx.config.learner : current);
  m_learner = static_cast<int>(found - m_learners.begin());
  const std::string bank = m_bank < static_cast<int>(m_banks.size()) ? m_banks[static_cast<std::size_t>(m_bank)].first : "";
  m_banks = {{"", "Every bank"}};
  m_bank = 0;
  for (const auto& load : m_ctx.library.loads()) {
    if (!load.bank) continue;
    m_banks.emplace_back(load.bank->info.id, load.bank->info.title.empty() ? load.bank->info.id : load.bank->info.title);
    if (load.bank->info.id == bank) m_bank = static_cast<int>(m_banks.size() - 1);
  }
}

void ExportFlow::set_learner(int index) {
  if (m_job.running() || index < 0 || index >= static_cast<int>(m_learners.size())) return;
  m_learner = index;
}

void ExportFlow::set_bank(int index) {
  if (m_job.running() || index < 0 || index >= static_cast<int>(m_banks.size())) return;
  m_bank = index;
}

void ExportFlow::set_period(std::string from, std::string to) {
  if (m_job.running()) return;
  m_from = std::move(from);
  m_to = std::move(to);
  try {
    (void)parse_report_period(m_from, m_to, m_ctx.clock(), PeriodNames{"From", "To"});  // the screen's field names
    m_period_error.clear();
  } catch (const std::invalid_argument& e) {
    m_period_error = e.what();
  }
}

void ExportFlow::toggle_format(int index) {
  if (m_job.running() || index < 0 || index >= static_cast<int>(m_selected.size())) return;
  m_selected[static_cast<std::size_t>(index)] = !m_selected[static_cast<std::size_t>(index)];
}

void ExportFlow::set_folder(std::string folder) {
  if (m_job.running()) return;
  m_folder = std::move(folder);
}

void ExportFlow::start() {
  if (m_job.running()) return;
  std::vector<std::string> formats;
  for (std::size_t i = 0; i < m_selected.size(); ++i) {
    if (m_selected[i]) formats.emplace_back(kReportFormats[i]);
  }
  m_note.clear();
  m_written.clear();
  m_done = false;
  if (formats.empty()) {
    m_message = "Choose at least one format.";
    m_failed = true;
    return;
  }
  if (!m_period_error.empty()) {
    m_message = "Fix the period first: " + m_period_error;
    m_failed = true;
    return;
  }
  m_failed = false;
  m_message = "Reading progress…";
  ReportRequest request;
  request.db_path = m_ctx.config.db_path;
  request.bank_paths = m_ctx.config.bank_paths;
  if (m_learners.empty()) open();
  request.learner = m_learners[static_cast<std::size_t>(m_learner)];
  request.bank_filter = m_banks[static_cast<std::size_t>(m_bank)].first;
  request.from = m_from;
  request.to = m_to;
  request.now = m_ctx.now();
  request.base = base_study_options(m_ctx.config);
  const std::string date = core::format_local_date(request.now, m_ctx.clock().time_zone);
  m_job.start(
      [request, formats, folder = m_folder, date](const std::function<void(double)>& progress,
                                                  const std::atomic<bool>& cancel) {
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec) throw std::runtime_error("cannot create the folder " + folder + ": " + ec.message());
        const double steps = static_cast<double>(formats.size() + 1);
        const GatheredReport report = gather_report(request);
        progress(1.0 / steps);
        Written out;
        out.cards = report.input.cards.size();
        out.warnings = report.bank_warnings;
        const auto paths = propose_report_paths(folder, request.learner, date, formats);
        for (std::size_t i = 0; i < formats.size(); ++i) {
          if (cancel) throw std::runtime_error("cancelled");
          OutputRules rules;  // new names: never an existing file, never the database
          rules.db_path = request.db_path;
          const OutputCheck output = check_output(paths[i], rules);
          if (!output.refusal.empty()) throw std::runtime_error(output.refusal);
          const ReportFileResult written = write_report_file(report.input, formats[i], output.target);
          out.reviews = written.reviews;
          out.warnings.insert(out.warnings.end(), written.warnings.begin(), written.warnings.end());
          out.paths.push_back(paths[i]);
          progress(static_cast<double>(i + 2) / steps);
        }
        return out;
      },
      m_ctx.wake);
}

bool ExportFlow::poll() {
  if (!m_job.finished()) return false;
  auto written = m_job.collect();
  m_done = true;
  if (!written) {
    m_failed = true;
    m_message = m_job.cancelled() ? "Export cancelled (files already written are kept)."
                                  : "Export failed: " + m_job.error();
    return true;
  }
  m_written.clear();
  for (const auto& p : written->paths) m_written.push_back(fs::path(p).filename().string());
  m_message = "Wrote " + core::counted(m_written.size(), "file") + " (" + core::counted(written->cards, "card") + ", " +
              core::counted(written->reviews, "review") + ") to " + m_folder;
  for (const std::string& w : written->warnings) m_message += "\nWarning: " + w;
  return true;
}

void ExportFlow::wait() {
  while (m_job.running() && !m_job.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  poll();
}

void ExportFlow::open_folder() {
  // xdg-open in a grandchild, so nothing waits for it and no zombie is left; a missing
  // xdg-open (or folder) only makes the grandchild exit.
  const std::string folder = m_folder;
  const pid_t child = ::fork();
  if (child == 0) {
    if (::fork() == 0) {
      const int null_fd = ::open("/dev/null", O_RDWR);
      if (null_fd >= 0) {
        ::dup2(null_fd, 0);
        ::dup2(null_fd, 1);
        ::dup2(null_fd, 2);
      }
      ::execlp("xdg-open", "xdg-open", folder.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::_exit(0);
  }
  if (child > 0) ::waitpid(child, nullptr, 0);
  m_note = child > 0 ? "Opening " + folder + " in the file manager…" : "Could not start xdg-open.";
}

ExportView ExportFlow::view() const {
  ExportView v;
  v.learners = m_learners.empty() ? std::vector<std::string>{m_ctx.config.learner} : m_learners;
  v.learner_index = m_learners.empty() ? 0 : m_learner;
  v.learner = v.learners[static_cast<std::size_t>(v.learner_index)];
  v.db_path = m_ctx.config.db_path;
  for (const auto& [id, title] : m_banks) v.banks.push_back(title);
  if (v.banks.empty()) v.banks.emplace_back("Every bank");
  v.bank_index = m_bank;
  v.from = m_from;
  v.to = m_to;
  v.period_error = m_period_error;
  for (std::size_t i = 0; i < m_selected.size(); ++i) {
    v.formats.push_back(ExportView::Format{std::string(kReportFormats[i]), kFormatLabels[i], m_selected[i]});
  }
  v.folder = m_folder;
  v.revision = m_revision;
  v.job = job_view(m_job);
  v.message = m_message;
  v.failed = m_failed;
  v.done = m_done;
  v.written = m_written;
  v.note = m_note;
  return v;
}

}  // namespace casebook::app
