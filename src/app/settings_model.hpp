// The Settings screen's model: the learner's options and each bank's effective options as
// forms, saving them (validated, stored, applied at once), clearing a bank's overrides and
// showing suspended leeches again.
#pragma once
#include "app/context.hpp"
#include "app/views.hpp"

namespace casebook::app {

/// `options` as a Settings form (text fields as core::to_key_values writes them).
[[nodiscard]] OptionsDraft make_draft(const core::StudyOptions& options);

/// The options a form describes: `draft.options` with its text fields parsed. A field that
/// does not parse is a problem (field key and sentence) and keeps its old value.
[[nodiscard]] core::StudyOptions parse_draft(const OptionsDraft& draft, std::vector<core::OptionProblem>& problems);

/// What the Settings screen says about `options` beside the form, in words:
/// - for each learning or relearning step of a day (1440 min) or longer: FSRS schedules days
///   better than a fixed step, so keep steps under a day;
/// - whenever a card in learning or relearning (the first showing and after each Good) would
///   come back sooner after Easy than after Good (a step longer than the interval FSRS gives
///   Easy), the two intervals and why, so Easy is never shown shorter without a reason.
/// Options the scheduler refuses give no warnings (save() reports those).
[[nodiscard]] std::vector<std::string> option_warnings(const core::StudyOptions& options);

/// "Again 1m · Hard 6m · Good 10m · Easy 8d": what each rating of a new card gives under
/// `options` (empty when the scheduler refuses them).
[[nodiscard]] std::string new_card_intervals(const core::StudyOptions& options);

class SettingsModel {
 public:
  explicit SettingsModel(AppContext& ctx) : m_ctx(ctx) {}

  /// Rebuilds the view from the options in force (keeps the last problems and notice).
  void refresh();
  /// Forgets the last problems and notice (the screen is opened again).
  void clear_notes();
  [[nodiscard]] const SettingsView& view() const { return m_view; }

  /// Validates and stores `options` (the learner's when `bank_id` is empty, else that bank's
  /// overrides) and applies them at once. Returns false, with the problems in the view and
  /// ctx.message, when they do not validate (nothing is stored). Throws storage::StorageError.
  bool save(const core::StudyOptions& options, const std::string& bank_id);
  /// save() of a parsed form; a text field that does not parse refuses the whole form.
  bool save(const OptionsDraft& draft, const std::string& bank_id);
  /// Removes bank `bank_id`'s overrides.
  void clear_bank(const std::string& bank_id);
  /// Unsuspends every suspended card of the learner (leech tags stay).
  void unsuspend_all();

 private:
  AppContext& m_ctx;
  SettingsView m_view;
};

}  // namespace casebook::app
