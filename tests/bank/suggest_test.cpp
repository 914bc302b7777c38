// Edit distance and "did you mean" suggestions.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bank/suggest.hpp"
#include "core/utf8.hpp"

namespace {

using casebook::bank::closest_word;
using casebook::bank::edit_distance;

TEST(Suggest, EditDistance) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("promt", "prompt"), 1u);
  EXPECT_EQ(edit_distance("pormpt", "prompt"), 1u);  // adjacent transposition counts once
  EXPECT_EQ(edit_distance("URL", "url"), 0u);        // ASCII case is ignored
  EXPECT_EQ(edit_distance("ёлка", "елка"), 1u);      // code points, not bytes
  EXPECT_EQ(edit_distance("abc", ""), 3u);
}

TEST(Suggest, ClosestWord) {
  const std::vector<std::string_view> keys{"id", "type", "prompt", "explanation", "paragraph", "answer", "answers"};
  EXPECT_EQ(closest_word("promt", keys), "prompt");
  EXPECT_EQ(closest_word("Prompt", keys), "prompt");
  EXPECT_EQ(closest_word("explaination", keys), "explanation");
  EXPECT_EQ(closest_word("answr", keys), "answer");  // ties go to the earlier, closer first
  EXPECT_EQ(closest_word("ix", keys), "id");
  EXPECT_EQ(closest_word("difficulty", keys), std::nullopt);
  EXPECT_EQ(closest_word("a", keys), std::nullopt);  // too short to guess from
  EXPECT_EQ(closest_word("prompt", keys), std::nullopt);  // not a typo
}

TEST(Suggest, ClosestWordStopsEarlyYetFindsWhatTheFullDistanceFinds) {
  // closest_word gives up on a candidate once a row of the table is over its limit; the
  // result must be the one the full edit_distance gives, ties to the earlier candidate.
  std::uint32_t state = 12345;
  const auto next = [&] { return state = state * 1664525u + 1013904223u; };
  const std::vector<std::string> alphabet{"a", "b", "c", "-", "1", "\xD0\xB6" /* ж */, "A"};
  const auto word = [&] {
    std::string w;
    const std::size_t n = 1 + next() % 12;
    for (std::size_t i = 0; i < n; ++i) w += alphabet[next() % alphabet.size()];
    return w;
  };
  std::vector<std::string> pool;
  for (int i = 0; i < 300; ++i) pool.push_back(word());
  const std::vector<std::string_view> candidates(pool.begin(), pool.end());
  int found = 0;
  for (int i = 0; i < 300; ++i) {
    const std::string w = i % 2 == 0 ? word() : pool[next() % pool.size()] + alphabet[next() % alphabet.size()];
    std::optional<std::string> expected;
    std::size_t best = 0;
    const std::size_t w_len = casebook::core::code_point_count(w);
    for (const std::string_view c : candidates) {
      const std::size_t len = casebook::core::code_point_count(c);
      const std::size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : len / 4;
      const std::size_t d = edit_distance(w, c);
      if (c == w || d > limit || d >= w_len) continue;
      if (!expected || d < best) {
        expected = std::string(c);
        best = d;
      }
    }
    found += expected ? 1 : 0;
    EXPECT_EQ(closest_word(w, candidates), expected) << w;
  }
  EXPECT_GT(found, 100);  // the check compared real suggestions, not only "none"
}

}  // namespace
