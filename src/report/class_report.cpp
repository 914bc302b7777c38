// Class item analysis: parsing learners' JSON reports, the statistics, and the HTML page.
#include "report/class_report.hpp"

#include <tuple>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "core/grading.hpp"
#include "core/time.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

using nlohmann::json;

/// A string member of `j` (empty when absent or null); throws naming `where` when it is of
/// another type.
std::string text_field(const json& j, const char* key, const std::string& where) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_string()) throw std::runtime_error(where + ": `" + key + "` is not a string");
  return it->get<std::string>();
}

/// The array `key` of `doc` (empty when absent or null); throws when it is not an array or an
/// element is not an object, naming the element ("cards[3]").
const json& object_list(const json& doc, const char* key, const std::string& source) {
  static const json kEmpty = json::array();
  const auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return kEmpty;
  if (!it->is_array()) throw std::runtime_error(source + ": `" + key + "` is not a list");
  for (std::size_t i = 0; i < it->size(); ++i) {
    if (!(*it)[i].is_object()) {
      throw std::runtime_error(source + ": `" + key + "[" + std::to_string(i) + "]` is not an object");
    }
  }
  return *it;
}

bool is_choice_type(const std::string& type) {
  return type == "single_choice" || type == "multiple_response" || type == "dilemma";
}

/// What a dilemma answer (core::describe_answer: "position: <title>; rubric <k>/<n> met; ...")
/// counts as: the position taken and how many rubric lines were met (or "rubric skipped").
std::vector<std::string> dilemma_parts(const std::string& answer) {
  std::vector<std::string> out;
  const std::string position = "position: ";
  const std::size_t rubric = answer.find("; rubric ");
  if (answer.rfind(position, 0) == 0) out.push_back(answer.substr(0, rubric));
  if (core::rubric_skipped(answer)) {
    out.emplace_back("rubric skipped");
  } else if (rubric != std::string::npos) {
    const std::size_t met = answer.find(" met", rubric);
    if (met != std::string::npos) out.push_back(answer.substr(rubric + 2, met + 4 - rubric - 2));
  }
  return out;
}

/// The choices picked in a describe_answer text: one for single choice, split at "; " for
/// multiple response, the position and the rubric count for a dilemma; none for "(no answer)".
std::vector<std::string> picked(const std::string& type, const std::string& answer) {
  if (answer.empty() || answer == "(no answer)") return {};
  if (type == "dilemma") return dilemma_parts(answer);
  if (type != "multiple_response") return {answer};
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t sep = answer.find("; ", start);
    out.push_back(answer.substr(start, sep == std::string::npos ? std::string::npos : sep - start));
    if (sep == std::string::npos) break;
    start = sep + 2;
  }
  return out;
}

/// Pearson's r of paired values; nullopt with fewer than 2 pairs or a zero variance.
std::optional<double> pearson(const std::vector<std::pair<double, double>>& xy) {
  if (xy.size() < 2) return std::nullopt;
  double mx = 0, my = 0;
  for (const auto& [x, y] : xy) {
    mx += x;
    my += y;
  }
  mx /= static_cast<double>(xy.size());
  my /= static_cast<double>(xy.size());
  double sxy = 0, sxx = 0, syy = 0;
  for (const auto& [x, y] : xy) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
    syy += (y - my) * (y - my);
  }
  if (sxx <= 0 || syy <= 0) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace

LearnerExport parse_learner_export(std::string_view text, const std::string& source) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    throw std::runtime_error(source + ": not JSON (" + e.what() + ")");
  }
  const auto schema = doc.is_object() ? doc.find("schema") : doc.end();
  if (!doc.is_object() || schema == doc.end() || !schema->is_string() || schema->get<std::string>() != "casebook-report") {
    throw std::runtime_error(source + ": not a casebook report (schema \"casebook-report\" expected); "
                             "write one with `casebook report --format json`");
  }
  const auto version = doc.find("schema_version");
  if (version == doc.end() || !version->is_number_integer() || version->get<std::int64_t>() < 1) {
    throw std::runtime_error(source + ": `schema_version` is missing or not a positive integer");
  }
  LearnerExport out;
  out.source = source;
  out.learner = text_field(doc, "learner", source);
  const json& cards = object_list(doc, "cards", source);
  for (std::size_t i = 0; i < cards.size(); ++i) {
    const std::string where = source + ": cards[" + std::to_string(i) + "]";
    out.cards.push_back({text_field(cards[i], "card_key", where), text_field(cards[i], "question_type", where),
                         text_field(cards[i], "prompt", where)});
  }
  const json& reviews = object_list(doc, "reviews", source);
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    const json& r = reviews[i];
    const std::string where = source + ": reviews[" + std::to_string(i) + "]";
    ExportedReview rev;
    rev.card_key = text_field(r, "card_key", where);
    if (rev.card_key.empty()) throw std::runtime_error(where + ": `card_key` is missing or empty");
    const auto correct = r.find("correct");
    if (correct == r.end() || !correct->is_boolean()) throw std::runtime_error(where + ": no boolean `correct`");
    rev.correct = correct->get<bool>();
    rev.answer = text_field(r, "answer", where);
    const auto at = r.find("reviewed_at_ms");
    if (at != r.end() && !at->is_null()) {
      // Reviews are ordered by time to find each learner's first one: a bad time would pick
      // the wrong one silently.
      if (!at->is_number_integer() || (at->is_number_unsigned() && at->get<std::uint64_t>() > INT64_MAX)) {
        throw std::runtime_error(where + ": `reviewed_at_ms` is not a whole number of milliseconds");
      }
      rev.reviewed_at_ms = at->get<std::int64_t>();
    }
    out.reviews.push_back(std::move(rev));
  }
  // Problem reports (schema 3 reports from Casebook 0.2 on; optional).
  if (const auto events = doc.find("card_events"); events != doc.end() && events->is_array()) {
    for (std::size_t i = 0; i < events->size(); ++i) {
      const json& e = (*events)[i];
      const std::string where = source + ": card_events[" + std::to_string(i) + "]";
      if (!e.is_object() || text_field(e, "kind", where) != "report") continue;
      LearnerExport::ProblemReport p;
      p.card_key = text_field(e, "card_key", where);
      p.comment = text_field(e, "note", where);
      const auto at = e.find("at_ms");
      if (at != e.end() && at->is_number_integer()) p.at_ms = at->get<std::int64_t>();
      out.problem_reports.push_back(std::move(p));
    }
  }
  return out;
}

ClassReport compute_class_report(const std::vector<LearnerExport>& learners,
                                 const std::map<std::string, std::vector<core::Choice>>& choices) {
  ClassReport report;
  std::map<std::string, QuestionStats> stats;
  // first[learner][card] = 1 or 0: the learner's score on the card (first review).
  std::vector<std::map<std::string, double>> first(learners.size());
  for (std::size_t l = 0; l < learners.size(); ++l) {
    const LearnerExport& le = learners[l];
    std::map<std::string, const LearnerExport::Card*> card_info;
    for (const auto& c : le.cards) card_info[c.card_key] = &c;
    std::vector<ExportedReview> reviews = le.reviews;
    std::stable_sort(reviews.begin(), reviews.end(),
                     [](const ExportedReview& a, const ExportedReview& b) { return a.reviewed_at_ms < b.reviewed_at_ms; });
    LearnerRow row;
    row.learner = le.learner;
    for (const auto& r : reviews) {
      QuestionStats& q = stats[r.card_key];
      q.card_key = r.card_key;
      if (const auto it = card_info.find(r.card_key); it != card_info.end()) {
        if (q.question_type.empty()) q.question_type = it->second->question_type;
        if (q.prompt.empty()) q.prompt = it->second->prompt;
      }
      ++q.attempts;
      ++row.reviews;
      row.correct += r.correct ? 1 : 0;
      if (first[l].emplace(r.card_key, r.correct ? 1.0 : 0.0).second) {
        ++q.learners;
        q.first_correct += r.correct ? 1 : 0;
      }
    }
    row.questions = static_cast<int>(first[l].size());
    double sum = 0;
    for (const auto& [key, score] : first[l]) sum += score;
    row.first_attempt_score = row.questions == 0 ? 0.0 : 100.0 * sum / row.questions;
    report.learners.push_back(std::move(row));
  }
  // Answer counts need the type, known only once every learner's cards are read.
  for (const auto& le : learners) {
    for (const auto& r : le.reviews) {
      QuestionStats& q = stats[r.card_key];
      if (!is_choice_type(q.question_type)) continue;
      for (const auto& p : picked(q.question_type, r.answer)) {
        auto it = std::find_if(q.answers.begin(), q.answers.end(), [&](const AnswerCount& a) { return a.answer == p; });
        if (it == q.answers.end()) q.answers.push_back({p, 1, std::nullopt});
        else ++it->picks;
      }
    }
  }
  for (auto& [key, q] : stats) {
    if (const auto it = choices.find(key); it != choices.end() && is_choice_type(q.question_type)) {
      for (const auto& c : it->second) {
        auto a = std::find_if(q.answers.begin(), q.answers.end(), [&](const AnswerCount& x) { return x.answer == c.text; });
        if (a == q.answers.end()) q.answers.push_back({c.text, 0, c.correct});
        else a->correct = c.correct;
      }
    }
    std::stable_sort(q.answers.begin(), q.answers.end(), [](const AnswerCount& a, const AnswerCount& b) {
      return a.picks != b.picks ? a.picks > b.picks : a.answer < b.answer;
    });
    q.facility = q.learners == 0 ? 0.0 : 100.0 * q.first_correct / q.learners;
    std::vector<std::pair<double, double>> pairs;
    for (const auto& scores : first) {
      const auto own = scores.find(key);
      if (own == scores.end() || scores.size() < 2) continue;
      double rest = 0;
      for (const auto& [other, s] : scores) {
        if (other != key) rest += s;
      }
      pairs.emplace_back(own->second, rest / static_cast<double>(scores.size() - 1));
    }
    if (const auto r = pearson(pairs)) {
      // A correlation within rounding of 0 is 0, so it never shows as a negative flag.
      q.discrimination = std::abs(*r) < 1e-12 ? 0.0 : 100.0 * *r;
    }
    q.too_easy = q.learners > 0 && q.facility >= kTooEasyFacility;
    q.too_hard = q.learners > 0 && q.facility <= kTooHardFacility;
    q.negative_discrimination = q.discrimination && *q.discrimination < 0;
    report.questions.push_back(q);
  }
  for (const LearnerExport& le : learners) {
    for (const LearnerExport::ProblemReport& p : le.problem_reports) {
      std::string prompt;
      for (const auto& c : le.cards) {
        if (c.card_key == p.card_key) prompt = c.prompt;
      }
      report.problem_reports.push_back(ProblemReportRow{le.learner, p.card_key, std::move(prompt), p.at_ms, p.comment});
    }
  }
  std::stable_sort(report.problem_reports.begin(), report.problem_reports.end(),
                   [](const ProblemReportRow& a, const ProblemReportRow& b) {
                     return std::tie(a.card_key, a.at_ms) < std::tie(b.card_key, b.at_ms);
                   });
  return report;
}

namespace {

constexpr const char* kClassStyle = R"(body{font-family:sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin-bottom:2em}th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top}
th{background:#eee;text-align:left}td.n{text-align:right}.flag{color:#a00;font-weight:bold}
@media print{thead{display:table-header-group}tr{page-break-inside:avoid}})";

std::string percent(double v) { return core::format_fixed(v, 1); }

}  // namespace

void write_class_html(const ClassReport& report, std::ostream& out) {
  using detail::html_escape;
  const detail::ClassicLocaleGuard classic(out);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
      << "<title>Casebook class report</title>\n<style>" << kClassStyle << "</style>\n</head>\n<body>\n"
      << "<h1>Class report</h1>\n<p>" << report.learners.size() << " learners, " << report.questions.size()
      << " questions. Facility index F: percent of learners right on their first review; discrimination "
         "index D: 100 &times; correlation with the rest of the learner's first-review scores (Moodle's "
         "definitions, see docs/class-report.md).</p>\n";
  out << "<h2>Questions</h2>\n<table>\n<thead><tr><th>Question</th><th>Type</th><th>Prompt</th><th>Attempts</th>"
         "<th>Learners</th><th>F (%)</th><th>D (%)</th><th>Flags</th><th>Answers given</th></tr></thead>\n<tbody>\n";
  for (const auto& q : report.questions) {
    std::vector<std::string> flags;
    if (q.too_easy) flags.emplace_back("too easy");
    if (q.too_hard) flags.emplace_back("too hard");
    if (q.negative_discrimination) flags.emplace_back("negative discrimination");
    std::string flag_text;
    for (const auto& f : flags) flag_text += (flag_text.empty() ? "" : ", ") + f;
    out << "<tr><td dir=\"auto\">" << html_escape(q.card_key) << "</td><td>" << html_escape(q.question_type)
        << "</td><td dir=\"auto\">" << html_escape(q.prompt) << "</td><td class=\"n\">" << q.attempts
        << "</td><td class=\"n\">" << q.learners << "</td><td class=\"n\">" << percent(q.facility)
        << "</td><td class=\"n\">" << (q.discrimination ? percent(*q.discrimination) : "&mdash;")
        << "</td><td class=\"flag\">" << flag_text << "</td><td dir=\"auto\">";
    if (!q.answers.empty()) {
      out << "<ul>";
      for (const auto& a : q.answers) {
        out << "<li>" << html_escape(a.answer) << ": " << a.picks
            << (a.correct ? (*a.correct ? " (correct)" : " (distractor)") : "") << "</li>";
      }
      out << "</ul>";
    }
    out << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n<h2>Learners</h2>\n<table>\n<thead><tr><th>Learner</th><th>Questions</th>"
         "<th>Reviews</th><th>Correct reviews</th><th>First-review score (%)</th></tr></thead>\n<tbody>\n";
  for (const auto& l : report.learners) {
    out << "<tr><td dir=\"auto\">" << html_escape(l.learner) << "</td><td class=\"n\">" << l.questions
        << "</td><td class=\"n\">" << l.reviews << "</td><td class=\"n\">" << l.correct << "</td><td class=\"n\">"
        << percent(l.first_attempt_score) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n<h2>Problem reports from learners</h2>\n";
  if (report.problem_reports.empty()) {
    out << "<p>No learner reported a problem with a question.</p>\n";
  } else {
    out << "<table>\n<thead><tr><th>Question</th><th>Prompt</th><th>Learner</th><th>When (UTC)</th><th>Comment</th>"
           "</tr></thead>\n<tbody>\n";
    for (const auto& p : report.problem_reports) {
      out << "<tr><td dir=\"auto\">" << html_escape(p.card_key) << "</td><td dir=\"auto\">" << html_escape(p.prompt)
          << "</td><td dir=\"auto\">" << html_escape(p.learner) << "</td><td>"
          << (p.at_ms > 0 ? core::format_iso_utc(p.at_ms) : std::string("&mdash;")) << "</td><td dir=\"auto\">"
          << html_escape(p.comment) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace casebook::report
