// Tests for BCP 47 language tags (core/bcp47.hpp): the syntax of RFC 5646 section 2.1 and the
// suggestions a bank author gets for the usual slips.
#include "core/bcp47.hpp"

#include <gtest/gtest.h>

namespace core = casebook::core;

TEST(Bcp47, AcceptsWellFormedTags) {
  for (const char* tag : {"en", "de", "en-US", "EN-us", "zh-Hant", "zh-Hant-TW", "sr-Latn-RS", "es-419", "gsw",
                          "sl-rozaj-biske", "de-CH-1901", "en-a-bbb-x-a-ccc", "x-whatever", "i-klingon",
                          "zh-min-nan", "en-GB-oed", "hy-Latn-IT-arevela", "ar-afb-Arab-AE", "und", "tlh",
                          // well-formed, though not registered: a 5-8 letter language and an 8-letter variant
                          "english-language"}) {
    EXPECT_TRUE(core::is_bcp47_tag(tag)) << tag;
  }
}

TEST(Bcp47, RefusesMalformedTags) {
  for (const char* tag : {"", "en_US", "e", "en-", "-en", "englishlanguage", "en-US-", "en--US", "de-419-DE",
                          "en-a", "en-a-b-c", "sl-rozaj-rozaj", "en-a-bbb-a-ccc", "x", "x-", "123", "en US",
                          "en-Latn-Latn-US", "ab-abcdefghi", "zh-\xC3\xA9"}) {
    EXPECT_FALSE(core::is_bcp47_tag(tag)) << tag;
  }
}

TEST(Bcp47, SuggestsTheTagAnAuthorMeant) {
  EXPECT_EQ(core::suggest_bcp47_tag("en_US"), "en-US");
  EXPECT_EQ(core::suggest_bcp47_tag("en_us"), "en-US");
  EXPECT_EQ(core::suggest_bcp47_tag("zh_hant_tw"), "zh-Hant-TW");
  EXPECT_EQ(core::suggest_bcp47_tag("pt BR"), "pt-BR");
  EXPECT_EQ(core::suggest_bcp47_tag("de-"), "de");
  EXPECT_EQ(core::suggest_bcp47_tag("en-US"), std::nullopt);  // already right
  EXPECT_EQ(core::suggest_bcp47_tag("english"), std::nullopt);  // 7 letters: a well-formed tag already
  EXPECT_EQ(core::suggest_bcp47_tag("engl1sh"), std::nullopt);  // nothing close
}
