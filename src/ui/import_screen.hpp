// Import screen: turns a GIFT, Aiken or CSV question file into a new bank (TOML) and lists
// every diagnostic; the new bank appears on Home. Reached from Home (I or the Import
// button); the import itself is app::ImportFlow, on a background job.
#pragma once
#include <cstdint>
#include <string>

#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class ImportScreen {
 public:
  /// Draws `view` and queues at most one action. Keys: Enter imports (also while typing a
  /// path), Tab moves between the fields, Esc goes back.
  void draw(const app::ImportView& view, UiContext& ui);

 private:
  std::string m_input, m_output;     ///< the path fields' drafts
  std::uint64_t m_revision = ~0ull;  ///< the view's revision the drafts were loaded from
  bool m_focus = true;               ///< focus the input field on the next frame
};

}  // namespace casebook::ui
