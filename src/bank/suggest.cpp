// Edit distance and typo suggestions for bank diagnostics.
#include "bank/suggest.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace casebook::bank {

namespace {

/// Splits UTF-8 into code points (each as its bytes); ASCII letters lower-cased. An ill-formed
/// sequence counts as one unit, so invalid text still gets a distance.
std::vector<std::string> units(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = core::decode_utf8_at(s, i).length;
    std::string u(s.substr(i, len));
    if (len == 1 && u[0] >= 'A' && u[0] <= 'Z') u[0] = static_cast<char>(u[0] - 'A' + 'a');
    out.push_back(std::move(u));
    i += len;
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto x = units(a);
  const auto y = units(b);
  const std::size_t n = x.size();
  const std::size_t m = y.size();
  // d[i][j]: distance between the first i units of x and the first j of y.
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::optional<std::string> closest_word(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::size_t word_len = units(word).size();
  // Suggestions are for typos in keys, ids and short answers; comparing long texts would
  // cost time and memory proportional to the product of their lengths.
  if (word_len > kMaxSuggestUnits) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (std::string_view c : candidates) {
    const std::size_t len = units(c).size();
    const std::size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : len / 4;
    // The distance is at least the difference in length: skip what cannot be close enough.
    if ((len > word_len ? len - word_len : word_len - len) > limit) continue;
    const std::size_t dist = edit_distance(word, c);
    if (c == word || dist > limit || dist >= word_len) continue;
    if (!best || dist < best_distance) {
      best = std::string(c);
      best_distance = dist;
    }
  }
  return best;
}

}  // namespace casebook::bank
