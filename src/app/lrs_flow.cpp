#include "app/lrs_flow.hpp"

#include <exception>
#include <stdexcept>
#include <utility>

#include "app/config.hpp"

namespace casebook::app {
namespace {

constexpr const char* kPrefix = "Class record store (LRS): ";

/// "lrs.example.org:8080" of "https://lrs.example.org:8080/data/xAPI" (the whole url when it
/// has no "://").
std::string host_of(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const std::size_t start = scheme + 3;
  return url.substr(start, url.find('/', start) - start);
}

std::string answers(std::size_t n) { return std::to_string(n) + (n == 1 ? " answer" : " answers"); }

}  // namespace

SyncStatusView sync_status(const SyncResult& result, const std::string& url, core::TimestampMs at,
                           const std::string& time_zone) {
  SyncStatusView v;
  v.configured = true;
  const std::string host = host_of(url);
  const std::string when = core::format_local_minutes(at, time_zone);
  if (result.complete) {
    if (result.sent == 0 && result.voided == 0 && result.reports == 0 && result.conflicts.empty()) {
      v.line = kPrefix + std::string("up to date with ") + host + " (checked " + when + ").";
    } else {
      v.line = kPrefix + std::string("your answers are in ") + host + " (" + answers(result.sent) + " sent";
      if (result.voided > 0) v.line += ", " + answers(result.voided) + " taken back";
      if (result.reports > 0) {
        v.line += ", " + std::to_string(result.reports) + (result.reports == 1 ? " problem report" : " problem reports");
      }
      v.line += " " + when + ").";
    }
    if (!result.conflicts.empty()) {
      v.line += " " + answers(result.conflicts.size()) + (result.conflicts.size() == 1 ? " was" : " were") +
                " already there with other content; `casebook sync` lists them.";
    }
    return v;
  }
  v.failed = true;
  v.line = kPrefix + std::string("not sent to ") + host + " (" + when + "): " + result.error + ". ";
  v.line += result.waiting > 0 ? answers(result.waiting) + " wait safely in your progress file and go with the next sync."
                               : "Your answers are safe in your progress file.";
  return v;
}

void LrsSyncFlow::start() {
  if (m_ctx.config.lrs_config_path.empty() || m_ctx.config.read_only) return;
  if (m_job.running()) {
    m_again = true;
    return;
  }
  SyncRequest request;
  try {
    const auto store = configured_lrs(m_ctx.config.lrs_config_path);
    if (!store) return;  // no store configured: nothing shown
    request.lrs = *store;
  } catch (const std::exception& e) {
    m_view = SyncStatusView{true, false, true, kPrefix + std::string(e.what())};
    return;
  }
  m_url = request.lrs.url;
  request.db_path = m_ctx.config.db_path;
  request.bank_paths = m_ctx.config.bank_paths;
  request.learner = m_ctx.config.learner;
  request.now = m_ctx.now();
  request.base = base_study_options(m_ctx.config);
  request.options.attempts = 2;  // a window does not keep retrying: the next session tries again
  request.options.timeout = std::chrono::seconds(8);  // quitting waits at most for one request
  m_view = SyncStatusView{true, true, false, kPrefix + std::string("sending your answers to ") + host_of(m_url) + " ..."};
  m_job.start(
      [request](const std::function<void(double)>&, const std::atomic<bool>& cancel) {
        return sync_to_lrs(request, {}, &cancel);
      },
      m_ctx.wake);
}

bool LrsSyncFlow::poll() {
  if (!m_job.finished()) return false;
  if (auto result = m_job.collect()) {
    m_view = sync_status(*result, m_url, m_ctx.now(), m_ctx.clock().time_zone);
  } else if (!m_job.cancelled()) {
    m_view = SyncStatusView{true, false, true, kPrefix + std::string("not sent: ") + m_job.error()};
  }
  if (m_again) {
    m_again = false;
    start();
  }
  return true;
}

void LrsSyncFlow::wait() {
  while (m_job.running()) {
    wait_finished(m_job);
    poll();
  }
}

}  // namespace casebook::app
