// Tests for report: summarize, and the CSV / JSON / HTML writers against golden files, with
// CSV read back by a strict RFC 4180 reader and JSON by nlohmann-json.
#include "report/report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <locale>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "report/figures.hpp"
#include "report/text.hpp"

namespace fs = std::filesystem;
using casebook::core::CardSchedule;
using casebook::core::CardState;
using casebook::core::Rating;
using casebook::core::ReviewRecord;
using casebook::core::TimestampMs;
namespace report = casebook::report;
namespace core = casebook::core;

using namespace casebook::report::testing;  // fixtures: fixture.hpp

namespace {

/// A strict RFC 4180 reader: records end with CRLF, quoted fields may hold , " CR LF,
/// quotes inside are doubled. Throws on anything else (bare CR or LF, stray quote).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    if (text[i] == '"') {
      ++i;
      while (true) {
        if (i >= n) throw std::runtime_error("unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(text[i++]);
      }
    } else {
      while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') throw std::runtime_error("quote inside an unquoted field");
        field.push_back(text[i++]);
      }
    }
    if (i >= n) throw std::runtime_error("last record does not end with CRLF");
    if (text[i] == ',') {
      row.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      i += 2;
    } else {
      throw std::runtime_error("bare CR or LF at byte " + std::to_string(i));
    }
  }
  return rows;
}

std::string csv_of(const report::ReportInput& in) {
  std::ostringstream out;
  report::write_csv(in, out);
  return out.str();
}
std::string json_of(const report::ReportInput& in) {
  std::ostringstream out;
  report::write_json(in, out);
  return out.str();
}
std::string html_of(const report::ReportInput& in) {
  std::ostringstream out;
  report::write_html(in, out);
  return out.str();
}

const std::vector<std::string> kColumns = {
    "record",      "card_key",  "bank_id",   "question_id",     "question_type",    "state",
    "stability",   "difficulty", "retrievability", "due",        "last_review",      "reps",
    "lapses",      "prompt",    "reviewed_at", "rating",        "correct",          "answer",
    "response_ms", "state_before", "state_after", "stability_after", "difficulty_after", "due_after",
    "retired",     "topics",      "bank_version", "at",           "exam_title",    "exam_preset",
    "exam_practice", "exam_questions", "exam_correct", "exam_score_percent", "exam_pass_mark_percent",
    "exam_outcome", "exam_time_taken_ms", "exam_finished_at", "event", "event_flag", "event_words", "note"};

std::size_t col(const std::string& name) {
  return static_cast<std::size_t>(std::find(kColumns.begin(), kColumns.end(), name) - kColumns.begin());
}

/// What a text cell holds after formula neutralising.
std::string neutralised(const std::string& s) {
  if (!s.empty() && std::string("=+-@\t\r").find(s.front()) != std::string::npos) return "'" + s;
  return s;
}

}  // namespace

TEST(SummarizeTest, CountsStatesReviewsAndMeans) {
  const report::Figures s = report::compute_figures(fixed_input());
  EXPECT_EQ(s.cards, 5);
  EXPECT_EQ(s.states[0], 1);  // new
  EXPECT_EQ(s.states[1], 1);  // learning
  EXPECT_EQ(s.states[2], 2);  // review
  EXPECT_EQ(s.states[3], 1);  // relearning
  EXPECT_EQ(s.all.answered, 6);
  EXPECT_EQ(s.all.correct, 4);
  EXPECT_DOUBLE_EQ(s.all.accuracy(), 4.0 / 6.0);
  EXPECT_EQ(s.due_now, 2);  // lurk (due 1 h ago) and formula (due 2 h ago); learning card due in 10 min
  EXPECT_DOUBLE_EQ(s.mean_predicted_recall, (0.876543219 + 0.95 + 0.5 + 0.9731) / 4.0);
}

TEST(SummarizeTest, EmptyInputIsAllZero) {
  const report::Figures s = report::compute_figures(report::ReportInput{});
  EXPECT_EQ(s.cards, 0);
  EXPECT_EQ(s.all.answered, 0);
  EXPECT_EQ(s.all.accuracy(), 0.0);
  EXPECT_EQ(s.mean_predicted_recall, 0.0);
  EXPECT_EQ(s.due_now, 0);
}

TEST(SummarizeTest, DueExactlyNowCountsAsDue) {
  report::ReportInput in;
  in.generated_at = kNow;
  in.cards = {card("b", "q", "B", "p", "numeric",
                   schedule(CardState::Review, 1, 5, kNow, kNow - kDay, 1, 0, 1, 0), 0.9),
              card("b", "n", "B", "p", "numeric", schedule(CardState::New, 0, 0, kNow - kDay, {}, 0, 0, 0, 0), 0.0)};
  EXPECT_EQ(report::compute_figures(in).due_now, 1);  // New cards are never "due"
}

TEST(CsvTest, MatchesGolden) { expect_golden("report.csv", csv_of(fixed_input())); }

TEST(CsvTest, ReadsBackEveryValue) {
  const report::ReportInput in = fixed_input();
  const std::string text = csv_of(in);
  ASSERT_GE(text.size(), 6u);
  EXPECT_EQ(text.substr(0, 6), "record");  // no BOM
  const auto rows = parse_csv(text);
  ASSERT_EQ(rows.size(), 1 + in.cards.size() + in.reviews.size());
  EXPECT_EQ(rows[0], kColumns);
  for (const auto& row : rows) ASSERT_EQ(row.size(), kColumns.size());

  for (std::size_t i = 0; i < in.cards.size(); ++i) {
    const auto& row = rows[1 + i];
    const report::CardEntry& c = in.cards[i];
    SCOPED_TRACE(c.card_key);
    EXPECT_EQ(row[col("record")], "card");
    EXPECT_EQ(row[col("card_key")], c.card_key);
    EXPECT_EQ(row[col("bank_id")], c.bank_id);
    EXPECT_EQ(row[col("question_id")], c.question_id);
    EXPECT_EQ(row[col("question_type")], c.question_type);
    EXPECT_EQ(row[col("state")], core::to_string(c.schedule.state));
    EXPECT_NEAR(std::stod(row[col("stability")]), c.schedule.stability, 5e-7);
    EXPECT_NEAR(std::stod(row[col("difficulty")]), c.schedule.difficulty, 5e-7);
    EXPECT_NEAR(std::stod(row[col("retrievability")]), c.retrievability, 5e-7);
    EXPECT_EQ(core::parse_iso(row[col("due")]), c.schedule.due);
    if (c.schedule.last_review) {
      EXPECT_EQ(core::parse_iso(row[col("last_review")]), *c.schedule.last_review);
    } else {
      EXPECT_EQ(row[col("last_review")], "");
    }
    EXPECT_EQ(row[col("reps")], std::to_string(c.schedule.reps));
    EXPECT_EQ(row[col("lapses")], std::to_string(c.schedule.lapses));
    EXPECT_EQ(row[col("prompt")], neutralised(c.prompt));
    for (const char* review_only : {"reviewed_at", "rating", "answer", "due_after"}) {
      EXPECT_EQ(row[col(review_only)], "") << review_only;
    }
  }
  for (std::size_t i = 0; i < in.reviews.size(); ++i) {
    const auto& row = rows[1 + in.cards.size() + i];
    const ReviewRecord& r = in.reviews[i];
    SCOPED_TRACE(r.id);
    EXPECT_EQ(row[col("record")], "review");
    EXPECT_EQ(row[col("card_key")], r.card_key);
    EXPECT_EQ(row[col("bank_id")] + "/" + row[col("question_id")], r.card_key);
    EXPECT_EQ(core::parse_iso(row[col("reviewed_at")]), r.reviewed_at);
    EXPECT_EQ(row[col("rating")], core::to_string(r.rating));
    EXPECT_EQ(row[col("correct")], r.correct ? "1" : "0");
    EXPECT_EQ(row[col("answer")], neutralised(r.answer));
    EXPECT_EQ(row[col("response_ms")], std::to_string(r.response_ms));
    EXPECT_EQ(row[col("state_before")], core::to_string(r.before.state));
    EXPECT_EQ(row[col("state_after")], core::to_string(r.after.state));
    EXPECT_NEAR(std::stod(row[col("stability_after")]), r.after.stability, 5e-7);
    EXPECT_NEAR(std::stod(row[col("difficulty_after")]), r.after.difficulty, 5e-7);
    EXPECT_EQ(core::parse_iso(row[col("due_after")]), r.after.due);
    for (const char* card_only : {"state", "stability", "prompt", "reps"}) {
      EXPECT_EQ(row[col(card_only)], "") << card_only;
    }
  }
  // The hostile cells, spelled out.
  EXPECT_EQ(rows[3][col("prompt")], "'" + kHyperlink);
  EXPECT_EQ(rows[2][col("prompt")], kHostilePrompt);  // starts with '<': not a formula
  EXPECT_EQ(rows[7][col("answer")], "'-1+1");
  EXPECT_EQ(rows[8][col("answer")], "'@SUM(A1:A9)\t<img src=x onerror=alert(1)>");
  EXPECT_EQ(rows[11][col("answer")], "'\tstarts with a tab");
}

TEST(CsvTest, NumbersArePlainAndNeverNeutralised) {
  report::ReportInput in;
  in.generated_at = kNow;
  in.cards = {card("b", "q", "B", "-5 is a negative prompt", "numeric",
                   schedule(CardState::Review, -1.5, 1234567.25, kNow, kNow, 1, 0, 1234567, -2), 0.000'000'4)};
  const auto rows = parse_csv(csv_of(in));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][col("stability")], "-1.500000");
  EXPECT_EQ(rows[1][col("difficulty")], "1234567.250000");  // no thousands separators
  EXPECT_EQ(rows[1][col("retrievability")], "0.000000");
  EXPECT_EQ(rows[1][col("reps")], "1234567");
  EXPECT_EQ(rows[1][col("lapses")], "-2");
  EXPECT_EQ(rows[1][col("prompt")], "'-5 is a negative prompt");
  EXPECT_EQ(rows[1][col("due")], "2024-06-01T12:00:00.000Z");
}

TEST(CsvTest, EmptyReportIsJustTheHeader) {
  const std::string text = csv_of(report::ReportInput{});
  const auto rows = parse_csv(text);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], kColumns);
}

TEST(JsonTest, MatchesGolden) { expect_golden("report.json", json_of(fixed_input())); }

TEST(JsonTest, ReadsBackEveryValue) {
  const report::ReportInput in = fixed_input();
  const nlohmann::json doc = nlohmann::json::parse(json_of(in));
  EXPECT_EQ(doc.at("schema"), "casebook-report");
  EXPECT_EQ(doc.at("schema_version"), 3);
  EXPECT_EQ(doc.at("generated_at"), "2024-06-01T12:00:00.000Z");
  EXPECT_EQ(doc.at("generated_at_ms").get<std::int64_t>(), kNow);
  EXPECT_EQ(doc.at("learner"), in.learner);
  EXPECT_EQ(doc.at("time_zone"), "Europe/Berlin");

  const report::Figures s = report::compute_figures(in);
  const auto& js = doc.at("summary");
  EXPECT_EQ(js.at("cards"), s.cards);
  EXPECT_EQ(js.at("new_cards"), s.states[0]);
  EXPECT_EQ(js.at("learning"), s.states[1]);
  EXPECT_EQ(js.at("review"), s.states[2]);
  EXPECT_EQ(js.at("relearning"), s.states[3]);
  EXPECT_EQ(js.at("reviews"), s.all.answered);
  EXPECT_EQ(js.at("correct"), s.all.correct);
  EXPECT_EQ(js.at("accuracy").get<double>(), s.all.accuracy());
  EXPECT_EQ(js.at("due_now"), s.due_now);
  EXPECT_EQ(js.at("mean_retrievability").get<double>(), s.mean_predicted_recall);

  auto check_schedule = [](const nlohmann::json& j, const CardSchedule& sc) {
    EXPECT_EQ(j.at("state"), core::to_string(sc.state));
    EXPECT_EQ(j.at("stability").get<double>(), sc.stability);  // exact: shortest round-trip text
    EXPECT_EQ(j.at("difficulty").get<double>(), sc.difficulty);
    EXPECT_EQ(j.at("due_ms").get<std::int64_t>(), sc.due);
    EXPECT_EQ(core::parse_iso(j.at("due").get<std::string>()), sc.due);
    if (sc.last_review) {
      EXPECT_EQ(j.at("last_review_ms").get<std::int64_t>(), *sc.last_review);
      EXPECT_EQ(core::parse_iso(j.at("last_review").get<std::string>()), *sc.last_review);
    } else {
      EXPECT_TRUE(j.at("last_review_ms").is_null());
      EXPECT_TRUE(j.at("last_review").is_null());
    }
    EXPECT_EQ(j.at("scheduled_days").get<std::int64_t>(), sc.scheduled_days);
    EXPECT_EQ(j.at("learning_steps"), sc.learning_steps);
    EXPECT_EQ(j.at("reps"), sc.reps);
    EXPECT_EQ(j.at("lapses"), sc.lapses);
  };

  const auto& cards = doc.at("cards");
  ASSERT_EQ(cards.size(), in.cards.size());
  for (std::size_t i = 0; i < in.cards.size(); ++i) {
    const auto& j = cards[i];
    const report::CardEntry& c = in.cards[i];
    SCOPED_TRACE(c.card_key);
    EXPECT_EQ(j.at("card_key"), c.card_key);
    EXPECT_EQ(j.at("bank_id"), c.bank_id);
    EXPECT_EQ(j.at("question_id"), c.question_id);
    EXPECT_EQ(j.at("bank_title"), c.bank_title);
    EXPECT_EQ(j.at("question_type"), c.question_type);
    EXPECT_EQ(j.at("prompt"), c.prompt);  // JSON is not neutralised: values are exact
    EXPECT_EQ(j.at("retrievability").get<double>(), c.retrievability);
    check_schedule(j.at("schedule"), c.schedule);
  }
  const auto& reviews = doc.at("reviews");
  ASSERT_EQ(reviews.size(), in.reviews.size());
  for (std::size_t i = 0; i < in.reviews.size(); ++i) {
    const auto& j = reviews[i];
    const ReviewRecord& r = in.reviews[i];
    SCOPED_TRACE(r.id);
    EXPECT_EQ(j.at("id").get<std::int64_t>(), r.id);
    EXPECT_EQ(j.at("learner"), r.learner);
    EXPECT_EQ(j.at("card_key"), r.card_key);
    EXPECT_EQ(j.at("reviewed_at_ms").get<std::int64_t>(), r.reviewed_at);
    EXPECT_EQ(core::parse_iso(j.at("reviewed_at").get<std::string>()), r.reviewed_at);
    EXPECT_EQ(j.at("rating"), core::to_string(r.rating));
    EXPECT_EQ(j.at("correct").get<bool>(), r.correct);
    EXPECT_EQ(j.at("answer"), r.answer);
    EXPECT_EQ(j.at("response_ms").get<std::int64_t>(), r.response_ms);
    check_schedule(j.at("before"), r.before);
    check_schedule(j.at("after"), r.after);
  }
}

TEST(JsonTest, InvalidUtf8BecomesReplacementCharacter) {
  report::ReportInput in;
  in.learner = std::string("bad \xC3\x28 byte");
  const nlohmann::json doc = nlohmann::json::parse(json_of(in));
  EXPECT_EQ(doc.at("learner"), "bad \xEF\xBF\xBD( byte");
}

TEST(HtmlTest, MatchesGolden) { expect_golden("report.html", html_of(fixed_input())); }

TEST(HtmlTest, NumbersAreTheSameUnderAGermanLocale) {
  std::locale german;
  try {
    german = std::locale("de_DE.UTF-8");
  } catch (const std::runtime_error&) {
    GTEST_SKIP() << "no de_DE.UTF-8 locale on this system (Debian: locales-all)";
  }
  report::ReportInput in = fixed_input();
  for (auto& c : in.cards) c.schedule.reps = 1234;  // streamed as an integer: "1.234" in German
  std::ostringstream plain;
  std::ostringstream localized;
  localized.imbue(german);
  report::write_html(in, plain);
  report::write_html(in, localized);
  EXPECT_NE(plain.str().find(">1234<"), std::string::npos);
  EXPECT_EQ(localized.str(), plain.str());
  EXPECT_EQ(localized.getloc().name(), german.name());  // the caller's locale is given back
  std::ostringstream csv_plain, csv_localized;
  csv_localized.imbue(german);
  report::write_csv(in, csv_plain);
  report::write_csv(in, csv_localized);
  EXPECT_EQ(csv_localized.str(), csv_plain.str());
}

TEST(HtmlTest, IsSelfContainedAndEscapesEveryBankString) {
  const std::string html = html_of(fixed_input());
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  EXPECT_EQ(lower.find("<script"), std::string::npos);
  EXPECT_EQ(lower.find("<img"), std::string::npos);
  EXPECT_EQ(lower.find("javascript:"), std::string::npos);
  EXPECT_EQ(lower.find("src=\"http"), std::string::npos);
  EXPECT_EQ(lower.find("href=\"http"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src 'unsafe-inline'; img-src data:\">"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;double&quot;, &#39;single&#39;, commas,\nsecond line"),
            std::string::npos);
  EXPECT_NE(html.find("Zoë &quot;O&#39;Brien&quot; &lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Bank &quot;A&quot; &amp; &lt;B&gt;"), std::string::npos);
  EXPECT_NE(html.find("=HYPERLINK(&quot;http://evil.example/?x=1&quot;,&quot;click me&quot;)"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find(kCyrillic), std::string::npos);
  EXPECT_NE(html.find(kRtl), std::string::npos);
  EXPECT_NE(html.find("dir=\"auto\""), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  // Local times in the learner's zone (CEST in June), UTC in the machine-readable attribute.
  EXPECT_NE(html.find("<time datetime=\"2024-06-01T12:00:00.000Z\" title=\"2024-06-01T12:00:00.000Z\">"
                      "2024-06-01 14:00 CEST</time>"),
            std::string::npos);
  // Every row of both tables is there.
  std::size_t rows = 0;
  for (std::size_t at = html.find("<tr>"); at != std::string::npos; at = html.find("<tr>", at + 1)) ++rows;
  // summary (11 card rows, 7 answer rows), coverage head + one "(no topic)" row per bank (the
  // bank rows are <tr class="bank">), mistakes head+2, retention head+6 periods, weakest
  // head+2 lapsed cards, card actions head + "none" row, mock exams head + "none" row, cards
  // head+rows, reviews head+rows
  EXPECT_EQ(rows, 18u + 5u + 3u + 7u + 3u + 2u + 2u + 6u + 7u);
  EXPECT_EQ(html.find("mastery"), std::string::npos);  // predicted recall is named for what it is
  EXPECT_EQ(html.find("Mastery"), std::string::npos);
}

TEST(HtmlTest, EmptyReportSaysSo) {
  report::ReportInput in;
  in.learner = "nobody";
  in.time_zone = "Not/AZone";  // unknown: times fall back to UTC
  in.generated_at = kNow;
  const std::string html = html_of(in);
  EXPECT_NE(html.find("No cards."), std::string::npos);
  EXPECT_NE(html.find("No reviews."), std::string::npos);
  EXPECT_NE(html.find("2024-06-01 12:00 UTC"), std::string::npos);
}

TEST(TextTest, CsvFieldQuotingFollowsRfc4180) {
  using report::detail::csv_field;
  using report::detail::csv_text_field;
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(csv_field("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(csv_text_field("=1+1"), "'=1+1");
  EXPECT_EQ(csv_text_field("+1"), "'+1");
  EXPECT_EQ(csv_text_field("-1"), "'-1");
  EXPECT_EQ(csv_text_field("@x"), "'@x");
  EXPECT_EQ(csv_text_field("\tx"), "'\tx");
  EXPECT_EQ(csv_text_field("\rx"), "\"'\rx\"");
  EXPECT_EQ(csv_text_field("=A1,\"b\""), "\"'=A1,\"\"b\"\"\"");
  EXPECT_EQ(csv_text_field("a=b"), "a=b");
}

TEST(TextTest, HtmlEscapeCoversAllFiveCharacters) {
  EXPECT_EQ(report::detail::html_escape("&<>\"'x"), "&amp;&lt;&gt;&quot;&#39;x");
  EXPECT_EQ(report::detail::html_escape("&amp;"), "&amp;amp;");
}

TEST(TextTest, XlsxCellTextKeepsEscapeLookalikesLiteral) {
  using report::detail::xlsx_cell_text;
  EXPECT_EQ(xlsx_cell_text("_x0041_"), "_x005F_x0041_");
  EXPECT_EQ(xlsx_cell_text("a_x4_b _x00e9_"), "a_x005F_x4_b _x005F_x00e9_");
  EXPECT_EQ(xlsx_cell_text("_x00041_"), "_x00041_");  // five digits: no escape, left as it is
  EXPECT_EQ(xlsx_cell_text("_x_ _xZ1_ x0041_"), "_x_ _xZ1_ x0041_");
  bool cut = true;
  EXPECT_EQ(xlsx_cell_text("plain", &cut), "plain");
  EXPECT_FALSE(cut);
}

TEST(TextTest, XlsxCellTextCutsLongTextAtACharacterWithAMarker) {
  using report::detail::kCellCutMarker;
  using report::detail::kMaxCellBytes;
  std::string text;
  for (int i = 0; i < 20'000; ++i) text += "\u0434";  // 40,000 bytes
  bool cut = false;
  const std::string cell = report::detail::xlsx_cell_text(text, &cut);
  EXPECT_TRUE(cut);
  EXPECT_LE(cell.size(), kMaxCellBytes);
  ASSERT_GT(cell.size(), kCellCutMarker.size());
  EXPECT_EQ(cell.substr(cell.size() - kCellCutMarker.size()), kCellCutMarker);
  const std::string kept = cell.substr(0, cell.size() - kCellCutMarker.size());
  EXPECT_EQ(kept.size() % 2, 0u);  // whole two-byte characters only
  EXPECT_EQ(text.compare(0, kept.size(), kept), 0);
  EXPECT_GT(kept.size(), kMaxCellBytes - kCellCutMarker.size() - 2);  // as much as fits
  // Exactly the limit fits without a cut; one more byte does not.
  EXPECT_EQ(report::detail::xlsx_cell_text(std::string(kMaxCellBytes, 'a'), &cut).size(), kMaxCellBytes);
  EXPECT_FALSE(cut);
  (void)report::detail::xlsx_cell_text(std::string(kMaxCellBytes + 1, 'a'), &cut);
  EXPECT_TRUE(cut);
}

TEST(TextTest, ControlCharactersInAnswersNeverReachHtmlOrCsvRaw) {
  // A learner's answer (or a bank's text) with ESC, BEL and a C1 CSI: shown as visible symbols
  // in every report; tab and line breaks are text and stay.
  report::ReportInput in = fixed_input();
  ASSERT_FALSE(in.reviews.empty());
  in.reviews.front().answer = "red \x1b[31m\x07 and \xc2\x9b" "2J\tend\r\nnext";
  const std::string csv = csv_of(in);
  const std::string html = html_of(in);
  for (const std::string* out : {&csv, &html}) {
    EXPECT_EQ(out->find('\x1b'), std::string::npos);
    EXPECT_EQ(out->find('\x07'), std::string::npos);
    EXPECT_EQ(out->find("\xc2\x9b"), std::string::npos);
  }
  // ESC -> U+241B, BEL -> U+2407, CSI -> "\u009B".
  EXPECT_NE(csv.find("red \xe2\x90\x9b[31m\xe2\x90\x87 and \\u009B2J\tend\r\nnext"), std::string::npos);
  EXPECT_NE(html.find("red \xe2\x90\x9b[31m\xe2\x90\x87 and \\u009B2J\tend\r\nnext"), std::string::npos);
  EXPECT_EQ(report::detail::visible_text("plain \xc3\xa9t\xc3\xa9\n"), "plain \xc3\xa9t\xc3\xa9\n");
  EXPECT_EQ(report::detail::xlsx_cell_text("a\x01" "b"), "a\xe2\x90\x81" "b");
}
