#include "app/browser.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

#include "core/citation.hpp"
#include "core/number.hpp"
#include "core/scheduler.hpp"
#include "core/time.hpp"
#include "core/utf8.hpp"
#include "core/text.hpp"

namespace casebook::app {

namespace {

/// A learning step's due time as the Due column shows it, local in `time_zone`: "now",
/// "today 14:10" (to the minute, no zone: the column is narrow) or, on a later day, its date
/// "2024-06-02" as for review cards.
std::string learning_due(core::TimestampMs due, core::TimestampMs now, const std::string& time_zone) {
  if (due <= now) return "now";
  const std::string date = core::format_local_date(due, time_zone);
  if (date != core::format_local_date(now, time_zone)) return date;
  return "today " + core::format_local_minutes(due, time_zone).substr(11, 5);  // "YYYY-MM-DD HH:MM ZONE"
}

constexpr std::size_t kPromptBytes = 240;  ///< a row shows the start of the prompt

/// `text` on one line (line breaks and tabs become spaces), cut at a character boundary.
std::string one_line(std::string text, std::size_t max_bytes) {
  text = core::on_one_line(std::move(text));
  if (text.size() > max_bytes) text = text.substr(0, core::utf8_cut(text, max_bytes)) + "…";
  return text;
}

/// The text a word search looks in.
std::string raw_text(const core::Question& q) {
  std::string t = q.prompt + "\n" + q.scenario;
  for (const auto& c : q.choices) t += "\n" + c.text;
  for (const auto& a : q.accepted) t += "\n" + a;
  for (const auto& i : q.items) t += "\n" + i;
  for (const auto& p : q.pairs) t += "\n" + p.left + "\n" + p.right;
  for (const auto& p : q.positions) t += "\n" + p.title;
  t += "\n" + q.model_answer + "\n" + q.explanation + "\n" + q.unit;
  return t;
}

void fill(const AppContext& ctx, core::TimestampMs t, const std::string& key, const CardRef& ref, BrowserRow& row,
          core::SearchCard& facts) {
  const core::Bank& bank = ctx.library.bank(ref);
  const core::Question& q = ctx.library.question(ref);
  row = BrowserRow{};
  row.card_key = key;
  row.bank = bank.info.id;
  facts.bank = core::ascii_lower(bank.info.id);
  facts.topics.clear();
  for (const std::string& id : q.topics) {
    facts.topics.push_back(core::ascii_lower(id));
    const auto it = std::find_if(bank.topics.begin(), bank.topics.end(), [&](const core::Topic& tp) { return tp.id == id; });
    row.topic += (row.topic.empty() ? "" : ", ") + (it != bank.topics.end() && !it->title.empty() ? it->title : id);
  }
  facts.type = core::to_string(q.type);
  row.type = facts.type;
  std::replace(row.type.begin(), row.type.end(), '_', ' ');
  row.prompt = one_line(core::render_citations(q.prompt, bank.sources), kPromptBytes);

  const core::CardSchedule s = ctx.state_of(key).value_or(core::CardSchedule{});
  facts.state = s.state;
  row.state = std::string(core::to_string(s.state));
  facts.lapses = row.lapse_count = s.lapses;
  row.lapses = std::to_string(s.lapses);
  facts.reps = s.reps;
  facts.stability = s.stability;
  facts.difficulty = s.difficulty;
  facts.retrievability.reset();
  facts.due_in_days.reset();
  facts.rated_days_ago.reset();
  facts.due = false;
  const core::DayClock& clock = ctx.clock();
  if (s.state != core::CardState::New) {
    const double r = ctx.options.scheduler(bank.info.id).retrievability(s, t);
    facts.retrievability = row.recall = r;
    row.retrievability = core::format_fixed(r * 100.0, 0) + " %";
    row.due_ms = s.due;
    const std::int64_t today = core::study_day(t, clock);
    const std::int64_t due_day = core::study_day(s.due, clock);
    facts.due_in_days = due_day - today;
    facts.due = core::is_due(s, t, clock);
    row.due = core::is_learning(s.state) && s.scheduled_days == 0 ? learning_due(s.due, t, clock.time_zone)
                                                                  : core::iso_date_of_day(due_day);
    if (s.last_review) facts.rated_days_ago = today - core::study_day(*s.last_review, clock);
  }

  const auto fl = ctx.flags.find(key);
  facts.suspended = row.suspended = fl != ctx.flags.end() && fl->second.suspended;
  facts.leech = row.leech =
      fl != ctx.flags.end() && std::find(fl->second.tags.begin(), fl->second.tags.end(), "leech") != fl->second.tags.end();
  facts.buried = row.buried = ctx.buried(key, t);
  const auto mk = ctx.marks.find(key);
  facts.flag = row.flag = mk != ctx.marks.end() ? mk->second.flag : 0;
  row.reports = mk != ctx.marks.end() ? mk->second.reports : 0;
  std::vector<std::string> words;
  if (row.flag != 0) words.emplace_back(core::kFlagNames[row.flag]);
  if (row.suspended) words.emplace_back("suspended");
  if (row.buried) words.emplace_back("buried");
  if (row.leech) words.emplace_back("leech");
  if (row.reports > 0) words.push_back(std::to_string(row.reports) + (row.reports == 1 ? " report" : " reports"));
  for (const auto& w : words) row.flags += (row.flags.empty() ? "" : ", ") + w;
}

/// -1, 0 or 1.
template <class T>
int cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace

std::vector<std::string> card_texts(const Library& library) {
  std::vector<std::string> out;
  out.reserve(library.cards().size());
  for (const auto& [key, ref] : library.cards()) out.push_back(core::fold_search_text(raw_text(library.question(ref))));
  return out;
}

CardIndex index_cards(const AppContext& ctx, core::TimestampMs t, const std::vector<std::string>& texts) {
  CardIndex index;
  const auto& cards = ctx.library.cards();
  index.rows.resize(cards.size());
  index.facts.resize(cards.size());
  std::size_t i = 0;
  for (const auto& [key, ref] : cards) {
    fill(ctx, t, key, ref, index.rows[i], index.facts[i]);
    if (i < texts.size()) index.facts[i].text = texts[i];
    ++i;
  }
  return index;
}

void update_card(const AppContext& ctx, core::TimestampMs t, BrowserRow& row, core::SearchCard& facts) {
  const std::string key = row.card_key;
  const CardRef* ref = ctx.library.find(key);
  if (ref == nullptr) return;
  std::string text = std::move(facts.text);
  fill(ctx, t, key, *ref, row, facts);
  facts.text = std::move(text);
}

std::vector<int> search_cards(const std::vector<BrowserRow>& rows, const std::vector<core::SearchCard>& facts,
                              const core::Search& search, BrowserColumn column, bool descending) {
  std::vector<int> out;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (search.matches(facts[i])) out.push_back(static_cast<int>(i));
  }
  // Returns {has value, comparison}: rows without a value go last in either direction.
  auto compare = [&](const BrowserRow& a, const BrowserRow& b) -> std::pair<int, int> {
    switch (column) {
      case BrowserColumn::Bank: return {0, cmp(a.bank, b.bank)};
      case BrowserColumn::Topic: return {0, cmp(a.topic, b.topic)};
      case BrowserColumn::Type: return {0, cmp(a.type, b.type)};
      case BrowserColumn::Prompt: return {0, cmp(a.prompt, b.prompt)};
      case BrowserColumn::State: return {0, cmp(a.state, b.state)};
      case BrowserColumn::Lapses: return {0, cmp(a.lapse_count, b.lapse_count)};
      case BrowserColumn::Flags: return {0, cmp(a.flags, b.flags)};
      case BrowserColumn::Due:
        if (a.due_ms.has_value() != b.due_ms.has_value()) return {a.due_ms ? -1 : 1, 0};
        return {0, a.due_ms ? cmp(*a.due_ms, *b.due_ms) : 0};
      case BrowserColumn::Retrievability:
        if (a.recall.has_value() != b.recall.has_value()) return {a.recall ? -1 : 1, 0};
        return {0, a.recall ? cmp(*a.recall, *b.recall) : 0};
    }
    return {0, 0};
  };
  std::stable_sort(out.begin(), out.end(), [&](int x, int y) {
    const auto [missing, c] = compare(rows[static_cast<std::size_t>(x)], rows[static_cast<std::size_t>(y)]);
    if (missing != 0) return missing < 0;
    return descending ? c > 0 : c < 0;  // equal rows keep card-key order (stable)
  });
  return out;
}

void BrowserModel::open() {
  if (m_texts_generation != m_ctx.library.generation()) {
    m_texts = card_texts(m_ctx.library);
    m_texts_generation = m_ctx.library.generation();
  }
  CardIndex index = index_cards(m_ctx, m_ctx.now(), m_texts);
  m_view.rows = std::move(index.rows);
  m_facts = std::move(index.facts);
  m_view.notice.clear();
  run();
}

void BrowserModel::search(const std::string& query) {
  m_view.query = query;
  try {
    m_search = core::Search(query);
    m_view.error.clear();
    m_view.error_column = 0;
  } catch (const core::SearchError& e) {
    m_view.error = e.what();
    m_view.error_column = e.column();
    return;  // the last results stay
  }
  run();
}

void BrowserModel::sort(BrowserColumn column, bool descending) {
  m_view.sort = column;
  m_view.descending = descending;
  run();
}

void BrowserModel::select(const std::string& card_key) {
  m_view.selected = card_key;
  locate_selection();
}

void BrowserModel::refresh_card(const std::string& card_key) {
  auto& rows = m_view.rows;
  const auto it = std::lower_bound(rows.begin(), rows.end(), card_key,
                                   [](const BrowserRow& r, const std::string& k) { return r.card_key < k; });
  if (it == rows.end() || it->card_key != card_key) return;
  const auto i = static_cast<std::size_t>(it - rows.begin());
  update_card(m_ctx, m_ctx.now(), rows[i], m_facts[i]);
  run();
}

void BrowserModel::run() {
  m_view.shown = search_cards(m_view.rows, m_facts, m_search, m_view.sort, m_view.descending);
  locate_selection();
}

void BrowserModel::locate_selection() {
  m_view.selected_shown = -1;
  for (std::size_t i = 0; i < m_view.shown.size() && !m_view.selected.empty(); ++i) {
    if (m_view.rows[static_cast<std::size_t>(m_view.shown[i])].card_key == m_view.selected) {
      m_view.selected_shown = static_cast<int>(i);
      return;
    }
  }
  // Nothing chosen yet, or the chosen card is not among the results: the first row is, so
  // Enter, the card actions and the arrow keys work at once.
  if (m_view.shown.empty()) return;
  m_view.selected_shown = 0;
  m_view.selected = m_view.rows[static_cast<std::size_t>(m_view.shown.front())].card_key;
}

}  // namespace casebook::app
