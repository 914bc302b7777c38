// Display order for right-to-left text. ImGui 1.86 draws code points left to right, one glyph
// each, with no shaping: Hebrew would show reversed and Arabic as unjoined letters. Lines are
// turned into the order and forms in which they should be drawn with GNU FriBidi (Unicode
// Bidirectional Algorithm, UAX #9; Arabic joining and presentation forms, Unicode chapter 9.2).
#pragma once
#include <string>
#include <string_view>

namespace casebook::platform {

/// True when `text` (UTF-8) holds a right-to-left character (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms): only such text needs display_order(). Linear, no
/// allocation; malformed bytes are skipped.
[[nodiscard]] bool has_right_to_left(std::string_view text);

/// One line of logical-order UTF-8 text in the order it is drawn left to right: runs of
/// right-to-left characters reversed (numbers and left-to-right words inside them keep their
/// own order) and Arabic letters replaced by their joined presentation forms (initial,
/// medial, final, isolated; lam-alef ligatures), per FriBidi's fribidi_log2vis. The paragraph
/// direction is that of the first strong character (left to right when there is none).
/// Text without right-to-left characters is returned unchanged. A newline is treated as
/// ordinary text: call it once per drawn line. Malformed UTF-8 is replaced by U+FFFD.
[[nodiscard]] std::string display_order(std::string_view line);

}  // namespace casebook::platform
