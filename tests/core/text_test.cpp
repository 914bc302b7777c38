// Shared text helpers: trimming ASCII white space, blank checks with invisible Unicode spaces,
// control characters made visible.
#include <gtest/gtest.h>

#include <string>

#include "core/text.hpp"

namespace {

using casebook::core::is_blank;
using casebook::core::trim_ascii_space;

TEST(TrimAsciiSpace, RemovesTheSixAsciiSpacesAtBothEnds) {
  EXPECT_EQ(trim_ascii_space(" \t\r\n\v\fa b\f\v\n\r\t "), "a b");
  EXPECT_EQ(trim_ascii_space("a  b"), "a  b");  // inner space kept
  EXPECT_EQ(trim_ascii_space(""), "");
  EXPECT_EQ(trim_ascii_space(" \t\r\n\v\f"), "");
  EXPECT_EQ(trim_ascii_space(std::string("\0x", 2)), std::string("\0x", 2));  // NUL is not space
}

TEST(TrimAsciiSpace, KeepsNonAsciiSpaces) {
  // A no-break space (U+00A0) and an ideographic space (U+3000) are not ASCII white space.
  EXPECT_EQ(trim_ascii_space("\u00A0x\u3000 "), "\u00A0x\u3000");
  EXPECT_EQ(trim_ascii_space(" \xC3\xA9 "), "\xC3\xA9");  // é stays whole
}

TEST(IsBlank, AsciiWhiteSpaceAndEmpty) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\r\n\v\f"));
  EXPECT_FALSE(is_blank(" x "));
  EXPECT_FALSE(is_blank("."));
}

TEST(IsBlank, InvisibleUnicodeSpaces) {
  for (const char* sp : {"\u00A0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007",
                         "\u2008", "\u2009", "\u200A", "\u200B", "\u202F", "\u205F", "\u3000", "\uFEFF"}) {
    EXPECT_TRUE(is_blank(sp)) << sp;
    EXPECT_TRUE(is_blank(std::string(" ") + sp + "\t")) << sp;
    EXPECT_FALSE(is_blank(std::string(sp) + "a")) << sp;
  }
  // Neighbours of the list are visible or not spaces: U+200C (ZWNJ), U+2028 (line separator).
  EXPECT_FALSE(is_blank("\u200C"));
  EXPECT_FALSE(is_blank("\u2028"));
  // A truncated sequence is not blank.
  EXPECT_FALSE(is_blank("\xE2\x80"));
}

}  // namespace

// Untrusted text (bank strings, learner names) printed to a terminal: no control character
// other than newline and tab reaches the terminal.
TEST(ShowControlCharacters, KeepsOrdinaryTextNewlinesAndTabs) {
  using casebook::core::show_control_characters;
  EXPECT_EQ(show_control_characters(""), "");
  EXPECT_EQ(show_control_characters("Plain text\nline two\tcolumn"), "Plain text\nline two\tcolumn");
  EXPECT_EQ(show_control_characters("«ФСБ» – 東京 ✓ 😀"), "«ФСБ» – 東京 ✓ 😀");
  EXPECT_EQ(show_control_characters("\u00A0\u00FF\u0100"), "\u00A0\u00FF\u0100");  // just past C1: kept
}

TEST(ShowControlCharacters, C0AndDelBecomeControlPictures) {
  using casebook::core::show_control_characters;
  // ESC [ 2 J (clear screen), ESC ] 0 ; title BEL (window title), CR, backspace, NUL, DEL.
  EXPECT_EQ(show_control_characters("a\x1b[2Jb"), "a\u241B[2Jb");
  EXPECT_EQ(show_control_characters("\x1b]0;pwned\x07"), "\u241B]0;pwned\u2407");
  EXPECT_EQ(show_control_characters("over\rwrite\b"), "over\u240Dwrite\u2408");
  EXPECT_EQ(show_control_characters(std::string("x\0y", 3)), "x\u2400y");
  EXPECT_EQ(show_control_characters("\x1f\x7f"), "\u241F\u2421");
}

TEST(ShowControlCharacters, C1ControlsAndInvalidBytesBecomeAsciiEscapes) {
  using casebook::core::show_control_characters;
  // U+009B is CSI and U+009D OSC for terminals that take 8-bit controls; U+0085 NEL.
  EXPECT_EQ(show_control_characters("a\u009B2Jb"), "a\\u009B2Jb");
  EXPECT_EQ(show_control_characters("\u0080\u0085\u009D\u009F"), "\\u0080\\u0085\\u009D\\u009F");
  // Bytes that are not UTF-8: a lone 0x9B (raw CSI), a truncated sequence, a surrogate.
  EXPECT_EQ(show_control_characters("a\x9b" "2J"), "a\\x9B2J");
  EXPECT_EQ(show_control_characters("\xE2\x90"), "\\xE2\\x90");
  EXPECT_EQ(show_control_characters("\xED\xA0\x80"), "\\xED\\xA0\\x80");
  // Nothing that is escaped survives as a raw control byte.
  const std::string out = show_control_characters("\x1b\x9b\u009b\x07\x7f\r");
  for (const char c : out) {
    const auto b = static_cast<unsigned char>(c);
    EXPECT_FALSE(b < 0x20 || b == 0x7F) << "raw control byte " << int(b);
  }
}

TEST(AsciiLower, LowersOnlyAsciiLettersAndKeepsUtf8) {
  EXPECT_EQ(casebook::core::ascii_lower(".XLSX"), ".xlsx");
  EXPECT_EQ(casebook::core::ascii_lower("Report.XAPI.Json"), "report.xapi.json");
  // Ä (C3 84) and the Turkish dotted İ (C4 B0) are not ASCII: byte for byte the same.
  EXPECT_EQ(casebook::core::ascii_lower("\u00C4BC-\u0130D"), "\u00C4bc-\u0130d");
  EXPECT_EQ(casebook::core::ascii_lower(""), "");
  EXPECT_EQ(casebook::core::ascii_lower("@[`{"), "@[`{");  // the bytes next to A-Z are kept
}

TEST(OnOneLine, LineBreaksAndTabsBecomeOneSpaceEach) {
  EXPECT_EQ(casebook::core::on_one_line("a\nb\r\nc\td"), "a b  c d");
  EXPECT_EQ(casebook::core::on_one_line("\u2028kept"), "\u2028kept");  // only the three ASCII controls
  const std::string text = "x\ny";
  EXPECT_EQ(casebook::core::on_one_line(text).size(), text.size());  // offsets kept
}

TEST(Counted, SingularOnlyForOne) {
  EXPECT_EQ(casebook::core::counted(1, "review"), "1 review");
  EXPECT_EQ(casebook::core::counted(0, "review"), "0 reviews");
  EXPECT_EQ(casebook::core::counted(21, "card"), "21 cards");
}
