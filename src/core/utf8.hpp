// Walking UTF-8 text one code point at a time (decoding by utf8proc_iterate), counting code
// points, cutting at character boundaries and repairing ill-formed text. The one UTF-8 decoder
// of the project outside the GUI.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace casebook::core {

/// U+FFFD REPLACEMENT CHARACTER, what ill-formed bytes become when text is repaired.
inline constexpr char32_t kReplacementCharacter = U'\uFFFD';

/// One step of a walk over UTF-8 text.
struct Utf8Char {
  /// The code point; kReplacementCharacter when `valid` is false.
  char32_t code_point = kReplacementCharacter;
  /// Bytes taken: 1-4 for a well-formed sequence; for an ill-formed one, the length of its
  /// maximal ill-formed subpart (Unicode 15, section 3.9, "U+FFFD substitution of maximal
  /// subparts"): a stray continuation byte, an overlong form, a surrogate, a value above
  /// U+10FFFF or a truncated sequence. Every byte of that subpart is a lead byte that cannot
  /// start a sequence or a continuation byte, so the walk never skips a well-formed character.
  std::size_t length = 1;
  bool valid = false;
};

/// The character that starts at byte `pos` of `text` (pos < text.size()). Well-formed means
/// Table 3-7 of the Unicode Standard (no overlong forms, surrogates or values above U+10FFFF),
/// as utf8proc_iterate checks it.
[[nodiscard]] Utf8Char decode_utf8_at(std::string_view text, std::size_t pos);

/// What to do with ill-formed bytes when text is decoded.
enum class InvalidUtf8 {
  Skip,     ///< leave them out
  Replace,  ///< one U+FFFD per ill-formed byte (what the study screen and review log store)
};

/// The code points of `text`, ill-formed bytes skipped or replaced as `invalid` says.
[[nodiscard]] std::u32string decode_utf8(std::string_view text, InvalidUtf8 invalid);

/// Appends the UTF-8 bytes of `cp` (utf8proc_encode_char; nothing for a value that is not a
/// Unicode scalar value).
void append_utf8(std::string& out, char32_t cp);

/// The UTF-8 text of `code_points` (as append_utf8 each).
[[nodiscard]] std::string encode_utf8(std::u32string_view code_points);

/// `text` with every maximal ill-formed subpart replaced by one U+FFFD, so that the result is
/// valid UTF-8 ("a\x80z" -> "a\uFFFDz"; a truncated "\xE2\x82" -> one U+FFFD).
[[nodiscard]] std::string valid_utf8(std::string_view text);

/// True when `text` is well-formed UTF-8 throughout.
[[nodiscard]] bool is_valid_utf8(std::string_view text);

/// Number of characters of `text`: code points, each maximal ill-formed subpart counting as
/// one. This is the column width a text editor or toml++ counts.
[[nodiscard]] std::size_t code_point_count(std::string_view text);

/// The byte offset just after the first `count` characters of `text` (as code_point_count
/// counts them); text.size() when it has fewer.
[[nodiscard]] std::size_t utf8_offset(std::string_view text, std::size_t count);

/// The length of the longest prefix of `text` of at most `max_bytes` bytes that ends at a
/// character boundary, so that text.substr(0, utf8_cut(text, n)) never splits a character.
[[nodiscard]] std::size_t utf8_cut(std::string_view text, std::size_t max_bytes);

/// `text` mapped by utf8proc_map with `utf8proc_options` (UTF8PROC_* flags: normalization,
/// case folding, mark stripping...); `text` unchanged when utf8proc refuses it (ill-formed).
[[nodiscard]] std::string map_utf8(std::string_view text, int utf8proc_options);

/// `text` in Unicode NFC (canonical composition: "e" + combining acute becomes "é"), as
/// map_utf8(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE); ASCII text is returned as it is,
/// without calling utf8proc (it is its own NFC).
[[nodiscard]] std::string nfc(std::string_view text);

/// True for a white-space code point: tab, line feed, vertical tab, form feed, carriage
/// return, U+0085 (next line) and Unicode's space, line and paragraph separators (Zs, Zl, Zp:
/// the no-break spaces included).
[[nodiscard]] bool is_white_space(char32_t cp);

/// `text` as a reader sees it on screen, to find texts that look the same but differ: Unicode
/// NFC (a precomposed "é" and "e" + combining accent become one), default-ignorable characters
/// dropped (zero-width space, soft hyphen, joiners, bidi marks: utf8proc's UTF8PROC_IGNORE),
/// every run of white space (tabs, line breaks, no-break and other spaces) one ' ', none at
/// either end. Case, punctuation and letters of other scripts that look alike are kept. Text
/// that is ASCII with single inner spaces is returned as it is; ill-formed bytes become U+FFFD.
[[nodiscard]] std::string as_seen(std::string_view text);

}  // namespace casebook::core
