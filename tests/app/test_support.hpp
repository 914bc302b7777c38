// Helpers for the app and CLI tests: temp folders, an injectable clock, and answers built
// from a question (right or wrong) in canonical indices.
#pragma once
#include <filesystem>
#include <map>
#include <stdexcept>
#include <vector>
#include <memory>
#include <numeric>
#include <random>
#include <string>

#include "app/controller.hpp"
#include "app/library.hpp"
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

/// What an app test starts from: a fresh folder, a progress file path in it and a clock at
/// kTestNow that the test moves (pass `now` to test_config). Test fixtures derive from it.
struct AppFiles {
  TempDir dir;
  std::shared_ptr<core::TimestampMs> now = std::make_shared<core::TimestampMs>(kTestNow);
  std::string db = dir.file("progress.sqlite3");
};

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

/// The question behind `card_key` in the banks at `bank_paths`. Tests build answers from it;
/// front ends never see core::Question (app::CardView is complete). The banks are loaded
/// once per set of paths and again when a file under them changes.
inline const core::Question& question_for(const std::vector<std::string>& bank_paths, const std::string& card_key) {
  struct Cached {
    std::string fingerprint;
    app::Library library;
  };
  static std::map<std::vector<std::string>, Cached> cache;
  std::string fingerprint;
  for (const auto& p : bank_paths) {
    std::error_code ec;
    const auto add = [&](const std::filesystem::path& f) {
      fingerprint += f.string() + ":" + std::to_string(std::filesystem::file_size(f, ec)) + ":" +
                     std::to_string(std::filesystem::last_write_time(f, ec).time_since_epoch().count()) + ";";
    };
    if (std::filesystem::is_directory(p, ec)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec)) add(e.path());
    } else {
      add(p);
    }
  }
  Cached& c = cache[bank_paths];
  if (c.fingerprint != fingerprint || c.library.generation() == 0) {
    c.library.load(bank_paths);
    c.fingerprint = fingerprint;
  }
  const app::CardRef* ref = c.library.find(card_key);
  if (ref == nullptr) throw std::runtime_error("no question " + card_key + " in the test banks");
  return c.library.question(*ref);
}

/// The question of the card on `c`'s study screen (throws when none is shown).
inline const core::Question& shown_question(const app::Controller& c) {
  if (c.study() == nullptr) throw std::runtime_error("no card on screen");
  return question_for(c.config().bank_paths, c.study()->card.card_key);
}

/// The canonical indices of the card's options in display order (CardView::options).
inline std::vector<int> display_order(const app::CardView& card) {
  std::vector<int> out;
  for (const auto& o : card.options) out.push_back(o.index);
  return out;
}

}  // namespace casebook::test
