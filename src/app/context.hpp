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
#include "core/card.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

struct AppContext {
  /// Opens (or creates) the database, loads the banks, the learner's options, states and
  /// flags. Throws storage::StorageError when the database cannot be opened.
  explicit AppContext(AppConfig config);

  AppConfig config;
  storage::Progress progress;
  Library library;
  EffectiveOptions options;
  std::map<std::string, core::CardSchedule> states;  ///< card key -> newest state (cache of the database)
  std::map<std::string, storage::CardFlags> flags;   ///< card key -> tags, suspended
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
  /// Reads the learner's options again from the database (a stored set that does not
  /// validate is ignored; `message` says so).
  void load_options();
  /// Reads states and flags again from the database.
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
