// The card search language (core/search.hpp): the parse tree of every construct, the
// errors (column and what to do), and the results on a fixed set of cards.
#include "core/search.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace casebook::core {
namespace {

std::string tree(std::string_view q) { return Search(q).describe(); }

/// The error a query gives: "column N: ...".
std::string error_of(std::string_view q) {
  try {
    (void)Search(q);
  } catch (const SearchError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(SearchParse, EmptyQueryMatchesEverything) {
  EXPECT_EQ(tree(""), "(all)");
  EXPECT_EQ(tree("   "), "(all)");
  EXPECT_TRUE(Search("").matches(SearchCard{}));
}

TEST(SearchParse, WordsAreFoldedAndJoinedByAnd) {
  EXPECT_EQ(tree("Navalny"), "(word \"navalny\")");
  EXPECT_EQ(tree("Élection  KREMLIN"), "(and (word \"election\") (word \"kremlin\"))");
  EXPECT_EQ(tree("\"foreign agent\""), "(word \"foreign agent\")");
  EXPECT_EQ(tree("for*gent"), "(word \"for*gent\")");
  EXPECT_EQ(tree("well-known"), "(word \"wellknown\")");
}

TEST(SearchParse, FieldsOrNotAndParentheses) {
  EXPECT_EQ(tree("bank:RU-Media topic:law*"), "(and (bank \"ru-media\") (topic \"law*\"))");
  EXPECT_EQ(tree("type:Numeric"), "(type numeric)");
  EXPECT_EQ(tree("is:due or is:NEW"), "(or (is due) (is new))");
  EXPECT_EQ(tree("-is:suspended"), "(not (is suspended))");
  EXPECT_EQ(tree("a (b or c) -d"), "(and (word \"a\") (or (word \"b\") (word \"c\")) (not (word \"d\")))");
  EXPECT_EQ(tree("a and b"), "(and (word \"a\") (word \"b\"))");
  EXPECT_EQ(tree("-(a OR b)"), "(not (or (word \"a\") (word \"b\")))");
  EXPECT_EQ(tree("prop:r<0.8"), "(prop r < 0.8)");
  EXPECT_EQ(tree("prop:lapses>2 prop:s>=10 prop:d<=5 prop:reps=3 prop:due!=0"),
            "(and (prop lapses > 2) (prop s >= 10) (prop d <= 5) (prop reps = 3) (prop due != 0))");
  EXPECT_EQ(tree("prop:due<-1"), "(prop due < -1)");
  EXPECT_EQ(tree("rated:7"), "(rated 7)");
  EXPECT_EQ(tree("flag:red flag:4 flag:none"), "(and (flag 1) (flag 4) (flag 0))");
  EXPECT_EQ(tree("topic:\"press freedom\""), "(topic \"press freedom\")");
  EXPECT_EQ(tree("\"is:due\""), "(word \"isdue\")");  // quoted: text, not a field
}

TEST(SearchParse, ErrorsNameTheColumnAndWhatToDo) {
  EXPECT_EQ(error_of("foo:bar"),
            "column 1: unknown field \"foo:\"; use one of bank, topic, type, is, prop, rated, flag, or put the "
            "term in quotes to search for the text \"foo:bar\"");
  EXPECT_EQ(error_of("is:due is:sleeping"),
            "column 11: unknown state \"is:sleeping\"; use one of new, learning, review, due, suspended, buried, "
            "leech, flagged");
  EXPECT_EQ(error_of("prop:x<1"), "column 6: unknown property \"x\"; use one of r, s, d, lapses, reps, due, as in prop:r<0.8");
  EXPECT_EQ(error_of("prop:r"), "column 7: prop:r needs a comparison and a number, as in prop:r<3");
  EXPECT_EQ(error_of("prop:r<abc"),
            "column 8: prop:r needs a number after \"<\", got \"abc\"; write it with a decimal point, as in 0.8");
  EXPECT_EQ(error_of("prop:r<80"), "column 8: retrievability is a probability from 0 to 1; write prop:r<0.8 for 80 %");
  EXPECT_EQ(error_of("prop:r!0.5"), "column 7: \"!\" must be followed by \"=\"; use < <= > >= = or !=");
  EXPECT_EQ(error_of("rated:0"),
            "column 7: rated: needs a whole number of days from 1 (today) to 36500, as in rated:7; got \"0\"");
  EXPECT_EQ(error_of("rated:1.5"),
            "column 7: rated: needs a whole number of days from 1 (today) to 36500, as in rated:7; got \"1.5\"");
  EXPECT_EQ(error_of("type:essay"),
            "column 6: unknown question type \"essay\"; use one of single_choice, multiple_response, true_false, "
            "short_answer, numeric, ordering, matching, dilemma");
  EXPECT_EQ(error_of("flag:black"),
            "column 6: unknown flag \"black\"; use 0..7 or none, red, orange, green, blue, pink, turquoise, purple");
  EXPECT_EQ(error_of("bank:"), "column 6: \"bank:\" needs a value right after the colon, with no space");
  EXPECT_EQ(error_of("a \"b c"), "column 3: the quote opened here is not closed; add a closing \"");
  EXPECT_EQ(error_of("(a or b"), "column 1: \"(\" is not closed; add \")\" after its terms");
  EXPECT_EQ(error_of("a)"), "column 2: \")\" has no matching \"(\"; remove it or add \"(\" before it");
  EXPECT_EQ(error_of("a ()"), "column 3: the parentheses are empty; put a term inside or remove them");
  EXPECT_EQ(error_of("a or"), "column 3: \"or\" needs a term after it; add one or remove \"or\"");
  EXPECT_EQ(error_of("or a"), "column 1: \"or\" needs a term before it; add one or remove \"or\"");
  EXPECT_EQ(error_of("and a"), "column 1: \"and\" needs a term on both sides; add one or remove \"and\"");
  EXPECT_EQ(error_of("a -(b) -"), "column 8: \"-\" has no letters or digits to search for; remove it");
  EXPECT_EQ(error_of("a - b"), "column 3: \"-\" has no letters or digits to search for; remove it");
  EXPECT_EQ(error_of("?!"), "column 1: \"?!\" has no letters or digits to search for; remove it");
  // Columns count characters, not bytes.
  EXPECT_EQ(error_of("Ёлка is:x"), "column 9: unknown state \"is:x\"; use one of new, learning, review, due, "
                                   "suspended, buried, leech, flagged");
  try {
    (void)Search("ab cd:e");
    FAIL();
  } catch (const SearchError& e) {
    EXPECT_EQ(e.column(), 4);
  }
}

/// Five cards that differ in every searched fact.
std::vector<SearchCard> cards() {
  std::vector<SearchCard> c(5);
  c[0].bank = "ru-media";
  c[0].topics = {"law", "press"};
  c[0].type = "single_choice";
  c[0].text = fold_search_text("Which law labels media as foreign agents? The 2017 amendment");

  c[1].bank = "ru-media";
  c[1].topics = {"people"};
  c[1].type = "numeric";
  c[1].text = fold_search_text("How many journalists were jailed in 2021?");
  c[1].state = CardState::Review;
  c[1].due = true;
  c[1].retrievability = 0.72;
  c[1].stability = 12.5;
  c[1].difficulty = 6.1;
  c[1].lapses = 3;
  c[1].reps = 9;
  c[1].due_in_days = -2;
  c[1].rated_days_ago = 14;
  c[1].leech = true;

  c[2].bank = "policing";
  c[2].topics = {"law-enforcement"};
  c[2].type = "dilemma";
  c[2].text = fold_search_text("An officer is asked to disperse a peaceful protest");
  c[2].state = CardState::Relearning;
  c[2].due = true;
  c[2].retrievability = 0.5;
  c[2].stability = 1.0;
  c[2].difficulty = 8.0;
  c[2].lapses = 1;
  c[2].reps = 4;
  c[2].due_in_days = 0;
  c[2].rated_days_ago = 0;
  c[2].flag = 1;

  c[3].bank = "policing";
  c[3].type = "true_false";
  c[3].text = fold_search_text("Kettling is legal everywhere");
  c[3].state = CardState::Learning;
  c[3].retrievability = 0.95;
  c[3].stability = 0.4;
  c[3].difficulty = 5.0;
  c[3].reps = 1;
  c[3].due_in_days = 0;
  c[3].rated_days_ago = 6;
  c[3].suspended = true;

  c[4].bank = "policing";
  c[4].type = "short_answer";
  c[4].text = fold_search_text("Name the agency that oversees police complaints");
  c[4].state = CardState::Review;
  c[4].retrievability = 0.91;
  c[4].stability = 40;
  c[4].difficulty = 3.0;
  c[4].reps = 5;
  c[4].due_in_days = 20;
  c[4].rated_days_ago = 7;
  c[4].buried = true;
  c[4].flag = 4;
  return c;
}

/// Indices of the cards the query matches.
std::vector<int> hits(std::string_view q) {
  const Search s(q);
  std::vector<int> out;
  const auto all = cards();
  for (int i = 0; i < static_cast<int>(all.size()); ++i) {
    if (s.matches(all[static_cast<std::size_t>(i)])) out.push_back(i);
  }
  return out;
}

using V = std::vector<int>;

TEST(SearchMatch, Words) {
  EXPECT_EQ(hits("law"), (V{0}));
  EXPECT_EQ(hits("LAW*"), (V{0}));
  EXPECT_EQ(hits("ag*ts"), (V{0, 4}));  // "*" spans words too, as in Anki ("agency ... complaints")
  EXPECT_EQ(hits("ag*cy"), (V{4}));
  EXPECT_EQ(hits("agen"), (V{0, 4}));  // a word matches inside words, as in Anki
  EXPECT_EQ(hits("\"foreign agents\""), (V{0}));
  EXPECT_EQ(hits("\"agents foreign\""), (V{}));
  EXPECT_EQ(hits("2017 OR 2021"), (V{0, 1}));
  EXPECT_EQ(hits("-police*"), (V{0, 1, 2, 3}));
}

TEST(SearchMatch, Fields) {
  EXPECT_EQ(hits("bank:policing"), (V{2, 3, 4}));
  EXPECT_EQ(hits("bank:RU*"), (V{0, 1}));
  EXPECT_EQ(hits("bank:ru"), (V{}));  // a bank id matches whole, unless a * says otherwise
  EXPECT_EQ(hits("topic:law"), (V{0}));
  EXPECT_EQ(hits("topic:law*"), (V{0, 2}));
  EXPECT_EQ(hits("type:numeric or type:dilemma"), (V{1, 2}));
  EXPECT_EQ(hits("flag:red"), (V{2}));
  EXPECT_EQ(hits("flag:0"), (V{0, 1, 3}));
}

TEST(SearchMatch, States) {
  EXPECT_EQ(hits("is:new"), (V{0}));
  EXPECT_EQ(hits("is:learning"), (V{2, 3}));
  EXPECT_EQ(hits("is:review"), (V{1, 2, 4}));
  EXPECT_EQ(hits("is:due"), (V{1, 2}));
  EXPECT_EQ(hits("is:suspended"), (V{3}));
  EXPECT_EQ(hits("is:buried"), (V{4}));
  EXPECT_EQ(hits("is:leech"), (V{1}));
  EXPECT_EQ(hits("is:flagged"), (V{2, 4}));
  EXPECT_EQ(hits("-is:suspended -is:buried"), (V{0, 1, 2}));
}

TEST(SearchMatch, PropertiesAndRated) {
  EXPECT_EQ(hits("prop:r<0.8"), (V{1, 2}));     // the new card has no retrievability
  EXPECT_EQ(hits("-prop:r<0.8"), (V{0, 3, 4}));
  EXPECT_EQ(hits("prop:r>=0.91"), (V{3, 4}));
  EXPECT_EQ(hits("prop:lapses>2"), (V{1}));
  EXPECT_EQ(hits("prop:lapses=0"), (V{0, 3, 4}));  // lapses and reps count for new cards too
  EXPECT_EQ(hits("prop:reps<2"), (V{0, 3}));
  EXPECT_EQ(hits("prop:s>10"), (V{1, 4}));
  EXPECT_EQ(hits("prop:d>=6.1"), (V{1, 2}));
  EXPECT_EQ(hits("prop:due<=0"), (V{1, 2, 3}));
  EXPECT_EQ(hits("prop:due!=0"), (V{1, 4}));
  EXPECT_EQ(hits("rated:1"), (V{2}));
  EXPECT_EQ(hits("rated:7"), (V{2, 3}));
  EXPECT_EQ(hits("rated:8"), (V{2, 3, 4}));
  EXPECT_EQ(hits("(is:due or is:flagged) bank:policing -flag:blue"), (V{2}));
}

TEST(SearchMatch, FlagNames) {
  EXPECT_EQ(flag_from_name("RED"), 1);
  EXPECT_EQ(flag_from_name("7"), 7);
  EXPECT_EQ(flag_from_name("purple"), 7);
  EXPECT_EQ(flag_from_name("none"), 0);
  EXPECT_EQ(flag_from_name("8"), std::nullopt);
  EXPECT_EQ(flag_from_name(""), std::nullopt);
}

}  // namespace
}  // namespace casebook::core
