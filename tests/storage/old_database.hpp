// For the schema upgrade tests: the rows every earlier-schema database they write starts with
// (learner "ann" with one review of "bank/q1" and its card state), in the version-1 columns,
// and a whole version-1 file.
#pragma once
#include <gtest/gtest.h>

#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/migrations.hpp"

namespace casebook::test {

/// Inserts learner 1 "ann", her one review of "bank/q1" (Good, new -> learning, at
/// 2024-06-01T12:00Z) and the card state it left.
inline void insert_ann_review(SQLite::Database& db) {
  db.exec("INSERT INTO learner (id, name, created_at_ms) VALUES (1, 'ann', 1717243200000)");
  db.exec(
      "INSERT INTO review_log (learner_id, card_key, reviewed_at_ms, rating, correct, answer, response_ms, "
      "state_before, stability_before, difficulty_before, due_before_ms, last_review_before_ms, "
      "scheduled_days_before, learning_steps_before, reps_before, lapses_before, state_after, stability_after, "
      "difficulty_after, due_after_ms, last_review_after_ms, scheduled_days_after, learning_steps_after, "
      "reps_after, lapses_after) VALUES (1, 'bank/q1', 1717243200000, 3, 1, 'x', 1500, 0, 0, 0, "
      "1717243200000, NULL, 0, 0, 0, 0, 1, 2.3065, 2.11810397, 1717243800000, 1717243200000, 0, 1, 1, 0)");
  db.exec(
      "INSERT INTO card_state VALUES (1, 'bank/q1', 1, 2.3065, 2.11810397, 1717243800000, 1717243200000, 0, "
      "1, 1, 0, 1717243200000)");
}

/// Writes a database exactly as a version-1 Casebook left it: the step-1 SQL, application_id,
/// user_version 1, and insert_ann_review()'s rows.
inline void write_v1_database(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const auto steps = casebook::storage::detail::migrations();
  ASSERT_EQ(steps[0].version, 1);
  db.exec(steps[0].sql);
  db.exec("PRAGMA application_id = " + std::to_string(casebook::storage::detail::kApplicationId));
  db.exec("PRAGMA user_version = 1");
  insert_ann_review(db);
}

}  // namespace casebook::test
