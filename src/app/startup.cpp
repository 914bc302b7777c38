#include "app/startup.hpp"

#include <exception>
#include <utility>

#include "app/progress_open.hpp"

namespace casebook::app {

StartupView startup_failure(const std::string& message) {
  StartupView v;
  v.title = "Casebook cannot start";
  v.message = message;
  v.choices = {"Quit"};
  return v;
}

std::unique_ptr<Controller> start_controller(AppConfig config, const AskUser& ask, int& exit_code) {
  exit_code = 1;
  try {
    try {
      return std::make_unique<Controller>(config);
    } catch (const ReadOnlyOffer& offer) {
      StartupView v;
      v.title = "Casebook can only read this progress file";
      v.message = std::string(offer.what()) +
                  " You may work read-only (see your cards, reports and the simulator; nothing is studied or saved), "
                  "or quit.";
      v.choices = {"Work read-only", "Quit"};
      if (ask(v) != 0) {
        exit_code = 0;
        return nullptr;
      }
      config.read_only = true;
      config.read_only_reason = offer.what();
      return std::make_unique<Controller>(std::move(config));
    }
  } catch (const std::exception& e) {
    (void)ask(startup_failure(e.what()));
    return nullptr;
  }
}

}  // namespace casebook::app
