// CSV (RFC 4180) and JSON ("casebook-report" v2) writers. Columns and fields are documented
// in docs/report-formats.md; keep the two in step.
#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

using detail::csv_field;
using detail::csv_text_field;

constexpr int kDecimals = 6;
constexpr std::string_view kCrLf = "\r\n";

/// Column order of the CSV table (docs/report-formats.md).
constexpr std::array<std::string_view, 26> kCsvColumns = {
    "record",        "card_key",      "bank_id",          "question_id",      "question_type",
    "state",         "stability",     "difficulty",       "retrievability",   "due",
    "last_review",   "reps",          "lapses",           "prompt",           "reviewed_at",
    "rating",        "correct",       "answer",           "response_ms",      "state_before",
    "state_after",   "stability_after", "difficulty_after", "due_after",        "retired",
    "topics"};

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    out << cells[i];
  }
  out << kCrLf;
}

std::string iso(core::TimestampMs t) { return core::format_iso_utc(t); }

std::string optional_iso(const std::optional<core::TimestampMs>& t) {
  return t ? core::format_iso_utc(*t) : std::string();
}

using Json = nlohmann::ordered_json;

Json schedule_json(const core::CardSchedule& s) {
  Json j;
  j["state"] = std::string(core::to_string(s.state));
  j["stability"] = s.stability;
  j["difficulty"] = s.difficulty;
  j["due"] = iso(s.due);
  j["due_ms"] = s.due;
  j["last_review"] = s.last_review ? Json(iso(*s.last_review)) : Json(nullptr);
  j["last_review_ms"] = s.last_review ? Json(*s.last_review) : Json(nullptr);
  j["scheduled_days"] = s.scheduled_days;
  j["learning_steps"] = s.learning_steps;
  j["reps"] = s.reps;
  j["lapses"] = s.lapses;
  return j;
}

Json retention_json(const RetentionCell& c) {
  return Json{{"passed", c.passed}, {"failed", c.failed},
              {"retention", c.total() == 0 ? Json(nullptr) : Json(c.retention())}};
}

Json analytics_json(const ReportInput& in, const Analytics& a) {
  Json j;
  j["today"] = a.today_date;
  Json retention = Json::array();
  for (const RetentionRow& r : a.retention) {
    RetentionCell total{r.young.passed + r.mature.passed, r.young.failed + r.mature.failed};
    retention.push_back(Json{{"period", r.period},
                             {"young", retention_json(r.young)},
                             {"mature", retention_json(r.mature)},
                             {"total", retention_json(total)}});
  }
  j["true_retention"] = std::move(retention);
  Json days = Json::array();
  for (const DayActivity& d : a.days) days.push_back(Json{{"date", d.date}, {"reviews", d.reviews}, {"minutes", d.minutes}});
  j["daily"] = std::move(days);
  Json forecast = Json::array();
  for (std::size_t i = 0; i < a.forecast.size(); ++i) {
    forecast.push_back(Json{{"date", core::iso_date_of_day(a.today + static_cast<std::int64_t>(i))}, {"due", a.forecast[i]}});
  }
  j["forecast"] = std::move(forecast);
  Json topics = Json::array();
  for (const TopicMastery& t : a.topics) {
    topics.push_back(Json{{"topic", t.topic}, {"cards", t.cards}, {"mean_retrievability", t.mean_retrievability}});
  }
  j["topics"] = std::move(topics);
  Json weakest = Json::array();
  for (const WeakCard& w : a.weakest) {
    weakest.push_back(Json{{"card_key", in.cards[w.card].card_key}, {"lapses", w.lapses}, {"leech", w.leech}});
  }
  j["weakest"] = std::move(weakest);
  return j;
}

}  // namespace

void write_csv(const ReportInput& in, std::ostream& out) {
  write_row(out, std::vector<std::string>(kCsvColumns.begin(), kCsvColumns.end()));
  for (const CardEntry& c : in.cards) {
    const core::CardSchedule& s = c.schedule;
    std::vector<std::string> row(kCsvColumns.size());
    row[0] = "card";
    row[1] = csv_text_field(c.card_key);
    row[2] = csv_text_field(c.bank_id);
    row[3] = csv_text_field(c.question_id);
    row[4] = csv_text_field(c.question_type);
    row[5] = std::string(core::to_string(s.state));
    row[6] = core::format_fixed(s.stability, kDecimals);
    row[7] = core::format_fixed(s.difficulty, kDecimals);
    row[8] = core::format_fixed(c.retrievability, kDecimals);
    row[9] = iso(s.due);
    row[10] = optional_iso(s.last_review);
    row[11] = std::to_string(s.reps);
    row[12] = std::to_string(s.lapses);
    row[13] = csv_text_field(c.prompt);
    row[24] = c.retired ? "1" : "0";
    std::string topics;
    for (const std::string& t : c.topics) topics += (topics.empty() ? "" : "; ") + t;
    row[25] = csv_text_field(topics);
    write_row(out, row);
  }
  for (const core::ReviewRecord& r : in.reviews) {
    const detail::KeyParts parts = detail::split_card_key(r.card_key);
    std::vector<std::string> row(kCsvColumns.size());
    row[0] = "review";
    row[1] = csv_text_field(r.card_key);
    row[2] = csv_text_field(parts.bank_id);
    row[3] = csv_text_field(parts.question_id);
    row[14] = iso(r.reviewed_at);
    row[15] = std::string(core::to_string(r.rating));
    row[16] = r.correct ? "1" : "0";
    row[17] = csv_text_field(r.answer);
    row[18] = std::to_string(r.response_ms);
    row[19] = std::string(core::to_string(r.before.state));
    row[20] = std::string(core::to_string(r.after.state));
    row[21] = core::format_fixed(r.after.stability, kDecimals);
    row[22] = core::format_fixed(r.after.difficulty, kDecimals);
    row[23] = iso(r.after.due);
    write_row(out, row);
  }
}

void write_json(const ReportInput& in, std::ostream& out) {
  const Summary sum = summarize(in);
  Json doc;
  doc["schema"] = "casebook-report";
  doc["schema_version"] = 2;
  doc["generated_at"] = iso(in.generated_at);
  doc["generated_at_ms"] = in.generated_at;
  doc["learner"] = in.learner;
  doc["time_zone"] = in.time_zone;
  doc["rollover_hour"] = in.rollover_hour;
  doc["bank_filter"] = in.bank_filter.empty() ? Json(nullptr) : Json(in.bank_filter);

  Json& s = doc["summary"];
  s["cards"] = sum.cards;
  s["new_cards"] = sum.new_cards;
  s["learning"] = sum.learning;
  s["review"] = sum.review;
  s["relearning"] = sum.relearning;
  s["reviews"] = sum.reviews;
  s["correct"] = sum.correct;
  s["accuracy"] = sum.accuracy;
  s["due_now"] = sum.due_now;
  s["mean_retrievability"] = sum.mean_retrievability;
  const Analytics a = analyze(in);
  s["seen"] = a.seen;
  s["in_learning"] = a.learning;
  s["young"] = a.young;
  s["mature"] = a.mature;
  s["retired"] = a.retired;
  doc["analytics"] = analytics_json(in, a);

  Json cards = Json::array();
  for (const CardEntry& c : in.cards) {
    Json j;
    j["card_key"] = c.card_key;
    j["bank_id"] = c.bank_id;
    j["question_id"] = c.question_id;
    j["bank_title"] = c.bank_title;
    j["question_type"] = c.question_type;
    j["prompt"] = c.prompt;
    j["retrievability"] = c.retrievability;
    j["retired"] = c.retired;
    j["topics"] = c.topics;
    j["language"] = c.language;
    j["schedule"] = schedule_json(c.schedule);
    cards.push_back(std::move(j));
  }
  doc["cards"] = std::move(cards);

  Json reviews = Json::array();
  for (const core::ReviewRecord& r : in.reviews) {
    Json j;
    j["id"] = r.id;
    j["learner"] = r.learner;
    j["card_key"] = r.card_key;
    j["reviewed_at"] = iso(r.reviewed_at);
    j["reviewed_at_ms"] = r.reviewed_at;
    j["rating"] = std::string(core::to_string(r.rating));
    j["correct"] = r.correct;
    j["answer"] = r.answer;
    j["response_ms"] = r.response_ms;
    j["before"] = schedule_json(r.before);
    j["after"] = schedule_json(r.after);
    reviews.push_back(std::move(j));
  }
  doc["reviews"] = std::move(reviews);

  // Issue 16: the learner's choices to spread a backlog, which explain days with fewer reviews.
  Json spreads = Json::array();
  for (const core::BacklogSpread& sp : in.backlog_spreads) {
    Json j;
    j["created_at"] = iso(sp.created_at);
    j["created_at_ms"] = sp.created_at;
    j["first_date"] = core::iso_date_of_day(sp.first_day);
    j["last_date"] = core::iso_date_of_day(sp.first_day + sp.days - 1);
    j["days"] = sp.days;
    j["cards"] = sp.cards.size();
    j["overdue"] = sp.overdue;
    j["new_cards_paused"] = sp.pause_new;
    Json per_day = Json::array();
    for (const int n : core::backlog_cards_per_day(static_cast<int>(sp.cards.size()), sp.days)) per_day.push_back(n);
    j["cards_per_day"] = std::move(per_day);
    spreads.push_back(std::move(j));
  }
  doc["backlog_spreads"] = std::move(spreads);

  // Invalid UTF-8 in bank or learner text becomes U+FFFD instead of failing the export.
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace casebook::report
