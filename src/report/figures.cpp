// The report figures in one pass: card counts and coverage rows from the cards, then the
// review log streamed through FiguresBuilder::add (accuracy, retention, activity, mistakes).
#include "report/figures.hpp"

#include "core/answer_key.hpp"
#include "core/grading.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <string_view>
#include <vector>
#include <utility>

namespace casebook::report {
namespace {

struct Period {
  const char* name;
  std::int64_t days;  ///< reviews on days (today - days, today] count; 0 = all time, -1 = yesterday
};
constexpr Period kPeriods[] = {{"today", 1},       {"yesterday", -1}, {"last_week", 7},
                               {"last_month", 30}, {"last_year", 365}, {"all_time", 0}};

bool in_period(const Period& p, std::int64_t day, std::int64_t today) {
  if (p.days == 0) return true;
  if (p.days < 0) return day == today - 1;
  return day <= today && day > today - p.days;
}

bool is_new(const core::CardSchedule& s) { return s.state == core::CardState::New; }

/// Adds a card's state to the counts of `row`.
void count_card(CoverageRow& row, const CardEntry& c) {
  const core::CardSchedule& s = c.schedule;
  ++row.cards;
  if (is_new(s)) ++row.not_started;
  if (core::is_learning(s.state)) ++row.learning;
  if (s.state == core::CardState::Review) (s.scheduled_days >= kMatureDays ? row.mature : row.young)++;
  if (c.suspended) ++row.suspended;
  if (!is_new(s)) row.mean_predicted_recall += c.retrievability;  // a sum until finish()
}

}  // namespace

FiguresBuilder::FiguresBuilder(const ReportInput& in)
    : m_in(in), m_clock{in.time_zone, std::clamp(in.rollover_hour, 0, 23)} {
  Figures& f = m_f;
  f.as_of = in.to ? std::min(*in.to, in.generated_at) : in.generated_at;
  f.as_of_day = day_of(in.to && *in.to <= in.generated_at ? *in.to - 1 : in.generated_at);
  f.as_of_date = core::iso_date_of_day(f.as_of_day);
  f.today = day_of(in.generated_at);
  f.today_date = core::iso_date_of_day(f.today);
  f.forecast.assign(kForecastDays, 0);
  for (const Period& p : kPeriods) f.retention.push_back({p.name, {}, {}});

  // Coverage rows: one per bank (the loaded ones first, then any other bank a card names),
  // then one per (bank, topic); retired cards are in none.
  std::map<std::string, std::size_t> bank_row;
  std::map<std::pair<std::string, std::string>, std::size_t> topic_row;
  std::map<std::string, std::string> titles;
  for (const BankEntry& b : in.banks) titles[b.id] = b.title;
  for (const CardEntry& c : in.cards) {
    if (!c.retired && !titles.count(c.bank_id)) titles[c.bank_id] = c.bank_title;
  }
  for (const auto& [id, title] : titles) {
    bank_row[id] = m_rows.size();
    m_rows.push_back(CoverageRow{id, title, "", 0, 0, 0, 0, 0, 0, 0.0, {}, {}, {}});
  }
  m_bank_rows = m_rows.size();
  std::set<std::pair<std::string, std::string>> topic_keys;  // (bank, topic title)
  for (const CardEntry& c : in.cards) {
    if (c.retired) continue;
    if (c.topics.empty()) topic_keys.emplace(c.bank_id, "(no topic)");
    for (const std::string& t : c.topics) topic_keys.emplace(c.bank_id, t);
  }
  // Topic rows by bank id, each bank's in its own order, then any other title in byte order
  // (the set's order, kept by the stable sort).
  std::map<std::pair<std::string, std::string>, std::size_t> listed;  // (bank, title) -> place
  for (const BankEntry& b : in.banks) {
    for (std::size_t i = 0; i < b.topics.size(); ++i) listed.try_emplace({b.id, b.topics[i]}, i);
  }
  std::vector<std::pair<std::size_t, const std::pair<std::string, std::string>*>> ordered;
  for (const auto& key : topic_keys) {
    const auto it = listed.find(key);
    ordered.emplace_back(it == listed.end() ? listed.size() : it->second, &key);
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return std::pair(std::string_view(a.second->first), a.first) < std::pair(std::string_view(b.second->first), b.first);
  });
  for (const auto& [unused, at] : ordered) {
    const auto& key = *at;
    topic_row[key] = m_rows.size();
    m_rows.push_back(CoverageRow{key.first, titles[key.first], key.second, 0, 0, 0, 0, 0, 0, 0.0, {}, {}, {}});
  }

  m_rows_of_card.resize(in.cards.size());
  for (std::size_t i = 0; i < in.cards.size(); ++i) {
    const CardEntry& c = in.cards[i];
    const core::CardSchedule& s = c.schedule;
    m_card_index.emplace(c.card_key, i);
    ++f.cards;
    ++f.states.at(static_cast<std::size_t>(s.state));
    if (c.retired) ++f.retired;
    if (c.suspended) ++f.suspended;
    if (!is_new(s)) ++f.started;
    if (s.lapses >= kLeechLapses) ++f.leeches;
    if (s.lapses > 0) f.weakest.push_back({i, s.lapses, s.lapses >= kLeechLapses});
    if (c.retired) continue;  // retired cards are never due again and belong to no topic
    // The states of the syllabus: "Started" is learning + young + mature (a retired card's
    // last state is history, counted under retired).
    if (core::is_learning(s.state)) ++f.learning;
    if (s.state == core::CardState::Review) (s.scheduled_days >= kMatureDays ? f.mature : f.young)++;
    ++f.syllabus;
    if (is_new(s)) {
      ++f.not_started;
    } else {
      f.mean_predicted_recall += c.retrievability;  // a sum until finish()
      if (s.due <= in.generated_at) ++f.due_now;
      const std::int64_t ahead = std::max<std::int64_t>(0, day_of(s.due) - f.today);
      if (ahead < kForecastDays) ++f.forecast[static_cast<std::size_t>(ahead)];
    }
    std::vector<std::size_t>& rows = m_rows_of_card[i];
    rows.push_back(bank_row.at(c.bank_id));
    if (c.topics.empty()) rows.push_back(topic_row.at({c.bank_id, "(no topic)"}));
    for (const std::string& t : c.topics) {
      const std::size_t r = topic_row.at({c.bank_id, t});
      if (std::find(rows.begin(), rows.end(), r) == rows.end()) rows.push_back(r);  // a topic listed twice
    }
    for (const std::size_t r : rows) count_card(m_rows[r], c);
  }
  m_ring.reserve(kMistakesShown);
}

std::int64_t FiguresBuilder::day_of(core::TimestampMs t) {
  // Reviews come in time order, so most fall on the day looked up last.
  if (t >= m_day_start && t < m_day_end) return m_cached_day;
  try {
    if (!m_utc_fallback) {
      m_cached_day = core::study_day(t, m_clock);
      m_day_start = core::study_day_start(m_cached_day, m_clock);
      m_day_end = core::study_day_start(m_cached_day + 1, m_clock);
      return m_cached_day;
    }
  } catch (const std::exception&) {
    m_utc_fallback = true;  // an unknown zone: count days in UTC
    m_clock.time_zone = "UTC";
  }
  m_cached_day = core::study_day(t, m_clock);
  m_day_start = core::study_day_start(m_cached_day, m_clock);
  m_day_end = core::study_day_start(m_cached_day + 1, m_clock);
  return m_cached_day;
}

void FiguresBuilder::add(const core::ReviewRecord& r) {
  Figures& f = m_f;
  const std::int64_t day = day_of(r.reviewed_at);
  if (m_days.empty() || m_days.back().day != day) {
    // In time order a day only ever follows earlier ones; an out-of-order record is merged below.
    m_days.push_back(DayActivity{day, {}, 0, 0, 0.0});
  }
  DayActivity& d = m_days.back();
  ++d.reviews;
  d.correct += r.correct ? 1 : 0;
  const double minutes = static_cast<double>(r.response_ms) / 60000.0;
  d.minutes += minutes;
  f.minutes += minutes;

  const bool first = is_new(r.before);
  const bool in_7 = day <= f.as_of_day && day > f.as_of_day - 7;
  const bool in_30 = day <= f.as_of_day && day > f.as_of_day - 30;
  f.all.add(r.correct);
  if (first) f.first_attempts.add(r.correct);
  if (in_7) f.last_7_days.add(r.correct);
  if (in_30) f.last_30_days.add(r.correct);
  const auto card = m_card_index.find(r.card_key);
  if (card != m_card_index.end()) {
    for (const std::size_t row : m_rows_of_card[card->second]) {
      CoverageRow& c = m_rows[row];
      if (first) c.first_attempts.add(r.correct);
      if (in_7) c.last_7_days.add(r.correct);
      if (in_30) c.last_30_days.add(r.correct);
      if (first && in_30) ++c.started_last_30_days;
    }
  }

  // A dilemma with its rubric skipped is not correct, yet no wrong answer: no mistake.
  const bool unassessed = card != m_card_index.end() && m_in.cards[card->second].question_type == "dilemma" &&
                          core::rubric_skipped(r.answer);
  if (!r.correct && !unassessed) {
    Mistake m{card == m_card_index.end() ? std::nullopt : std::optional<std::size_t>(card->second), r.card_key,
              r.reviewed_at, r.answer, r.rating, false, r.answer_key};
    if (m_ring.size() < static_cast<std::size_t>(kMistakesShown)) {
      m_ring.push_back(std::move(m));
    } else {
      m_ring[static_cast<std::size_t>(f.mistakes_total % kMistakesShown)] = std::move(m);
    }
    ++f.mistakes_total;
  }

  if (r.before.state != core::CardState::Review) return;  // true retention: review cards only
  const bool pass = r.rating != core::Rating::Again;
  const bool mature = r.before.scheduled_days >= kMatureDays;
  for (std::size_t p = 0; p < std::size(kPeriods); ++p) {
    if (!in_period(kPeriods[p], day, f.as_of_day)) continue;
    RetentionCell& cell = mature ? f.retention[p].mature : f.retention[p].young;
    (pass ? cell.passed : cell.failed)++;
  }
}

Figures FiguresBuilder::finish() {
  Figures& f = m_f;
  const int recall_cards = f.syllabus - f.not_started;
  f.mean_predicted_recall = recall_cards == 0 ? 0.0 : f.mean_predicted_recall / recall_cards;
  for (std::size_t i = 0; i < m_rows.size(); ++i) {
    CoverageRow& row = m_rows[i];
    const int started = row.cards - row.not_started;
    row.mean_predicted_recall = started == 0 ? 0.0 : row.mean_predicted_recall / started;
    (i < m_bank_rows ? f.banks : f.topics).push_back(std::move(row));
  }
  // Days: merge any out-of-order repeats, ascending.
  std::stable_sort(m_days.begin(), m_days.end(), [](const DayActivity& a, const DayActivity& b) { return a.day < b.day; });
  for (DayActivity& d : m_days) {
    if (!f.days.empty() && f.days.back().day == d.day) {
      f.days.back().reviews += d.reviews;
      f.days.back().correct += d.correct;
      f.days.back().minutes += d.minutes;
    } else {
      d.date = core::iso_date_of_day(d.day);
      f.days.push_back(d);
    }
  }
  // Mistakes newest first: the ring holds the last kMistakesShown in order from `oldest`.
  const std::size_t n = m_ring.size();
  const std::size_t oldest = f.mistakes_total > kMistakesShown ? static_cast<std::size_t>(f.mistakes_total % kMistakesShown) : 0;
  for (std::size_t k = 0; k < n; ++k) f.mistakes.push_back(std::move(m_ring[(oldest + n - 1 - k) % n]));
  // Only the kept mistakes are checked against today's answer key (a fingerprint each).
  for (Mistake& m : f.mistakes) {
    const core::Question* q = m.card ? m_in.cards[*m.card].question.get() : nullptr;
    m.key_changed = q != nullptr && !m.answer_key.empty() && !core::answer_key_is(*q, m.answer_key);
  }
  std::stable_sort(f.weakest.begin(), f.weakest.end(), [&](const WeakCard& x, const WeakCard& y) {
    if (x.lapses != y.lapses) return x.lapses > y.lapses;
    return m_in.cards[x.card].retrievability < m_in.cards[y.card].retrievability;
  });
  if (f.weakest.size() > static_cast<std::size_t>(kWeakestCards)) f.weakest.resize(kWeakestCards);
  return std::move(m_f);
}

void for_each_review(const ReportInput& in, const ReviewSink& sink) {
  const auto keep = [&](const core::ReviewRecord& r) {
    if (in.from && r.reviewed_at < *in.from) return;
    if (in.to && r.reviewed_at >= *in.to) return;
    if (!in.bank_filter.empty()) {
      const std::string_view key(r.card_key);
      if (key.size() <= in.bank_filter.size() || key.compare(0, in.bank_filter.size(), in.bank_filter) != 0 ||
          key[in.bank_filter.size()] != '/') {
        return;
      }
    }
    sink(r);
  };
  if (in.review_source) {
    in.review_source(keep);
  } else {
    for (const core::ReviewRecord& r : in.reviews) keep(r);
  }
}

std::optional<std::int64_t> all_started_day(const CoverageRow& row, std::int64_t as_of_day) {
  if (row.not_started == 0 || row.started_last_30_days == 0) return std::nullopt;
  // ceil(not_started / (started / kPaceDays)) in integers.
  const std::int64_t days =
      (static_cast<std::int64_t>(row.not_started) * kPaceDays + row.started_last_30_days - 1) / row.started_last_30_days;
  return as_of_day + days;
}

std::string mistake_correct_answer(const CardEntry* card, const Mistake& m) {
  if (card == nullptr || card->correct_answer.empty()) return "\u2014";
  return card->correct_answer + (m.key_changed ? " (the answer now: it changed after this answer)" : "");
}

Figures compute_figures(const ReportInput& in) {
  FiguresBuilder builder(in);
  for_each_review(in, [&](const core::ReviewRecord& r) { builder.add(r); });
  return builder.finish();
}

}  // namespace casebook::report
