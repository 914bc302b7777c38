// Progress storage: learners, card state and the append-only review log, in SQLite.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
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

/// Study options as stored: (key, text) pairs, e.g. {"desired_retention", "0.9"}.
using OptionValues = std::vector<std::pair<std::string, std::string>>;

/// The progress database. Opening creates or migrates the schema (PRAGMA user_version,
/// application_id 0x43534B42 "CSKB"), enables WAL with synchronous=FULL, foreign keys and a
/// busy timeout. A file from a newer Casebook, or with another application_id, is refused
/// untouched. Every method throws StorageError on failure. Not thread-safe.
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

  /// The learner's review log in time order (all learners when `learner` is empty).
  [[nodiscard]] std::vector<ReviewRecord> review_log(const std::string& learner = "");

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

  /// Records a backlog spread (schema 3) and its cards in one transaction; the rows are
  /// append-only (a later spread supersedes an earlier one card by card). `spread.id` is
  /// ignored; returns the new id. Throws StorageError for a first_day outside 0001-9999.
  std::int64_t add_backlog_spread(const std::string& learner, const core::BacklogSpread& spread);

  /// The learner's backlog spreads with their cards, oldest first (ties: id).
  [[nodiscard]] std::vector<core::BacklogSpread> backlog_spreads(const std::string& learner);

  /// Recomputes the whole card-state cache from the review log: for every (learner, card)
  /// the `after` state of its last review (latest reviewed_at, ties broken by the later row),
  /// in one transaction. The review log is the source of truth; this is how a damaged or
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

  /// Writes a consistent copy of the database to `path` with `VACUUM INTO` (safe while the
  /// database is in use; never a file copy). Parent folders are created. Throws StorageError
  /// if `path` already exists or cannot be written.
  void backup_to(const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace casebook::storage
