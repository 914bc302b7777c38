#include "app/backups_flow.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>
#include <utility>

#include "core/number.hpp"
#include "storage/inspect.hpp"

namespace casebook::app {

namespace {

/// The kind as the screen says it: "daily", "before upgrade", ...
std::string kind_label(BackupKind kind) {
  std::string s(backup_kind_name(kind));
  for (char& c : s) {
    if (c == '-') c = ' ';
  }
  return s;
}

}  // namespace

bool BackupsFlow::start_up() {
  const ProgressOpening& opened = m_ctx.opening;
  if (!opened.upgrade_backup.empty()) {
    m_ctx.message = "The progress file was upgraded for this version of Casebook; the file as it was is kept as "
                    "the backup " + opened.upgrade_backup + ".";
  }
  if (!opened.damaged_moved_to.empty()) {
    handle_damage(opened.damage, opened.damaged_moved_to);
    return true;
  }
  if (m_ctx.config.read_only || m_ctx.config.backups_kept <= 0) return false;
  try {
    if (!daily_backup_due(list_backups(m_ctx.config.db_path), m_ctx.now(), m_ctx.clock())) return false;
    if (m_ctx.progress.review_count() == 0) return false;  // nothing to lose yet
  } catch (const std::exception& e) {
    m_ctx.message = std::string("The daily backup was not made: ") + e.what();
    return false;
  }
  start_job(Done::What::DailyBackup);
  return false;
}

void BackupsFlow::open() {
  refresh_rows();
  m_selected = 0;
}

void BackupsFlow::select(int index) {
  if (index >= 0 && index < static_cast<int>(m_rows.size())) m_selected = index;
}

void BackupsFlow::refresh_rows() {
  m_rows.clear();
  for (const BackupFile& b : list_backups(m_ctx.config.db_path)) {
    BackupsView::Row row;
    row.path = b.path;
    row.when = core::format_local_minutes(b.made_at, m_ctx.clock().time_zone);
    row.kind = kind_label(b.kind);
    try {
      const storage::DatabaseSummary s = storage::summarize_database(b.path);
      row.contents = core::format_grouped(s.reviews) + (s.reviews == 1 ? " review" : " reviews") + " of " +
                     std::to_string(s.learners) + (s.learners == 1 ? " learner" : " learners");
      if (s.last_review) {
        row.contents += ", the last on " + core::format_local_minutes(*s.last_review, m_ctx.clock().time_zone);
      }
      row.usable = true;
    } catch (const std::exception& e) {
      row.contents = std::string("cannot be read: ") + e.what();
    }
    m_rows.push_back(std::move(row));
  }
  if (m_selected >= static_cast<int>(m_rows.size())) m_selected = 0;
}

void BackupsFlow::handle_damage(const std::vector<std::string>& problems, const std::string& moved_to) {
  refresh_rows();
  m_selected = 0;
  m_tone = Tone::Wrong;
  m_notice = "The progress file was damaged (SQLite: " + (problems.empty() ? std::string("malformed") : problems.front()) +
             "). It was moved aside to " + moved_to +
             " and is never written to again; Casebook continues with an empty progress file in its place. ";
  const auto usable = std::find_if(m_rows.begin(), m_rows.end(), [](const BackupsView::Row& r) { return r.usable; });
  if (usable != m_rows.end()) {
    m_selected = static_cast<int>(usable - m_rows.begin());
    m_notice += "The newest backup, from " + usable->when + " (" + usable->contents +
                "), is selected: press R to restore it.";
  } else {
    m_notice += "There is no backup to restore. Answers may be recovered from the damaged file with "
                "\"sqlite3 " + moved_to + " .recover\".";
  }
  m_ctx.message = "The progress file was damaged and moved aside: see Backups (F).";
}

void BackupsFlow::restore() {
  if (m_ctx.config.read_only) {
    m_tone = Tone::Wrong;
    m_notice = "Read-only: restoring would replace the progress file. " + m_ctx.config.read_only_reason;
    return;
  }
  if (m_job.running()) {
    m_tone = Tone::Wrong;
    m_notice = "Wait until the " + m_job_label + " has finished, then restore.";
    return;
  }
  if (m_selected < 0 || m_selected >= static_cast<int>(m_rows.size()) || !m_rows[static_cast<std::size_t>(m_selected)].usable) {
    m_tone = Tone::Wrong;
    m_notice = m_rows.empty() ? "There is no backup to restore." : "This backup cannot be read; choose another.";
    return;
  }
  const BackupsView::Row chosen = m_rows[static_cast<std::size_t>(m_selected)];
  try {
    const std::string kept =
        restore_backup(m_ctx.progress, m_ctx.config.db_path, chosen.path, m_ctx.now(), m_ctx.config.backups_kept);
    if (m_replaced) m_replaced();
    refresh_rows();
    m_selected = 0;
    m_tone = Tone::Correct;
    m_notice = "Restored the backup of " + chosen.when + " (" + chosen.contents +
               "). The progress file as it was is kept as the backup " + kept + " (the first in the list: restore "
               "it to undo).";
  } catch (const std::exception& e) {
    if (m_replaced) m_replaced();
    refresh_rows();  // the before-restore backup may have been written
    m_tone = Tone::Wrong;
    m_notice = e.what();
  }
}

void BackupsFlow::back_up_now() { start_job(Done::What::ManualBackup); }

void BackupsFlow::check_now() { start_job(Done::What::Check); }

void BackupsFlow::start_job(Done::What what) {
  if (m_job.running()) {
    if (what != Done::What::DailyBackup) m_pending = what;
    return;
  }
  const std::string db = m_ctx.config.db_path;
  const core::TimestampMs now = m_ctx.now();
  const int keep = m_ctx.config.backups_kept;
  m_job_label = what == Done::What::Check ? "check of the progress file" : "backup";
  if (what != Done::What::DailyBackup) {
    m_notice.clear();
    m_tone = Tone::Neutral;
  }
  m_job.start(
      [what, db, now, keep](const std::function<void(double)>&, const std::atomic<bool>&) {
        Done done;
        done.what = what;
        if (what == Done::What::Check) {
          done.problems = storage::check_integrity(db, true);
        } else {
          done.path = make_backup(db, what == Done::What::DailyBackup ? BackupKind::Daily : BackupKind::Manual, now,
                                  keep);
        }
        return done;
      },
      m_ctx.wake);
}

bool BackupsFlow::poll() {
  if (!m_job.finished()) return false;
  const auto done = m_job.collect();
  handle(done);
  refresh_rows();
  if (m_pending) start_job(*std::exchange(m_pending, std::nullopt));
  return true;
}

void BackupsFlow::handle(const std::optional<Done>& done) {
  if (!done) {
    m_tone = Tone::Wrong;
    m_notice = "The " + m_job_label + " failed: " + m_job.error();
    if (m_job_label == "backup") m_ctx.message = m_notice;
    return;
  }
  switch (done->what) {
    case Done::What::DailyBackup: break;
    case Done::What::ManualBackup:
      m_tone = Tone::Correct;
      m_notice = "Backed up to " + done->path + ".";
      break;
    case Done::What::Check:
      if (done->problems.empty()) {
        m_tone = Tone::Correct;
        m_notice = "The progress file is sound (SQLite's integrity check found nothing).";
        break;
      }
      if (m_ctx.config.read_only) {
        m_tone = Tone::Wrong;
        m_notice = "The progress file is damaged (SQLite: " + done->problems.front() +
                   "). Casebook is read-only here: close the other Casebook, then check again from it.";
        break;
      }
      try {
        const std::string moved = replace_damaged(m_ctx.progress, m_ctx.config.db_path, m_ctx.now());
        if (m_replaced) m_replaced();
        handle_damage(done->problems, moved);
      } catch (const std::exception& e) {
        m_tone = Tone::Wrong;
        m_notice = "The progress file is damaged (SQLite: " + done->problems.front() +
                   ") and could not be moved aside: " + e.what() + " It is open read-only; quit Casebook and move it "
                   "aside by hand.";
      }
      break;
  }
}

void BackupsFlow::wait() {
  while (m_job.running()) {
    while (!m_job.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    poll();
  }
}

BackupsView BackupsFlow::view() const {
  BackupsView v;
  v.db_path = m_ctx.config.db_path;
  v.folder = backup_folder(m_ctx.config.db_path);
  v.rows = m_rows;
  v.selected = m_selected;
  v.kept = m_ctx.config.backups_kept;
  v.notice = m_notice;
  v.notice_tone = m_tone;
  v.job = job_view(m_job);
  v.job_label = m_job.running() ? (m_job_label == "backup" ? "Backing up…" : "Checking the progress file…") : "";
  v.read_only = m_ctx.config.read_only;
  return v;
}

}  // namespace casebook::app
