// Edit distance and "did you mean" suggestions.
#include <gtest/gtest.h>

#include "bank/suggest.hpp"

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

}  // namespace
