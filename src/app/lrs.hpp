// A learning record store (LRS, the xAPI statement server): where its credentials come from,
// an HTTP client for its statement resource (libcurl), sending a learner's statements
// (resumable, never twice, conflicts reported, retried with back-off) and reading statements
// back for the class report. docs/lrs.md says what leaves the learner's machine.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/options.hpp"
#include "core/time.hpp"
#include "report/class_report.hpp"

namespace casebook::app {

/// Where an LRS is and who Casebook is there (HTTP Basic credentials, an LRS "client").
struct LrsConfig {
  std::string url;       ///< the xAPI endpoint, e.g. "https://lrs.example.org/data/xAPI" (no trailing '/')
  std::string user;
  std::string password;
  std::string source;    ///< where the credentials came from ("environment", a file, "none")
};

/// $XDG_CONFIG_HOME/casebook/lrs.conf, or ~/.config/casebook/lrs.conf.
[[nodiscard]] std::string default_lrs_config_path();

/// The LRS at `url` ("" = the file's `url`) with its credentials: CASEBOOK_LRS_USER and
/// CASEBOOK_LRS_PASSWORD from the environment when both are set, else the file `path`
/// (default_lrs_config_path() when ""), lines `key = value` with keys url, user, password
/// ('#' starts a comment). The file must be readable by its owner only (mode 0600 or
/// stricter): a file others may read is refused, as ssh refuses such a key. A missing file
/// means no credentials. Throws std::runtime_error naming the file and what to do.
[[nodiscard]] LrsConfig load_lrs_config(const std::string& url, const std::string& path = "");

/// The class's store as the window knows it, from the credentials file at `path` (the
/// file's `url`): std::nullopt when `path` is empty or names no file (no store configured:
/// the window sends nothing and offers no store). Throws like load_lrs_config for a file
/// that exists but cannot be used.
[[nodiscard]] std::optional<LrsConfig> configured_lrs(const std::string& path);

/// One HTTP exchange with the store.
struct HttpResponse {
  long status = 0;    ///< HTTP status; 0 when no response came (then `error` says why)
  std::string body;
  std::string error;  ///< libcurl's message when the request failed on the way
};

/// The statement resource of one LRS over HTTP(S) (libcurl; xAPI 1.0.3 headers, Basic auth).
class LrsClient {
 public:
  LrsClient(LrsConfig config, std::chrono::milliseconds timeout);
  ~LrsClient();
  LrsClient(const LrsClient&) = delete;
  LrsClient& operator=(const LrsClient&) = delete;

  /// POST <url>/statements with a JSON array of statements.
  HttpResponse post_statements(const std::string& json_array);
  /// PUT <url>/statements?statementId=<id> with one statement.
  HttpResponse put_statement(const std::string& id, const std::string& json);
  /// GET a statement query: `query` starts with '?' (relative to <url>/statements) or is a
  /// `more` link from an earlier answer (a path on the store's host).
  HttpResponse get_statements(const std::string& query);

 private:
  HttpResponse request(const std::string& method, const std::string& url, const std::string& body);
  LrsConfig m_config;
  std::chrono::milliseconds m_timeout;
  void* m_curl = nullptr;  ///< CURL*, reused for keep-alive
};

/// How a sync behaves: batch size and the retry schedule (attempts per request, the first
/// back-off, doubled after each failed attempt).
struct SyncOptions {
  std::size_t batch = 100;
  int attempts = 4;
  std::chrono::milliseconds first_backoff{500};
  std::chrono::milliseconds timeout{15000};  ///< per request
};

/// A statement the store already holds with other content (HTTP 409): reported, not resent.
struct SyncConflict {
  std::string statement_id;
  std::string card_key;
  core::TimestampMs reviewed_at = 0;
};

/// What a sync did.
struct SyncResult {
  std::size_t sent = 0;       ///< statements of answers the store accepted in this run
  std::size_t voided = 0;     ///< voiding statements (answers taken back) it accepted in this run
  std::size_t reports = 0;    ///< problem reports ("commented" statements) it accepted in this run
  std::vector<SyncConflict> conflicts;
  std::size_t waiting = 0;    ///< statements not sent because the store could not be reached
  bool complete = false;      ///< every review of the learner is now in the store (or in conflict)
  std::string error;          ///< why the sync stopped early ("" when complete)
};

struct SyncRequest {
  std::string db_path;                  ///< the progress database (its sync state is updated)
  std::vector<std::string> bank_paths;  ///< for the statements' prompts and interaction details
  std::string learner = "default";
  core::TimestampMs now = 0;
  core::StudyOptions base{};
  LrsConfig lrs;
  SyncOptions options;
};

/// Sends the learner's reviews that the store has not accepted yet (after the database's
/// sync state for this store, in review-log order, taken-back ones included: the store
/// mirrors the append-only log) as xAPI statements (report::
/// for_each_xapi_statement: ids derived from the review, so a resend is a duplicate the store
/// ignores), in batches; after each accepted batch the state moves on (one transaction), so a
/// sync stopped anywhere resumes where it stopped and never sends a statement twice. A batch
/// refused with 409 Conflict is sent statement by statement to find the conflicting ones,
/// which are reported and passed. No answer or a 5xx/429 is retried `attempts` times with
/// doubling back-off; then the sync stops, offline, with `waiting` set. Other HTTP errors
/// (401, 400, ...) stop it with `error`. Then, for every review taken back by an undo whose
/// statement the store has, a voiding statement (report::xapi_voiding_statement), each once
/// (Progress::voids_to_send / set_void_sent). `progress` gets the statements sent so far;
/// `cancel` stops between batches. Throws for a database or bank problem.
[[nodiscard]] SyncResult sync_to_lrs(const SyncRequest& request,
                                     const std::function<void(std::size_t sent)>& progress = {},
                                     const std::atomic<bool>* cancel = nullptr);

/// Reads every Casebook "answered" statement from the store (since `since` when given, an ISO
/// instant or date; only activities under `activity_prefix` when given) into learners'
/// exports for report::compute_class_report, following the store's `more` links; learners in
/// name order. Throws std::runtime_error when the store cannot be read.
[[nodiscard]] std::vector<report::LearnerExport> read_lrs_learners(const LrsConfig& lrs, const std::string& since,
                                                                   const std::string& activity_prefix,
                                                                   std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace casebook::app
