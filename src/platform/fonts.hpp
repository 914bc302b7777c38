// Fonts for the GUI: finds DejaVu Sans (and fallbacks for missing scripts) through
// fontconfig and bakes an ImGui atlas at the window's content scale.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <imgui.h>

namespace casebook::platform {

/// The faces the screens use. Pointers belong to ImGui's font atlas.
struct FontSet {
  ImFont* body = nullptr;     ///< regular text
  ImFont* bold = nullptr;     ///< emphasis, labels
  ImFont* prompt = nullptr;   ///< the question prompt (1.2 x body)
  ImFont* heading = nullptr;  ///< screen titles and verdicts (1.5 x body, bold)
  float body_px = 0.0f;       ///< body size in framebuffer pixels
};

/// Path of the font file fontconfig picks for `family` (bold or regular). Falls back to
/// well-known Debian paths; empty when nothing is found.
[[nodiscard]] std::string find_font_file(const std::string& family, bool bold);

/// Keeps the glyph-range tables alive for as long as the atlas may be (re)built.
class FontBuilder {
 public:
  /// `content` are code points the content uses (e.g. Controller::used_code_points()); code
  /// points outside the Basic Multilingual Plane are ignored (ImGui 1.86 uses 16-bit ImWchar).
  explicit FontBuilder(std::vector<char32_t> content = {});

  /// Replaces the content's code points; the next build() uses them. Returns whether the
  /// atlas would change: false when every new code point is baked already (a Greek name typed
  /// after its first letter brought the whole alphabet), so the caller can skip a rebuild. Then
  /// nothing is looked up (fontconfig) and requested() stays as it was, glyphs no longer used
  /// included, until a new code point needs a rebuild.
  bool set_code_points(std::vector<char32_t> content);

  /// Clears `atlas` and adds the four faces at `scale` x the base size of 17 px. Code points
  /// DejaVu Sans lacks are merged from whatever installed font fontconfig says covers them
  /// (Noto first; collections such as Noto Sans CJK's .ttc by face index). The atlas is built later by the renderer backend, its height only as
  /// tall as the glyphs need (not rounded up to a power of two).
  [[nodiscard]] FontSet build(ImFontAtlas& atlas, float scale);

  /// The code points the last build() asked for, ascending: those DejaVu Sans has among the
  /// screens' own characters and the alphabets the content uses (whole: a learner may type
  /// their other letters), and every content code point (printable, BMP) whatever the font.
  [[nodiscard]] const std::vector<char32_t>& requested() const { return m_requested; }
  /// How many requested() code points `font` (built) has no glyph for, fallbacks included.
  [[nodiscard]] std::size_t count_missing(const ImFont& font) const;

 private:
  void prepare();
  std::vector<char32_t> m_content;
  bool m_prepared = false;
  std::string m_regular_file, m_bold_file;
  std::vector<char32_t> m_requested;
  std::vector<ImWchar> m_ranges;                  ///< zero-terminated pairs
  struct Fallback {
    std::string file;
    int index = 0;                                ///< face in a collection (.ttc), else 0
    std::vector<ImWchar> ranges;                  ///< zero-terminated pairs
  };
  std::vector<Fallback> m_fallbacks;
  /// The bytes of `file`, read on first use and kept (the atlas points into them); empty when
  /// it cannot be read.
  const std::vector<unsigned char>& file_data(const std::string& file);
  std::map<std::string, std::vector<unsigned char>> m_files;
};

/// Base font size in pixels at content scale 1.
inline constexpr float kBaseFontPx = 17.0f;

}  // namespace casebook::platform
