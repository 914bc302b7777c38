#include "app/settings_model.hpp"

#include <algorithm>
#include <utility>

namespace casebook::app {

OptionsDraft make_draft(const core::StudyOptions& options) {
  OptionsDraft d;
  d.options = options;
  d.time_zone = options.time_zone;
  for (const auto& [key, value] : core::to_key_values(options)) {
    if (key == "learning_steps") d.learning_steps = value;
    if (key == "relearning_steps") d.relearning_steps = value;
    if (key == "weights") d.weights = value;
    if (key == "exam_date") d.exam_date = value;
    if (key == "exam_scope") d.exam_scope = value;
    if (key == "light_weekdays") d.light_weekdays = value;
  }
  return d;
}

core::StudyOptions parse_draft(const OptionsDraft& draft, std::vector<core::OptionProblem>& problems) {
  core::StudyOptions o = draft.options;
  o.time_zone = draft.time_zone;
  for (const auto& [key, text] : {std::pair<const char*, const std::string*>{"learning_steps", &draft.learning_steps},
                                  {"relearning_steps", &draft.relearning_steps},
                                  {"weights", &draft.weights},
                                  {"exam_date", &draft.exam_date},
                                  {"exam_scope", &draft.exam_scope},
                                  {"light_weekdays", &draft.light_weekdays}}) {
    if (auto error = core::set_key_value(o, key, *text)) problems.push_back(core::OptionProblem{key, *error});
  }
  return o;
}

void SettingsModel::clear_notes() {
  m_view.problems.clear();
  m_view.notice.clear();
}

void SettingsModel::refresh() {
  SettingsView v;
  v.problems = std::move(m_view.problems);
  v.notice = std::move(m_view.notice);
  v.revision = m_view.revision;
  v.learner_options = m_ctx.options.learner();
  v.learner_draft = make_draft(v.learner_options);
  v.effective_time_zone = m_ctx.clock().time_zone;
  for (const auto& load : m_ctx.library.loads()) {
    if (!load.bank) continue;
    const std::string& id = load.bank->info.id;
    const core::StudyOptions o = m_ctx.options.for_bank(id);
    v.banks.push_back(SettingsView::Bank{id, load.bank->info.title, o, make_draft(o), m_ctx.options.overridden(id),
                                         static_cast<int>(load.bank->questions.size())});
  }
  for (const auto& [key, f] : m_ctx.flags) {
    if (!m_ctx.library.find(key)) continue;
    if (f.suspended) ++v.suspended_cards;
    if (std::find(f.tags.begin(), f.tags.end(), "leech") != f.tags.end()) ++v.leech_cards;
  }
  m_view = std::move(v);
}

bool SettingsModel::save(const core::StudyOptions& options, const std::string& bank_id) {
  m_view.problems = core::validate(options);
  m_view.notice.clear();
  if (!m_view.problems.empty()) {
    m_ctx.message =
        "Options not saved: " + m_view.problems.front().field + " " + m_view.problems.front().message + ".";
    refresh();
    return false;
  }
  m_ctx.options = store_options(m_ctx.progress, m_ctx.config.learner, m_ctx.options, options, bank_id);
  m_ctx.refresh_load();  // the clock, the exams or the scope may have changed
  m_view.notice = "Saved. The new options apply from now on.";
  ++m_view.revision;
  m_ctx.message.clear();
  refresh();
  return true;
}

bool SettingsModel::save(const OptionsDraft& draft, const std::string& bank_id) {
  std::vector<core::OptionProblem> problems;
  const core::StudyOptions o = parse_draft(draft, problems);
  if (!problems.empty()) {
    m_view.problems = problems;
    m_view.notice.clear();
    m_ctx.message = "Options not saved: " + problems.front().field + ": " + problems.front().message;
    refresh();
    return false;
  }
  return save(o, bank_id);
}

void SettingsModel::clear_bank(const std::string& bank_id) {
  m_ctx.progress.set_study_option_values(m_ctx.config.learner, bank_id, {});
  auto overrides = m_ctx.options.overrides();
  overrides.erase(bank_id);
  m_ctx.options = EffectiveOptions(m_ctx.options.learner(), std::move(overrides));
  m_ctx.refresh_load();
  m_view.notice = "The bank now follows your own options.";
  ++m_view.revision;
  refresh();
}

void SettingsModel::unsuspend_all() {
  for (auto& [key, f] : m_ctx.flags) {
    if (!f.suspended) continue;
    storage::CardFlags next = f;
    next.suspended = false;
    m_ctx.progress.set_card_flags(m_ctx.config.learner, key, next);
    f = next;
  }
  m_ctx.refresh_load();
  m_view.notice = "Suspended cards will be shown again.";
  refresh();
}

}  // namespace casebook::app
