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
