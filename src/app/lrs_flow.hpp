// The window's background sync with the class's learning record store (LRS): when the learner
// has configured a store, the answers it does not have yet are sent on a background job at
// start-up and after each session and exam, and Home and the session summary say how it went.
// Nothing in studying waits for it: the answers are safe in the progress file either way.
#pragma once
#include <string>

#include "app/background.hpp"
#include "app/context.hpp"
#include "app/lrs.hpp"
#include "app/views.hpp"

namespace casebook::app {

/// The status line for a finished sync with the store at `url`, at `at` (UTC ms, shown to the
/// minute in `time_zone`): all sent, waiting (the store could not be reached), refused, with
/// conflicts counted. Plain words first, the term (LRS) beside them.
[[nodiscard]] SyncStatusView sync_status(const SyncResult& result, const std::string& url, core::TimestampMs at,
                                         const std::string& time_zone);

/// Runs sync_to_lrs() for the app's learner on a background job (own database connection;
/// the sync state it moves is its own table). One sync at a time: a request while one runs
/// is remembered and started when it ends, so the answers of the session just ended go too.
class LrsSyncFlow {
 public:
  explicit LrsSyncFlow(AppContext& ctx) : m_ctx(ctx) {}
  /// Starts a sync when AppConfig::lrs_config_path names a store and the app may write; a
  /// credentials file that cannot be used shows as a failed status (nothing is sent).
  void start();
  /// Main thread: takes a finished sync (and starts a remembered one). True when the view changed.
  bool poll();
  [[nodiscard]] bool running() const { return m_job.running(); }
  /// Blocks until no sync is running or remembered, polling (tests, never the frame loop).
  void wait();
  [[nodiscard]] const SyncStatusView& view() const { return m_view; }

 private:
  AppContext& m_ctx;
  SyncStatusView m_view;
  std::string m_url;
  bool m_again = false;  ///< start() came while a sync ran
  BackgroundJob<SyncResult> m_job;  ///< last member: destroyed (cancelled, joined) first
};

}  // namespace casebook::app
