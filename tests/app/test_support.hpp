// Helpers for the app and CLI tests: temp folders, an injectable clock, and answers built
// from a question (right or wrong) in canonical indices.
#pragma once
#include <filesystem>
#include <memory>
#include <numeric>
#include <random>
#include <string>

#include "app/controller.hpp"
#include "core/grading.hpp"
#include "core/question.hpp"
#include "core/time.hpp"

namespace casebook::test {

/// A fresh folder under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() /
             ("casebook-app-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  [[nodiscard]] std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

/// 2024-06-01T12:00:00Z.
inline constexpr core::TimestampMs kTestNow = 1717243200000;

inline std::string small_bank_path() { return std::string(CASEBOOK_TEST_DATA) + "/data/small_bank.toml"; }
inline std::string bad_bank_path() { return std::string(CASEBOOK_TEST_DATA) + "/data/bad_bank.toml"; }

/// A config for `db` over the test bank, with the clock reading `*now`, UTC study days and
/// new cards in bank order (so tests can name the cards they expect).
inline app::AppConfig test_config(const std::string& db, std::shared_ptr<core::TimestampMs> now,
                                  std::vector<std::string> banks = {small_bank_path()}) {
  app::AppConfig c;
  c.db_path = db;
  c.bank_paths = std::move(banks);
  c.learner = "alice";
  c.scheduler.clock = core::DayClock{"UTC", 4};
  c.clock = [now] { return *now; };
  c.new_card_order = app::NewCardOrder::InBank;
  return c;
}

/// The right answer (or a wrong one) to `q`, in canonical indices.
inline core::Answer make_answer(const core::Question& q, bool right) {
  core::Answer a;
  switch (q.type) {
    case core::QuestionType::SingleChoice:
      for (int i = 0; i < static_cast<int>(q.choices.size()); ++i) {
        if (q.choices[static_cast<std::size_t>(i)].correct == right) {
          a.choices = {i};
          break;
        }
      }
      break;
    case core::QuestionType::MultipleResponse:
      for (int i = 0; i < static_cast<int>(q.choices.size()); ++i) {
        if (q.choices[static_cast<std::size_t>(i)].correct == right) a.choices.push_back(i);
      }
      break;
    case core::QuestionType::TrueFalse:
      a.truth = right ? q.truth : !q.truth;
      break;
    case core::QuestionType::ShortAnswer:
      a.text = right ? q.accepted.front() : "something else entirely";
      break;
    case core::QuestionType::Numeric:
      if (q.min && q.max) {  // a range question: its midpoint is right, far above it is wrong
        const double mid = (*q.min + *q.max) / 2.0;
        a.text = std::to_string(right ? mid : *q.max + 1000.0);
      } else {
        a.text = std::to_string(static_cast<long long>(right ? q.value : q.value + q.tolerance + 1000));
      }
      break;
    case core::QuestionType::Ordering:
      a.order.resize(q.items.size());
      std::iota(a.order.begin(), a.order.end(), 0);
      if (!right) std::swap(a.order[0], a.order[1]);
      break;
    case core::QuestionType::Matching:
      a.matches.resize(q.pairs.size());
      std::iota(a.matches.begin(), a.matches.end(), 0);
      if (!right) std::swap(a.matches[0], a.matches[1]);
      break;
    case core::QuestionType::Dilemma:
      a.position = 0;
      a.text = "Because of the risk and the benefit.";
      a.rubric_met.assign(q.rubric.size(), right);
      break;
  }
  return a;
}

}  // namespace casebook::test
