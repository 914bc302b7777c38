// platform::FontBuilder without a window: which code points an atlas bakes for given content,
// that a script DejaVu Sans lacks comes from a fallback font, and that new content (banks
// reloaded) changes the next build. ImFontAtlas::Build runs on the CPU; no GL needed.
#include "platform/fonts.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
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

}  // namespace
}  // namespace casebook::platform
