// Inline citations: finding `[@id]` markers (byte offsets, malformed forms with their
// problem), short forms of sources (given `short`, derived fallback) and rendering.
#include <gtest/gtest.h>

#include "core/citation.hpp"

namespace {

using namespace casebook::core;

std::vector<Source> sources() {
  return {
      Source{"owen2016", "Sir Robert Owen, The Litvinenko Inquiry, London, 21 January 2016.", "",
             "Litvinenko Inquiry report, 2016"},
      Source{"rferl-2019", "RFE/RL, report on the treason sentences, February 2019.", "", "RFE/RL, 2019"},
      Source{"soldatov2021",
             "Andrei Soldatov, \"Can the U.S. Still Cooperate With Russia's Security Agencies?\", The Moscow "
             "Times, 14 May 2021.",
             "", ""},
  };
}

// --- find_citations ------------------------------------------------------------------------

TEST(FindCitations, NoneInPlainText) {
  EXPECT_TRUE(find_citations("").empty());
  EXPECT_TRUE(find_citations("Mail x@y.org [sic] or [ @a] are not citations.").empty());
}

TEST(FindCitations, SingleMarkerWithOffsets) {
  const std::string text = "The report [@owen2016] says so.";
  const auto ms = find_citations(text);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_TRUE(ms[0].ok());
  EXPECT_EQ(ms[0].offset, 11u);
  EXPECT_EQ(ms[0].length, 11u);  // "[@owen2016]"
  ASSERT_EQ(ms[0].ids.size(), 1u);
  EXPECT_EQ(ms[0].ids[0].id, "owen2016");
  EXPECT_EQ(ms[0].ids[0].offset, 12u);
}

TEST(FindCitations, SeveralIdsAndSpacing) {
  const std::string text = "x [@a;@b.c ;  @d_e ] y [@f]";
  const auto ms = find_citations(text);
  ASSERT_EQ(ms.size(), 2u);
  ASSERT_TRUE(ms[0].ok()) << ms[0].problem;
  ASSERT_EQ(ms[0].ids.size(), 3u);
  EXPECT_EQ(ms[0].ids[0].id, "a");
  EXPECT_EQ(ms[0].ids[1].id, "b.c");
  EXPECT_EQ(ms[0].ids[2].id, "d_e");
  EXPECT_EQ(ms[0].ids[2].offset, 14u);
  EXPECT_EQ(ms[0].offset, 2u);
  EXPECT_EQ(ms[0].length, 18u);
  EXPECT_EQ(ms[1].offset, 23u);
  EXPECT_EQ(ms[1].ids[0].id, "f");
}

TEST(FindCitations, OffsetsAreBytesAfterCyrillic) {
  const std::string text = "Лурк [@a]";  // 4 Cyrillic letters = 8 bytes
  const auto ms = find_citations(text);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].offset, 9u);
}

TEST(FindCitations, Malformed) {
  struct Case {
    const char* text;
    const char* problem;
  };
  const Case cases[] = {
      {"see [@]", "names no source"},
      {"see [@ ]", "names no source"},
      {"see [@owen2016 and more", "has unexpected text after `@owen2016`"},
      {"see [@owen2016", "is not closed"},
      {"see [@owen2016\nnext line]", "is not closed"},
      {"see [@a, @b]", "separates ids with `,`"},
      {"see [@a; b]", "has `b` without its `@`"},
      {"see [@a;]", "ends with `;` and no id"},
      {"see [@a; 12]", "has `12` without its `@`"},
      {"see [@ a]", "has an `@` not followed by a source id"},
      {"see [@-a]", "has an `@` not followed by a source id"},
      {"see [@a,@b]", "separates ids with `,`"},
      // A page after a comma is no second id: the hint says where page details go.
      {"see [@a, p. 3]", "has unexpected text after `@a`"},
      {"see [@a,]", "has unexpected text after `@a`"},
  };
  for (const auto& c : cases) {
    const auto ms = find_citations(c.text);
    ASSERT_EQ(ms.size(), 1u) << c.text;
    EXPECT_FALSE(ms[0].ok()) << c.text;
    EXPECT_EQ(ms[0].problem, c.problem) << c.text;
    EXPECT_FALSE(ms[0].hint.empty()) << c.text;
    EXPECT_EQ(ms[0].offset, 4u) << c.text;
  }
}

TEST(FindCitations, MalformedDoesNotHideTheNextMarker) {
  const auto ms = find_citations("[@a [@b]");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_FALSE(ms[0].ok());
  EXPECT_TRUE(ms[1].ok());
  EXPECT_EQ(ms[1].offset, 4u);
  EXPECT_EQ(ms[1].ids[0].id, "b");
}

// --- short_citation --------------------------------------------------------------------------

TEST(ShortCitation, GivenShortWins) {
  EXPECT_EQ(short_citation(sources()[0]), "Litvinenko Inquiry report, 2016");
  EXPECT_EQ(short_citation(Source{"x", "Whatever, 1999.", "", "  Trimmed, 2001 "}), "Trimmed, 2001");
}

TEST(ShortCitation, DerivedFromCitation) {
  // First part and the last year outside quotes.
  EXPECT_EQ(short_citation(sources()[2]), "Andrei Soldatov, 2021");
  EXPECT_EQ(short_citation(Source{"x", "RFE/RL, report on the sentences, February 2019.", "", "   "}),
            "RFE/RL, 2019");
  // No year: the name alone; a final full stop dropped.
  EXPECT_EQ(short_citation(Source{"x", "Eurozine, author page.", "", ""}), "Eurozine");
  EXPECT_EQ(short_citation(Source{"x", "Eurozine.", "", ""}), "Eurozine");
  // A year inside the quoted title, or inside a longer number, does not count.
  EXPECT_EQ(short_citation(Source{"x", "CRS, \"Sochi 2014\", report R43383.", "", ""}), "CRS");
  // A title-first citation uses the title.
  EXPECT_EQ(short_citation(Source{"x", "\"Lurk, the group\", Kommersant, 2016.", "", ""}), "Lurk, the group, 2016");
  // A name already ending with the year is not repeated.
  EXPECT_EQ(short_citation(Source{"x", "Report 2018, more.", "", ""}), "Report 2018");
  // Empty citation: the id.
  EXPECT_EQ(short_citation(Source{"the-id", "  ", "", ""}), "the-id");
}

TEST(ShortCitation, LongNamesAreCutAtAWord) {
  const Source s{"x",
                 "Report on FSB Order No. 366 of 24 July 2018 \"On the National Coordination Center\" "
                 "(registered 6 September 2018).",
                 "", ""};
  EXPECT_EQ(short_citation(s), "Report on FSB Order No. 366 of 24 July\xE2\x80\xA6, 2018");
}

// --- locator_citation -------------------------------------------------------------------------

TEST(LocatorCitation, TheShortFormAndParagraphs) {
  const Source s = sources()[2];  // no `short`: derived from the citation
  EXPECT_EQ(locator_citation(s, {12}), "Andrei Soldatov, 2021, \xC2\xB6" "12");
  EXPECT_EQ(locator_citation(s, {13, 12, 12}), "Andrei Soldatov, 2021, \xC2\xB6" "12\xE2\x80\x93" "13");
  EXPECT_EQ(locator_citation(s, {9, 11, 12}), "Andrei Soldatov, 2021, \xC2\xB6" "9, 11, 12");
  EXPECT_EQ(locator_citation(s, {7, 7}), "Andrei Soldatov, 2021, \xC2\xB6" "7");
  EXPECT_EQ(locator_citation(s, {}), "Andrei Soldatov, 2021");
}

TEST(LocatorCitation, UsesTheBanksOwnShortNameNotALastWord) {
  // An organisation's report: no "News" or "Vision" cut from its name.
  EXPECT_EQ(locator_citation(Source{"x", "Fordham News, report on a talk by an FBI attaché, 2015.", "", "Fordham News"}, {}),
            "Fordham News");
  EXPECT_EQ(locator_citation(Source{"x", "Fordham News, report on a talk by an FBI attaché, 2015.", "", ""}, {}),
            "Fordham News, 2015");
  EXPECT_EQ(locator_citation(Source{"x", "Whatever, 1999.", "", "RFE/RL, 2019"}, {3}), "RFE/RL, 2019, \xC2\xB6" "3");
  EXPECT_EQ(locator_citation(Source{"x", "\"Lurk, the group\", Kommersant, 2016.", "", ""}, {5}),
            "Lurk, the group, 2016, \xC2\xB6" "5");
  EXPECT_EQ(locator_citation(Source{"only-id", "", "", ""}, {4}), "only-id, \xC2\xB6" "4");
  EXPECT_EQ(locator_citation(Source{"only-id", "  ", "", ""}, {}), "only-id");
}

TEST(CardCitation, MarksSourcesOutsideTheArticle) {
  Bank bank;
  bank.sources = {Source{"art", "Andrei Soldatov, \"Title\", The Moscow Times, 14 May 2021.", "", "Soldatov, 2021"},
                  Source{"reuters", "Reuters, report, 10 May 2021.", "", "Reuters, 2021"}};
  Question q;
  q.source = {"reuters", {}};
  // Without `article`, every source is shown alike.
  EXPECT_EQ(card_citation(bank, q), "Reuters, 2021");
  bank.info.article = "art";
  EXPECT_EQ(card_citation(bank, q), "Outside the article: Reuters, 2021");
  q.source = {"art", {12, 13}};
  EXPECT_EQ(card_citation(bank, q), "Soldatov, 2021, \xC2\xB6" "12\xE2\x80\x93" "13");
  q.source = {"missing", {2}};
  EXPECT_EQ(card_citation(bank, q), "Outside the article: missing, \xC2\xB6" "2");
}

// --- render_citations -------------------------------------------------------------------------

TEST(RenderCitations, ReplacesMarkers) {
  const auto src = sources();
  EXPECT_EQ(render_citations("In 2016 [@owen2016] found it.", src),
            "In 2016 (Litvinenko Inquiry report, 2016) found it.");
  EXPECT_EQ(render_citations("Both [@owen2016; @rferl-2019].", src),
            "Both (Litvinenko Inquiry report, 2016; RFE/RL, 2019).");
  EXPECT_EQ(render_citations("[@soldatov2021]", src), "(Andrei Soldatov, 2021)");
}

TEST(RenderCitations, UnknownIdShowsTheId) {
  EXPECT_EQ(render_citations("See [@nope; @rferl-2019].", sources()), "See (nope; RFE/RL, 2019).");
}

TEST(RenderCitations, TextWithoutOrWithMalformedMarkersIsUnchanged) {
  const auto src = sources();
  EXPECT_EQ(render_citations("Plain text, «Лурк».", src), "Plain text, «Лурк».");
  EXPECT_EQ(render_citations("Broken [@] and [@owen2016", src), "Broken [@] and [@owen2016");
  EXPECT_EQ(render_citations("", src), "");
  EXPECT_EQ(render_citations("[@a [@rferl-2019]", src), "[@a (RFE/RL, 2019)");
}

}  // namespace
