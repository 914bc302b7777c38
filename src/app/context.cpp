#include "app/context.hpp"

#include <algorithm>
#include <utility>

#include "app/answer_changes.hpp"
#include "app/learners.hpp"

namespace casebook::app {

AppContext::AppContext(AppConfig c)
    : config(std::move(c)), progress(open_app_progress(config, lock, opening)) {
  if (!config.clock) config.clock = [] { return core::now_ms(); };
  if (!config.learner_given) {  // the learner chosen last on Home, if this file has them
    const auto remembered = load_remembered_learner(config.learner_memory_path, config.db_path);
    const auto names = remembered ? progress.learners() : std::vector<std::string>{};
    if (std::find(names.begin(), names.end(), remembered.value_or("")) != names.end()) config.learner = *remembered;
  }
  if (!config.read_only) progress.ensure_learner(config.learner);
  library.load(config.bank_paths);
  load_learner();
}

void AppContext::load_learner() {
  load_cards();
  load_options();
  check_answer_keys(*this);  // a re-keyed question's studied card back to relearning, once
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

bool AppContext::buried(const std::string& card_key, core::TimestampMs t) const {
  const auto it = marks.find(card_key);
  return it != marks.end() && it->second.buried_until && t < *it->second.buried_until;
}

std::map<std::string, CardMarks> marks_from_events(const std::vector<storage::CardEvent>& events) {
  std::map<std::string, CardMarks> out;
  for (const storage::CardEvent& e : events) {
    switch (e.kind) {
      case storage::CardEventKind::Flag: {
        CardMarks& m = out[e.card_key];
        m.flag = e.flag;
        m.flag_note = e.flag == 0 ? std::string() : e.note;
        break;
      }
      case storage::CardEventKind::Bury: out[e.card_key].buried_until = e.until; break;
      case storage::CardEventKind::Report: ++out[e.card_key].reports; break;
      case storage::CardEventKind::Unsuspend:
      case storage::CardEventKind::Reset:  // a reset card comes back at once
        if (const auto it = out.find(e.card_key); it != out.end()) it->second.buried_until.reset();
        break;
      case storage::CardEventKind::Suspend: break;
    }
  }
  return out;
}

void AppContext::load_options() {
  LoadedOptions loaded = load_effective_options(base_study_options(config), progress, config.learner);
  options = std::move(loaded.options);
  if (!loaded.ignored.empty()) message = "Some saved study options were ignored: " + loaded.ignored.front();
}

void AppContext::load_cards() {
  states = progress.card_states(config.learner);
  flags = progress.card_flags(config.learner);
  marks = marks_from_events(progress.card_events(config.learner));
}

void AppContext::load_spreads() {
  spreads = progress.backlog_spreads(config.learner);
  deferred = deferrals(spreads);
}

void AppContext::refresh_load() { load = build_load(data(), today()); }

std::int64_t AppContext::today() const { return options.scheduler("").study_day_of(now()); }

}  // namespace casebook::app
