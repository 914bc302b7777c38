// platform::FontBuilder without a window: which code points an atlas bakes for given content,
// that a script DejaVu Sans lacks comes from a fallback font (a .ttc collection too, for CJK),
// that Arabic is baked in the joined forms the screens draw, and that new content (banks
// reloaded) changes the next build. ImFontAtlas::Build runs on the CPU; no GL needed.
#include "platform/fonts.hpp"

#include <gtest/gtest.h>

#include "platform/bidi.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <filesystem>
#include <ios>
#include <string>
#include <vector>

namespace casebook::platform {
namespace {

bool has(const std::vector<char32_t>& v, char32_t c) {
  return std::binary_search(v.begin(), v.end(), c);
}

/// Builds `atlas` for `builder` at scale 1; returns the body face.
const ImFont& build(FontBuilder& builder, ImFontAtlas& atlas) {
  const FontSet set = builder.build(atlas, 1.0f);
  EXPECT_TRUE(atlas.Build());
  return *set.body;
}

TEST(FontBuilder, BakesTheScreensCharactersAndTheAlphabetsInUse) {
  if (find_font_file("DejaVu Sans", false).empty()) GTEST_SKIP() << "DejaVu Sans not installed";
  FontBuilder builder;
  ImFontAtlas atlas;
  const ImFont& body = build(builder, atlas);
  const auto& requested = builder.requested();
  EXPECT_TRUE(has(requested, U'A') && has(requested, U'é') && has(requested, U'ł') &&
              has(requested, U'✓'));
  EXPECT_FALSE(has(requested, U'Ж'));  // no bank uses Cyrillic
  EXPECT_EQ(builder.count_missing(body), 0U);
  const int height_without = atlas.TexHeight;
  EXPECT_NE(height_without & (height_without - 1), 0) << "height rounded up to a power of two";

  // One Cyrillic letter in the content brings the whole alphabet (a learner types the rest).
  builder.set_code_points({U'Д'});
  const ImFont& body2 = build(builder, atlas);
  EXPECT_TRUE(has(builder.requested(), U'Д') && has(builder.requested(), U'Ж') &&
              has(builder.requested(), U'ё'));
  EXPECT_FALSE(has(builder.requested(), U'λ'));  // Greek is not in use
  EXPECT_EQ(builder.count_missing(body2), 0U);
  EXPECT_GT(atlas.TexHeight, height_without);
}

TEST(FontBuilder, ScriptsDejaVuLacksComeFromAFallbackFont) {
  if (find_font_file("DejaVu Sans", false).empty() ||
      !std::filesystem::exists("/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf"))
    GTEST_SKIP() << "DejaVu Sans or Noto Sans Ethiopic (fonts-noto-core) not installed";
  const std::u32string ethiopic = U"የኢትዮጵያ ፌዴራል ፖሊስ";  // Ethiopian Federal Police
  FontBuilder builder;
  ImFontAtlas atlas;
  const ImFont& before = build(builder, atlas);
  EXPECT_EQ(before.FindGlyphNoFallback(static_cast<ImWchar>(U'የ')), nullptr);

  builder.set_code_points(std::vector<char32_t>(ethiopic.begin(), ethiopic.end()));
  const ImFont& after = build(builder, atlas);
  for (char32_t c : ethiopic) {
    EXPECT_TRUE(has(builder.requested(), c)) << static_cast<unsigned>(c);
    EXPECT_NE(after.FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
        << static_cast<unsigned>(c);
  }
  EXPECT_EQ(builder.count_missing(after), 0U);

  // A character no installed font has is requested and reported missing.
  builder.set_code_points({0xFDD0});  // a noncharacter
  EXPECT_EQ(builder.count_missing(build(builder, atlas)), 1U);
}

TEST(FontBuilder, ChineseJapaneseAndKoreanNamesComeFromTheNotoCjkCollection) {
  const char* cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  if (find_font_file("DejaVu Sans", false).empty() || !std::filesystem::exists(cjk))
    GTEST_SKIP() << "DejaVu Sans or Noto Sans CJK (fonts-noto-cjk) not installed";
  // 王秀英 (Chinese), 佐藤はなこ (Japanese: kanji and hiragana), 김민준 (Korean hangul).
  const std::u32string names = U"王秀英佐藤はなこ김민준";
  FontBuilder builder(std::vector<char32_t>(names.begin(), names.end()));
  ImFontAtlas atlas;
  const ImFont& body = build(builder, atlas);
  for (char32_t c : names) {
    const ImFontGlyph* g = body.FindGlyphNoFallback(static_cast<ImWchar>(c));
    ASSERT_NE(g, nullptr) << static_cast<unsigned>(c);
    EXPECT_TRUE(g->Visible) << static_cast<unsigned>(c);  // outlines drawn, not an empty box
    // Ideographs and kana are one em wide (hangul 0.92 em in this font), as DejaVu Sans's em dash
    // is one em: the fallback face is scaled to the main face's em, not to its own taller line
    // height (unscaled, they were 0.8 em).
    const float em = body.FindGlyphNoFallback(0x2014)->AdvanceX;
    if (c < 0xAC00) EXPECT_NEAR(g->AdvanceX, em, 0.5f) << static_cast<unsigned>(c);
    else EXPECT_NEAR(g->AdvanceX, 0.92f * em, 0.5f) << static_cast<unsigned>(c);
  }
  EXPECT_EQ(builder.count_missing(body), 0U);
}

TEST(FontBuilder, ArabicIsBakedInTheJoinedFormsTheScreensDraw) {
  if (find_font_file("DejaVu Sans", false).empty()) GTEST_SKIP() << "DejaVu Sans not installed";
  const std::string name = "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 \xD8\xA8\xD9\x8A\xD8\xAA";  // سلام بيت
  const std::u32string logical = core::decode_utf8(name, core::InvalidUtf8::Skip);
  FontBuilder builder(std::vector<char32_t>(logical.begin(), logical.end()));
  ImFontAtlas atlas;
  const ImFont& body = build(builder, atlas);
  const std::u32string drawn = core::decode_utf8(platform::display_order(name), core::InvalidUtf8::Skip);
  ASSERT_NE(drawn, logical);
  for (char32_t c : drawn) {
    EXPECT_TRUE(has(builder.requested(), c)) << std::hex << static_cast<unsigned>(c);
    EXPECT_NE(body.FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr) << std::hex << static_cast<unsigned>(c);
  }
  // The other forms are baked too: a learner may type any Arabic name.
  EXPECT_TRUE(has(builder.requested(), 0xFEE0) && has(builder.requested(), 0xFE8E));  // lam medial, alef final
  EXPECT_EQ(builder.count_missing(body), 0U);
}

TEST(FontBuilder, ContentAlreadyBakedNeedsNoRebuild) {
  if (find_font_file("DejaVu Sans", false).empty()) GTEST_SKIP() << "DejaVu Sans not installed";
  FontBuilder builder({U'Д'});
  ImFontAtlas atlas;
  build(builder, atlas);
  const std::vector<char32_t> first = builder.requested();
  ASSERT_TRUE(has(first, U'Ж'));
  // More letters of the alphabet in use, or fewer characters: nothing new to bake.
  EXPECT_FALSE(builder.set_code_points({U'Ж', U'ё', U'A'}));
  EXPECT_FALSE(builder.set_code_points({}));
  EXPECT_EQ(builder.requested(), first);  // the Cyrillic glyphs stay baked
  // A letter of another alphabet: its whole alphabet is requested, Cyrillic no longer.
  EXPECT_TRUE(builder.set_code_points({U'λ'}));
  EXPECT_TRUE(has(builder.requested(), U'Ω'));
  EXPECT_FALSE(has(builder.requested(), U'Ж'));
}

}  // namespace
}  // namespace casebook::platform
