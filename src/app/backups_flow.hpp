// The Backups screen's model: the list of backups of the progress file, restoring one (the
// current file kept as a backup first), a backup or a full integrity check now on a
// background job, the daily backup at start, and what to do when the file is damaged (moved
// aside, an empty file in its place, the newest backup offered).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/background.hpp"
#include "app/backups.hpp"
#include "app/context.hpp"
#include "app/views.hpp"

namespace casebook::app {

class BackupsFlow {
 public:
  /// `replaced` is called on the main thread after the progress file was replaced (a restore,
  /// or a damaged file moved aside): the controller reloads states, options and Home.
  BackupsFlow(AppContext& ctx, std::function<void()> replaced) : m_ctx(ctx), m_replaced(std::move(replaced)) {}

  /// Called once when the app starts: tells what opening the file found (damage, an upgrade
  /// backup) and starts the daily backup on the worker when it is due. Returns true when the
  /// app should open on this screen (the file was damaged: the newest backup is offered).
  bool start_up();
  /// The screen is opened: the list is read again and the newest backup selected.
  void open();
  void select(int index);
  /// Restores the selected backup (refused in read-only mode or while a job runs).
  void restore();
  /// Starts a manual backup on the worker (after the running job, if any).
  void back_up_now();
  /// Starts SQLite's full integrity check (PRAGMA integrity_check) on the worker, on its own
  /// read-only connection; poll() acts on damage (replace_damaged) on the main thread.
  void check_now();
  /// Main thread: takes a finished backup or check. Returns true when something changed.
  bool poll();
  [[nodiscard]] bool running() const { return m_job.running(); }
  /// Blocks until a running job has finished, then polls (tests and the terminal).
  void wait();
  [[nodiscard]] BackupsView view() const;

 private:
  /// What the worker hands back.
  struct Done {
    enum class What { DailyBackup, ManualBackup, Check } what = What::Check;
    std::string path;                   ///< the backup written
    std::vector<std::string> problems;  ///< the check's findings (empty: sound)
  };
  void refresh_rows();
  /// Moves a damaged file aside (an empty file in its place) and offers the newest backup.
  void handle_damage(const std::vector<std::string>& problems, const std::string& moved_to);
  void start_job(Done::What what);
  /// Acts on a collected job: its notice, or the damage it found.
  void handle(const std::optional<Done>& done);

  AppContext& m_ctx;
  std::function<void()> m_replaced;
  std::vector<BackupsView::Row> m_rows;
  int m_selected = 0;
  std::string m_notice;
  Tone m_tone = Tone::Neutral;
  std::string m_job_label;
  std::optional<Done::What> m_pending;  ///< asked for while another job ran: started after it
  BackgroundJob<Done> m_job;  ///< last member: destroyed (cancelled, joined) first
};

}  // namespace casebook::app
