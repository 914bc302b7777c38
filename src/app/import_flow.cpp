#include "app/import_flow.hpp"

#include <chrono>
#include <filesystem>
#include <thread>

#include "app/output_guard.hpp"
#include "interchange/interchange.hpp"

namespace casebook::app {

namespace fs = std::filesystem;

std::string default_import_folder(const AppConfig& config) {
  std::error_code ec;
  for (const std::string& p : config.bank_paths) {
    if (fs::is_directory(p, ec)) return p;
  }
  if (!config.bank_paths.empty()) return fs::path(config.bank_paths.front()).parent_path().string();
  return {};
}

bool is_under_bank_paths(const std::string& path, const std::vector<std::string>& bank_paths) {
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(fs::absolute(path, ec), ec);
  for (const std::string& p : bank_paths) {
    const fs::path bank = fs::weakly_canonical(fs::absolute(p, ec), ec);
    if (bank == target) return true;
    if (!fs::is_directory(bank, ec) || target.extension() != ".toml") continue;
    const auto rel = target.lexically_relative(bank);
    if (!rel.empty() && *rel.begin() != "..") return true;
  }
  return false;
}

void ImportFlow::open() {
  if (m_job.running()) return;
  m_done = false;
  m_failed = false;
  m_summary.clear();
  m_written.clear();
  m_lines.clear();
}

void ImportFlow::set_input(std::string path) {
  m_input = std::move(path);
  if (const auto guess = guess_import_format(m_input)) m_format = static_cast<int>(*guess);
  if (!m_output_edited) {
    const std::string stem = fs::path(m_input).stem().string();
    // Never an existing bank: a free name is proposed instead (week1-2.toml).
    m_output = stem.empty() ? std::string()
                            : free_file_name((fs::path(default_import_folder(m_ctx.config)) / (stem + ".toml")).string());
  }
  ++m_revision;
}

void ImportFlow::set_output(std::string path) {
  m_output = std::move(path);
  m_output_edited = true;
}

void ImportFlow::set_format(int index) {
  if (index >= 0 && index < 3) m_format = index;
}

void ImportFlow::start() {
  if (m_job.running() || m_input.empty() || m_output.empty()) return;
  ImportRequest request;
  request.input = m_input;
  request.format = static_cast<ImportFormat>(m_format);
  request.out_path = m_output;
  request.replace = m_replace;
  request.db_path = m_ctx.config.db_path;
  // The bank file's name gives the bank its id: a proposed "week1-2.toml" does not clash
  // with the bank already in "week1.toml".
  request.bank_id = interchange::slugify(fs::path(m_output).stem().string());
  m_done = false;
  m_summary = "Importing…";
  m_job.start([request](const std::function<void(double)>&, const std::atomic<bool>&) { return import_questions(request); },
              m_ctx.wake);
}

bool ImportFlow::poll() {
  if (!m_job.finished()) return false;
  const auto outcome = m_job.collect();
  m_done = true;
  m_lines.clear();
  if (!outcome) {
    m_failed = true;
    m_summary = "The import failed: " + m_job.error();
    return true;
  }
  m_failed = outcome->status != ImportStatus::Written;
  for (const auto& d : outcome->diagnostics) m_lines.push_back(core::format_diagnostic(d));
  for (const auto& d : outcome->check_diagnostics) m_lines.push_back(core::format_diagnostic(d));
  const std::string questions = std::to_string(outcome->imported) + (outcome->imported == 1 ? " question" : " questions");
  switch (outcome->status) {
    case ImportStatus::Written: {
      m_summary = "Imported " + questions + " into " + m_output + "; " + std::to_string(outcome->skipped) + " left out.";
      m_written = m_output;
      if (!is_under_bank_paths(m_output, m_ctx.config.bank_paths)) {
        // Written outside the bank folders: load it for this run and say how to keep it.
        m_ctx.config.bank_paths.push_back(m_output);
        const std::string folder = default_import_folder(m_ctx.config);
        m_summary += " That file is outside your bank folder" + (folder.empty() ? std::string() : " (" + folder + ")") +
                     ": it is loaded until you quit. To keep it, move it into the bank folder or start Casebook with --bank " +
                     m_output + ".";
      }
      if (m_reload) m_reload();  // the new bank appears on Home
      break;
    }
    case ImportStatus::Empty:
      m_summary =
          nothing_imported("The file", outcome->skipped, "below", static_cast<ImportFormat>(m_format), outcome->blank);
      break;
    case ImportStatus::Invalid:
      m_summary = "The imported bank does not validate; nothing written (please report this).";
      break;
    case ImportStatus::Exists:
      // Proposed instead of asking: the next free name, imported by pressing Enter again.
      m_summary = m_output + " exists; nothing written.";
      m_output = free_file_name(m_output);
      ++m_revision;
      m_summary += " The bank file to write is now " + m_output + ": press Enter to import there, or tick \"replace\".";
      break;
    case ImportStatus::Unreadable:
    case ImportStatus::TooLarge:
    case ImportStatus::Refused:
    case ImportStatus::WriteFailed:
      m_summary = outcome->message + ".";
      break;
  }
  return true;
}

void ImportFlow::wait() {
  while (m_job.running() && !m_job.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  poll();
}

ImportView ImportFlow::view() const {
  ImportView v;
  v.input = m_input;
  v.output = m_output;
  v.format = m_format;
  v.replace = m_replace;
  std::error_code ec;
  v.output_exists = !m_replace && !m_output.empty() && m_output != m_written && fs::exists(m_output, ec);
  v.revision = m_revision;
  v.job = job_view(m_job);
  v.done = m_done;
  v.failed = m_failed;
  v.summary = m_summary;
  v.lines = m_lines;
  return v;
}

}  // namespace casebook::app
