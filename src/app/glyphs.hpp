// Glyph coverage: every character the app may put on screen from the loaded banks and from
// the start-up configuration (learner name, paths), so the GUI can bake a font atlas that
// has them all.
#pragma once
#include <string>
#include <vector>

#include "app/library.hpp"

namespace casebook::app {

/// Every code point of every string of the loaded banks, of `extra` (learner names, paths)
/// and of the characters the app adds itself (¶, –), sorted, without duplicates. Invalid
/// UTF-8 bytes are skipped.
[[nodiscard]] std::vector<char32_t> used_code_points(const Library& library, const std::vector<std::string>& extra);

}  // namespace casebook::app
