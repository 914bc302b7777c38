#include "app/effective_options.hpp"

#include <algorithm>
#include <utility>

namespace casebook::app {

namespace {

ExamOptions exam_options(const core::StudyOptions& o) {
  return ExamOptions{core::exam_target(o), o.exam_scope, o.after_exam};
}

/// The scheduler options a dilemma is rated with: no (re)learning steps unless `o` asks for them.
core::SchedulerOptions dilemma_scheduler_options(const core::StudyOptions& o) {
  core::SchedulerOptions s = core::to_scheduler_options(o);
  if (!o.dilemma_learning_steps) {
    s.learning_steps_minutes.clear();
    s.relearning_steps_minutes.clear();
  }
  return s;
}

}  // namespace

EffectiveOptions::EffectiveOptions(core::StudyOptions learner, std::map<std::string, storage::OptionValues> overrides)
    : m_learner(std::move(learner)),
      m_overrides(std::move(overrides)),
      m_scheduler(core::to_scheduler_options(m_learner)),
      m_dilemma_scheduler(dilemma_scheduler_options(m_learner)),
      m_exam(exam_options(m_learner)) {
  m_any_exam = m_exam.target.has_value();
  for (const auto& [id, values] : m_overrides) {
    const core::StudyOptions o = for_bank(id);
    m_bank_schedulers.emplace(id, core::Scheduler(core::to_scheduler_options(o)));
    m_bank_dilemma_schedulers.emplace(id, core::Scheduler(dilemma_scheduler_options(o)));
    m_bank_exams.emplace(id, exam_options(o));
    m_any_exam = m_any_exam || o.exam_day.has_value();
  }
}

const ExamOptions& EffectiveOptions::exam(const std::string& bank_id) const {
  const auto it = m_bank_exams.find(bank_id);
  return it != m_bank_exams.end() ? it->second : m_exam;
}

core::StudyOptions EffectiveOptions::for_bank(const std::string& bank_id) const {
  const auto it = m_overrides.find(bank_id);
  if (bank_id.empty() || it == m_overrides.end()) return m_learner;
  core::StudyOptions o = m_learner;
  for (const auto& [key, value] : it->second) {
    if (core::is_bank_overridable(key)) (void)core::set_key_value(o, key, value);
  }
  return core::validate(o).empty() ? o : m_learner;
}

const core::Scheduler& EffectiveOptions::scheduler(const std::string& bank_id) const {
  const auto it = m_bank_schedulers.find(bank_id);
  return it != m_bank_schedulers.end() ? it->second : m_scheduler;
}

const core::Scheduler& EffectiveOptions::scheduler_for_card(const std::string& card_key) const {
  return scheduler(card_key.substr(0, card_key.find('/')));
}

const core::Scheduler& EffectiveOptions::scheduler_for_card(const std::string& card_key,
                                                            core::QuestionType type) const {
  if (type != core::QuestionType::Dilemma) return scheduler_for_card(card_key);
  const auto it = m_bank_dilemma_schedulers.find(card_key.substr(0, card_key.find('/')));
  return it != m_bank_dilemma_schedulers.end() ? it->second : m_dilemma_scheduler;
}

std::map<std::string, core::StudyOptions> EffectiveOptions::overridden_banks() const {
  std::map<std::string, core::StudyOptions> out;
  for (const auto& [id, values] : m_overrides) out.emplace(id, for_bank(id));
  return out;
}

LoadedOptions load_effective_options(const core::StudyOptions& base, storage::Progress& progress,
                                     const std::string& learner) {
  LoadedOptions out;
  core::StudyOptions stored = base;
  out.ignored = core::apply_key_values(stored, progress.study_option_values(learner));
  if (const auto problems = core::validate(stored); !problems.empty()) {
    out.ignored.push_back(problems.front().field + " " + problems.front().message);
    stored = base;
  }
  std::map<std::string, storage::OptionValues> overrides;
  for (const auto& id : progress.option_override_banks(learner)) {
    overrides[id] = progress.study_option_values(learner, id);
  }
  out.options = EffectiveOptions(std::move(stored), std::move(overrides));
  return out;
}

EffectiveOptions store_options(storage::Progress& progress, const std::string& learner,
                               const EffectiveOptions& current, const core::StudyOptions& options,
                               const std::string& bank_id) {
  auto overrides = current.overrides();
  if (bank_id.empty()) {
    progress.set_study_option_values(learner, "", core::to_key_values(options));
    return EffectiveOptions(options, std::move(overrides));
  }
  // Only what differs from the learner's options, and only what a bank may override.
  storage::OptionValues diff;
  const auto mine = core::to_key_values(current.learner());
  for (const auto& [key, value] : core::to_key_values(options)) {
    if (!core::is_bank_overridable(key)) continue;
    const bool same = std::find(mine.begin(), mine.end(), std::make_pair(key, value)) != mine.end();
    if (!same) diff.emplace_back(key, value);
  }
  progress.set_study_option_values(learner, bank_id, diff);
  if (diff.empty()) {
    overrides.erase(bank_id);
  } else {
    overrides[bank_id] = diff;
  }
  return EffectiveOptions(current.learner(), std::move(overrides));
}

}  // namespace casebook::app
