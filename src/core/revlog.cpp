// Review-log CSV parsing and FSRS training items (see revlog.hpp and docs/optimizer.md).
#include "core/revlog.hpp"

#include "core/csv.hpp"
#include "core/time.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <tuple>
#include <map>
#include <optional>
#include <utility>

namespace casebook::core::revlog {

namespace {

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::optional<std::int64_t> parse_int(const std::string& s) {
  std::int64_t v = 0;
  const char* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || ptr != end || s.empty()) return std::nullopt;
  return v;
}

constexpr std::array<std::string_view, 5> kColumns = {"card_id", "review_time", "review_rating",
                                                      "review_state", "review_duration"};

}  // namespace

CsvParseResult parse_csv(std::string_view text, std::string_view source) {
  const std::string src(source);
  auto fail = [&](std::size_t line, const std::string& what) -> CsvError {
    return CsvError(src + ":" + std::to_string(line) + ": " + what);
  };
  CsvParseResult result;
  std::array<std::size_t, 5> col{};
  bool have_header = false;
  std::size_t line_no = 1;
  // One row at a time (for_each_csv_row): a log of millions of rows is never held as a table.
  const auto error = for_each_csv_row(text, [&](CsvRow& row) {
    line_no = row.line;
    const std::vector<std::string>& fields = row.fields;
    if (fields.size() == 1 && trimmed(fields[0]).empty()) return;  // a line of spaces
    if (!have_header) {
      for (std::size_t c = 0; c < kColumns.size(); ++c) {
        const auto it = std::find_if(fields.begin(), fields.end(),
                                     [&](const std::string& f) { return trimmed(f) == kColumns[c]; });
        if (it == fields.end()) {
          throw fail(line_no, "header has no column '" + std::string(kColumns[c]) +
                                  "' (need card_id, review_time, review_rating, review_state, review_duration)");
        }
        col[c] = static_cast<std::size_t>(it - fields.begin());
      }
      have_header = true;
      return;
    }
    const std::size_t needed = *std::max_element(col.begin(), col.end()) + 1;
    if (const auto problem = csv_field_count_problem(row, needed, SIZE_MAX)) throw fail(line_no, *problem);
    // A whole number in [lo, hi]; `range` names the allowed values in the message.
    auto number = [&](std::size_t c, std::int64_t lo, std::int64_t hi, const char* range) {
      const std::string v = trimmed(fields[col[c]]);
      const auto n = parse_int(v);
      if (!n || *n < lo || *n > hi) {
        throw fail(line_no, std::string(kColumns[c]) + " must be a whole number" + range + ", not '" + v + "'");
      }
      return *n;
    };
    RevlogEntry e;
    e.card_id = trimmed(fields[col[0]]);
    if (e.card_id.empty()) throw fail(line_no, "card_id is empty");
    // Milliseconds since 1970-01-01 UTC, up to the last instant Casebook computes with.
    e.review_time = number(1, 0, kMaxSupportedMs, " of milliseconds since 1970 (0..253402300799999)");
    e.rating = static_cast<int>(number(2, 0, 4, " 0..4"));
    e.state = static_cast<int>(number(3, 0, 3, " 0..3"));
    e.duration_ms = number(4, 0, INT64_MAX, " >= 0");
    e.line = line_no;
    if (e.rating == 0) {
      ++result.skipped_manual;
      return;
    }
    result.entries.push_back(std::move(e));
  });
  if (error) throw fail(error->line, error->message);
  if (!have_header) throw fail(line_no, "no header row (the file is empty)");
  return result;
}

std::vector<RevlogEntry> from_review_records(const std::vector<ReviewRecord>& records) {
  std::vector<RevlogEntry> out;
  out.reserve(records.size());
  for (const auto& r : records) {
    RevlogEntry e;
    e.card_id = r.card_key;
    e.review_time = r.reviewed_at;
    e.rating = static_cast<int>(r.rating);
    e.state = static_cast<int>(r.before.state);
    e.duration_ms = r.response_ms;
    out.push_back(std::move(e));
  }
  return out;
}

FsrsItem::FsrsItem(std::vector<FsrsReview> reviews, TimestampMs time)
    : review_time(time), m_length(reviews.size()) {
  if (reviews.empty()) throw std::invalid_argument("FsrsItem: an item has at least one review");
  m_history = std::make_shared<const std::vector<FsrsReview>>(std::move(reviews));
}

FsrsItem::FsrsItem(std::shared_ptr<const std::vector<FsrsReview>> history, std::size_t length, TimestampMs time)
    : review_time(time), m_history(std::move(history)), m_length(length) {
  if (!m_history || length == 0 || length > m_history->size()) {
    throw std::invalid_argument("FsrsItem: length outside the history");
  }
}

bool operator==(const FsrsItem& a, const FsrsItem& b) {
  return a.review_time == b.review_time && std::ranges::equal(a.reviews(), b.reviews());
}

std::size_t FsrsItem::long_term_review_count() const {
  const auto r = reviews();
  return static_cast<std::size_t>(std::count_if(r.begin(), r.end(), [](const FsrsReview& x) { return x.delta_t > 0; }));
}

const FsrsReview& FsrsItem::first_long_term_review() const {
  const auto r = reviews();
  const auto it = std::find_if(r.begin(), r.end(), [](const FsrsReview& x) { return x.delta_t > 0; });
  return it == r.end() ? r.back() : *it;
}

std::size_t FsrsItem::lapse_count() const {
  const auto r = reviews();
  return static_cast<std::size_t>(std::count_if(r.begin(), r.end() - 1, [](const FsrsReview& x) {
    return x.rating == 1 && x.delta_t > 0;
  }));
}

std::vector<FsrsItem> build_items(std::vector<RevlogEntry> entries, const DayClock& clock) {
  std::stable_sort(entries.begin(), entries.end(), [](const RevlogEntry& a, const RevlogEntry& b) {
    return std::tie(a.card_id, a.review_time) < std::tie(b.card_id, b.review_time);
  });
  std::vector<FsrsItem> items;
  std::size_t begin = 0;
  while (begin < entries.size()) {
    std::size_t end = begin;
    while (end < entries.size() && entries[end].card_id == entries[begin].card_id) ++end;
    // The start of the last contiguous block of learning rows (state 0 or 1).
    std::optional<std::size_t> start;
    for (std::size_t i = end; i-- > begin;) {
      if (entries[i].state == 0 || entries[i].state == 1) {
        start = i;
      } else if (start) {
        break;
      }
    }
    if (start) {
      // The card's kept reviews, once; each item is a prefix of them.
      auto history = std::make_shared<std::vector<FsrsReview>>();
      history->reserve(end - *start);
      std::int64_t prev_day = 0;
      for (std::size_t i = *start; i < end; ++i) {
        const std::int64_t day = study_day(entries[i].review_time, clock);
        const std::int64_t dt = i == *start ? 0 : std::max<std::int64_t>(day - prev_day, 0);
        prev_day = day;
        history->push_back({entries[i].rating, static_cast<std::uint32_t>(dt)});
      }
      const std::shared_ptr<const std::vector<FsrsReview>> shared = std::move(history);
      for (std::size_t k = 1; k < shared->size(); ++k) {
        if ((*shared)[k].delta_t > 0) items.emplace_back(shared, k + 1, entries[*start + k].review_time);
      }
    }
    begin = end;
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const FsrsItem& a, const FsrsItem& b) { return a.review_time < b.review_time; });
  return items;
}

}  // namespace casebook::core::revlog
