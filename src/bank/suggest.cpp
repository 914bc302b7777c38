// Edit distance and typo suggestions for bank diagnostics.
#include "bank/suggest.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "core/utf8.hpp"

namespace casebook::bank {

namespace {

/// One code point of a word as a number: its bytes (1-4; an ill-formed sequence's maximal
/// subpart counts as one unit) and their count, ASCII letters lower-cased. Two units are equal
/// exactly when their bytes are, so no text is copied to compare them.
using Unit = std::uint64_t;

/// Sets `out` (its room reused) to the units of `s`.
void units(std::string_view s, std::vector<Unit>& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t len = lead < 0x80 ? 1 : core::decode_utf8_at(s, i).length;  // ids are mostly ASCII
    Unit u = static_cast<Unit>(len) << 32;
    for (std::size_t k = 0; k < len; ++k) {
      auto byte = static_cast<unsigned char>(s[i + k]);
      if (len == 1 && byte >= 'A' && byte <= 'Z') byte = static_cast<unsigned char>(byte - 'A' + 'a');
      u |= static_cast<Unit>(byte) << (8 * k);
    }
    out.push_back(u);
    i += len;
  }
}

/// Rows of the distance table, kept from call to call of one closest_word.
struct Rows {
  std::vector<std::size_t> before_last, last, row;
};

/// Optimal string alignment distance of x and y, or `limit + 1` as soon as it is certain to
/// be above `limit`: no entry of a row is below the smallest of the row before it (with a
/// transposition from two rows back, d[i][j] = d[i-2][j-2] + 1 >= d[i-1][j-1]), so once a
/// whole row is above `limit` the distance is too. Two rows kept besides the current one.
std::size_t osa_distance(const std::vector<Unit>& x, const std::vector<Unit>& y, std::size_t limit, Rows& r) {
  const std::size_t n = x.size();
  const std::size_t m = y.size();
  r.before_last.assign(m + 1, 0);
  r.last.resize(m + 1);
  r.row.resize(m + 1);
  for (std::size_t j = 0; j <= m; ++j) r.last[j] = j;  // row 0
  for (std::size_t i = 1; i <= n; ++i) {
    r.row[0] = i;
    std::size_t row_min = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      std::size_t d = std::min({r.last[j] + 1, r.row[j - 1] + 1, r.last[j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) d = std::min(d, r.before_last[j - 2] + 1);
      r.row[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > limit) return limit + 1;
    std::swap(r.before_last, r.last);  // the old row i-2 becomes the room for row i+1
    std::swap(r.last, r.row);
  }
  return r.last[m];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<Unit> x, y;
  units(a, x);
  units(b, y);
  Rows rows;
  return osa_distance(x, y, std::numeric_limits<std::size_t>::max() - 1, rows);
}

std::optional<std::string> closest_word(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::vector<Unit> w, c_units;
  units(word, w);
  const std::size_t word_len = w.size();
  // Suggestions are for typos in keys, ids and short answers; comparing long texts would
  // cost time and memory proportional to the product of their lengths.
  if (word_len > kMaxSuggestUnits) return std::nullopt;
  // A bank can hold thousands of ids: each candidate is decoded into reused room and compared
  // only as far as it can still be close enough (osa_distance), with no text copied.
  Rows rows;
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (std::string_view c : candidates) {
    units(c, c_units);
    const std::size_t len = c_units.size();
    const std::size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : len / 4;
    // The distance is at least the difference in length: skip what cannot be close enough.
    if ((len > word_len ? len - word_len : word_len - len) > limit) continue;
    if (c == word) continue;
    const std::size_t dist = osa_distance(w, c_units, limit, rows);
    if (dist > limit || dist >= word_len) continue;
    if (!best || dist < best_distance) {
      best = std::string(c);
      best_distance = dist;
    }
  }
  return best;
}

}  // namespace casebook::bank
