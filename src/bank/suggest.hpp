// "Did you mean ...?" for diagnostics: the closest word by edit distance.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::bank {

/// Optimal string alignment distance (Levenshtein with adjacent transpositions; Damerau
/// 1964) between `a` and `b`, counted in code points, ASCII letters compared case-insensitively.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// Longest `word` (in code points) for which closest_word looks for a suggestion.
inline constexpr std::size_t kMaxSuggestUnits = 100;

/// The candidate closest to `word`, if it is close enough to be a likely typo: distance at
/// most 1 for candidates of up to 4 code points, 2 up to 8, a quarter of the length above,
/// and less than the length of `word` (a candidate equal to `word` is skipped). Ties go to
/// the earlier candidate; nullopt when none, or when `word` is longer than kMaxSuggestUnits.
[[nodiscard]] std::optional<std::string> closest_word(std::string_view word,
                                                      const std::vector<std::string_view>& candidates);

}  // namespace casebook::bank
