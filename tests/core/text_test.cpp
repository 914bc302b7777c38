// Shared text helpers: trimming ASCII white space and blank checks with invisible Unicode spaces.
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
