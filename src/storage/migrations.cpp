// The schema steps of the progress database. Never edit a released step: add a new one.
#include "storage/migrations.hpp"

#include <array>

namespace casebook::storage::detail {
namespace {

// Version 1: learners, the card-state cache and the append-only review log.
// All instants are INTEGER UTC milliseconds (SQLite integers are 64-bit).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE learner (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE,
  created_at_ms INTEGER NOT NULL
);

CREATE TABLE card_state (
  learner_id     INTEGER NOT NULL REFERENCES learner(id),
  card_key       TEXT    NOT NULL,
  state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
  stability      REAL    NOT NULL,
  difficulty     REAL    NOT NULL,
  due_ms         INTEGER NOT NULL,
  last_review_ms INTEGER,
  scheduled_days INTEGER NOT NULL,
  learning_steps INTEGER NOT NULL,
  reps           INTEGER NOT NULL,
  lapses         INTEGER NOT NULL,
  updated_at_ms  INTEGER NOT NULL,
  PRIMARY KEY (learner_id, card_key)
);

CREATE TABLE review_log (
  id                    INTEGER PRIMARY KEY AUTOINCREMENT,
  learner_id            INTEGER NOT NULL REFERENCES learner(id),
  card_key              TEXT    NOT NULL,
  reviewed_at_ms        INTEGER NOT NULL,
  rating                INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
  correct               INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answer                TEXT    NOT NULL,
  response_ms           INTEGER NOT NULL,
  state_before          INTEGER NOT NULL CHECK (state_before BETWEEN 0 AND 3),
  stability_before      REAL    NOT NULL,
  difficulty_before     REAL    NOT NULL,
  due_before_ms         INTEGER NOT NULL,
  last_review_before_ms INTEGER,
  scheduled_days_before INTEGER NOT NULL,
  learning_steps_before INTEGER NOT NULL,
  reps_before           INTEGER NOT NULL,
  lapses_before         INTEGER NOT NULL,
  state_after           INTEGER NOT NULL CHECK (state_after BETWEEN 0 AND 3),
  stability_after       REAL    NOT NULL,
  difficulty_after      REAL    NOT NULL,
  due_after_ms          INTEGER NOT NULL,
  last_review_after_ms  INTEGER,
  scheduled_days_after  INTEGER NOT NULL,
  learning_steps_after  INTEGER NOT NULL,
  reps_after            INTEGER NOT NULL,
  lapses_after          INTEGER NOT NULL
);

CREATE INDEX review_log_learner_time ON review_log (learner_id, reviewed_at_ms);
CREATE INDEX review_log_learner_card ON review_log (learner_id, card_key);

CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
BEGIN
  SELECT RAISE(ABORT, 'review_log is append-only: rows cannot be changed');
END;

CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
BEGIN
  SELECT RAISE(ABORT, 'review_log is append-only: rows cannot be deleted');
END;
)sql";

// Version 2: study options per learner with optional per-bank overrides (one row per option
// set; keys and text as core::to_key_values), and per-card flags (leech tags, suspension).
// Both tables start empty: an upgraded database behaves exactly as before (default options).
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE study_option (
  learner_id    INTEGER NOT NULL REFERENCES learner(id),
  bank_id       TEXT    NOT NULL DEFAULT '',
  key           TEXT    NOT NULL,
  value         TEXT    NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  PRIMARY KEY (learner_id, bank_id, key)
);

CREATE TABLE card_flag (
  learner_id    INTEGER NOT NULL REFERENCES learner(id),
  card_key      TEXT    NOT NULL,
  tags          TEXT    NOT NULL DEFAULT '',
  suspended     INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
  updated_at_ms INTEGER NOT NULL,
  PRIMARY KEY (learner_id, card_key)
);
)sql";

// Version 3 (issue 16): a learner's choice to spread a backlog over N days, kept so that
// reports can explain the days with fewer reviews: one row per spread (the local date of its
// first day, N, the cards it holds, whether new cards were paused) and one per card (the day
// it was moved to). Both are append-only, like the review log: a choice is a fact.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE backlog_spread (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  learner_id    INTEGER NOT NULL REFERENCES learner(id),
  created_at_ms INTEGER NOT NULL,
  first_date    TEXT    NOT NULL,
  days          INTEGER NOT NULL CHECK (days >= 1),
  cards         INTEGER NOT NULL CHECK (cards >= 0),
  overdue       INTEGER NOT NULL CHECK (overdue >= 0),
  pause_new     INTEGER NOT NULL CHECK (pause_new IN (0, 1))
);

CREATE TABLE backlog_spread_card (
  spread_id  INTEGER NOT NULL REFERENCES backlog_spread(id),
  card_key   TEXT    NOT NULL,
  day_offset INTEGER NOT NULL CHECK (day_offset >= 0),
  PRIMARY KEY (spread_id, card_key)
);

CREATE INDEX backlog_spread_learner ON backlog_spread (learner_id, created_at_ms);

CREATE TRIGGER backlog_spread_no_update BEFORE UPDATE ON backlog_spread
BEGIN
  SELECT RAISE(ABORT, 'backlog_spread is append-only: rows cannot be changed');
END;

CREATE TRIGGER backlog_spread_no_delete BEFORE DELETE ON backlog_spread
BEGIN
  SELECT RAISE(ABORT, 'backlog_spread is append-only: rows cannot be deleted');
END;

CREATE TRIGGER backlog_spread_card_no_update BEFORE UPDATE ON backlog_spread_card
BEGIN
  SELECT RAISE(ABORT, 'backlog_spread_card is append-only: rows cannot be changed');
END;

CREATE TRIGGER backlog_spread_card_no_delete BEFORE DELETE ON backlog_spread_card
BEGIN
  SELECT RAISE(ABORT, 'backlog_spread_card is append-only: rows cannot be deleted');
END;
)sql";

// Card events (issue 12): what the learner did to a card outside reviews (suspend, unsuspend,
// bury until a time, reset to new, flag with a colour and a note, report a problem with a
// comment). Append-only like the review log; the current flag, burial and reset are read
// from the newest events. An upgraded database has none: every card behaves as before.
constexpr const char* kSchemaCardEvents = R"sql(
CREATE TABLE card_event (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  learner_id INTEGER NOT NULL REFERENCES learner(id),
  card_key   TEXT    NOT NULL,
  at_ms      INTEGER NOT NULL,
  kind       TEXT    NOT NULL CHECK (kind IN ('suspend', 'unsuspend', 'bury', 'reset', 'flag', 'report')),
  flag       INTEGER NOT NULL DEFAULT 0 CHECK (flag BETWEEN 0 AND 7),
  until_ms   INTEGER,
  note       TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX card_event_learner_card ON card_event (learner_id, card_key, at_ms);

CREATE TRIGGER card_event_no_update BEFORE UPDATE ON card_event
BEGIN
  SELECT RAISE(ABORT, 'card_event is append-only: rows cannot be changed');
END;

CREATE TRIGGER card_event_no_delete BEFORE DELETE ON card_event
BEGIN
  SELECT RAISE(ABORT, 'card_event is append-only: rows cannot be deleted');
END;
)sql";

// LRS sync (issue 13): how far each learner's review log has been sent to each learning
// record store (`casebook sync --lrs URL`). Starts empty: an upgraded database has sent nothing yet.
constexpr const char* kSchemaLrsSync = R"sql(
CREATE TABLE lrs_sync (
  endpoint       TEXT    NOT NULL,
  learner_id     INTEGER NOT NULL REFERENCES learner(id),
  last_review_id INTEGER NOT NULL,
  updated_at_ms  INTEGER NOT NULL,
  PRIMARY KEY (endpoint, learner_id)
);
)sql";

// Undo and mock exams (issue 11). `review_void` is append-only like the review log:
// an undo appends a record naming the review it takes back, and every reader of the log
// (card states, daily counts, reports, the optimizer) leaves voided reviews out. Mock exams:
// an attempt and the questions drawn (written when it starts), the answers and the result
// (written in one transaction when it is handed in, with the review-log rows the answers
// made, linked by review_id; a practice run makes none). Existing data is untouched.
constexpr const char* kSchemaUndoExams = R"sql(
CREATE TABLE review_void (
  review_id    INTEGER PRIMARY KEY REFERENCES review_log(id),
  learner_id   INTEGER NOT NULL REFERENCES learner(id),
  voided_at_ms INTEGER NOT NULL,
  reason       TEXT    NOT NULL DEFAULT 'undo'
);

CREATE TRIGGER review_void_no_update BEFORE UPDATE ON review_void
BEGIN
  SELECT RAISE(ABORT, 'review_void is append-only: rows cannot be changed');
END;

CREATE TRIGGER review_void_no_delete BEFORE DELETE ON review_void
BEGIN
  SELECT RAISE(ABORT, 'review_void is append-only: rows cannot be deleted');
END;

CREATE TABLE exam_attempt (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  learner_id    INTEGER NOT NULL REFERENCES learner(id),
  title         TEXT    NOT NULL,
  preset        TEXT    NOT NULL DEFAULT '',
  seed          INTEGER NOT NULL,
  practice      INTEGER NOT NULL CHECK (practice IN (0, 1)),
  mark_each     INTEGER NOT NULL CHECK (mark_each IN (0, 1)),
  time_limit_ms INTEGER NOT NULL CHECK (time_limit_ms >= 0),
  pass_mark     INTEGER NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
  started_at_ms INTEGER NOT NULL
);

CREATE TABLE exam_question (
  attempt_id INTEGER NOT NULL REFERENCES exam_attempt(id),
  position   INTEGER NOT NULL CHECK (position >= 0),
  card_key   TEXT    NOT NULL,
  topic      TEXT    NOT NULL,
  PRIMARY KEY (attempt_id, position)
);

CREATE TABLE exam_answer (
  attempt_id INTEGER NOT NULL REFERENCES exam_attempt(id),
  position   INTEGER NOT NULL CHECK (position >= 0),
  answered   INTEGER NOT NULL CHECK (answered IN (0, 1)),
  correct    INTEGER NOT NULL CHECK (correct IN (0, 1)),
  score      REAL    NOT NULL,
  answer     TEXT    NOT NULL,
  review_id  INTEGER REFERENCES review_log(id),
  PRIMARY KEY (attempt_id, position)
);

CREATE TABLE exam_result (
  attempt_id     INTEGER PRIMARY KEY REFERENCES exam_attempt(id),
  finished_at_ms INTEGER NOT NULL,
  correct        INTEGER NOT NULL,
  total          INTEGER NOT NULL,
  percent        INTEGER NOT NULL,
  passed         INTEGER NOT NULL CHECK (passed IN (0, 1)),
  timed_out      INTEGER NOT NULL CHECK (timed_out IN (0, 1))
);

CREATE INDEX exam_attempt_learner ON exam_attempt (learner_id, started_at_ms);
)sql";

// The bank version each answer was given against (issue 13): a column of the review log
// filled from now on. Adding a column rewrites no row; earlier answers read as "" (unknown).
constexpr const char* kSchemaBankVersion = R"sql(
ALTER TABLE review_log ADD COLUMN bank_version TEXT NOT NULL DEFAULT '';
)sql";

// Custom study (issue 11): "N extra new cards today" raises one study day's new-card limit of
// a scope; the raise is kept so that a restart the same day still has it. Append-only like
// the review log: a day's raises add up. An upgraded database has none.
constexpr const char* kSchemaExtraNew = R"sql(
CREATE TABLE extra_new_cards (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  learner_id INTEGER NOT NULL REFERENCES learner(id),
  study_date TEXT    NOT NULL,
  bank_id    TEXT    NOT NULL DEFAULT '',
  topic      TEXT    NOT NULL DEFAULT '',
  count      INTEGER NOT NULL CHECK (count BETWEEN 1 AND 9999),
  at_ms      INTEGER NOT NULL
);

CREATE INDEX extra_new_cards_learner_date ON extra_new_cards (learner_id, study_date);

CREATE TRIGGER extra_new_cards_no_update BEFORE UPDATE ON extra_new_cards
BEGIN
  SELECT RAISE(ABORT, 'extra_new_cards is append-only: rows cannot be changed');
END;

CREATE TRIGGER extra_new_cards_no_delete BEFORE DELETE ON extra_new_cards
BEGIN
  SELECT RAISE(ABORT, 'extra_new_cards is append-only: rows cannot be deleted');
END;
)sql";

// Banks that change safely (issue 14): each answer records the fingerprint of the question's
// answer key (core/answer_key.hpp; '' = unknown for earlier answers: adding a column rewrites
// no row), and `answer_change` records, append-only, that a studied card's answer key changed
// in a new bank version and the state the card returned to (relearning), so that rebuilding
// the card states from the log gives the same card.
constexpr const char* kSchemaAnswerKeys = R"sql(
ALTER TABLE review_log ADD COLUMN answer_key TEXT NOT NULL DEFAULT '';

CREATE TABLE answer_change (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  learner_id           INTEGER NOT NULL REFERENCES learner(id),
  card_key             TEXT    NOT NULL,
  at_ms                INTEGER NOT NULL,
  old_key              TEXT    NOT NULL,
  new_key              TEXT    NOT NULL,
  old_version          TEXT    NOT NULL DEFAULT '',
  new_version          TEXT    NOT NULL DEFAULT '',
  state_after          INTEGER NOT NULL,
  stability_after      REAL    NOT NULL,
  difficulty_after     REAL    NOT NULL,
  due_after_ms         INTEGER NOT NULL,
  last_review_after_ms INTEGER,
  scheduled_days_after INTEGER NOT NULL,
  learning_steps_after INTEGER NOT NULL,
  reps_after           INTEGER NOT NULL,
  lapses_after         INTEGER NOT NULL
);

CREATE INDEX answer_change_learner_card ON answer_change (learner_id, card_key, at_ms);

CREATE TRIGGER answer_change_no_update BEFORE UPDATE ON answer_change
BEGIN
  SELECT RAISE(ABORT, 'answer_change is append-only: rows cannot be changed');
END;

CREATE TRIGGER answer_change_no_delete BEFORE DELETE ON answer_change
BEGIN
  SELECT RAISE(ABORT, 'answer_change is append-only: rows cannot be deleted');
END;
)sql";

// Undone answers reach a learning record store (issue 13): which reviews' voiding statements
// each store has accepted (`casebook sync`). Append-only; an upgraded database has sent none.
constexpr const char* kSchemaLrsVoidSync = R"sql(
CREATE TABLE lrs_void_sync (
  endpoint   TEXT    NOT NULL,
  learner_id INTEGER NOT NULL REFERENCES learner(id),
  review_id  INTEGER NOT NULL REFERENCES review_log(id),
  sent_at_ms INTEGER NOT NULL,
  PRIMARY KEY (endpoint, review_id)
);

CREATE TRIGGER lrs_void_sync_no_update BEFORE UPDATE ON lrs_void_sync
BEGIN
  SELECT RAISE(ABORT, 'lrs_void_sync is append-only: rows cannot be changed');
END;
)sql";

// Problem reports reach a learning record store (issue 12, 13): which of a learner's problem
// reports (card events of kind "report") each store has accepted as a statement (`casebook
// sync`). Append-only; an upgraded database has sent none.
constexpr const char* kSchemaLrsReportSync = R"sql(
CREATE TABLE lrs_report_sync (
  endpoint   TEXT    NOT NULL,
  learner_id INTEGER NOT NULL REFERENCES learner(id),
  event_id   INTEGER NOT NULL REFERENCES card_event(id),
  sent_at_ms INTEGER NOT NULL,
  PRIMARY KEY (endpoint, event_id)
);

CREATE TRIGGER lrs_report_sync_no_update BEFORE UPDATE ON lrs_report_sync
BEGIN
  SELECT RAISE(ABORT, 'lrs_report_sync is append-only: rows cannot be changed');
END;
)sql";

constexpr std::array kMigrations{
    Migration{1, "learners, card state, append-only review log", kSchemaV1},
    Migration{2, "study options per learner and bank, card flags (leech tags, suspension)", kSchemaV2},
    Migration{3, "backlog spreads (a learner's choice to spread overdue reviews over N days)", kSchemaV3},
    Migration{4, "card events: suspend, bury, reset, flag, problem reports (append-only)", kSchemaCardEvents},
    Migration{5, "how far each learner's review log was sent to each learning record store", kSchemaLrsSync},
    Migration{6, "undo (voided reviews), mock exam attempts", kSchemaUndoExams},
    Migration{7, "the bank version each answer was given against", kSchemaBankVersion},
    Migration{8, "custom study: extra new cards for a study day", kSchemaExtraNew},
    Migration{9, "answer-key fingerprints per answer, answer changes (cards back to relearning)", kSchemaAnswerKeys},
    Migration{10, "which undone answers each learning record store was told of", kSchemaLrsVoidSync},
    Migration{11, "which problem reports each learning record store was sent", kSchemaLrsReportSync},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace casebook::storage::detail
