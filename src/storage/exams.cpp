// Progress, schema 4: mock exam attempts (the questions drawn, the answers as they are given
// and as handed in, the result, and the review-log rows the answers made).
#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/progress.hpp"
#include "storage/progress_impl.hpp"

namespace casebook::storage {

namespace {

/// Inserts, or replaces, the row of answer `a` to attempt `attempt_id` (review_id NULL when none).
void write_answer(SQLite::Database& db, std::int64_t attempt_id, const ExamAnswerRow& a) {
  SQLite::Statement ins(db,
                        "INSERT OR REPLACE INTO exam_answer (attempt_id, position, answered, correct, score, answer, "
                        "review_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
  ins.bind(1, attempt_id);
  ins.bind(2, static_cast<std::int64_t>(a.position));
  ins.bind(3, static_cast<std::int32_t>(a.answered ? 1 : 0));
  ins.bind(4, static_cast<std::int32_t>(a.correct ? 1 : 0));
  ins.bind(5, a.score);
  ins.bind(6, a.answer);
  if (a.review_id) {
    ins.bind(7, *a.review_id);
  } else {
    ins.bind(7);
  }
  ins.exec();
}

}  // namespace

std::int64_t Progress::start_exam(const ExamAttemptRow& a) {
  return m_impl->guard("store an exam in", [&] {
    SQLite::Database& db = m_impl->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t learner_id = m_impl->ensure_learner(a.learner);
    SQLite::Statement ins(db,
                          "INSERT INTO exam_attempt (learner_id, title, preset, seed, practice, mark_each, "
                          "time_limit_ms, pass_mark, started_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, learner_id);
    ins.bind(2, a.title);
    ins.bind(3, a.preset);
    ins.bind(4, static_cast<std::int64_t>(a.seed));
    ins.bind(5, static_cast<std::int32_t>(a.practice ? 1 : 0));
    ins.bind(6, static_cast<std::int32_t>(a.mark_each ? 1 : 0));
    ins.bind(7, static_cast<std::int64_t>(a.time_limit_ms));
    ins.bind(8, static_cast<std::int32_t>(a.pass_mark));
    ins.bind(9, static_cast<std::int64_t>(a.started_at));
    ins.exec();
    const std::int64_t id = db.getLastInsertRowid();
    SQLite::Statement q(db, "INSERT INTO exam_question (attempt_id, position, card_key, topic) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < a.questions.size(); ++i) {
      q.bind(1, id);
      q.bind(2, static_cast<std::int64_t>(i));
      q.bind(3, a.questions[i].card_key);
      q.bind(4, a.questions[i].topic);
      q.exec();
      q.reset();
    }
    tx.commit();
    return id;
  });
}

void Progress::finish_exam(std::int64_t attempt_id, std::vector<ExamAnswerRow> answers, const ExamResultRow& result,
                           const ExamReviewPlan& plan) {
  m_impl->guard("hand in an exam in", [&] {
    SQLite::Database& db = m_impl->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement find(db,
                           "SELECT a.learner_id, l.name, EXISTS (SELECT 1 FROM exam_result r WHERE r.attempt_id = a.id) "
                           "FROM exam_attempt a JOIN learner l ON l.id = a.learner_id WHERE a.id = ?");
    find.bind(1, attempt_id);
    if (!find.executeStep()) {
      throw StorageError("Cannot hand in exam #" + std::to_string(attempt_id) + ": the " +
                         describe_path(m_impl->path) + " has no such attempt.");
    }
    const std::int64_t learner_id = find.getColumn(0).getInt64();
    const std::string learner = find.getColumn(1).getString();
    if (find.getColumn(2).getInt() != 0) {
      throw StorageError("Cannot hand in exam #" + std::to_string(attempt_id) + ": it was already handed in.");
    }
    find.reset();
    SQLite::Statement key_of(db, "SELECT card_key FROM exam_question WHERE attempt_id = ? AND position = ?");
    SQLite::Statement state_of(db,
                               "SELECT state, stability, difficulty, due_ms, last_review_ms, scheduled_days, "
                               "learning_steps, reps, lapses FROM card_state WHERE learner_id = ? AND card_key = ?");
    for (ExamAnswerRow& a : answers) {
      key_of.bind(1, attempt_id);
      key_of.bind(2, static_cast<std::int64_t>(a.position));
      if (!key_of.executeStep()) {
        throw StorageError("Cannot hand in exam #" + std::to_string(attempt_id) + ": it has no question " +
                           std::to_string(a.position + 1) + ".");
      }
      const std::string card_key = key_of.getColumn(0).getString();
      key_of.reset();
      a.review_id.reset();
      if (plan) {
        state_of.bind(1, learner_id);
        state_of.bind(2, card_key);
        std::optional<core::CardSchedule> newest;
        if (state_of.executeStep()) newest = detail::read_schedule(state_of, 0);
        state_of.reset();
        if (std::optional<AnswerPlan> p = plan(a, card_key, newest, detail::read_flags(db, learner_id, card_key))) {
          p->review.learner = learner;
          p->review.card_key = card_key;
          a.review_id = detail::insert_review(db, learner_id, p->review);
          if (p->flags) detail::write_flags(db, learner_id, card_key, *p->flags);
        }
      }
      write_answer(db, attempt_id, a);
    }
    SQLite::Statement res(db,
                          "INSERT INTO exam_result (attempt_id, finished_at_ms, correct, total, percent, passed, "
                          "timed_out) VALUES (?, ?, ?, ?, ?, ?, ?)");
    res.bind(1, attempt_id);
    res.bind(2, static_cast<std::int64_t>(result.finished_at));
    res.bind(3, result.correct);
    res.bind(4, result.total);
    res.bind(5, result.percent);
    res.bind(6, static_cast<std::int32_t>(result.passed ? 1 : 0));
    res.bind(7, static_cast<std::int32_t>(result.timed_out ? 1 : 0));
    res.exec();
    tx.commit();
  });
}

void Progress::save_exam_answer(std::int64_t attempt_id, const ExamAnswerRow& answer) {
  m_impl->guard("save an exam answer in", [&] {
    SQLite::Database& db = m_impl->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement find(db,
                           "SELECT EXISTS (SELECT 1 FROM exam_result r WHERE r.attempt_id = q.attempt_id) "
                           "FROM exam_question q WHERE q.attempt_id = ? AND q.position = ?");
    find.bind(1, attempt_id);
    find.bind(2, static_cast<std::int64_t>(answer.position));
    if (!find.executeStep()) {
      throw StorageError("Cannot save an answer to question " + std::to_string(answer.position + 1) + " of exam #" +
                         std::to_string(attempt_id) + ": the " + describe_path(m_impl->path) +
                         " has no such question.");
    }
    if (find.getColumn(0).getInt() != 0) {
      throw StorageError("Cannot save an answer to exam #" + std::to_string(attempt_id) +
                         ": it was already handed in.");
    }
    find.reset();
    ExamAnswerRow row = answer;
    row.review_id.reset();  // the review comes at hand-in
    write_answer(db, attempt_id, row);
    tx.commit();
  });
}

std::vector<ExamAttemptRow> Progress::exam_attempts(const std::string& learner) {
  return m_impl->guard("read exam attempts from", [&] {
    SQLite::Database& db = m_impl->db;
    std::vector<ExamAttemptRow> out;
    SQLite::Statement st(db,
                         "SELECT a.id, l.name, a.title, a.preset, a.seed, a.practice, a.mark_each, a.time_limit_ms, "
                         "a.pass_mark, a.started_at_ms, r.finished_at_ms, r.correct, r.total, r.percent, r.passed, "
                         "r.timed_out FROM exam_attempt a JOIN learner l ON l.id = a.learner_id "
                         "LEFT JOIN exam_result r ON r.attempt_id = a.id "
                         "WHERE ?1 = '' OR l.name = ?1 ORDER BY a.started_at_ms, a.id");
    st.bind(1, learner);
    while (st.executeStep()) {
      ExamAttemptRow a;
      a.id = st.getColumn(0).getInt64();
      a.learner = st.getColumn(1).getString();
      a.title = st.getColumn(2).getString();
      a.preset = st.getColumn(3).getString();
      a.seed = static_cast<std::uint64_t>(st.getColumn(4).getInt64());
      a.practice = st.getColumn(5).getInt() != 0;
      a.mark_each = st.getColumn(6).getInt() != 0;
      a.time_limit_ms = st.getColumn(7).getInt64();
      a.pass_mark = st.getColumn(8).getInt();
      a.started_at = st.getColumn(9).getInt64();
      if (!st.getColumn(10).isNull()) {
        a.result = ExamResultRow{st.getColumn(10).getInt64(), st.getColumn(11).getInt(), st.getColumn(12).getInt(),
                                 st.getColumn(13).getInt(),   st.getColumn(14).getInt() != 0,
                                 st.getColumn(15).getInt() != 0};
      }
      out.push_back(std::move(a));
    }
    SQLite::Statement q(db, "SELECT card_key, topic FROM exam_question WHERE attempt_id = ? ORDER BY position");
    SQLite::Statement ans(db,
                          "SELECT position, answered, correct, score, answer, review_id FROM exam_answer "
                          "WHERE attempt_id = ? ORDER BY position");
    for (ExamAttemptRow& a : out) {
      q.bind(1, a.id);
      while (q.executeStep()) a.questions.push_back(ExamQuestionRow{q.getColumn(0).getString(), q.getColumn(1).getString()});
      q.reset();
      ans.bind(1, a.id);
      while (ans.executeStep()) {
        ExamAnswerRow r;
        r.position = ans.getColumn(0).getInt();
        r.answered = ans.getColumn(1).getInt() != 0;
        r.correct = ans.getColumn(2).getInt() != 0;
        r.score = ans.getColumn(3).getDouble();
        r.answer = ans.getColumn(4).getString();
        if (!ans.getColumn(5).isNull()) r.review_id = ans.getColumn(5).getInt64();
        a.answers.push_back(std::move(r));
      }
      ans.reset();
    }
    return out;
  });
}

std::vector<ExamSummaryRow> Progress::exam_summaries(const std::string& learner, std::optional<core::TimestampMs> from,
                                                     std::optional<core::TimestampMs> to, const std::string& bank_id) {
  return m_impl->guard("read exam attempts from", [&] {
    std::vector<ExamSummaryRow> out;
    SQLite::Statement st(
        m_impl->db,
        "SELECT a.id, a.title, a.preset, a.practice, a.time_limit_ms, a.pass_mark, a.started_at_ms, "
        "(SELECT COUNT(*) FROM exam_question q WHERE q.attempt_id = a.id), r.finished_at_ms, r.correct, r.total, "
        "r.percent, r.passed, r.timed_out FROM exam_attempt a JOIN learner l ON l.id = a.learner_id "
        "LEFT JOIN exam_result r ON r.attempt_id = a.id "
        "WHERE l.name = :learner AND (:from IS NULL OR a.started_at_ms >= :from) "
        "AND (:to IS NULL OR a.started_at_ms < :to) AND (:bank = '' OR EXISTS (SELECT 1 FROM exam_question q "
        "WHERE q.attempt_id = a.id AND q.card_key >= :bank || '/' AND q.card_key < :bank || '0')) "
        "ORDER BY a.started_at_ms, a.id");
    st.bind(":learner", learner);
    if (from) st.bind(":from", static_cast<std::int64_t>(*from));
    if (to) st.bind(":to", static_cast<std::int64_t>(*to));
    st.bind(":bank", bank_id);
    while (st.executeStep()) {
      ExamSummaryRow a;
      a.id = st.getColumn(0).getInt64();
      a.title = st.getColumn(1).getString();
      a.preset = st.getColumn(2).getString();
      a.practice = st.getColumn(3).getInt() != 0;
      a.time_limit_ms = st.getColumn(4).getInt64();
      a.pass_mark = st.getColumn(5).getInt();
      a.started_at = st.getColumn(6).getInt64();
      a.questions = st.getColumn(7).getInt();
      if (!st.getColumn(8).isNull()) {
        a.result = ExamResultRow{st.getColumn(8).getInt64(), st.getColumn(9).getInt(), st.getColumn(10).getInt(),
                                 st.getColumn(11).getInt(), st.getColumn(12).getInt() != 0,
                                 st.getColumn(13).getInt() != 0};
      }
      out.push_back(std::move(a));
    }
    return out;
  });
}

}  // namespace casebook::storage
