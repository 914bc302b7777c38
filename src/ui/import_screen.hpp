// Import screen: turns a GIFT, Aiken or CSV question file into a new bank (TOML) in the
// app's bank folder, lists every diagnostic, and reloads the banks. Reached from Home (I or
// the Import button); the import itself is app::import_questions, as for `casebook import`.
#pragma once
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "app/import.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class ImportScreen {
 public:
  /// `config` gives the bank folders (the default output folder).
  explicit ImportScreen(const app::AppConfig& config);

  /// Clears the last result and puts the keyboard in the input path field; call when the
  /// screen is opened.
  void open();

  /// Draws the screen. Keys: Enter imports (also while typing a path), Esc goes back. After
  /// a successful import sends app::ReloadBanks through `ui`. Returns false when the user
  /// leaves the screen.
  [[nodiscard]] bool draw(UiContext& ui);

 private:
  void input_changed();
  void run_import(UiContext& ui);

  const app::AppConfig& m_config;
  std::string m_input;
  std::string m_output;
  int m_format = 0;           ///< index of app::ImportFormat (Gift, Aiken, Csv)
  bool m_output_edited = false;  ///< the user typed an output path: stop deriving it
  bool m_replace = false;
  bool m_focus = false;       ///< focus the input field on the next frame
  bool m_done = false;        ///< an import ran
  bool m_failed = false;
  std::string m_written;      ///< the bank file the last import wrote (no "exists" warning for it)
  std::string m_summary;      ///< "Imported 3 questions …" or why nothing was written
  std::vector<std::string> m_lines;  ///< every diagnostic, formatted
};

/// The folder imported banks go to: the first of `config.bank_paths` that is a folder, else
/// the folder of the first bank file, else the current folder ("").
[[nodiscard]] std::string default_import_folder(const app::AppConfig& config);

}  // namespace casebook::ui
