// The one resolver of a learner's effective options: the app's base options, the learner's
// stored options over them, each bank's stored overrides on top, the study-day clock and the
// FSRS scheduler they give. Study, Home, reports (CLI and GUI), optimize and simulate all
// read options through this, so they never disagree.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/options.hpp"
#include "core/question.hpp"
#include "core/scheduler.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

/// The exam of one option set (the learner's, or a bank's with its overrides), parsed once.
struct ExamOptions {
  std::optional<core::ExamTarget> target;  ///< none: no exam date
  std::vector<std::string> scope;          ///< core::in_exam_scope words; empty = every bank
  core::AfterExam after = core::AfterExam::Resume;
};

/// The options in force for one learner. Copyable (a background job takes a snapshot).
class EffectiveOptions {
 public:
  /// The base options alone, no overrides (what a learner with nothing stored gets).
  explicit EffectiveOptions(core::StudyOptions learner = {},
                            std::map<std::string, storage::OptionValues> overrides = {});

  /// The learner's own options (what Home and the session rules use).
  [[nodiscard]] const core::StudyOptions& learner() const { return m_learner; }
  /// The options of cards of bank `bank_id`: the learner's with the bank's overridable fields
  /// on top (core::is_bank_overridable). An override set that would not validate is ignored
  /// (the learner's apply). Empty or unknown id: the learner's.
  [[nodiscard]] core::StudyOptions for_bank(const std::string& bank_id) const;
  /// The scheduler of bank `bank_id`'s cards (built once per option set).
  [[nodiscard]] const core::Scheduler& scheduler(const std::string& bank_id) const;
  /// The scheduler of a card, by its key "<bank id>/<question id>".
  [[nodiscard]] const core::Scheduler& scheduler_for_card(const std::string& card_key) const;
  /// The scheduler that rates a card of question type `type`: scheduler_for_card, except that
  /// a dilemma gets one without (re)learning steps unless its option set turns
  /// dilemma_learning_steps on (so it goes straight to a day-or-longer interval).
  [[nodiscard]] const core::Scheduler& scheduler_for_card(const std::string& card_key, core::QuestionType type) const;
  /// Study days: the learner's time zone (the system's when empty) and rollover hour.
  [[nodiscard]] const core::DayClock& clock() const { return m_scheduler.options().clock; }
  /// The stored overrides, bank id -> (key, value) pairs.
  [[nodiscard]] const std::map<std::string, storage::OptionValues>& overrides() const { return m_overrides; }
  /// Whether bank `bank_id` has overrides of its own.
  [[nodiscard]] bool overridden(const std::string& bank_id) const { return m_overrides.count(bank_id) > 0; }
  /// for_bank() of every bank with overrides (the per-bank daily limits need them).
  [[nodiscard]] std::map<std::string, core::StudyOptions> overridden_banks() const;
  /// The exam of bank `bank_id`'s cards (for_bank's exam options, parsed once).
  [[nodiscard]] const ExamOptions& exam(const std::string& bank_id) const;
  /// Whether any option set has an exam date.
  [[nodiscard]] bool any_exam() const { return m_any_exam; }

 private:
  core::StudyOptions m_learner;
  std::map<std::string, storage::OptionValues> m_overrides;
  core::Scheduler m_scheduler;
  std::map<std::string, core::Scheduler> m_bank_schedulers;  ///< banks with overrides
  core::Scheduler m_dilemma_scheduler;                       ///< the learner's, for dilemmas
  std::map<std::string, core::Scheduler> m_bank_dilemma_schedulers;  ///< banks with overrides, for dilemmas
  ExamOptions m_exam;                                        ///< the learner's
  std::map<std::string, ExamOptions> m_bank_exams;           ///< banks with overrides
  bool m_any_exam = false;
};

/// Effective options read from the database, with why any stored value was ignored.
struct LoadedOptions {
  EffectiveOptions options;
  /// One sentence per ignored stored value ("desired_retention must be between ..."); the
  /// whole stored learner set is ignored when it does not validate.
  std::vector<std::string> ignored;
};

/// Reads `learner`'s stored options (over `base`) and every bank override from `progress`
/// (read-write or read-only). Throws storage::StorageError when the database cannot be read.
[[nodiscard]] LoadedOptions load_effective_options(const core::StudyOptions& base, storage::Progress& progress,
                                                   const std::string& learner);

/// Stores `options` for `learner`: as the learner's own options (`bank_id` empty), or as
/// bank `bank_id`'s overrides (only the overridable fields that differ from the learner's;
/// none left removes the overrides). `options` must validate (core::validate); the caller
/// checks. Returns the new effective options. Throws storage::StorageError.
[[nodiscard]] EffectiveOptions store_options(storage::Progress& progress, const std::string& learner,
                                             const EffectiveOptions& current, const core::StudyOptions& options,
                                             const std::string& bank_id);

}  // namespace casebook::app
