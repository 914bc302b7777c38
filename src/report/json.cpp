// The JSON report ("casebook-report" v3, docs/report-formats.md): the figures as one object,
// then the cards and the review log streamed one element at a time, so that a log of any
// length is never held in memory.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "report/figures.hpp"
#include "report/report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

using Json = nlohmann::ordered_json;

std::string iso(core::TimestampMs t) { return core::format_iso_utc(t); }

Json optional_instant(const std::optional<core::TimestampMs>& t) { return t ? Json(iso(*t)) : Json(nullptr); }
Json optional_ms(const std::optional<core::TimestampMs>& t) { return t ? Json(*t) : Json(nullptr); }

/// Invalid UTF-8 in bank or learner text becomes U+FFFD instead of failing the export.
std::string dump(const Json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }

Json schedule_json(const core::CardSchedule& s) {
  Json j;
  j["state"] = std::string(core::to_string(s.state));
  j["stability"] = s.stability;
  j["difficulty"] = s.difficulty;
  j["due"] = iso(s.due);
  j["due_ms"] = s.due;
  j["last_review"] = optional_instant(s.last_review);
  j["last_review_ms"] = optional_ms(s.last_review);
  j["scheduled_days"] = s.scheduled_days;
  j["learning_steps"] = s.learning_steps;
  j["reps"] = s.reps;
  j["lapses"] = s.lapses;
  return j;
}

Json exam_json(const ExamEntry& x) {
  const bool done = x.finished_at.has_value();
  Json j;
  j["started_at"] = iso(x.started_at);
  j["started_at_ms"] = x.started_at;
  j["finished_at"] = optional_instant(x.finished_at);
  j["finished_at_ms"] = optional_ms(x.finished_at);
  j["title"] = x.title;
  j["preset"] = x.preset.empty() ? Json(nullptr) : Json(x.preset);
  j["practice"] = x.practice;
  j["questions"] = x.questions;
  j["correct"] = done ? Json(x.correct) : Json(nullptr);
  j["score_percent"] = done ? Json(x.percent) : Json(nullptr);
  j["pass_mark_percent"] = x.pass_mark;
  j["outcome"] = std::string(x.outcome());
  j["timed_out"] = x.timed_out;
  j["time_taken_ms"] = optional_ms(x.time_taken_ms());
  j["time_limit_ms"] = x.time_limit_ms == 0 ? Json(nullptr) : Json(x.time_limit_ms);
  return j;
}

Json attempts_json(const Attempts& a) {
  return Json{{"answered", a.answered}, {"correct", a.correct},
              {"accuracy", a.answered == 0 ? Json(nullptr) : Json(a.accuracy())}};
}

Json retention_json(const RetentionCell& c) {
  return Json{{"passed", c.passed}, {"failed", c.failed},
              {"retention", c.total() == 0 ? Json(nullptr) : Json(c.retention())}};
}

Json coverage_json(const CoverageRow& r, bool topic) {
  Json j;
  j["bank_id"] = r.bank_id;
  j["bank_title"] = r.bank_title;
  if (topic) j["topic"] = r.topic;
  j["cards"] = r.cards;
  j["not_started"] = r.not_started;
  j["share_seen"] = r.share_seen();
  j["learning"] = r.learning;
  j["young"] = r.young;
  j["mature"] = r.mature;
  j["suspended"] = r.suspended;
  j["mean_predicted_recall"] = r.cards == r.not_started ? Json(nullptr) : Json(r.mean_predicted_recall);
  j["first_attempts"] = attempts_json(r.first_attempts);
  j["last_7_days"] = attempts_json(r.last_7_days);
  j["last_30_days"] = attempts_json(r.last_30_days);
  return j;
}

Json summary_json(const Figures& f) {
  Json s;
  s["cards"] = f.cards;
  s["new_cards"] = f.states[0];
  s["learning"] = f.states[1];
  s["review"] = f.states[2];
  s["relearning"] = f.states[3];
  s["reviews"] = f.all.answered;
  s["correct"] = f.all.correct;
  s["accuracy"] = f.all.accuracy();
  s["due_now"] = f.due_now;
  s["mean_retrievability"] = f.mean_predicted_recall;
  s["seen"] = f.started;
  s["in_learning"] = f.learning;
  s["young"] = f.young;
  s["mature"] = f.mature;
  s["retired"] = f.retired;
  s["syllabus"] = f.syllabus;
  s["not_started"] = f.not_started;
  s["share_seen"] = f.share_seen();
  s["suspended"] = f.suspended;
  s["leeches"] = f.leeches;
  s["first_attempts"] = attempts_json(f.first_attempts);
  s["last_7_days"] = attempts_json(f.last_7_days);
  s["last_30_days"] = attempts_json(f.last_30_days);
  s["minutes"] = f.minutes;
  return s;
}

Json analytics_json(const ReportInput& in, const Figures& f) {
  Json j;
  j["today"] = f.today_date;
  j["as_of"] = f.as_of_date;
  Json retention = Json::array();
  for (const RetentionRow& r : f.retention) {
    const RetentionCell total{r.young.passed + r.mature.passed, r.young.failed + r.mature.failed};
    retention.push_back(Json{{"period", r.period},
                             {"young", retention_json(r.young)},
                             {"mature", retention_json(r.mature)},
                             {"total", retention_json(total)}});
  }
  j["true_retention"] = std::move(retention);
  Json days = Json::array();
  for (const DayActivity& d : f.days) {
    days.push_back(Json{{"date", d.date}, {"reviews", d.reviews}, {"correct", d.correct}, {"minutes", d.minutes}});
  }
  j["daily"] = std::move(days);
  Json forecast = Json::array();
  for (std::size_t i = 0; i < f.forecast.size(); ++i) {
    forecast.push_back(Json{{"date", core::iso_date_of_day(f.today + static_cast<std::int64_t>(i))}, {"due", f.forecast[i]}});
  }
  j["forecast"] = std::move(forecast);
  Json banks = Json::array();
  for (const CoverageRow& r : f.banks) banks.push_back(coverage_json(r, false));
  Json topics = Json::array();
  for (const CoverageRow& r : f.topics) topics.push_back(coverage_json(r, true));
  j["coverage"] = Json{{"banks", std::move(banks)}, {"topics", std::move(topics)}};
  Json weakest = Json::array();
  for (const WeakCard& w : f.weakest) {
    weakest.push_back(Json{{"card_key", in.cards[w.card].card_key}, {"lapses", w.lapses}, {"leech", w.leech}});
  }
  j["weakest"] = std::move(weakest);
  Json mistakes = Json::array();
  for (const Mistake& m : f.mistakes) {
    const CardEntry* c = m.card ? &in.cards[*m.card] : nullptr;
    mistakes.push_back(Json{{"card_key", m.card_key},
                            {"prompt", c != nullptr ? Json(c->prompt) : Json(nullptr)},
                            {"answer", m.answer},
                            {"correct_answer", c != nullptr && !c->correct_answer.empty() ? Json(c->correct_answer) : Json(nullptr)},
                            {"answer_changed_since", m.key_changed},
                            {"reviewed_at", iso(m.reviewed_at)},
                            {"reviewed_at_ms", m.reviewed_at},
                            {"rating", std::string(core::to_string(m.rating))}});
  }
  j["mistakes"] = Json{{"total", f.mistakes_total}, {"shown", std::move(mistakes)}};
  return j;
}

/// Writes the elements of one top-level array after the head object, as nlohmann's
/// dump(2) would lay them out: each element indented by four spaces, "[]" when empty.
class ArrayWriter {
 public:
  ArrayWriter(std::ostream& out, std::string_view key) : m_out(out) { m_out << ",\n  \"" << key << "\": ["; }
  void add(const Json& j) {
    m_text = dump(j);
    m_out << (m_count++ == 0 ? "\n    " : ",\n    ");
    std::size_t start = 0;
    for (std::size_t nl = m_text.find('\n'); nl != std::string::npos; nl = m_text.find('\n', start)) {
      m_out.write(m_text.data() + start, static_cast<std::streamsize>(nl - start));
      m_out << "\n    ";
      start = nl + 1;
    }
    m_out.write(m_text.data() + start, static_cast<std::streamsize>(m_text.size() - start));
  }
  void close() { m_out << (m_count == 0 ? "]" : "\n  ]"); }

 private:
  std::ostream& m_out;
  std::string m_text;
  std::size_t m_count = 0;
};

}  // namespace

void write_json(const ReportInput& in, std::ostream& out) {
  const Figures f = compute_figures(in);
  Json doc;
  doc["schema"] = "casebook-report";
  doc["schema_version"] = 3;
  doc["generated_at"] = iso(in.generated_at);
  doc["generated_at_ms"] = in.generated_at;
  doc["learner"] = in.learner;
  doc["time_zone"] = in.time_zone;
  doc["rollover_hour"] = in.rollover_hour;
  doc["bank_filter"] = in.bank_filter.empty() ? Json(nullptr) : Json(in.bank_filter);
  doc["period"] = Json{{"from", optional_instant(in.from)}, {"from_ms", optional_ms(in.from)},
                       {"to", optional_instant(in.to)}, {"to_ms", optional_ms(in.to)}};
  Json banks = Json::array();
  for (const BankEntry& b : in.banks) {
    banks.push_back(Json{{"id", b.id}, {"title", b.title}, {"version", b.version}, {"language", b.language}});
  }
  doc["banks"] = std::move(banks);
  Json not_recorded = Json::array();
  for (const NotRecorded& what : kNotRecorded) not_recorded.push_back(std::string(what.key));
  doc["not_recorded"] = std::move(not_recorded);
  Json events = Json::array();
  for (const CardEventEntry& e : in.card_events) {
    events.push_back(Json{{"card_key", e.card_key},
                          {"at", iso(e.at)},
                          {"at_ms", e.at},
                          {"kind", e.kind},
                          {"flag", e.flag},
                          {"note", e.note}});
  }
  doc["card_events"] = std::move(events);
  Json exams = Json::array();
  for (const ExamEntry& x : in.exams) exams.push_back(exam_json(x));
  doc["mock_exams"] = std::move(exams);
  doc["summary"] = summary_json(f);
  doc["analytics"] = analytics_json(in, f);

  std::string head = dump(doc);
  head.resize(head.size() - 2);  // the closing "\n}": the arrays follow
  out << head;

  ArrayWriter cards(out, "cards");
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
    j["suspended"] = c.suspended;
    j["correct_answer"] = c.correct_answer.empty() ? Json(nullptr) : Json(c.correct_answer);
    j["schedule"] = schedule_json(c.schedule);
    cards.add(j);
  }
  cards.close();

  ArrayWriter reviews(out, "reviews");
  for_each_review(in, [&](const core::ReviewRecord& r) {
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
    j["bank_version"] = r.bank_version.empty() ? Json(nullptr) : Json(r.bank_version);  // null: not known
    j["before"] = schedule_json(r.before);
    j["after"] = schedule_json(r.after);
    reviews.add(j);
  });
  reviews.close();

  // Issue 16: the learner's choices to spread a backlog, which explain days with fewer reviews.
  ArrayWriter spreads(out, "backlog_spreads");
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
    spreads.add(j);
  }
  spreads.close();
  out << "\n}\n";
}

}  // namespace casebook::report
