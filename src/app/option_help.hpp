// One-line explanations of the study options in plain words, with the FSRS or Anki term
// beside them, for the Settings screen (shown under the option that has focus).
#pragma once
#include <string_view>

namespace casebook::app {

/// The explanation of the Settings row labelled `label` (e.g. "Desired retention"); "" for a
/// label without one. Pure lookup, no state.
[[nodiscard]] std::string_view option_help(std::string_view label);

}  // namespace casebook::app
