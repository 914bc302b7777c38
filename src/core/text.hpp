// Small text helpers shared by the layers: trimming ASCII white space, telling whether a
// text has anything visible, showing control characters visibly. Pure: bytes of UTF-8 in,
// no locale.
#pragma once
#include <string>
#include <string_view>

namespace casebook::core {

/// `s` without leading and trailing ASCII white space: space, tab, CR, LF, vertical tab and
/// form feed (the C locale's isspace set). Other bytes, including every non-ASCII UTF-8
/// sequence such as a no-break space, are kept. Never throws except std::bad_alloc.
[[nodiscard]] std::string trim_ascii_space(std::string_view s);

/// trim_ascii_space as a view into `s` (no copy): valid while `s`'s text is.
[[nodiscard]] std::string_view trim_ascii_space_view(std::string_view s);

/// "1 review", "3 reviews", "0 reviews": `n` and `noun` (English, singular) with an "s" unless
/// n is 1. For counts in messages; a noun with another plural needs its own words.
[[nodiscard]] std::string counted(std::size_t n, std::string_view noun);

/// `s` with ASCII letters A-Z made lower-case and every other byte kept (no locale: non-ASCII
/// UTF-8 is unchanged), e.g. for file extensions, ids and search words.
[[nodiscard]] std::string ascii_lower(std::string_view s);

/// `s` on one line: each line feed, carriage return and tab becomes a space (one for one, so
/// byte offsets are kept). For a list row or a terminal line showing multi-line text.
[[nodiscard]] std::string on_one_line(std::string s);

/// True when `s` (UTF-8) has nothing visible: only ASCII white space (as trim_ascii_space)
/// and the invisible or space-like Unicode characters a paste can bring: U+00A0 no-break,
/// U+2000..U+200A en to hair spaces, U+200B zero-width, U+202F narrow no-break, U+205F
/// medium mathematical and U+3000 ideographic spaces, and U+FEFF (BOM). An empty `s` is blank.
[[nodiscard]] bool is_blank(std::string_view s);

/// `s` (UTF-8) with every control character except newline and tab made visible, so that
/// untrusted text printed to a terminal cannot move the cursor, clear the screen, change
/// the window title or start any other escape sequence. C0 controls U+0000..U+001F become
/// the Control Pictures U+2400..U+241F ("␛" for ESC, "␍" for CR), DEL becomes "␡"
/// (U+2421), C1 controls U+0080..U+009F become the six ASCII characters "\u0085" (upper-case
/// hex), and each byte that is not part of valid UTF-8 becomes "\xNN". Everything else is
/// kept byte for byte; text without such characters comes back unchanged.
[[nodiscard]] std::string show_control_characters(std::string_view s);

}  // namespace casebook::core
