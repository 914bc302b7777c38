// Trimming and blank checks shared by the loader, grading, citations, CLI and UI.
#include "core/text.hpp"

#include <algorithm>
#include <iterator>

namespace casebook::core {

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

std::string trim_ascii_space(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return std::string(s);
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
    const auto* it = std::find_if(std::begin(kInvisible), std::end(kInvisible),
                                  [&](std::string_view sp) { return s.starts_with(sp); });
    if (it == std::end(kInvisible)) return false;
    s.remove_prefix(it->size());
  }
  return true;
}

}  // namespace casebook::core
