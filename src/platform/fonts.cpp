#include "platform/fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <utility>

// Only to read a face's vertical metrics; static, so it cannot clash with the copies inside
// Debian's libstb and libimgui.
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_truetype.h>

namespace casebook::platform {
namespace {

// What every screen needs, whatever the banks contain (inclusive pairs): the screens' own
// characters, and the Latin letters a learner may type in an answer (names included).
constexpr ImWchar kBaseRanges[][2] = {
    {0x0020, 0x00FF},  // Basic Latin, Latin-1 Supplement (incl. ¶ « » · ±)
    {0x0100, 0x017F},  // Latin Extended-A
    {0x2000, 0x206F},  // General Punctuation (– — ’ “ ” … •)
    {0x20A0, 0x20BF},  // Currency symbols (€ ₽)
    {0x2116, 0x2116},  // numero sign
    {0x2190, 0x21FF},  // Arrows
    {0x2212, 0x2212},  // minus sign
    {0x25A0, 0x25FF},  // Geometric shapes (● ○ ▲ ▼ ◂)
    {0x2713, 0x2718},  // check and cross marks
};

// Alphabets baked whole once the content uses one of their letters, so that a learner can
// type the letters the banks do not happen to contain. Other content characters (syllabaries,
// ideographs) are baked one by one.
constexpr ImWchar kAlphabetBlocks[][2] = {
    {0x0180, 0x024F},  // Latin Extended-B
    {0x0370, 0x03FF},  // Greek and Coptic
    {0x0400, 0x04FF},  // Cyrillic
    {0x0500, 0x052F},  // Cyrillic Supplement
    {0x0530, 0x058F},  // Armenian
    {0x0590, 0x05FF},  // Hebrew
    {0x0600, 0x06FF},  // Arabic (drawn as presentation forms: kArabicForms)
    {0x10A0, 0x10FF},  // Georgian
    {0x1E00, 0x1EFF},  // Latin Extended Additional
    {0x1F00, 0x1FFF},  // Greek Extended
};

// Arabic letters are drawn as their joined presentation forms (platform::display_order), so
// these are baked whole, as far as the main font has them, once the content uses Arabic.
constexpr ImWchar kArabicForms[][2] = {
    {0xFB50, 0xFDFF},  // Arabic Presentation Forms-A (Persian and Urdu letters, ligatures)
    {0xFE70, 0xFEFF},  // Arabic Presentation Forms-B
};

/// Whether code point `c` can be in the atlas: printable and in the Basic Multilingual Plane
/// (ImGui 1.86's ImWchar is 16 bits), not a surrogate.
bool bakeable(char32_t c) { return c >= 0x20 && c <= 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF); }

bool file_exists(const std::string& p) {
  std::error_code ec;
  return !p.empty() && std::filesystem::exists(p, ec);
}

// Collapses sorted unique code points into zero-terminated ImGui range pairs.
std::vector<ImWchar> to_ranges(const std::vector<char32_t>& sorted) {
  std::vector<ImWchar> out;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
    out.push_back(static_cast<ImWchar>(sorted[i]));
    out.push_back(static_cast<ImWchar>(sorted[j]));
    i = j + 1;
  }
  out.push_back(0);
  return out;
}

// The character set of the font file fontconfig resolves for this pattern, or nullptr.
FcCharSet* charset_of_file(const std::string& file) {
  int count = 0;
  FcBlanks* blanks = nullptr;
  FcPattern* pat = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.c_str()), 0, blanks, &count);
  if (pat == nullptr) return nullptr;
  FcCharSet* cs = nullptr;
  FcCharSet* copy = nullptr;
  if (FcPatternGetCharSet(pat, FC_CHARSET, 0, &cs) == FcResultMatch) copy = FcCharSetCopy(cs);
  FcPatternDestroy(pat);
  return copy;
}

// The em size of face `index` of a font file's bytes per pixel of the size ImGui is given,
// which is the height from the lowest descender to the highest ascender (stbtt_ScaleForPixelHeight:
// hhea ascent - descent). DejaVu Sans: 2048 / (1901 + 483) = 0.86; Noto Sans CJK: 1000 / 1448 = 0.69.
// 0 when stb_truetype cannot read the face.
float em_per_pixel_height(const std::vector<unsigned char>& data, int index) {
  if (data.empty()) return 0.0f;
  const int offset = stbtt_GetFontOffsetForIndex(data.data(), index);
  stbtt_fontinfo info;
  if (offset < 0 || stbtt_InitFont(&info, data.data(), offset) == 0) return 0.0f;
  const float em = stbtt_ScaleForMappingEmToPixels(&info, 1.0f);
  return em > 0.0f ? stbtt_ScaleForPixelHeight(&info, 1.0f) / em : 0.0f;
}

}  // namespace

std::string find_font_file(const std::string& family, bool bold) {
  std::string found;
  if (FcInit()) {
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pat, FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pat, &result);
    if (match != nullptr) {
      FcChar8* file = nullptr;
      if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
        std::string path = reinterpret_cast<const char*>(file);
        const auto ext = std::filesystem::path(path).extension().string();
        if (ext == ".ttf" || ext == ".otf" || ext == ".TTF") found = path;
      }
      FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
  }
  if (file_exists(found)) return found;
  const char* fallbacks[] = {
      bold ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
           : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      bold ? "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"
           : "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
      bold ? "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf" : "/usr/share/fonts/TTF/DejaVuSans.ttf",
  };
  for (const char* f : fallbacks)
    if (file_exists(f)) return f;
  return {};
}

FontBuilder::FontBuilder(std::vector<char32_t> content) : m_content(std::move(content)) {}

bool FontBuilder::set_code_points(std::vector<char32_t> content) {
  m_content = std::move(content);
  // Every character requested already (a reload of the same banks, a typed letter of an
  // alphabet in use): no font look-up and no rebuild; glyphs no longer used stay baked until
  // a change needs a rebuild.
  if (m_prepared && std::all_of(m_content.begin(), m_content.end(), [&](char32_t c) {
        return !bakeable(c) || std::binary_search(m_requested.begin(), m_requested.end(), c);
      })) {
    return false;
  }
  const std::vector<char32_t> before = std::move(m_requested);
  m_prepared = false;
  prepare();
  return m_requested != before;
}

std::size_t FontBuilder::count_missing(const ImFont& font) const {
  const auto lacks = [&font](char32_t c) {
    return font.FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr;
  };
  return static_cast<std::size_t>(std::count_if(m_requested.begin(), m_requested.end(), lacks));
}

void FontBuilder::prepare() {
  if (m_prepared) return;
  m_prepared = true;
  if (m_regular_file.empty()) {
    m_regular_file = find_font_file("DejaVu Sans", false);
    m_bold_file = find_font_file("DejaVu Sans", true);
    if (m_bold_file.empty()) m_bold_file = m_regular_file;
  }
  m_fallbacks.clear();

  std::set<char32_t> content;
  for (char32_t c : m_content)
    if (bakeable(c)) content.insert(c);
  std::set<char32_t> wanted = content;
  for (const auto& r : kBaseRanges)
    for (char32_t c = r[0]; c <= r[1]; ++c) wanted.insert(c);
  for (const auto& r : kAlphabetBlocks) {
    if (content.lower_bound(r[0]) == content.upper_bound(r[1])) continue;  // not in use
    for (char32_t c = r[0]; c <= r[1]; ++c) wanted.insert(c);
    if (r[0] != 0x0600) continue;
    for (const auto& forms : kArabicForms)
      for (char32_t c = forms[0]; c <= forms[1]; ++c) wanted.insert(c);
  }

  // Which wanted code points does the main font lack? Those go to fallbacks.
  std::vector<char32_t> main_cps, missing;
  FcCharSet* main_cs = m_regular_file.empty() ? nullptr : charset_of_file(m_regular_file);
  for (char32_t c : wanted) {
    if (main_cs == nullptr || FcCharSetHasChar(main_cs, c)) {
      main_cps.push_back(c);
    } else if (content.count(c) != 0U) {
      missing.push_back(c);  // only content characters are worth a fallback font
    }
  }
  if (main_cs != nullptr) FcCharSetDestroy(main_cs);
  m_ranges = to_ranges(main_cps);
  m_requested = main_cps;
  m_requested.insert(m_requested.end(), missing.begin(), missing.end());
  std::sort(m_requested.begin(), m_requested.end());

  if (missing.empty() || !FcInit()) return;
  // Ask fontconfig for fonts covering the missing characters, Noto Sans preferred.
  FcCharSet* need = FcCharSetCreate();
  for (char32_t c : missing) FcCharSetAddChar(need, c);
  FcPattern* pat = FcPatternCreate();
  FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>("Noto Sans"));
  FcPatternAddCharSet(pat, FC_CHARSET, need);
  FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result = FcResultNoMatch;
  FcFontSet* sorted = FcFontSort(nullptr, pat, FcTrue, nullptr, &result);
  // A face is a file and, in a collection (.ttc: Noto Sans CJK is one), the face's index.
  using Face = std::pair<std::string, int>;
  std::map<Face, std::vector<char32_t>> by_face;
  std::vector<Face> order;
  if (sorted != nullptr) {
    std::vector<char32_t> left = missing;
    for (int i = 0; i < sorted->nfont && !left.empty() && order.size() < 6; ++i) {
      FcChar8* file = nullptr;
      FcCharSet* cs = nullptr;
      int index = 0;
      if (FcPatternGetString(sorted->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
      if (FcPatternGetCharSet(sorted->fonts[i], FC_CHARSET, 0, &cs) != FcResultMatch) continue;
      if (FcPatternGetInteger(sorted->fonts[i], FC_INDEX, 0, &index) != FcResultMatch) index = 0;
      std::string path = reinterpret_cast<const char*>(file);
      auto ext = std::filesystem::path(path).extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      // TrueType and OpenType (CFF outlines too), single or collections; not Type 1 or bitmaps.
      if (ext != ".ttf" && ext != ".otf" && ext != ".ttc" && ext != ".otc") continue;
      const Face face{path, index & 0xFFFF};  // the upper bits of FC_INDEX name a variation instance
      std::vector<char32_t> still;
      for (char32_t c : left) {
        if (FcCharSetHasChar(cs, c)) by_face[face].push_back(c);
        else still.push_back(c);
      }
      if (by_face.count(face) != 0U && std::find(order.begin(), order.end(), face) == order.end())
        order.push_back(face);
      left = std::move(still);
    }
    FcFontSetDestroy(sorted);
  }
  FcPatternDestroy(pat);
  FcCharSetDestroy(need);
  for (const auto& f : order) m_fallbacks.push_back({f.first, f.second, to_ranges(by_face[f])});
}

const std::vector<unsigned char>& FontBuilder::file_data(const std::string& file) {
  auto it = m_files.find(file);
  if (it != m_files.end()) return it->second;
  std::vector<unsigned char> bytes;
  std::ifstream in(file, std::ios::binary);
  if (in) bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return m_files.emplace(file, std::move(bytes)).first->second;
}

FontSet FontBuilder::build(ImFontAtlas& atlas, float scale) {
  prepare();
  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  FontSet set;
  set.body_px = kBaseFontPx * scale;

  // Each file is read once and shared by the four faces (a CJK collection is ~20 MB); the
  // atlas does not own the bytes, this builder keeps them.
  auto add_face = [&](const std::string& file, int index, float px, bool merge,
                      const ImWchar* ranges) -> ImFont* {
    const auto& data = file_data(file);
    if (data.empty()) return nullptr;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.FontNo = index;
    cfg.MergeMode = merge;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data.data()), static_cast<int>(data.size()),
                                      px, &cfg, ranges);
  };
  // A fallback face gets the main face's em size, not its line height: Noto Sans CJK's tall
  // ascenders and descenders would otherwise make its ideographs 80 % of the size of the text
  // around them.
  auto add = [&](const std::string& file, float px) -> ImFont* {
    ImFont* font = file.empty() ? nullptr : add_face(file, 0, px, false, m_ranges.data());
    if (font == nullptr) {
      ImFontConfig cfg;
      cfg.SizePixels = px;
      return atlas.AddFontDefault(&cfg);
    }
    const float main_em = em_per_pixel_height(file_data(file), 0);
    for (const auto& fb : m_fallbacks) {
      const float em = em_per_pixel_height(file_data(fb.file), fb.index);
      const float fb_px = main_em > 0.0f && em > 0.0f ? std::round(px * main_em / em) : px;
      add_face(fb.file, fb.index, fb_px, true, fb.ranges.data());
    }
    return font;
  };
  set.body = add(m_regular_file, set.body_px);
  set.bold = add(m_bold_file, set.body_px);
  set.prompt = add(m_regular_file, std::round(set.body_px * 1.2f));
  set.heading = add(m_bold_file, std::round(set.body_px * 1.5f));
  return set;
}

}  // namespace casebook::platform
