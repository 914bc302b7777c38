// Progress storage: learners, card state and the append-only review log, in SQLite.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/backlog.hpp"
#include "core/card.hpp"
#include "core/options.hpp"
#include "core/review.hpp"
#include "core/time.hpp"

namespace casebook::storage {

/// Thrown for any database failure (cannot open, too new, corrupt, disk full). The message
/// is meant for the user and names the file.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A StorageError for a file SQLite finds damaged (SQLITE_CORRUPT, or SQLITE_NOTADB for a
/// file with a SQLite header): its content cannot be trusted.
class DamagedDatabase : public StorageError {
 public:
  using StorageError::StorageError;
};

using core::ReviewRecord;

/// A card's cached state (the review log is the source of truth).
struct CardRow {
  std::string card_key;
  core::CardSchedule schedule;
};

/// A card's flags (schema 2): tags such as "leech", and whether it is suspended (not shown).
struct CardFlags {
  std::vector<std::string> tags;  ///< sorted, no duplicates, no white space inside a tag
  bool suspended = false;
  friend bool operator==(const CardFlags&, const CardFlags&) = default;
};

/// What record_answer() writes, decided from the card's newest stored state and flags.
struct AnswerPlan {
  ReviewRecord review;              ///< the review-log row (its `before` should be the newest state)
  std::optional<CardFlags> flags;   ///< the card's new flags (e.g. tagged as a leech), or none to keep them
};

/// What a learner did to a card outside reviews (schema: card_event, append-only).
enum class CardEventKind {
  Suspend,    ///< hidden from study until unsuspended (also sets CardFlags::suspended)
  Unsuspend,  ///< shown again (clears CardFlags::suspended)
  Bury,       ///< hidden from study until `until`
  Reset,      ///< back to new: the card-state cache row is removed; the review log stays
  Flag,       ///< flag colour `flag` (0 clears it) with `note`
  Report      ///< a problem with the question, described in `note` (for the instructor)
};
/// "suspend", "unsuspend", "bury", "reset", "flag", "report" (as stored).
[[nodiscard]] std::string_view to_string(CardEventKind k);

/// One card event as stored.
struct CardEvent {
  std::int64_t id = 0;                      ///< row id (0 before it is stored)
  std::string card_key;
  core::TimestampMs at = 0;                 ///< UTC ms
  CardEventKind kind = CardEventKind::Flag;
  int flag = 0;                             ///< Flag: 0..7 (core::kFlagNames)
  std::optional<core::TimestampMs> until;   ///< Bury: UTC ms the card comes back (start of the next study day)
  std::string note;                         ///< Flag: its note; Report: the learner's comment
  friend bool operator==(const CardEvent&, const CardEvent&) = default;
};

/// A review taken back by an undo (schema 4): its review-log row stays (the log is
/// append-only); a record in `review_void` says it no longer counts.
struct VoidedReview {
  std::int64_t review_id = 0;     ///< the voided review's row id (ReviewRecord::id)
  std::string learner;
  std::string card_key;
  core::TimestampMs reviewed_at = 0;  ///< when the voided review was made, UTC ms
  core::TimestampMs voided_at = 0;    ///< when it was taken back, UTC ms
  std::string reason;                 ///< "undo"
  friend bool operator==(const VoidedReview&, const VoidedReview&) = default;
};

/// A mock exam attempt as stored (schema 4): what was drawn when it started, and, once handed
/// in, the answers and the result. An attempt without a result was interrupted (the app was
/// closed or killed before hand-in); its questions are kept.
struct ExamQuestionRow {
  std::string card_key;
  std::string topic;  ///< the topic it was drawn for
  friend bool operator==(const ExamQuestionRow&, const ExamQuestionRow&) = default;
};
struct ExamAnswerRow {
  int position = 0;        ///< index into ExamAttemptRow::questions
  bool answered = false;   ///< false: skipped or left unanswered (marked wrong)
  bool correct = false;
  double score = 0.0;      ///< Grade::score, 0..1 (shown; the exam counts `correct`)
  std::string answer;      ///< core::describe_answer; "" when not answered
  std::optional<std::int64_t> review_id;  ///< the review-log row it made (none: practice run, or not answered)
  friend bool operator==(const ExamAnswerRow&, const ExamAnswerRow&) = default;
};
struct ExamResultRow {
  core::TimestampMs finished_at = 0;  ///< handed in (or timed out), UTC ms
  int correct = 0, total = 0, percent = 0;
  bool passed = false;
  bool timed_out = false;             ///< handed in by the timer
  friend bool operator==(const ExamResultRow&, const ExamResultRow&) = default;
};
struct ExamAttemptRow {
  std::int64_t id = 0;               ///< assigned by start_exam
  std::string learner;
  std::string title;
  std::string preset;                ///< "<bank id>/<exam id>" of a bank's [[exam]], or "" for a custom exam
  std::uint64_t seed = 0;            ///< the draw's seed (core::draw_exam)
  bool practice = false;             ///< a practice run: the answers leave the schedule alone
  bool mark_each = false;            ///< answers marked after each question
  std::int64_t time_limit_ms = 0;    ///< 0 = none
  int pass_mark = 50;                ///< percent
  core::TimestampMs started_at = 0;  ///< UTC ms
  std::vector<ExamQuestionRow> questions;
  std::vector<ExamAnswerRow> answers;  ///< by position: those saved so far (save_exam_answer), all once handed in
  std::optional<ExamResultRow> result;
  friend bool operator==(const ExamAttemptRow&, const ExamAttemptRow&) = default;
};

/// One mock exam attempt as reports show it (exam_summaries): the attempt, how many questions
/// were drawn and, once handed in, the result; no answers.
struct ExamSummaryRow {
  std::int64_t id = 0;
  std::string title;
  std::string preset;                ///< "<bank id>/<exam id>", "" for a custom exam
  bool practice = false;
  std::int64_t time_limit_ms = 0;    ///< 0 = none
  int pass_mark = 50;                ///< percent
  core::TimestampMs started_at = 0;  ///< UTC ms
  int questions = 0;                 ///< questions drawn
  std::optional<ExamResultRow> result;  ///< none: not handed in (interrupted)
  friend bool operator==(const ExamSummaryRow&, const ExamSummaryRow&) = default;
};

/// Decides the review-log row an exam answer makes when it is handed in: called inside the
/// hand-in transaction with the card's newest state and flags; nullopt makes none (a
/// practice run, an unanswered question).
using ExamReviewPlan = std::function<std::optional<AnswerPlan>(
    const ExamAnswerRow& answer, const std::string& card_key, const std::optional<core::CardSchedule>& newest,
    const CardFlags& flags)>;

/// A raise of one study day's new-card limit: custom study's "N extra new cards today"
/// (schema 8, append-only; the raises of a day add up).
struct ExtraNewCards {
  std::int64_t id = 0;        ///< row id (0 before it is stored)
  std::string date;           ///< the study day it is for, "YYYY-MM-DD" in the learner's clock
  std::string bank_id;        ///< "" = every course bank
  std::string topic;          ///< "" = the whole bank (a topic's raise counts against its bank)
  int count = 0;              ///< 1..9999 new cards
  core::TimestampMs at = 0;   ///< when it was asked for, UTC ms
  friend bool operator==(const ExtraNewCards&, const ExtraNewCards&) = default;
};

/// A studied card whose question's answer key changed in a new bank version (schema 9,
/// append-only, issue 14): the card returned to relearning at `at`.
struct AnswerChange {
  std::int64_t id = 0;          ///< row id (0 before it is stored)
  std::string card_key;
  core::TimestampMs at = 0;     ///< UTC ms it was noticed (the bank was loaded)
  std::string old_key;          ///< the fingerprint the card was last answered against
  std::string new_key;          ///< the loaded bank's fingerprint (core::answer_key_fingerprint)
  std::string old_version;      ///< the bank version of that answer ("" unknown)
  std::string new_version;      ///< the loaded bank's `[bank] version`
  core::CardSchedule after;     ///< the card's state from `at` on
  friend bool operator==(const AnswerChange&, const AnswerChange&) = default;
};

/// The answer key a learner's card was last seen with: its newest review that is not voided,
/// or a later answer change.
struct KnownAnswerKey {
  std::string key;              ///< fingerprint; "" unknown (an answer recorded before schema 9)
  std::string bank_version;     ///< the review's bank version, or the change's new version
  core::TimestampMs at = 0;     ///< UTC ms of that review or change
  bool changed = false;         ///< true: an answer change, not yet answered since
  friend bool operator==(const KnownAnswerKey&, const KnownAnswerKey&) = default;
};

/// Study options as stored: (key, text) pairs, e.g. {"desired_retention", "0.9"}.
using OptionValues = std::vector<std::pair<std::string, std::string>>;

/// The progress database. Opening creates or migrates the schema (PRAGMA user_version,
/// application_id 0x43534B42 "CSKB"), enables WAL with synchronous=FULL, foreign keys and a
/// busy timeout. A file that is not SQLite, of another application_id or from a newer
/// Casebook is refused byte for byte untouched, its -wal included: it is looked at from its
/// header or a read-only connection before SQLite opens it for writing. A new file and the
/// folders created for it are private to the user (0600 / 0700); an existing file of the
/// user's is made 0600. Every method throws StorageError on failure. Not thread-safe.
class Progress {
 public:
  /// How a database is opened.
  enum class Access {
    ReadWrite,  ///< create if missing, migrate, WAL (the app)
    ReadOnly    ///< never writes: the file must exist and be of this schema (reports)
  };

  /// Opens the database at `path` (":memory:" for tests). ReadWrite creates it (and its
  /// parent folders) if needed and applies migrations; ReadOnly refuses a missing, empty or
  /// older-schema file with a StorageError instead of changing it, and every write throws.
  /// ReadOnly also reads a database in a folder Casebook may not write to (read-only media):
  /// SQLite then cannot create the -shm a WAL database needs, so a file without a -wal is
  /// opened as immutable (`?immutable=1`), and one with a non-empty -wal is refused in words.
  explicit Progress(const std::string& path, Access access = Access::ReadWrite);
  ~Progress();
  Progress(Progress&&) noexcept;
  Progress& operator=(Progress&&) noexcept;

  /// The schema version this build writes.
  static int schema_version();

  /// Returns the learner's id, creating the learner if needed.
  std::int64_t ensure_learner(const std::string& name);
  [[nodiscard]] std::vector<std::string> learners();

  /// Cached state of every card the learner has reviewed, keyed by card key.
  [[nodiscard]] std::map<std::string, core::CardSchedule> card_states(const std::string& learner);

  /// Cached state of one card, or nullopt if the learner never reviewed it. Read at the
  /// moment of rating, so a second Casebook on the same database schedules from the newest
  /// state rather than from the one it loaded at start.
  [[nodiscard]] std::optional<core::CardSchedule> card_state(const std::string& learner,
                                                             const std::string& card_key);

  /// Appends `r` to the review log and updates the card's state in one committed
  /// transaction; when this returns the answer is durable. Returns the new row id.
  std::int64_t record_review(const ReviewRecord& r);

  /// Records one answer in one write transaction (BEGIN IMMEDIATE, so a second Casebook on the
  /// same database waits for it): reads the card's newest state (nullopt when never
  /// reviewed) and flags, calls `plan` with them once, appends its review-log row, updates
  /// the card state and, when the plan says so, the flags, and commits. When this returns
  /// the answer is durable; if `plan` throws, nothing is written. Returns the new row id.
  std::int64_t record_answer(
      const std::string& learner, const std::string& card_key,
      const std::function<AnswerPlan(const std::optional<core::CardSchedule>& newest, const CardFlags& flags)>& plan);

  /// The number of review-log rows of every learner.
  [[nodiscard]] std::int64_t review_count();

  /// The learner's review log in time order (all learners when `learner` is empty), without
  /// the reviews taken back by an undo (voided_reviews() lists those). Every reader that
  /// counts or schedules (daily limits, card states, reports, the optimizer) leaves them out.
  [[nodiscard]] std::vector<ReviewRecord> review_log(const std::string& learner = "");

  /// Which reviews for_each_review() reads.
  struct ReviewFilter {
    std::string learner;                    ///< "" for every learner
    std::optional<std::int64_t> after_id;   ///< only rows with a larger id, in id order (not time order)
    std::optional<core::TimestampMs> from;  ///< first instant (UTC ms), none: from the start
    std::optional<core::TimestampMs> to;    ///< instant after the last (exclusive), none: to the end
    std::string bank_id;                    ///< only card keys "<bank_id>/...", "" for every bank
    std::string card_key;                   ///< only this card, "" for every card
    bool include_voided = false;            ///< also the reviews taken back by an undo (voided_reviews())
  };
  /// Calls `sink` for every review of `filter` in time order (reviewed_at, then row id), read
  /// with one cursor: the log is never held in memory. The record passed is reused between
  /// calls. The sink must not use this Progress (the cursor is open).
  void for_each_review(const ReviewFilter& filter, const std::function<void(const ReviewRecord&)>& sink);
  /// How many reviews for_each_review(filter) would read (one count(*) query, no rows read).
  [[nodiscard]] std::int64_t review_count(const ReviewFilter& filter);

  /// The id of the last review of `learner` that the learning record store at `endpoint`
  /// accepted (the lrs_sync table; 0 when nothing was sent). Every review with a smaller id was too.
  [[nodiscard]] std::int64_t lrs_sent_up_to(const std::string& endpoint, const std::string& learner);
  /// Records that the store at `endpoint` has every review of `learner` up to `review_id`, in
  /// one transaction. Never moves backwards.
  void set_lrs_sent_up_to(const std::string& endpoint, const std::string& learner, std::int64_t review_id);

  /// The reviews of `learner` taken back by an undo whose voiding statement the store at
  /// `endpoint` has not accepted yet, among those it has the statement of (review id up to
  /// lrs_sent_up_to), in the order they were taken back.
  [[nodiscard]] std::vector<VoidedReview> voids_to_send(const std::string& endpoint, const std::string& learner);
  /// Records that the store at `endpoint` accepted the voiding statement of review `review_id`
  /// (append-only; a second call for the same review is a no-op).
  void set_void_sent(const std::string& endpoint, const std::string& learner, std::int64_t review_id);

  /// The problem reports (card events of kind Report) of `learner` that the store at
  /// `endpoint` has not accepted yet, in time order.
  [[nodiscard]] std::vector<CardEvent> reports_to_send(const std::string& endpoint, const std::string& learner);
  /// Records that the store at `endpoint` accepted the statement of problem report `event_id`
  /// (append-only; a second call for the same event is a no-op).
  void set_report_sent(const std::string& endpoint, const std::string& learner, std::int64_t event_id);

  /// The newest review of one card that is not voided, or nullopt (e.g. a dilemma's last
  /// justification, to revise it when the card returns).
  [[nodiscard]] std::optional<ReviewRecord> last_review(const std::string& learner, const std::string& card_key);

  /// Takes back review `review_id` of `learner` (undo) at `at` (UTC ms), in one write
  /// transaction: appends a voiding record (the review-log row stays: both tables are
  /// append-only), sets the card's
  /// cached state to the `after` of its newest review that is not voided (none left: the
  /// card is new again) and, when `flags` is given, writes them as the card's flags (e.g.
  /// the flags it had before the review made it a leech). Returns the card's state now
  /// (nullopt: new). Throws StorageError when the review does not exist, is another
  /// learner's, or was already taken back.
  std::optional<core::CardSchedule> void_review(const std::string& learner, std::int64_t review_id,
                                                core::TimestampMs at,
                                                const std::optional<CardFlags>& flags = std::nullopt);

  /// The reviews taken back (all learners when `learner` is empty), in the order they were
  /// taken back. Reports list them (xAPI: a "voided" statement for each).
  [[nodiscard]] std::vector<VoidedReview> voided_reviews(const std::string& learner = "");

  /// Distinct cards the learner rated Again in [from, to) (UTC ms), voided reviews left out,
  /// sorted by key: custom study's "today's forgotten cards".
  [[nodiscard]] std::vector<std::string> forgotten_cards(const std::string& learner, core::TimestampMs from,
                                                         core::TimestampMs to);

  /// Number of reviews the learner made in [from, to) (UTC ms), for daily limits.
  [[nodiscard]] int count_reviews(const std::string& learner, core::TimestampMs from, core::TimestampMs to);
  /// Number of distinct cards first reviewed (state New before) in [from, to).
  [[nodiscard]] int count_new_cards(const std::string& learner, core::TimestampMs from, core::TimestampMs to);
  /// Per bank (the part of the card key before the first '/'), the counts of count_new_cards
  /// and count_reviews in [from, to), for per-bank daily limits; banks without reviews in
  /// the range are absent. Read from review_log.card_key: no schema change was needed.
  [[nodiscard]] std::map<std::string, core::DoneToday> done_by_bank(const std::string& learner,
                                                                    core::TimestampMs from, core::TimestampMs to);

  /// The cards first reviewed (state New before) in [from, to), sorted: what an exam plan has
  /// introduced today (count_new_cards counts the same cards).
  [[nodiscard]] std::vector<std::string> new_card_keys(const std::string& learner, core::TimestampMs from,
                                                       core::TimestampMs to);
  /// The same cards, each with the time of its first such review in [from, to), in the order
  /// they were introduced (ties by key): which of today's new cards came after a custom study
  /// raise (day_limits). Read from review_log: no schema change.
  [[nodiscard]] std::vector<std::pair<std::string, core::TimestampMs>> new_cards_introduced(
      const std::string& learner, core::TimestampMs from, core::TimestampMs to);

  /// Records a backlog spread (schema 3) and its cards in one transaction; the rows are
  /// append-only (a later spread supersedes an earlier one card by card). `spread.id` is
  /// ignored; returns the new id. Throws StorageError for a first_day outside 0001-9999.
  std::int64_t add_backlog_spread(const std::string& learner, const core::BacklogSpread& spread);

  /// The learner's backlog spreads with their cards, oldest first (ties: id).
  [[nodiscard]] std::vector<core::BacklogSpread> backlog_spreads(const std::string& learner);

  /// Records a raise of a study day's new-card limit (custom study) in one transaction.
  /// Returns its id. Throws StorageError for a count outside 1..9999 or a date that is not
  /// "YYYY-MM-DD".
  std::int64_t add_extra_new_cards(const std::string& learner, const ExtraNewCards& extra);

  /// The learner's raises for study day `date` ("YYYY-MM-DD"), in the order they were made.
  [[nodiscard]] std::vector<ExtraNewCards> extra_new_cards(const std::string& learner, const std::string& date);

  /// Recomputes the whole card-state cache from the review log: for every (learner, card)
  /// the `after` state of its last review that is not voided (latest reviewed_at, ties broken
  /// by the later row) or of a later answer change (schema 9), in one transaction. The review log is the source of truth; this is how a damaged or
  /// stale cache is repaired.
  void rebuild_card_states();

  /// The stored study options of `learner` (bank_id empty) or the learner's overrides for one
  /// bank, sorted by key; empty when none were saved (the defaults apply).
  [[nodiscard]] OptionValues study_option_values(const std::string& learner, const std::string& bank_id = "");

  /// Replaces the learner's options (bank_id empty) or one bank's overrides by `values`, in
  /// one transaction. Empty `values` removes them (back to the defaults / no overrides).
  void set_study_option_values(const std::string& learner, const std::string& bank_id,
                               const OptionValues& values);

  /// Ids of the banks for which `learner` has overrides, sorted.
  [[nodiscard]] std::vector<std::string> option_override_banks(const std::string& learner);

  /// Flags of every card of `learner` that has any, keyed by card key.
  [[nodiscard]] std::map<std::string, CardFlags> card_flags(const std::string& learner);

  /// Sets one card's flags (a card with no tags and not suspended loses its row). The review
  /// log is not touched.
  void set_card_flags(const std::string& learner, const std::string& card_key, const CardFlags& flags);

  /// Appends `e` to the learner's card events and applies its effect, in one transaction:
  /// Suspend/Unsuspend set CardFlags::suspended (tags kept), Reset removes the card's
  /// card-state row (it is new again; rebuild_card_states() honours resets). Throws
  /// StorageError for a flag outside 0..7, a Bury without `until` or an empty card key.
  /// Returns the new row id.
  std::int64_t record_card_event(const std::string& learner, const CardEvent& e);

  /// The learner's card events in time order (one card's when `card_key` is not empty; all
  /// learners' when `learner` is empty, for reports).
  [[nodiscard]] std::vector<CardEvent> card_events(const std::string& learner, const std::string& card_key = "");

  /// One card's review log in time order (every card when `card_key` is ""; the index on
  /// learner and card makes one card fast).
  [[nodiscard]] std::vector<ReviewRecord> card_review_log(const std::string& learner, const std::string& card_key);

  /// Appends `c` to the learner's answer changes and makes `c.after` the card's state, in
  /// one write transaction (rebuild_card_states() and undo give the same state: the newest of
  /// the card's reviews and changes counts). Returns the new row id. Throws StorageError for
  /// an empty card key or fingerprint.
  std::int64_t record_answer_change(const std::string& learner, const AnswerChange& c);

  /// The learner's answer changes in time order (one card's when `card_key` is not empty;
  /// every learner's when `learner` is empty).
  [[nodiscard]] std::vector<AnswerChange> answer_changes(const std::string& learner,
                                                         const std::string& card_key = "");

  /// For every card the learner has answered, the answer key it was last seen with (the same
  /// ordering as the card states: latest time, a review winning a tie), keyed by card key.
  [[nodiscard]] std::map<std::string, KnownAnswerKey> known_answer_keys(const std::string& learner);

  /// Stores a new exam attempt and the questions drawn (`attempt.answers` and `result` are
  /// ignored), in one transaction, before the first question is shown. Returns its id.
  std::int64_t start_exam(const ExamAttemptRow& attempt);

  /// Saves (or replaces) the answer to one question of attempt `attempt_id` as soon as it is
  /// given, so that an exam interrupted by a crash keeps every answer acknowledged; no
  /// review-log row yet (finish_exam makes those). Throws StorageError when the attempt has no
  /// such question or was already handed in.
  void save_exam_answer(std::int64_t attempt_id, const ExamAnswerRow& answer);

  /// Hands in attempt `attempt_id`, in one write transaction: for each answer, the review-log
  /// row `plan` asks for (the card's state and flags updated as record_answer does; the row's
  /// id kept in the answer), the answers (replacing those saved as they were given) and the result. When this returns the attempt is
  /// durable. Throws StorageError when the attempt does not exist or was already handed in;
  /// nothing is written then.
  void finish_exam(std::int64_t attempt_id, std::vector<ExamAnswerRow> answers, const ExamResultRow& result,
                   const ExamReviewPlan& plan);

  /// Every exam attempt of `learner` (all learners when empty), oldest first, with questions,
  /// answers and result.
  [[nodiscard]] std::vector<ExamAttemptRow> exam_attempts(const std::string& learner = "");

  /// The exam attempts of `learner` started in [from, to) (each bound none: open), oldest
  /// first, aggregated in SQL (questions counted, answers not read). With `bank_id`, only the
  /// attempts that drew at least one card "<bank_id>/..." (a bank's preset exam, or a custom
  /// exam that included it).
  [[nodiscard]] std::vector<ExamSummaryRow> exam_summaries(const std::string& learner,
                                                           std::optional<core::TimestampMs> from,
                                                           std::optional<core::TimestampMs> to,
                                                           const std::string& bank_id = "");

  /// Writes a consistent copy of the database to `path` with `VACUUM INTO` (safe while the
  /// database is in use; never a file copy), private to the user (0600). Parent folders are
  /// created. Throws StorageError if `path` already exists or cannot be written.
  void backup_to(const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace casebook::storage
