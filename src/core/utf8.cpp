// UTF-8 walking on utf8proc (see utf8.hpp).
#include "core/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace casebook::core {

namespace {

using Byte = utf8proc_uint8_t;

/// utf8proc_iterate over at most the 4 bytes at `p` (`avail` bytes remain); the code point,
/// or -1 when the bytes do not start with a well-formed sequence.
utf8proc_int32_t iterate(const Byte* p, std::size_t avail, utf8proc_ssize_t& length) {
  utf8proc_int32_t cp = -1;
  length = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(std::min<std::size_t>(avail, 4)), &cp);
  return length > 0 ? cp : -1;
}

/// The length of the maximal ill-formed subpart at `p`, which does not start a well-formed
/// sequence: the longest prefix that some well-formed sequence starts with (at least the
/// first byte). A prefix of m >= 2 bytes is such a start exactly when padding it with
/// continuation bytes 0x80 to its lead byte's length gives a well-formed sequence: the limits
/// of Table 3-7 (overlong forms, surrogates, U+10FFFF) are all decided by the first two bytes.
std::size_t ill_formed_length(const Byte* p, std::size_t avail) {
  const auto expected = static_cast<std::size_t>(std::max<int>(utf8proc_utf8class[p[0]], 0));
  std::size_t m = 1;
  while (m + 1 < expected && m < avail) {
    std::array<Byte, 4> padded{0x80, 0x80, 0x80, 0x80};
    std::copy(p, p + m + 1, padded.begin());
    utf8proc_ssize_t length = 0;
    if (iterate(padded.data(), expected, length) < 0) break;
    ++m;
  }
  return m;
}

}  // namespace

Utf8Char decode_utf8_at(std::string_view text, std::size_t pos) {
  const auto* p = reinterpret_cast<const Byte*>(text.data() + pos);
  const std::size_t avail = text.size() - pos;
  utf8proc_ssize_t length = 0;
  const utf8proc_int32_t cp = iterate(p, avail, length);
  if (cp >= 0) return {static_cast<char32_t>(cp), static_cast<std::size_t>(length), true};
  return {kReplacementCharacter, ill_formed_length(p, avail), false};
}

std::u32string decode_utf8(std::string_view text, InvalidUtf8 invalid) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8_at(text, i);
    if (c.valid) {
      out.push_back(c.code_point);
    } else if (invalid == InvalidUtf8::Replace) {
      out.append(c.length, kReplacementCharacter);
    }
    i += c.length;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  std::array<Byte, 4> buf{};
  const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf.data());
  if (n > 0 && utf8proc_codepoint_valid(static_cast<utf8proc_int32_t>(cp))) {
    out.append(reinterpret_cast<const char*>(buf.data()), static_cast<std::size_t>(n));
  }
}

std::string encode_utf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (const char32_t cp : code_points) append_utf8(out, cp);
  return out;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8_at(text, i);
    if (c.valid) {
      out.append(text.substr(i, c.length));
    } else {
      append_utf8(out, kReplacementCharacter);
    }
    i += c.length;
  }
  return out;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8_at(text, i);
    if (!c.valid) return false;
    i += c.length;
  }
  return true;
}

std::size_t code_point_count(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n) i += decode_utf8_at(text, i).length;
  return n;
}

std::size_t utf8_offset(std::string_view text, std::size_t count) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < count && i < text.size(); ++k) i += decode_utf8_at(text, i).length;
  return i;
}

std::size_t utf8_cut(std::string_view text, std::size_t max_bytes) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t next = i + decode_utf8_at(text, i).length;
    if (next > max_bytes) break;
    i = next;
  }
  return i;
}

std::string map_utf8(std::string_view text, int utf8proc_options) {
  Byte* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const Byte*>(text.data()),
                                          static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                                          static_cast<utf8proc_option_t>(utf8proc_options));
  std::string out = n >= 0 && mapped != nullptr
                        ? std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n))
                        : std::string(text);
  std::free(mapped);
  return out;
}

bool is_white_space(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r' || cp == 0x85) return true;
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

std::string nfc(std::string_view text) {
  const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return ascii ? std::string(text) : map_utf8(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string as_seen(std::string_view text) {
  const auto plain = [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f'; };
  const bool simple = std::all_of(text.begin(), text.end(), plain) && text.find("  ") == std::string_view::npos &&
                      (text.empty() || (text.front() != ' ' && text.back() != ' '));
  if (simple) return std::string(text);
  const std::string mapped = map_utf8(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_IGNORE);
  std::u32string cps = decode_utf8(mapped, InvalidUtf8::Replace);
  std::u32string out;
  out.reserve(cps.size());
  for (char32_t cp : cps) {
    if (!is_white_space(cp)) {
      out.push_back(cp);
    } else if (!out.empty() && out.back() != U' ') {
      out.push_back(U' ');
    }
  }
  if (!out.empty() && out.back() == U' ') out.pop_back();
  return encode_utf8(out);
}

}  // namespace casebook::core
