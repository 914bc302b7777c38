// The window's sync with the class's learning record store, as Home and the session summary
// show it (a view model of its own: app::LrsSyncFlow builds it, views.hpp's screens carry it).
#pragma once
#include <string>

namespace casebook::app {

/// The window's sync with the class's learning record store (app::LrsSyncFlow), as one line
/// for Home and the session summary.
struct SyncStatusView {
  bool configured = false;  ///< a store is configured (else nothing is shown)
  bool running = false;     ///< a sync is on its way
  bool failed = false;      ///< the last sync stopped early (offline, refused, a bad config file)
  /// "Class record store (LRS): all your answers are in lrs.example.org (3 sent at 14:02)."
  std::string line;
};

}  // namespace casebook::app
