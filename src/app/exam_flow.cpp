#include "app/exam_flow.hpp"

#include <algorithm>
#include <exception>

#include "app/card_view.hpp"
#include "core/card_event_words.hpp"
#include "app/review_record.hpp"
#include "core/mock_exam.hpp"
#include "core/session.hpp"

namespace casebook::app {

using core::TimestampMs;

namespace {

/// "29:41" (minutes may pass 59: "95:00"); negative durations read "0:00".
std::string clock_text(std::int64_t ms) {
  const std::int64_t s = std::max<std::int64_t>(0, (ms + 999) / 1000);
  const std::int64_t sec = s % 60;
  return std::to_string(s / 60) + ":" + (sec < 10 ? "0" : "") + std::to_string(sec);
}

/// "12 min 05 s".
/// The first line of `text`, at most `max` bytes (cut at a UTF-8 boundary, "…" added).
std::string first_line(const std::string& text, std::size_t max = 90) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() <= max) return line;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "…";
}

std::string preset_line(const core::ExamPreset& e, int questions) {
  std::string line = std::to_string(questions) + " questions · " +
                     (e.minutes > 0 ? std::to_string(e.minutes) + " min" : std::string("no time limit")) +
                     " · pass " + std::to_string(e.pass_mark) + " % · " +
                     (e.mark_each ? "marked after each answer" : "marked at the end");
  if (e.dilemmas) line += " · dilemmas (self-assessed)";
  return line;
}

/// The title of topic `id` in `bank` (the id when it has none).
std::string topic_title(const core::Bank& bank, const std::string& id) {
  for (const core::Topic& t : bank.topics)
    if (t.id == id) return t.title;
  return id;
}

}  // namespace

void ExamFlow::open() {
  const ExamSetup old = m_view.setup;
  m_view = ExamView{};
  m_items.clear();
  for (const auto& load : m_ctx.library.loads()) {
    if (!load.bank) continue;
    const core::Bank& b = *load.bank;
    m_view.banks.emplace_back(b.info.id, b.info.title);
    for (const core::ExamPreset& e : b.exams) {
      ExamPresetRow row;
      row.bank_id = b.info.id;
      row.preset_id = e.id;
      row.title = e.title;
      for (const auto& [topic, n] : e.topics) row.questions += n;
      row.minutes = e.minutes;
      row.pass_mark = e.pass_mark;
      row.mark_each = e.mark_each;
      row.dilemmas = e.dilemmas;
      row.line = preset_line(e, row.questions);
      m_view.presets.push_back(std::move(row));
    }
  }
  m_view.setup = old;
  m_view.setup.preset = m_view.presets.empty() ? -1 : 0;
  if (m_view.setup.preset == 0) {
    const ExamPresetRow& p = m_view.presets.front();
    m_view.setup.minutes = p.minutes;
    m_view.setup.pass_mark = p.pass_mark;
    m_view.setup.mark_each = p.mark_each;
    m_view.setup.dilemmas = p.dilemmas;
  }
}

void ExamFlow::set_setup(const ExamSetup& setup) {
  if (m_view.phase != ExamPhase::Setup) return;
  ExamSetup s = setup;
  s.preset = std::clamp(s.preset, -1, static_cast<int>(m_view.presets.size()) - 1);
  if (s.preset >= 0 && s.preset != m_view.setup.preset) {
    const ExamPresetRow& p = m_view.presets[static_cast<std::size_t>(s.preset)];
    s.minutes = p.minutes;
    s.pass_mark = p.pass_mark;
    s.mark_each = p.mark_each;
    s.dilemmas = p.dilemmas;
  }
  s.count = std::clamp(s.count, 1, 500);
  s.minutes = std::clamp(s.minutes, 0, 600);
  s.pass_mark = std::clamp(s.pass_mark, 0, 100);
  m_view.setup = s;
  m_view.message.clear();
}

std::vector<core::ExamTopicCount> ExamFlow::topic_counts(std::vector<core::ExamCandidate>& pool) const {
  const ExamSetup& s = m_view.setup;
  std::vector<core::ExamTopicCount> counts;
  if (s.preset >= 0) {
    const ExamPresetRow& p = m_view.presets[static_cast<std::size_t>(s.preset)];
    const core::Bank* bank = m_ctx.library.find_bank(p.bank_id);
    if (bank == nullptr) return counts;
    for (const core::ExamPreset& e : bank->exams) {
      if (e.id != p.preset_id) continue;
      for (const auto& [topic, n] : e.topics) counts.push_back(core::ExamTopicCount{p.bank_id, topic, n});
    }
    return counts;
  }
  // A custom exam: `count` spread over the topics (each question counted under its first
  // topic) in proportion to their questions, largest remainders first, ties in pool order.
  std::vector<std::pair<std::pair<std::string, std::string>, int>> sizes;
  int total = 0;
  for (const core::ExamCandidate& c : pool) {
    if (c.topics.empty() || (c.dilemma && !s.dilemmas)) continue;
    const auto key = std::make_pair(c.bank_id, c.topics.front());
    auto it = std::find_if(sizes.begin(), sizes.end(), [&](const auto& e) { return e.first == key; });
    if (it == sizes.end()) {
      sizes.emplace_back(key, 0);
      it = sizes.end() - 1;
    }
    ++it->second;
    ++total;
  }
  if (total == 0) return counts;
  const int n = std::min(s.count, total);
  std::vector<std::pair<int, std::size_t>> remainders;  // (remainder, index)
  int given = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const int share = n * sizes[i].second / total;
    counts.push_back(core::ExamTopicCount{sizes[i].first.first, sizes[i].first.second, share});
    remainders.emplace_back(n * sizes[i].second % total, i);
    given += share;
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < n && k < remainders.size(); ++k, ++given) ++counts[remainders[k].second].count;
  counts.erase(std::remove_if(counts.begin(), counts.end(), [](const auto& c) { return c.count == 0; }), counts.end());
  return counts;
}

bool ExamFlow::start() {
  if (m_view.phase != ExamPhase::Setup) return false;
  const ExamSetup& s = m_view.setup;
  std::vector<core::ExamCandidate> pool;
  std::string title = "Mock exam";
  m_preset.clear();
  if (s.preset >= 0) {
    const ExamPresetRow& p = m_view.presets[static_cast<std::size_t>(s.preset)];
    title = p.title;
    m_preset = p.bank_id + "/" + p.preset_id;
  }
  for (const auto& load : m_ctx.library.loads()) {
    if (!load.bank) continue;
    const core::Bank& b = *load.bank;
    const bool chosen = s.preset >= 0 ? b.info.id == m_view.presets[static_cast<std::size_t>(s.preset)].bank_id
                        : s.bank_ids.empty()
                            ? b.info.kind == core::BankKind::Course
                            : std::find(s.bank_ids.begin(), s.bank_ids.end(), b.info.id) != s.bank_ids.end();
    if (!chosen) continue;
    for (const core::Question& q : b.questions) {
      pool.push_back(core::ExamCandidate{b.info.id + "/" + q.id, b.info.id, q.topics,
                                         q.type == core::QuestionType::Dilemma});
    }
  }
  const TimestampMs t = m_ctx.now();
  m_seed = s.seed != 0 ? s.seed : m_ctx.config.session_seed != 0 ? m_ctx.config.session_seed : static_cast<std::uint64_t>(t);
  const core::ExamDraw draw = core::draw_exam(pool, topic_counts(pool), s.dilemmas, m_seed);
  if (draw.card_keys.empty()) {
    m_view.message = "No question can be drawn for this exam: the banks chosen have no question with a topic.";
    return false;
  }
  storage::ExamAttemptRow row;
  row.learner = m_ctx.config.learner;
  row.title = title;
  row.preset = m_preset;
  row.seed = m_seed;
  row.practice = s.practice;
  row.mark_each = s.mark_each;
  row.time_limit_ms = static_cast<std::int64_t>(s.minutes) * 60'000;
  row.pass_mark = s.pass_mark;
  row.started_at = t;
  for (std::size_t i = 0; i < draw.card_keys.size(); ++i) row.questions.push_back({draw.card_keys[i], draw.topics[i]});
  try {
    m_view.attempt_id = m_ctx.progress.start_exam(row);
  } catch (const std::exception& e) {
    m_view.message = std::string("The exam could not be stored, so it did not start: ") + e.what();
    return false;
  }
  m_items.clear();
  for (std::size_t i = 0; i < draw.card_keys.size(); ++i) {
    Item item{draw.card_keys[i], draw.topics[i], {}, {}, {}, 0, 0, false};
    const core::Question& q = m_ctx.library.question(*m_ctx.library.find(item.card_key));
    switch (q.type) {
      case core::QuestionType::SingleChoice:
      case core::QuestionType::MultipleResponse:
        item.order = core::Session::shuffled_order(m_seed, item.card_key, 0, static_cast<int>(q.choices.size()));
        break;
      case core::QuestionType::Ordering:
        item.order = core::Session::shuffled_order(m_seed, item.card_key, 0, static_cast<int>(q.items.size()), true);
        break;
      case core::QuestionType::Matching:
        item.order = core::Session::shuffled_order(m_seed, item.card_key, 0, static_cast<int>(q.pairs.size()), true);
        break;
      default: break;
    }
    m_items.push_back(std::move(item));
  }
  m_view.phase = ExamPhase::Taking;
  m_view.title = title;
  m_view.practice = s.practice;
  m_view.mark_each = s.mark_each;
  m_view.pass_mark = s.pass_mark;
  m_view.total = static_cast<int>(m_items.size());
  m_view.time_limit_ms = row.time_limit_ms;
  m_view.confirm_hand_in = false;
  m_view.assessing = -1;
  m_view.message = draw.problems.empty() ? std::string() : draw.problems.front();
  m_started = t;
  show(0);
  return true;
}

void ExamFlow::leave_current() {
  if (m_items.empty()) return;
  Item& item = m_items[static_cast<std::size_t>(m_view.current)];
  item.spent_ms += std::max<std::int64_t>(0, m_ctx.now() - m_shown_at);
}

void ExamFlow::show(int index) {
  m_view.current = std::clamp(index, 0, static_cast<int>(m_items.size()) - 1);
  const Item& item = m_items[static_cast<std::size_t>(m_view.current)];
  const CardRef* ref = m_ctx.library.find(item.card_key);
  m_view.card = make_card_view(m_ctx.library.bank(*ref), m_ctx.library.question(*ref), item.card_key, item.order);
  m_view.card.position = m_view.current + 1;
  m_view.card.remaining = m_view.total - m_view.current - 1;
  m_view.card.scope_label = m_view.title;
  m_view.card.showing_id = ++m_showing_id;
  m_shown_at = m_ctx.now();
  refresh_taking();
}

void ExamFlow::refresh_taking() {
  const Item& item = m_items[static_cast<std::size_t>(m_view.current)];
  const CardRef* ref = m_ctx.library.find(item.card_key);
  const core::Question& q = m_ctx.library.question(*ref);
  m_view.given = item.answer ? core::describe_answer(q, *item.answer) : std::string();
  m_view.feedback.reset();
  if (m_view.mark_each && item.answer) {
    m_view.feedback = make_feedback(m_ctx.library.bank(*ref), q, m_view.card, *item.answer);
  }
  m_view.list.clear();
  m_view.unanswered = 0;
  for (std::size_t i = 0; i < m_items.size(); ++i) {
    const Item& it = m_items[i];
    ExamListRow row;
    row.number = static_cast<int>(i) + 1;
    row.answered = it.answer.has_value();
    if (m_view.mark_each && it.grade) row.correct = it.grade->correct;
    row.prompt = first_line(m_ctx.library.question(*m_ctx.library.find(it.card_key)).prompt);
    m_view.unanswered += row.answered ? 0 : 1;
    m_view.list.push_back(std::move(row));
  }
  tick();
}

void ExamFlow::answer(const core::Answer& answer) {
  if (m_view.phase != ExamPhase::Taking) return;
  Item& item = m_items[static_cast<std::size_t>(m_view.current)];
  if (m_view.mark_each && item.answer) return;  // marked: final
  const core::Question& q = m_ctx.library.question(*m_ctx.library.find(item.card_key));
  const core::Grade grade = core::grade(q, answer);
  storage::ExamAnswerRow row;
  row.position = m_view.current;
  row.answered = true;
  row.correct = grade.correct;
  row.score = grade.score;
  row.answer = core::describe_answer(q, answer);
  try {
    m_ctx.progress.save_exam_answer(m_view.attempt_id, row);
  } catch (const std::exception& e) {
    m_view.message = std::string("Your answer was not saved: ") + e.what() + " Answer again to retry.";
    return;
  }
  item.answer = answer;
  item.grade = grade;
  item.answer_ms = item.spent_ms + std::max<std::int64_t>(0, m_ctx.now() - m_shown_at);
  m_view.message.clear();
  if (m_view.mark_each) {
    refresh_taking();  // its verdict shows; Next moves on
    return;
  }
  skip();
}

void ExamFlow::go_to(int index) {
  if (m_view.phase != ExamPhase::Taking) return;
  leave_current();
  m_view.confirm_hand_in = false;
  show(index);
}

void ExamFlow::skip() {
  if (m_view.phase != ExamPhase::Taking) return;
  const int n = static_cast<int>(m_items.size());
  int next = (m_view.current + 1) % n;
  for (int k = 1; k <= n; ++k) {
    const int i = (m_view.current + k) % n;
    if (!m_items[static_cast<std::size_t>(i)].answer) {
      next = i;
      break;
    }
  }
  go_to(next);
}

bool ExamFlow::hand_in(bool confirmed) {
  if (m_view.phase != ExamPhase::Taking) return false;
  if (m_view.assessing >= 0) {
    if (!confirmed) return false;
    Item& item = m_items[static_cast<std::size_t>(m_view.assessing)];
    storage::ExamAnswerRow row;
    row.position = m_view.assessing;
    row.answered = true;
    row.correct = item.grade->correct;
    row.score = item.grade->score;
    row.answer = core::describe_answer(m_ctx.library.question(*m_ctx.library.find(item.card_key)), *item.answer);
    try {
      m_ctx.progress.save_exam_answer(m_view.attempt_id, row);
    } catch (const std::exception& e) {
      m_view.message = std::string("Your self-assessment was not saved: ") + e.what() + " Go on again to retry.";
      return false;
    }
    item.assessed = true;
    return finish(m_timed_out);
  }
  if (m_view.unanswered > 0 && !confirmed) {
    m_view.confirm_hand_in = true;
    return false;
  }
  return finish(false);
}

bool ExamFlow::tick() {
  if (m_view.phase != ExamPhase::Taking || m_view.time_limit_ms <= 0 || m_view.assessing >= 0) return false;
  const std::int64_t left = m_view.time_limit_ms - (m_ctx.now() - m_started);
  if (left <= 0) return finish(true);
  const std::string text = clock_text(left);
  m_view.time_left_ms = left;
  if (text == m_view.time_left) return false;
  m_view.time_left = text;
  return true;
}

void ExamFlow::set_rubric(int line, bool met) {
  if (m_view.phase != ExamPhase::Taking || m_view.assessing < 0) return;
  Item& item = m_items[static_cast<std::size_t>(m_view.assessing)];
  if (line < 0 || line >= static_cast<int>(m_view.card.rubric.size())) return;
  item.answer->rubric_met.resize(m_view.card.rubric.size(), false);
  item.answer->rubric_met[static_cast<std::size_t>(line)] = met;
  const CardRef* ref = m_ctx.library.find(item.card_key);
  item.grade = core::grade(m_ctx.library.question(*ref), *item.answer);
  m_view.feedback = make_feedback(m_ctx.library.bank(*ref), m_ctx.library.question(*ref), m_view.card, *item.answer);
}

bool ExamFlow::next_assessment() {
  for (std::size_t i = 0; i < m_items.size(); ++i) {
    const Item& item = m_items[i];
    if (!item.answer || item.assessed) continue;
    const CardRef* ref = m_ctx.library.find(item.card_key);
    if (m_ctx.library.question(*ref).type != core::QuestionType::Dilemma) continue;
    m_view.assessing = static_cast<int>(i);  // first: the clock stops (show() reads it)
    show(static_cast<int>(i));
    m_view.confirm_hand_in = false;
    m_view.feedback = make_feedback(m_ctx.library.bank(*ref), m_ctx.library.question(*ref), m_view.card, *item.answer);
    return true;
  }
  m_view.assessing = -1;
  return false;
}

bool ExamFlow::finish(bool timed_out) {
  if (m_view.assessing < 0) {
    leave_current();
    // Handed in by the timer: at the limit, even when the clock was read a little after it.
    const TimestampMs now = m_ctx.now();
    m_handed_in_at = timed_out ? std::min(now, m_started + m_view.time_limit_ms) : now;
    m_timed_out = timed_out;
  }
  if (next_assessment()) return false;
  const TimestampMs t = m_handed_in_at;
  std::vector<storage::ExamAnswerRow> answers;
  std::vector<core::ExamMark> marks;
  for (std::size_t i = 0; i < m_items.size(); ++i) {
    const Item& item = m_items[i];
    storage::ExamAnswerRow a;
    a.position = static_cast<int>(i);
    if (item.answer) {
      a.answered = true;
      a.correct = item.grade->correct;
      a.score = item.grade->score;
      a.answer = core::describe_answer(m_ctx.library.question(*m_ctx.library.find(item.card_key)), *item.answer);
    }
    marks.push_back(core::ExamMark{item.topic, a.answered, a.correct});
    answers.push_back(std::move(a));
  }
  const core::ExamScore score = core::score_exam(marks, m_view.pass_mark);
  const storage::ExamResultRow result{t,             score.total.correct, score.total.total,
                                      score.percent, score.passed,        timed_out};
  std::vector<storage::AnswerPlan> plans;
  storage::ExamReviewPlan plan;
  if (!m_view.practice) {
    // Exam answers are real recall: each answered question is a review (right: Good, wrong:
    // Again), through the same path as a study rating. Unanswered questions make none.
    plan = [&](const storage::ExamAnswerRow& a, const std::string& key, const std::optional<core::CardSchedule>& newest,
               const storage::CardFlags& flags) -> std::optional<storage::AnswerPlan> {
      if (!a.answered) return std::nullopt;
      TimestampMs at = t;
      if (newest && newest->last_review) at = std::max(at, *newest->last_review);
      const ReviewDraft draft{key, a.correct ? core::Rating::Good : core::Rating::Again, a.correct, a.answer,
                              m_items[static_cast<std::size_t>(a.position)].answer_ms};
      plans.push_back(plan_review(m_ctx, draft, at, newest, flags));
      return plans.back();
    };
  }
  try {
    m_ctx.progress.finish_exam(m_view.attempt_id, answers, result, plan);
  } catch (const std::exception& e) {
    m_view.message = std::string("The exam could not be handed in: ") + e.what() +
                     " Your answers are saved; hand in again to retry.";
    m_view.confirm_hand_in = false;
    return false;
  }
  for (const storage::AnswerPlan& p : plans) apply_review(m_ctx, p);
  storage::ExamAttemptRow stored;
  stored.questions.reserve(m_items.size());
  for (const Item& item : m_items) stored.questions.push_back({item.card_key, item.topic});
  stored.answers = answers;
  stored.result = result;
  build_result(stored, result.finished_at);
  return true;
}

void ExamFlow::build_result(const storage::ExamAttemptRow& stored, TimestampMs finished) {
  const storage::ExamResultRow& r = *stored.result;
  m_view.phase = ExamPhase::Result;
  m_view.confirm_hand_in = false;
  m_view.correct = r.correct;
  m_view.percent = r.percent;
  m_view.passed = r.passed;
  m_view.timed_out = r.timed_out;
  m_view.score_line = std::to_string(r.correct) + " of " + std::to_string(r.total) + " (" + std::to_string(r.percent) +
                      " %) — " + (r.passed ? "passed" : "not passed") + " (pass mark " +
                      std::to_string(m_view.pass_mark) + " %)";
  m_view.time_taken = core::format_minutes_seconds(finished - m_started) + (r.timed_out ? " (time was up)" : "");
  std::vector<core::ExamMark> marks;
  m_view.questions.clear();
  for (std::size_t i = 0; i < stored.questions.size(); ++i) {
    const storage::ExamAnswerRow& a = stored.answers[i];
    const std::string& key = stored.questions[i].card_key;
    const CardRef* ref = m_ctx.library.find(key);
    const core::Bank& bank = m_ctx.library.bank(*ref);
    const core::Question& q = m_ctx.library.question(*ref);
    const CardView card = make_card_view(bank, q, key, {});
    ExamResultQuestion row;
    row.number = static_cast<int>(i) + 1;
    row.card_key = key;
    row.topic = topic_title(bank, stored.questions[i].topic);
    row.prompt = card.prompt;
    row.answered = a.answered;
    row.correct = a.correct;
    row.given = a.answered ? a.answer : "(not answered)";
    const core::Answer& given = m_items[i].answer ? *m_items[i].answer : core::Answer{};
    const FeedbackView f = make_feedback(bank, q, card, given);
    row.expected = q.type == core::QuestionType::Dilemma ? card.model_answer : f.expected;
    row.explanation = card.explanation;
    row.source = card.citation;
    m_view.questions.push_back(std::move(row));
    marks.push_back(core::ExamMark{stored.questions[i].topic, a.answered, a.correct});
  }
  m_view.topic_lines.clear();
  const core::ExamScore score = core::score_exam(marks, m_view.pass_mark);
  for (const core::ExamTally& t : score.by_topic) {
    const auto q = std::find_if(stored.questions.begin(), stored.questions.end(),
                                [&](const storage::ExamQuestionRow& row) { return row.topic == t.topic; });
    const core::Bank& bank = m_ctx.library.bank(*m_ctx.library.find(q->card_key));
    m_view.topic_lines.push_back(topic_title(bank, t.topic) + ": " + std::to_string(t.correct) + " of " +
                                 std::to_string(t.total));
  }
  m_items.clear();
}

}  // namespace casebook::app
