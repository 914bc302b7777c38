// Report export: gathering the report input from storage and banks, atomic report files,
// and the step-by-step exporter behind the GUI's Export screen.
#include "app/report_export.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <filesystem>
#include <map>
#include <set>
#include <memory>
#include <optional>
#include <fstream>
#include <stdexcept>
#include <utility>

#include "app/answer_changes.hpp"
#include "app/effective_options.hpp"
#include "app/files.hpp"
#include "bank/loader.hpp"
#include "core/citation.hpp"
#include "core/grading.hpp"
#include "core/question.hpp"
#include "core/scheduler.hpp"
#include "core/study_day_text.hpp"
#include "core/time.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> topic_titles(const core::Bank& bank, const core::Question& q) {
  std::vector<std::string> out;
  for (const std::string& id : q.topics) {
    const auto t = std::find_if(bank.topics.begin(), bank.topics.end(), [&](const core::Topic& x) { return x.id == id; });
    out.push_back(t == bank.topics.end() || t->title.empty() ? id : t->title);
  }
  return out;
}

/// The bank id and question id of a stored card key, split at the first '/'; a key without
/// '/' is all bank id (what reports have always shown for such a key).
std::pair<std::string, std::string> split_stored_key(std::string_view key) {
  const auto slash = key.find('/');
  if (slash == std::string_view::npos) return {std::string(key), std::string()};
  return {std::string(key.substr(0, slash)), std::string(key.substr(slash + 1))};
}

/// The instant of one bound of a period: a date's study-day start (the next day's for the
/// end), or an ISO instant.
core::TimestampMs period_bound(const std::string& text, const char* option, bool end, const core::DayClock& clock) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    const auto day = core::day_of_iso_date(text);
    if (!day) throw std::invalid_argument(std::string(option) + " " + text + ": not a date (YYYY-MM-DD)");
    return core::study_day_start(*day + (end ? 1 : 0), clock);
  }
  try {
    return core::parse_iso(text);
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument(std::string(option) + " " + text +
                                ": not a date (YYYY-MM-DD) or an instant (YYYY-MM-DDTHH:MM:SSZ)");
  }
}

}  // namespace

ReportPeriod parse_report_period(const std::string& from, const std::string& to, const core::DayClock& clock,
                                 const PeriodNames& names) {
  ReportPeriod p;
  core::DayClock safe = clock;
  try {
    (void)core::study_day(0, safe);
  } catch (const std::exception&) {
    safe.time_zone = "UTC";  // an unknown zone: dates are UTC days
  }
  if (!from.empty()) p.from = period_bound(from, names.from, false, safe);
  if (!to.empty()) p.to = period_bound(to, names.to, true, safe);
  if (p.from && p.to && *p.from >= *p.to) {
    throw std::invalid_argument(std::string("the period ends before it starts (") + names.from + " " + from + ", " +
                                names.to + " " + to + ")");
  }
  return p;
}

GatheredReport gather_report(const ReportRequest& request) {
  std::error_code ec;
  if (!fs::is_regular_file(request.db_path, ec)) throw std::runtime_error("no progress database at " + request.db_path);
  // Read-only, never writes; shared with the review cursor of the report input.
  auto progress = std::make_shared<storage::Progress>(request.db_path, storage::Progress::Access::ReadOnly);
  const auto learners = progress->learners();
  if (std::find(learners.begin(), learners.end(), request.learner) == learners.end()) {
    std::string known;
    for (const auto& l : learners) known += (known.empty() ? "" : ", ") + l;
    throw std::runtime_error("no learner named '" + request.learner + "' in " + request.db_path +
                             (known.empty() ? std::string(" (it has no learners)") : " (learners: " + known + ")"));
  }
  GatheredReport out;
  // The banks stay loaded as long as the report input: its cards point at their questions.
  const auto loads = std::make_shared<const std::vector<bank::LoadResult>>(bank::load_banks(request.bank_paths));
  std::map<std::string, const core::Bank*> banks;
  for (const auto& load : *loads) {
    if (load.bank) {
      banks.emplace(load.bank->info.id, &*load.bank);
    } else {
      out.bank_warnings.push_back("bank " + load.path + " did not load (see 'casebook validate " + load.path + "')");
    }
  }
  if (!request.bank_filter.empty() && !banks.count(request.bank_filter)) {
    out.bank_warnings.push_back("no loaded bank has the id '" + request.bank_filter +
                                "': the report holds only the history of its cards");
  }

  // The learner's effective options, as the study screen uses them.
  const EffectiveOptions options = load_effective_options(request.base, *progress, request.learner).options;
  report::ReportInput& in = out.input;
  in.learner = request.learner;
  in.generated_at = request.now;
  in.time_zone = options.clock().time_zone;
  in.rollover_hour = options.clock().rollover_hour;
  in.bank_filter = request.bank_filter;
  const ReportPeriod period = parse_report_period(request.from, request.to, options.clock());
  in.from = period.from;
  in.to = period.to;
  if (period.from && *period.from > request.now) {
    // Typed "today" before the rollover hour (03:00 with rollover at 04:00): the period starts
    // later today, and the answers given so far belong to the study day before.
    const core::DayClock clock = options.clock();
    out.bank_warnings.push_back(
        "the period starts at " + core::format_local_minutes(*period.from, clock.time_zone) + ", after now (" +
        core::format_local_minutes(request.now, clock.time_zone) + "): " + core::study_day_begins(clock) +
        ", so the answers of today so far are on study day " +
        core::iso_date_of_day(core::study_day(request.now, clock)) + "; start the period on that day to include them");
  }

  // Every question of the banks (started or not), then the stored cards whose question is gone.
  const auto wanted = [&](const std::string& bank_id) { return request.bank_filter.empty() || bank_id == request.bank_filter; };
  const auto states = progress->card_states(request.learner);
  // The syllabus, as Home's "All course banks": an example or template bank counts only when
  // asked for by id or once the learner has studied it (its cards would otherwise swell "of N").
  std::set<std::string> studied_banks;
  for (const auto& entry : states) studied_banks.insert(split_stored_key(entry.first).first);
  std::map<std::string, report::CardEntry> cards;
  for (const auto& [id, bank] : banks) {
    if (!wanted(id)) continue;
    if (request.bank_filter.empty() && bank->info.kind != core::BankKind::Course && !studied_banks.count(id)) continue;
    in.banks.push_back(report::BankEntry{id, bank->info.title, bank->info.version, bank->info.language, {}});
    for (const core::Topic& t : bank->topics) in.banks.back().topics.push_back(t.title);
    for (const core::Question& q : bank->questions) {
      report::CardEntry e;
      e.card_key = core::card_key(*bank, q);
      e.bank_id = id;
      e.question_id = q.id;
      e.bank_title = bank->info.title;
      e.prompt = core::render_citations(q.prompt, bank->sources);  // "(CRS report R43383, 2014)", not "[@crs]"
      e.question_type = core::to_string(q.type);
      e.topics = topic_titles(*bank, q);
      if (!bank->info.language.empty()) e.language = bank->info.language;
      e.correct_answer = core::render_citations(core::grade(q, core::Answer{}).expected, bank->sources);
      e.question = std::shared_ptr<const core::Question>(loads, &q);
      e.schedule.due = request.now;  // not started: due whenever it is introduced
      cards.emplace(e.card_key, std::move(e));
    }
  }
  for (const auto& [key, schedule] : states) {
    auto [bank_id, question_id] = split_stored_key(key);
    if (!wanted(bank_id)) continue;
    auto [it, added] = cards.try_emplace(key);
    report::CardEntry& e = it->second;
    if (added) {
      e.card_key = key;
      e.bank_id = std::move(bank_id);
      e.question_id = std::move(question_id);
      e.retired = true;  // no loaded bank has this question any more: keep its history
      if (const auto b = banks.find(e.bank_id); b != banks.end()) e.bank_title = b->second->info.title;
    }
    e.schedule = schedule;
    e.retrievability = options.scheduler_for_card(key).retrievability(schedule, request.now);
  }
  for (const auto& [key, flags] : progress->card_flags(request.learner)) {
    if (const auto it = cards.find(key); it != cards.end()) it->second.suspended = flags.suspended;
  }
  in.cards.reserve(cards.size());
  for (auto& [key, e] : cards) in.cards.push_back(std::move(e));

  // The review log stays in the database: each pass of a writer reads it with a cursor.
  storage::Progress::ReviewFilter filter;
  filter.learner = request.learner;
  filter.from = period.from;
  filter.to = period.to;
  filter.bank_id = request.bank_filter;
  in.review_source = [progress, filter](const report::ReviewSink& sink) { progress->for_each_review(filter, sink); };
  // The same bank and period for what the log's side tables record (at: when it happened).
  const auto in_report = [&](const std::string& card_key, core::TimestampMs at) {
    return wanted(split_stored_key(card_key).first) && (!period.from || at >= *period.from) &&
           (!period.to || at < *period.to);
  };
  for (const storage::VoidedReview& v : progress->voided_reviews(request.learner)) {
    if (!in_report(v.card_key, v.voided_at)) continue;
    in.voided.push_back(report::VoidedEntry{v.learner, v.card_key, v.reviewed_at, v.voided_at});
  }
  for (storage::CardEvent& e : progress->card_events(request.learner)) {
    if (!in_report(e.card_key, e.at)) continue;
    in.card_events.push_back(
        report::CardEventEntry{std::move(e.card_key), e.at, std::string(storage::to_string(e.kind)), e.flag, std::move(e.note)});
  }
  // Re-keyed questions (issue 14): kind "answer_changed", in time order with the card events.
  for (storage::AnswerChange& c : progress->answer_changes(request.learner)) {
    if (!in_report(c.card_key, c.at)) continue;
    std::string note = answer_change_notice(c.new_version);
    if (!c.old_version.empty()) note += " It was last answered in version " + c.old_version + ".";
    in.card_events.push_back(report::CardEventEntry{std::move(c.card_key), c.at, "answer_changed", 0, std::move(note)});
  }
  std::stable_sort(in.card_events.begin(), in.card_events.end(),
                   [](const report::CardEventEntry& a, const report::CardEventEntry& b) { return a.at < b.at; });
  // Mock exam attempts (issue 11) started in the period, summarised in SQL.
  for (storage::ExamSummaryRow& a : progress->exam_summaries(request.learner, period.from, period.to, request.bank_filter)) {
    report::ExamEntry e;
    e.started_at = a.started_at;
    e.title = std::move(a.title);
    e.preset = std::move(a.preset);
    e.questions = a.questions;
    e.pass_mark = a.pass_mark;
    e.practice = a.practice;
    e.time_limit_ms = a.time_limit_ms;
    if (a.result) {
      e.finished_at = a.result->finished_at;
      e.correct = a.result->correct;
      e.percent = a.result->percent;
      e.passed = a.result->passed;
      e.timed_out = a.result->timed_out;
    }
    in.exams.push_back(std::move(e));
  }
  for (core::BacklogSpread& spread : progress->backlog_spreads(request.learner)) {
    if (!request.bank_filter.empty()) {
      std::erase_if(spread.cards, [&](const core::BacklogAssignment& a) {
        return split_stored_key(a.card_key).first != request.bank_filter;
      });
    }
    if (!spread.cards.empty()) in.backlog_spreads.push_back(std::move(spread));
  }
  return out;
}

ReportFileResult write_report_file(const report::ReportInput& in, std::string_view format, const std::string& path) {
  if (std::find(kReportFormats.begin(), kReportFormats.end(), format) == kReportFormats.end()) {
    throw std::invalid_argument("unknown report format '" + std::string(format) + "' (html, pdf, csv, xlsx, json or xapi)");
  }
  ReportFileResult result;
  // Count the reviews as the writer reads them (every writer reads the whole period once).
  // The period and bank stay in `counted`, for the writers to show; applying them a second
  // time, in the writer's own report::for_each_review, changes nothing.
  report::ReportInput counted = in;
  std::size_t pass = 0;
  counted.review_source = [&](const report::ReviewSink& sink) {
    pass = 0;
    report::for_each_review(in, [&](const core::ReviewRecord& r) {
      ++pass;
      sink(r);
    });
    result.reviews = std::max(result.reviews, pass);
  };
  counted.reviews.clear();
  const fs::path target(path);
  if (format == "xlsx" || format == "pdf") {
    // libxlsxwriter and cairo write by path: into a temporary file beside the target, then committed.
    AtomicFile file(target.string());
    if (format == "xlsx") {
      result.warnings = report::write_xlsx(counted, file.temp_path());
    } else {
      report::write_pdf(counted, file.temp_path());
    }
    file.commit();
    return result;
  }
  AtomicFile file(target.string());
  {
    std::vector<char> buffer(std::size_t{1} << 20);  // large writes: a report may be gigabytes
    std::ofstream text;
    text.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    text.open(file.temp_path(), std::ios::binary | std::ios::trunc);
    if (!text) throw std::runtime_error("cannot write " + file.temp_path() + ": " + std::strerror(errno));
    text.exceptions(std::ios::badbit | std::ios::failbit);
    if (format == "csv") {
      report::write_csv(counted, text);
    } else if (format == "json") {
      report::write_json(counted, text);
    } else if (format == "html") {
      report::write_html(counted, text);
    } else {
      report::write_xapi(counted, text);
    }
    text.flush();
  }
  file.commit();
  return result;
}

std::string report_file_name(std::string_view format) {
  if (format == "xapi") return "casebook-report.xapi.json";
  return "casebook-report." + std::string(format);
}

std::vector<std::string> propose_report_paths(const std::string& folder, const std::string& learner,
                                              const std::string& date, const std::vector<std::string>& formats) {
  // Learner names may hold anything: keep letters, digits (any script), '-' and '_'.
  std::string who;
  for (const char c : learner) {
    const auto u = static_cast<unsigned char>(c);
    who += (u >= 0x80 || std::isalnum(u) || c == '-' || c == '_') ? c : '_';
  }
  const std::string stem = "casebook-report-" + who + "-" + date;
  for (int k = 1;; ++k) {
    std::vector<std::string> paths;
    bool taken = false;
    for (const std::string& format : formats) {
      std::string name = report_file_name(format);  // casebook-report.<ext>
      name = stem + (k > 1 ? "-" + std::to_string(k) : "") + name.substr(std::string("casebook-report").size());
      const fs::path p = fs::path(folder) / name;
      std::error_code ec;
      taken = taken || fs::exists(fs::symlink_status(p, ec));
      paths.push_back(p.string());
    }
    if (!taken) return paths;
  }
}

}  // namespace casebook::app
