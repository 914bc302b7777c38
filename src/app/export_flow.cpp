#include "app/export_flow.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "app/output_guard.hpp"
#include "app/report_export.hpp"
#include "core/time.hpp"

namespace casebook::app {

namespace fs = std::filesystem;

namespace {

/// What each format is, as the screen says it (kReportFormats order).
constexpr std::array<const char*, kReportFormats.size()> kFormatLabels = {
    "HTML page (charts; prints to PDF)", "CSV table (spreadsheets)", "XLSX workbook (Excel, LibreOffice)",
    "JSON (schema casebook-report v2)", "xAPI statements (learning record stores)"};

}  // namespace

std::string default_export_folder(const AppConfig& config) {
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return (fs::path(home) / "casebook-reports").string();
  return (fs::path(config.db_path).parent_path() / "casebook-reports").string();
}

ExportFlow::ExportFlow(AppContext& ctx)
    : m_ctx(ctx), m_selected(kReportFormats.size(), true), m_folder(default_export_folder(ctx.config)) {}

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
  m_failed = false;
  m_message = "Reading progress…";
  ReportRequest request;
  request.db_path = m_ctx.config.db_path;
  request.bank_paths = m_ctx.config.bank_paths;
  request.learner = m_ctx.config.learner;
  request.now = m_ctx.now();
  request.base = base_study_options(m_ctx.config);
  const std::string date = core::format_local_minutes(request.now, m_ctx.clock().time_zone).substr(0, 10);
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
        out.reviews = report.input.reviews.size();
        const auto paths = propose_report_paths(folder, request.learner, date, formats);
        for (std::size_t i = 0; i < formats.size(); ++i) {
          if (cancel) throw std::runtime_error("cancelled");
          OutputRules rules;  // new names: never an existing file, never the database
          rules.db_path = request.db_path;
          const OutputCheck output = check_output(paths[i], rules);
          if (!output.refusal.empty()) throw std::runtime_error(output.refusal);
          write_report_file(report.input, formats[i], output.target);
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
  m_message = "Wrote " + std::to_string(m_written.size()) + (m_written.size() == 1 ? " file" : " files") + " (" +
              std::to_string(written->cards) + " cards, " + std::to_string(written->reviews) + " reviews) to " +
              m_folder;
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
  v.learner = m_ctx.config.learner;
  v.db_path = m_ctx.config.db_path;
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
