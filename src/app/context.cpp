#include "app/context.hpp"

#include <utility>

namespace casebook::app {

AppContext::AppContext(AppConfig c) : config(std::move(c)), progress(config.db_path) {
  if (!config.clock) config.clock = [] { return core::now_ms(); };
  progress.ensure_learner(config.learner);
  library.load(config.bank_paths);
  load_cards();
  load_options();
  load_spreads();
  refresh_load();
}

std::optional<core::CardSchedule> AppContext::state_of(const std::string& card_key) const {
  const auto it = states.find(card_key);
  if (it == states.end()) return std::nullopt;
  return it->second;
}

bool AppContext::suspended(const std::string& card_key) const {
  const auto it = flags.find(card_key);
  return it != flags.end() && it->second.suspended;
}

void AppContext::load_options() {
  LoadedOptions loaded = load_effective_options(base_study_options(config), progress, config.learner);
  options = std::move(loaded.options);
  if (!loaded.ignored.empty()) message = "Some saved study options were ignored: " + loaded.ignored.front();
}

void AppContext::load_cards() {
  states = progress.card_states(config.learner);
  flags = progress.card_flags(config.learner);
}

void AppContext::load_spreads() {
  spreads = progress.backlog_spreads(config.learner);
  deferred = deferrals(spreads);
}

void AppContext::refresh_load() { load = build_load(data(), today()); }

std::int64_t AppContext::today() const { return options.scheduler("").study_day_of(now()); }

}  // namespace casebook::app
