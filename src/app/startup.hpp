// Starting the app from a front end: the controller is built, and what stops it from
// starting is put to the user before anything runs: another Casebook on the file or a file
// that cannot be written (work read-only, or quit), and every other failure (a refused or
// unreadable file, an unwritable folder, no HOME) with its one choice, Quit.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "app/config.hpp"
#include "app/controller.hpp"
#include "app/views.hpp"

namespace casebook::app {

/// Shows `view` (a window, a terminal prompt) and returns the index of the choice made; the
/// last choice of every view is "Quit", and a front end that cannot ask returns it.
using AskUser = std::function<int(const StartupView& view)>;

/// The view of a start-up failure: `message` and the single choice "Quit".
[[nodiscard]] StartupView startup_failure(const std::string& message);

/// Builds the controller for `config`. When the progress file can only be read
/// (ReadOnlyOffer), asks through `ask` with the choices "Work read-only" and "Quit"; on
/// read-only, builds it again with AppConfig::read_only and the reason. Any failure
/// (storage::StorageError, std::exception) goes through `ask` as startup_failure(). Returns
/// nullptr when the app must not run; `exit_code` is then 1 for a failure and 0 when the
/// user chose to quit.
[[nodiscard]] std::unique_ptr<Controller> start_controller(AppConfig config, const AskUser& ask, int& exit_code);

}  // namespace casebook::app
