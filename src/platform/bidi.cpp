#include "platform/bidi.hpp"

#include <fribidi.h>

#include <vector>

#include "core/utf8.hpp"

namespace casebook::platform {

namespace {

/// Right-to-left blocks: Hebrew to N'Ko and the Samaritan-to-Arabic Extended range
/// (U+0590-U+08FF), and the Hebrew and Arabic presentation forms.
bool right_to_left(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

}  // namespace

bool has_right_to_left(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0xD6) {  // ASCII, continuation bytes and lead bytes below U+0580: nothing to decode
      ++i;
      continue;
    }
    const core::Utf8Char ch = core::decode_utf8_at(text, i);
    if (ch.valid && right_to_left(ch.code_point)) return true;
    i += ch.length == 0 ? 1 : ch.length;
  }
  return false;
}

std::string display_order(std::string_view line) {
  if (!has_right_to_left(line)) return std::string(line);
  std::u32string logical = core::decode_utf8(line, core::InvalidUtf8::Replace);
  const auto len = static_cast<FriBidiStrIndex>(logical.size());
  std::vector<FriBidiChar> in(logical.begin(), logical.end());
  std::vector<FriBidiChar> visual(logical.size() + 1, 0);
  FriBidiParType direction = FRIBIDI_PAR_ON;  // from the first strong character
  if (fribidi_log2vis(in.data(), len, &direction, visual.data(), nullptr, nullptr, nullptr) == 0)
    return std::string(line);  // FriBidi failed (out of memory): the logical order is still readable
  std::u32string out;
  out.reserve(logical.size());
  for (FriBidiStrIndex i = 0; i < len; ++i) {
    // Shaping turns a lam-alef pair into one ligature and leaves a filler (U+FEFF) behind.
    const auto c = static_cast<char32_t>(visual[static_cast<std::size_t>(i)]);
    if (c != 0xFEFF) out.push_back(c);
  }
  return core::encode_utf8(out);
}

}  // namespace casebook::platform
