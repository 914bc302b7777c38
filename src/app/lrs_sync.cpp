// Sending a learner's statements (answers, answers taken back, problem reports) to a learning
// record store (resumable, in batches, retried with back-off, conflicts reported) and reading
// them back for the class report.
#include <algorithm>
#include <curl/curl.h>
#include <stdexcept>
#include <thread>

#include "app/lrs.hpp"
#include "app/report_export.hpp"
#include "storage/progress.hpp"

namespace casebook::app {
namespace {

/// One statement waiting to be sent.
struct Pending {
  std::int64_t review_id = 0;
  std::string card_key;
  core::TimestampMs reviewed_at = 0;
  std::string id;
  std::string json;
  bool voiding = false;  ///< a voiding statement (review_id is the review it takes back)
  bool report = false;   ///< a problem report's statement (review_id is the card event's id)
};

/// Thrown inside the review cursor to stop the sync (offline, an HTTP error, cancelled).
struct StopSync {
  std::string reason;
  bool offline = false;
};

bool retryable(const HttpResponse& r) { return r.status == 0 || r.status == 429 || r.status >= 500; }

std::string describe(const HttpResponse& r) {
  if (r.status == 0) return r.error;
  std::string body = r.body.substr(0, 300);
  std::replace(body.begin(), body.end(), '\n', ' ');
  return "HTTP " + std::to_string(r.status) + (body.empty() ? "" : ": " + body);
}

class Sender {
 public:
  /// `cancel` (may be null) stops the sync before each request and during a back-off wait.
  Sender(const SyncRequest& request, storage::Progress& progress, SyncResult& result,
         const std::atomic<bool>* cancel)
      : m_request(request), m_progress(progress), m_result(result),
        m_client(request.lrs, request.options.timeout), m_cancel(cancel) {}

  /// Sends `batch` (as one POST, or one PUT each after a conflict) and moves the sync state on.
  void send(std::vector<Pending>& batch) {
    if (batch.empty()) return;
    std::string body = "[";
    for (std::size_t i = 0; i < batch.size(); ++i) body += (i > 0 ? "," : "") + batch[i].json;
    body += "]";
    const HttpResponse r = with_retries([&] { return m_client.post_statements(body); });
    if (r.status == 409) {
      // Some statement is in the store with other content: find which, one at a time.
      for (const Pending& p : batch) {
        const HttpResponse one = with_retries([&] { return m_client.put_statement(p.id, p.json); });
        if (one.status == 409) {
          m_result.conflicts.push_back({p.id, p.card_key, p.reviewed_at});
        } else if (one.status < 200 || one.status >= 300) {
          stop(one);
        } else {
          ++count_of(p);
        }
        passed(p);
      }
    } else if (r.status >= 200 && r.status < 300) {
      for (const Pending& p : batch) ++count_of(p);
      if (batch.back().voiding || batch.back().report) {
        for (const Pending& p : batch) passed(p);
      } else {
        passed(batch.back());  // the cursor: every earlier review of the batch too
      }
    } else {
      stop(r);
    }
    batch.clear();
  }

 private:
  std::size_t& count_of(const Pending& p) {
    return p.report ? m_result.reports : p.voiding ? m_result.voided : m_result.sent;
  }

  /// Moves the sync state past `p`: the review cursor, or the voiding statement's or problem
  /// report's record.
  void passed(const Pending& p) {
    if (p.report) {
      m_progress.set_report_sent(m_request.lrs.url, m_request.learner, p.review_id);
    } else if (p.voiding) {
      m_progress.set_void_sent(m_request.lrs.url, m_request.learner, p.review_id);
    } else {
      m_progress.set_lrs_sent_up_to(m_request.lrs.url, m_request.learner, p.review_id);
    }
  }

  template <typename Call>
  HttpResponse with_retries(Call call) {
    auto wait = m_request.options.first_backoff;
    HttpResponse r;
    for (int attempt = 1; attempt <= std::max(1, m_request.options.attempts); ++attempt) {
      check_cancel();
      r = call();
      if (!retryable(r)) return r;
      if (attempt < m_request.options.attempts) {
        // Waits in short slices so that quitting the window does not wait for the back-off.
        const auto until = std::chrono::steady_clock::now() + wait;
        while (std::chrono::steady_clock::now() < until) {
          check_cancel();
          std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(
              std::chrono::milliseconds(50), std::chrono::duration_cast<std::chrono::milliseconds>(
                                                 until - std::chrono::steady_clock::now())));
        }
        wait *= 2;
      }
    }
    throw StopSync{"the store did not answer (" + describe(r) + ")", true};
  }

  void check_cancel() const {
    if (m_cancel != nullptr && *m_cancel) throw StopSync{"cancelled", false};
  }

  [[noreturn]] static void stop(const HttpResponse& r) {
    std::string hint;
    if (r.status == 401 || r.status == 403) hint = " (check the LRS user and password)";
    throw StopSync{"the store refused the statements: " + describe(r) + hint, false};
  }

  const SyncRequest& m_request;
  storage::Progress& m_progress;
  SyncResult& m_result;
  LrsClient m_client;
  const std::atomic<bool>* m_cancel;
};

}  // namespace

SyncResult sync_to_lrs(const SyncRequest& request, const std::function<void(std::size_t)>& progress,
                       const std::atomic<bool>* cancel) {
  SyncResult result;
  // The statements' cards (prompts, interaction details) as a report would have them.
  ReportRequest report;
  report.db_path = request.db_path;
  report.bank_paths = request.bank_paths;
  report.learner = request.learner;
  report.now = request.now;
  report.base = request.base;
  GatheredReport gathered = gather_report(report);
  storage::Progress db(request.db_path);  // read-write: the sync state moves on
  const std::int64_t after = db.lrs_sent_up_to(request.lrs.url, request.learner);
  storage::Progress::ReviewFilter filter;
  filter.learner = request.learner;
  filter.after_id = after;
  filter.include_voided = true;  // sent, then voided: the store mirrors the log
  auto total = static_cast<std::size_t>(db.review_count(filter));
  gathered.input.review_source = [&, filter](const report::ReviewSink& sink) {
    storage::Progress reader(request.db_path, storage::Progress::Access::ReadOnly);
    reader.for_each_review(filter, sink);
  };

  Sender sender(request, db, result, cancel);
  std::vector<Pending> batch;
  try {
    report::for_each_xapi_statement(gathered.input, [&](const core::ReviewRecord& r, const std::string& id,
                                                        const std::string& json) {
      batch.push_back({r.id, r.card_key, r.reviewed_at, id, json});
      if (batch.size() < std::max<std::size_t>(1, request.options.batch)) return;
      if (cancel != nullptr && *cancel) throw StopSync{"cancelled", false};
      sender.send(batch);
      if (progress) progress(result.sent);
    });
    sender.send(batch);
    // Every statement a review made is in the store now: tell it of the ones taken back.
    const auto voids = db.voids_to_send(request.lrs.url, request.learner);
    total += voids.size();
    for (const storage::VoidedReview& v : voids) {
      const report::VoidedEntry entry{v.learner, v.card_key, v.reviewed_at, v.voided_at};
      batch.push_back({v.review_id, v.card_key, v.reviewed_at, report::xapi_voiding_statement_id(entry),
                       report::xapi_voiding_statement(entry), true});
      if (batch.size() >= std::max<std::size_t>(1, request.options.batch)) sender.send(batch);
    }
    sender.send(batch);
    // The problem reports not sent yet, as "commented" statements (for the class report).
    const auto reports = db.reports_to_send(request.lrs.url, request.learner);
    total += reports.size();
    for (const storage::CardEvent& e : reports) {
      const report::CardEventEntry entry{e.card_key, e.at, "report", 0, e.note};
      batch.push_back({e.id, e.card_key, e.at, report::xapi_problem_report_statement_id(request.learner, entry),
                       report::xapi_problem_report_statement(gathered.input, entry), false, true});
      if (batch.size() >= std::max<std::size_t>(1, request.options.batch)) sender.send(batch);
    }
    sender.send(batch);
    result.complete = true;
  } catch (const StopSync& stop) {
    result.error = stop.reason;
    result.waiting = total - result.sent - result.voided - result.reports - result.conflicts.size();
  }
  if (progress) progress(result.sent);
  return result;
}

std::vector<report::LearnerExport> read_lrs_learners(const LrsConfig& lrs, const std::string& since,
                                                     const std::string& activity_prefix,
                                                     std::chrono::milliseconds timeout) {
  LrsClient client(lrs, timeout);
  std::string period;
  if (!since.empty()) {
    const std::string instant = since.size() == 10 ? since + "T00:00:00Z" : since;
    char* escaped = curl_easy_escape(nullptr, instant.c_str(), static_cast<int>(instant.size()));
    period = "&since=" + std::string(escaped != nullptr ? escaped : "");
    curl_free(escaped);
  }
  std::vector<report::LearnerExport> learners;
  // The answers, then the problem reports (ADL's "answered" and "commented" verbs).
  for (const char* verb : {"answered", "commented"}) {
    std::string query = "?verb=http%3A%2F%2Fadlnet.gov%2Fexpapi%2Fverbs%2F" + std::string(verb) + "&limit=500" + period;
    for (int page = 0; !query.empty(); ++page) {
      const HttpResponse r = client.get_statements(query);
      if (r.status != 200) {
        throw std::runtime_error("cannot read statements from " + lrs.url + ": " + describe(r));
      }
      query = report::add_xapi_statements(r.body, activity_prefix, lrs.url, learners);
      if (page > 1'000'000) throw std::runtime_error(lrs.url + ": the store's `more` links never end");
    }
  }
  std::sort(learners.begin(), learners.end(),
            [](const report::LearnerExport& a, const report::LearnerExport& b) { return a.learner < b.learner; });
  return learners;
}

}  // namespace casebook::app
