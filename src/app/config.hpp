// How the app was started (database, banks, learner, clock) and the defaults it starts from.
// Shared by the controller, the report and optimize flows and both front ends.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/options.hpp"
#include "core/question.hpp"
#include "core/scheduler.hpp"
#include "core/time.hpp"

namespace casebook::app {

/// Casebook's default scheduler options with the study-day clock in the local time zone
/// (core::local_time_zone_name(); "UTC" if the tz database does not know it) and the
/// rollover at 04:00.
[[nodiscard]] core::SchedulerOptions default_scheduler_options();

/// Short citation for the study screen: forwards to core::locator_citation (the source's
/// short form, then "¶N", "¶9, 11" or "¶12–13"). "Andrei Soldatov, \"Title\", The Moscow
/// Times, 14 May 2021." with {12} gives "Andrei Soldatov, 2021, ¶12".
[[nodiscard]] std::string format_citation(const core::Source& source, const std::vector<int>& paragraphs);

/// The order in which new cards are introduced.
enum class NewCardOrder {
  Random,  ///< a fixed pseudo-random order per learner (core::order_new_cards): the default
  InBank   ///< the order of the questions in the banks (banks in path order)
};

/// How the app was started (from the command line).
struct AppConfig {
  std::string db_path;                  ///< SQLite file (created if missing)
  std::vector<std::string> bank_paths;  ///< files or folders of *.toml banks
  std::string learner = "default";
  /// `learner` was given on the command line (`--learner`): it wins over the remembered one.
  bool learner_given = false;
  /// The file the learner chosen last on Home is remembered in (app/learners.hpp); empty: not
  /// remembered (tests, the terminal). The window uses app::default_learner_memory_path(). At
  /// start, unless `learner_given`, a learner it remembers for this progress file (db_path)
  /// that the file has replaces `learner`.
  std::string learner_memory_path;
  core::SchedulerOptions scheduler = default_scheduler_options();  ///< clock: local time zone, rollover 04:00
  int new_cards_per_day = 20;
  int max_reviews_per_day = 200;
  NewCardOrder new_card_order = NewCardOrder::Random;
  std::function<core::TimestampMs()> clock;  ///< defaults to core::now_ms; tests inject time
  /// Seed of every session's choice shuffles; 0 = the session's start time (the default).
  /// A fixed seed makes scripted sessions reproducible (`--seed`), in either front end.
  std::uint64_t session_seed = 0;
  /// The file the display settings (UI scale, theme) are remembered in; empty: not remembered
  /// (tests, the terminal). The window uses app::default_display_path().
  std::string display_path;
  /// Open the progress file read-only: nothing is written to it (another Casebook has it
  /// open, or it or its folder cannot be written to). The app refuses every write with a
  /// message, and Home says so.
  bool read_only = false;
  std::string read_only_reason;  ///< why, one sentence naming the file (shown on Home)
  /// Hold the single-instance lock of the progress file (app::InstanceLock). Tests that run
  /// two writers on one file on purpose (the storage's transactions are the second line of
  /// defence, e.g. for a file synced between two computers) turn it off.
  bool single_instance = true;
  /// Backups kept of each kind (daily, before an upgrade, manual, before a restore); the
  /// oldest beyond it are deleted. 0 turns the daily backup off (a backup before a schema
  /// upgrade is still made). `--keep-backups N`.
  int backups_kept = 7;
  /// The learning record store the window sends answers to in the background, at start and
  /// after each session and exam (app::LrsSyncFlow): a credentials file as load_lrs_config()
  /// reads it (its `url` names the store). Empty, or no such file: no sync and nothing shown
  /// (tests and `casebook study` leave it empty; the window uses default_lrs_config_path()); a
  /// file that cannot be used (no url, readable by others) is shown as a failed sync.
  std::string lrs_config_path;
};

/// The StudyOptions that `config` describes (retention, steps, maximum interval, rollover,
/// weights from config.scheduler; the daily limits; the time zone, left empty when it is the
/// system's own). Stored options are applied on top of these.
[[nodiscard]] core::StudyOptions base_study_options(const AppConfig& config);

/// `config.clock()` when set, else core::now_ms(): UTC milliseconds.
[[nodiscard]] core::TimestampMs now(const AppConfig& config);

}  // namespace casebook::app
