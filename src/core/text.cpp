// Trimming, blank checks and visible control characters, shared by the loader, grading,
// citations, CLI, UI and the terminal front end.
#include "core/text.hpp"

#include <algorithm>
#include <iterator>

#include "core/utf8.hpp"

namespace casebook::core {

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

std::string_view trim_ascii_space_view(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string trim_ascii_space(std::string_view s) { return std::string(trim_ascii_space_view(s)); }

std::string counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string on_one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

bool is_blank(std::string_view s) {
  static constexpr std::string_view kInvisible[] = {
      "\u00A0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007",
      "\u2008", "\u2009", "\u200A", "\u200B", "\u202F", "\u205F", "\u3000", "\uFEFF"};
  while (!s.empty()) {
    if (is_ascii_space(s.front())) {
      s.remove_prefix(1);
      continue;
    }
    // Every invisible character is a multi-byte one: any other ASCII character is visible.
    if (static_cast<unsigned char>(s.front()) < 0x80) return false;
    const auto* it = std::find_if(std::begin(kInvisible), std::end(kInvisible),
                                  [&](std::string_view sp) { return s.starts_with(sp); });
    if (it == std::end(kInvisible)) return false;
    s.remove_prefix(it->size());
  }
  return true;
}

std::string show_control_characters(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto hex = [&](std::string& out, unsigned v) {
    out += kHex[(v >> 4) & 0xF];
    out += kHex[v & 0xF];
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Utf8Char c = decode_utf8_at(s, i);
    const char32_t cp = c.code_point;
    if (!c.valid) {  // not UTF-8: each byte of the ill-formed part as \xNN
      for (std::size_t k = 0; k < c.length; ++k) {
        out += "\\x";
        hex(out, static_cast<unsigned char>(s[i + k]));
      }
    } else if ((cp < 0x20 && cp != U'\n' && cp != U'\t') || cp == 0x7F) {
      append_utf8(out, cp == 0x7F ? U'\u2421' : U'\u2400' + cp);  // Control Pictures
    } else if (cp >= 0x80 && cp <= 0x9F) {
      out += "\\u00";
      hex(out, static_cast<unsigned>(cp));
    } else {
      out.append(s.substr(i, c.length));
    }
    i += c.length;
  }
  return out;
}

}  // namespace casebook::core
