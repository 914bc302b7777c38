// core/utf8.hpp: decoding, counting, cutting and repairing UTF-8, with ill-formed input of
// every kind Table 3-7 of the Unicode Standard forbids.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <string>

#include "core/utf8.hpp"

namespace casebook::core {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

TEST(Utf8, DecodesEveryLengthOfWellFormedSequence) {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8E\x93";  // a é € 🎓
  Utf8Char c = decode_utf8_at(text, 0);
  EXPECT_TRUE(c.valid);
  EXPECT_EQ(c.code_point, U'a');
  EXPECT_EQ(c.length, 1U);
  c = decode_utf8_at(text, 1);
  EXPECT_EQ(c.code_point, U'\u00E9');
  EXPECT_EQ(c.length, 2U);
  c = decode_utf8_at(text, 3);
  EXPECT_EQ(c.code_point, U'\u20AC');
  EXPECT_EQ(c.length, 3U);
  c = decode_utf8_at(text, 6);
  EXPECT_EQ(c.code_point, U'\U0001F393');
  EXPECT_EQ(c.length, 4U);
  EXPECT_EQ(decode_utf8(text, InvalidUtf8::Skip), U"a\u00E9\u20AC\U0001F393");
  EXPECT_EQ(encode_utf8(U"a\u00E9\u20AC\U0001F393"), text);
  // The limits of the ranges: U+0080, U+07FF, U+0800, U+FFFF, U+10000, U+10FFFF; NUL too.
  EXPECT_EQ(decode_utf8(std::string("\0\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF", 19),
                        InvalidUtf8::Skip),
            (std::u32string{0, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF}));
  EXPECT_TRUE(is_valid_utf8(text));
}

TEST(Utf8, IllFormedSequencesTakeTheirMaximalSubpart) {
  const auto step = [](const std::string& s) {
    const Utf8Char c = decode_utf8_at(s, 0);
    EXPECT_FALSE(c.valid) << s;
    EXPECT_EQ(c.code_point, kReplacementCharacter);
    return c.length;
  };
  EXPECT_EQ(step("\x80z"), 1U);              // stray continuation byte
  EXPECT_EQ(step("\xC0\xAF"), 1U);           // overlong '/': C0 never starts a sequence
  EXPECT_EQ(step("\xC1\xBF"), 1U);           // overlong
  EXPECT_EQ(step("\xE0\x80\xAF"), 1U);       // overlong 3-byte form
  EXPECT_EQ(step("\xF0\x80\x80\xAF"), 1U);   // overlong 4-byte form
  EXPECT_EQ(step("\xED\xA0\x80"), 1U);       // surrogate U+D800
  EXPECT_EQ(step("\xF4\x90\x80\x80"), 1U);   // above U+10FFFF
  EXPECT_EQ(step("\xF5\x80\x80\x80"), 1U);   // F5 never starts a sequence
  EXPECT_EQ(step("\xFF"), 1U);
  EXPECT_EQ(step("\xE2\x82"), 2U);           // truncated €: one subpart
  EXPECT_EQ(step("\xE2\x82x"), 2U);
  EXPECT_EQ(step("\xF0\x9F\x8E"), 3U);       // truncated 🎓
  EXPECT_EQ(step("\xE2x"), 1U);
  EXPECT_FALSE(is_valid_utf8("ok\xED\xBF\xBF"));
}

TEST(Utf8, ValidUtf8ReplacesEachMaximalSubpartOnce) {
  EXPECT_EQ(valid_utf8("plain ascii"), "plain ascii");
  EXPECT_EQ(valid_utf8("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2"), "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2");  // Київ kept
  EXPECT_EQ(valid_utf8("\xF0\x9F\x8E\x93"), "\xF0\x9F\x8E\x93");
  EXPECT_EQ(valid_utf8("a\x80z"), "a" + kFffd + "z");
  EXPECT_EQ(valid_utf8("\xC0\xAF"), kFffd + kFffd);
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), kFffd + kFffd + kFffd);
  EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);
  EXPECT_EQ(valid_utf8("\xE2\x82"), kFffd);
  EXPECT_EQ(valid_utf8("\xE2\x82x"), kFffd + "x");
  // The example of Unicode 15, section 3.9 (Table 3-8): 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64.
  EXPECT_EQ(valid_utf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
            "a" + kFffd + kFffd + kFffd + "b" + kFffd + "c" + kFffd + kFffd + "d");
}

TEST(Utf8, DecodeSkipsOrReplacesEachIllFormedByte) {
  EXPECT_EQ(decode_utf8("ab\xE6\xBC", InvalidUtf8::Skip), U"ab");
  EXPECT_EQ(decode_utf8("ab\xE6\xBC", InvalidUtf8::Replace), U"ab\uFFFD\uFFFD");
  EXPECT_EQ(decode_utf8("\xC0\xAFx", InvalidUtf8::Replace), U"\uFFFD\uFFFDx");
  // Nothing that is not a Unicode scalar value is ever encoded.
  EXPECT_EQ(encode_utf8(std::u32string{U'a', static_cast<char32_t>(0xD800), static_cast<char32_t>(0x110000), U'b'}),
            "ab");
}

TEST(Utf8, CountsOffsetsAndCutsAtCharacterBoundaries) {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8E\x93z";  // a é € 🎓 z: 11 bytes
  EXPECT_EQ(code_point_count(text), 5U);
  EXPECT_EQ(code_point_count(""), 0U);
  EXPECT_EQ(code_point_count("\xE2\x82x\x80"), 3U);  // a subpart counts as one character
  EXPECT_EQ(utf8_offset(text, 0), 0U);
  EXPECT_EQ(utf8_offset(text, 2), 3U);
  EXPECT_EQ(utf8_offset(text, 4), 10U);
  EXPECT_EQ(utf8_offset(text, 99), text.size());
  EXPECT_EQ(utf8_cut(text, 0), 0U);
  EXPECT_EQ(utf8_cut(text, 2), 1U);   // never half of é
  EXPECT_EQ(utf8_cut(text, 3), 3U);
  EXPECT_EQ(utf8_cut(text, 5), 3U);   // never part of €
  EXPECT_EQ(utf8_cut(text, 9), 6U);   // never part of 🎓
  EXPECT_EQ(utf8_cut(text, 10), 10U);
  EXPECT_EQ(utf8_cut(text, 100), text.size());
  EXPECT_EQ(utf8_cut("ab\x80\x80", 3), 3U);  // ill-formed bytes are one byte each
}

TEST(Utf8, MapUtf8RunsUtf8procAndKeepsWhatItRefuses) {
  // "ÉTÉ" case-folded and composed: "été"; "é" as e + U+0301 composed to one code point.
  EXPECT_EQ(map_utf8("\xC3\x89T\xC3\x89", UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD),
            "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(map_utf8("e\xCC\x81", UTF8PROC_STABLE | UTF8PROC_COMPOSE), "\xC3\xA9");
  EXPECT_EQ(map_utf8("bad \xFF", UTF8PROC_STABLE | UTF8PROC_COMPOSE), "bad \xFF");
}

TEST(Utf8, NfcComposesAndLeavesAsciiAsItIs) {
  EXPECT_EQ(nfc("Pe\xCC\x81rez"), "P\xC3\xA9rez");  // e + U+0301 -> U+00E9
  EXPECT_EQ(nfc("P\xC3\xA9rez"), "P\xC3\xA9rez");
  EXPECT_EQ(nfc("plain  ASCII\t"), "plain  ASCII\t");  // white space untouched
  EXPECT_EQ(nfc(""), "");
  // The same as utf8proc's own NFC on text that needs it, ill-formed bytes kept.
  for (const std::string t : {"A\xCC\x8A", "\xE1\x84\x80\xE1\x85\xA1", "x\xFF", "\xEF\xAC\x81"}) {
    EXPECT_EQ(nfc(t), map_utf8(t, UTF8PROC_STABLE | UTF8PROC_COMPOSE)) << t;
  }
}

}  // namespace
}  // namespace casebook::core
