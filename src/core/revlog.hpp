// Review logs as the FSRS optimizer sees them: CSV rows in the column layout of the reference
// optimizer's tools (fsrs-rs 6.5.0 / @open-spaced-repetition/binding 0.5.0), per-card
// histories, and training items (one per long-term review, with the card's earlier reviews).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/review.hpp"
#include "core/time.hpp"

namespace casebook::core::revlog {

/// One review-log row: card_id, review_time (UTC ms), review_rating (1..4), review_state
/// (0 new, 1 learning, 2 review, 3 relearning), review_duration (ms).
struct RevlogEntry {
  std::string card_id;
  TimestampMs review_time = 0;
  int rating = 3;
  int state = 0;
  std::int64_t duration_ms = 0;
  std::size_t line = 0;  ///< 1-based line in the CSV (0 when not from a CSV)
  friend bool operator==(const RevlogEntry&, const RevlogEntry&) = default;
};

/// A CSV problem, with the message already in the form "<source>:<line>: <what>".
class CsvError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What parse_csv found besides the rows.
struct CsvParseResult {
  std::vector<RevlogEntry> entries;
  std::size_t skipped_manual = 0;  ///< rows with review_rating 0 (manual entries), dropped
};

/// Parses CSV text with a header row naming at least the columns card_id, review_time,
/// review_rating, review_state and review_duration, in any order; other columns are ignored.
/// The text is read by core::read_csv (RFC 4180: a quoted field may hold commas, "" for a
/// quote and line breaks; CRLF, LF or CR line ends; a UTF-8 BOM); blank lines are skipped, and
/// lines are numbered as in the file. review_time is an integer (ms), review_rating 0..4
/// (0 = manual entry, dropped as fsrs-rs drops them), review_state 0..3, review_duration an
/// integer >= 0.
/// Throws CsvError "<source>:<line>: ..." for a missing column, a short row or a bad value.
[[nodiscard]] CsvParseResult parse_csv(std::string_view text, std::string_view source);

/// The learner's stored reviews as rows: card_id = card key, review_time = reviewed_at,
/// rating, state = the card's state before the review (same numbering), duration = response_ms.
[[nodiscard]] std::vector<RevlogEntry> from_review_records(const std::vector<ReviewRecord>& records);

/// One review inside a training item: the rating and the whole study days since the
/// card's previous review (0 for the first review and for same-day reviews).
struct FsrsReview {
  int rating = 3;
  std::uint32_t delta_t = 0;
  friend bool operator==(const FsrsReview&, const FsrsReview&) = default;
};

/// A training item (fsrs-rs `FSRSItem`): a card's reviews up to and including the one
/// being predicted (the last, with delta_t > 0). The label is "recalled" = last rating > 1.
/// The reviews are the first `length` of a history that every item of the card shares, so a
/// card of n reviews costs n reviews of memory, not n²/2 (one card of 20,000 reviews took
/// 3.1 GB when each item held its own copy). Copying an item copies no review.
class FsrsItem {
 public:
  FsrsItem() = default;
  /// An item of its own reviews (hand-made items, tests); `reviews` must not be empty.
  FsrsItem(std::vector<FsrsReview> reviews, TimestampMs time);
  /// The first `length` (1..history->size()) reviews of a card's shared `history`.
  FsrsItem(std::shared_ptr<const std::vector<FsrsReview>> history, std::size_t length, TimestampMs time);

  /// The item's reviews, oldest first; the last is the predicted one.
  [[nodiscard]] std::span<const FsrsReview> reviews() const {
    return m_history ? std::span<const FsrsReview>(m_history->data(), m_length) : std::span<const FsrsReview>();
  }
  /// The first review of the history the item is a prefix of: items of one card share it, so
  /// an item is a prefix of another when both have the same history and it is not longer.
  [[nodiscard]] const FsrsReview* history_data() const { return m_history ? m_history->data() : nullptr; }
  /// Same reviews and time (wherever the reviews are stored).
  friend bool operator==(const FsrsItem& a, const FsrsItem& b);

  TimestampMs review_time = 0;  ///< when the predicted (last) review happened

  [[nodiscard]] const FsrsReview& current() const { return reviews().back(); }
  /// Reviews with delta_t > 0, the predicted one included (fsrs-rs `long_term_review_cnt`).
  [[nodiscard]] std::size_t long_term_review_count() const;
  /// The first review with delta_t > 0 (there is always one: the last).
  [[nodiscard]] const FsrsReview& first_long_term_review() const;
  /// Earlier reviews rated Again with delta_t > 0 (lapses), for the RMSE bins.
  [[nodiscard]] std::size_t lapse_count() const;
  [[nodiscard]] bool recalled() const { return current().rating > 1; }

 private:
  std::shared_ptr<const std::vector<FsrsReview>> m_history;
  std::size_t m_length = 0;
};

/// Builds training items the way the reference's `convertCsvToFsrsItems` does (binding
/// 0.5.0, convert.rs): rows are grouped by card and ordered by time; a card keeps only its
/// rows from the start of its LAST contiguous block of learning states (0 or 1), so a card
/// reset to New starts over and a card without such a block gives nothing; delta_t is the
/// difference of study days (core::study_day in `clock`) to the previous kept row; every
/// prefix of length >= 2 whose last review has delta_t > 0 is an item (sharing the card's
/// history: memory linear in the reviews). Items are sorted by the time of their last review
/// (stable; equal times keep card-id order).
/// Throws as core::study_day for an unknown time zone.
[[nodiscard]] std::vector<FsrsItem> build_items(std::vector<RevlogEntry> entries, const DayClock& clock);

}  // namespace casebook::core::revlog
