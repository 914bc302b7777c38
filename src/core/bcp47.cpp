// BCP 47 tag syntax (RFC 5646 section 2.1), checked subtag by subtag.
#include "core/bcp47.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace casebook::core {
namespace {

bool all_of(std::string_view s, int (*pred)(int)) {
  return std::all_of(s.begin(), s.end(), [pred](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}
bool alpha(std::string_view s, std::size_t lo, std::size_t hi) { return s.size() >= lo && s.size() <= hi && all_of(s, std::isalpha); }
bool alnum(std::string_view s, std::size_t lo, std::size_t hi) { return s.size() >= lo && s.size() <= hi && all_of(s, std::isalnum); }
bool digits(std::string_view s, std::size_t n) { return s.size() == n && all_of(s, std::isdigit); }

std::vector<std::string_view> split(std::string_view tag) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dash = tag.find('-', start);
    parts.push_back(tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    if (dash == std::string_view::npos) return parts;
    start = dash + 1;
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// RFC 5646 `irregular` and `regular` grandfathered tags, lower case.
constexpr std::array<std::string_view, 26> kGrandfathered = {
    "en-gb-oed", "i-ami",      "i-bnn",      "i-default",  "i-enochian", "i-hak",      "i-klingon",
    "i-lux",     "i-mingo",    "i-navajo",   "i-pwn",      "i-tao",      "i-tay",      "i-tsu",
    "sgn-be-fr", "sgn-be-nl",  "sgn-ch-de",  "art-lojban", "cel-gaulish", "no-bok",    "no-nyn",
    "zh-guoyu",  "zh-hakka",   "zh-min",     "zh-min-nan", "zh-xiang"};

/// "x-" followed by 1*("-" 1*8alphanum), starting at parts[i].
bool private_use(const std::vector<std::string_view>& parts, std::size_t i) {
  if (i >= parts.size() || lower(parts[i]) != "x" || i + 1 >= parts.size()) return false;
  for (std::size_t k = i + 1; k < parts.size(); ++k) {
    if (!alnum(parts[k], 1, 8)) return false;
  }
  return true;
}

}  // namespace

bool is_bcp47_tag(std::string_view tag) {
  if (tag.empty()) return false;
  if (std::find(kGrandfathered.begin(), kGrandfathered.end(), lower(tag)) != kGrandfathered.end()) return true;
  const std::vector<std::string_view> p = split(tag);
  if (private_use(p, 0)) return true;
  std::size_t i = 0;
  // language: 2*3ALPHA ["-" extlang (up to three 3ALPHA)] / 4ALPHA / 5*8ALPHA
  if (!alpha(p[i], 2, 8)) return false;
  const bool short_language = p[i].size() <= 3;
  ++i;
  for (int ext = 0; short_language && ext < 3 && i < p.size() && alpha(p[i], 3, 3); ++ext) ++i;
  if (i < p.size() && alpha(p[i], 4, 4)) ++i;                                  // script
  if (i < p.size() && (alpha(p[i], 2, 2) || digits(p[i], 3))) ++i;             // region
  std::vector<std::string> seen;
  while (i < p.size()) {                                                        // variants
    const std::string_view v = p[i];
    const bool variant = alnum(v, 5, 8) || (v.size() == 4 && std::isdigit(static_cast<unsigned char>(v[0])) != 0 && alnum(v, 4, 4));
    if (!variant) break;
    if (std::find(seen.begin(), seen.end(), lower(v)) != seen.end()) return false;  // no repeats (2.2.5)
    seen.push_back(lower(v));
    ++i;
  }
  std::vector<char> singletons;
  while (i < p.size() && p[i].size() == 1 && lower(p[i]) != "x") {            // extensions
    if (!alnum(p[i], 1, 1)) return false;
    const char s = lower(p[i])[0];
    if (std::find(singletons.begin(), singletons.end(), s) != singletons.end()) return false;
    singletons.push_back(s);
    ++i;
    std::size_t n = 0;
    while (i < p.size() && alnum(p[i], 2, 8)) {
      ++i;
      ++n;
    }
    if (n == 0) return false;
  }
  if (i == p.size()) return true;
  return private_use(p, i);
}

std::optional<std::string> suggest_bcp47_tag(std::string_view tag) {
  std::string fixed;
  for (const char c : tag) fixed.push_back(c == '_' || c == ' ' ? '-' : c);
  while (!fixed.empty() && fixed.back() == '-') fixed.pop_back();
  while (!fixed.empty() && fixed.front() == '-') fixed.erase(fixed.begin());
  if (fixed.empty() || !is_bcp47_tag(fixed)) return std::nullopt;
  // Conventional case (RFC 5646 2.1.1): language lower, script title, region upper.
  std::vector<std::string_view> parts = split(fixed);
  std::string out;
  bool extension = false;  // after a singleton, subtags keep lower case
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string s = lower(parts[i]);
    extension = extension || s.size() == 1;
    if (extension) {
    } else if (i > 0 && s.size() == 4 && std::isalpha(static_cast<unsigned char>(s[0])) != 0) {
      s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    } else if (i > 0 && s.size() == 2) {  // a region
      for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    out += (i > 0 ? "-" : "") + s;
  }
  if (out == tag) return std::nullopt;
  return out;
}

}  // namespace casebook::core
