// What the parts of the controller share: the start-up configuration, the progress
// database, the loaded banks, the learner's effective options and their card states and
// flags (caches of the database), and the status-line message. Owned by the Controller;
// each part gets a reference.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/day_plan.hpp"
#include "app/effective_options.hpp"
#include "app/library.hpp"
#include "app/progress_open.hpp"
#include "core/card.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

/// What the learner's card events say about a card now (storage::CardEvent, newest wins).
struct CardMarks {
  int flag = 0;                                  ///< 0 none, 1..7 (core::kFlagNames)
  std::string flag_note;                         ///< the note of the newest flag event
  std::optional<core::TimestampMs> buried_until; ///< UTC ms; hidden from study before it
  int reports = 0;                               ///< problem reports sent for the card
};

/// The marks of every card from the learner's events in time order (card key -> marks; cards
/// with no flag, burial or report are absent).
[[nodiscard]] std::map<std::string, CardMarks> marks_from_events(const std::vector<storage::CardEvent>& events);

struct AppContext {
  /// Opens (or creates) the database with open_app_progress (the instance lock, refused
  /// files left untouched, a damaged file moved aside, a backup before an upgrade; read-only
  /// when config.read_only), picks the learner (config.learner, or the one remembered for
  /// this file: AppConfig::learner_memory_path), loads the banks, their options, states and flags.
  /// Throws ReadOnlyOffer when only read-only access is possible, storage::StorageError when
  /// the database cannot be opened.
  explicit AppContext(AppConfig config);

  AppConfig config;
  std::optional<InstanceLock> lock;  ///< held while the app runs (none when read-only)
  ProgressOpening opening;           ///< what opening the file found (damage, an upgrade backup)
  storage::Progress progress;
  Library library;
  EffectiveOptions options;
  std::map<std::string, core::CardSchedule> states;  ///< card key -> newest state (cache of the database)
  std::map<std::string, storage::CardFlags> flags;   ///< card key -> tags, suspended
  std::map<std::string, CardMarks> marks;            ///< card key -> flag, burial, reports (card events)
  /// card key -> "The answer changed in version 2.1." for cards whose question a newer bank
  /// re-keyed and that were not answered since (check_answer_keys in answer_changes.hpp).
  std::map<std::string, std::string> answer_notices;
  std::vector<core::BacklogSpread> spreads;          ///< the learner's backlog spreads, oldest first
  std::map<std::string, Deferral> deferred;          ///< card key -> its newest spread's hold
  /// Cards due per study day (day_plan.hpp load_day), for the load balancer: built by
  /// refresh_load(), kept up to date by each rating (StudyFlow::rate).
  core::DueLoad load;
  std::string message;  ///< the status line: last error or notice, empty when none
  /// Called from worker threads when background work progresses or ends (thread-safe; the
  /// GUI wakes its event loop with it). Empty: nobody to wake (tests, the terminal).
  std::function<void()> wake;

  /// Now, UTC ms (config.clock, else the system clock).
  [[nodiscard]] core::TimestampMs now() const { return app::now(config); }
  /// The study-day clock in force (the learner's zone and rollover hour).
  [[nodiscard]] const core::DayClock& clock() const { return options.clock(); }
  /// The stored state of a card, or nullopt for a card never studied.
  [[nodiscard]] std::optional<core::CardSchedule> state_of(const std::string& card_key) const;
  /// Whether the card is suspended (a leech, or by the learner).
  [[nodiscard]] bool suspended(const std::string& card_key) const;
  /// Whether the card is buried at `t` (UTC ms).
  [[nodiscard]] bool buried(const std::string& card_key, core::TimestampMs t) const;
  /// Reads everything that belongs to `config.learner` from the database: card states, flags
  /// and marks, options, re-keyed questions' cards back to relearning (check_answer_keys),
  /// backlog spreads and the due load. At start-up and when Home switches learners.
  void load_learner();
  /// Reads the learner's options again from the database (a stored set that does not
  /// validate is ignored; `message` says so).
  void load_options();
  /// Reads states, flags and card marks again from the database.
  void load_cards();
  /// Reads the backlog spreads again from the database.
  void load_spreads();
  /// Rebuilds `load` from the states, flags, spreads and options (after any of them changed
  /// other than by a rating).
  void refresh_load();
  /// The queue rules' view of these caches.
  [[nodiscard]] StudyData data() const { return StudyData{library, states, flags, options, deferred}; }
  /// Today's study day (ctx.now() in the learner's clock).
  [[nodiscard]] std::int64_t today() const;
};

}  // namespace casebook::app
