// Helpers for the terminal front end's tests: a session of `casebook study` run in process
// on a controller with a fixed clock and seed, its input given line by line (with an optional
// hook before each line), its output and the review log it left.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>
#include <istream>
#include <memory>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "../app/test_support.hpp"
#include "term/study.hpp"

namespace casebook::test {

inline std::string term_bank_path() { return std::string(CASEBOOK_TEST_DATA) + "/data/term_bank.toml"; }
inline std::string hostile_bank_path() { return std::string(CASEBOOK_TEST_DATA) + "/data/hostile_bank.toml"; }

/// An input stream that hands out `lines` one at a time, calling `before(i)` just before line
/// i is read (so a test can change the world between two answers), then ends. Each line is
/// also written to `echo` as "> line", where a terminal would show what was typed.
class ScriptedInput : public std::streambuf {
 public:
  ScriptedInput(std::vector<std::string> lines, std::ostream& echo, std::function<void(std::size_t)> before = {})
      : m_lines(std::move(lines)), m_echo(echo), m_before(std::move(before)) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (m_next >= m_lines.size()) return traits_type::eof();
    if (m_before) m_before(m_next);
    m_echo << "> " << m_lines[m_next] << "\n";
    m_buffer = m_lines[m_next++] + "\n";
    setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + m_buffer.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::vector<std::string> m_lines;
  std::ostream& m_echo;
  std::function<void(std::size_t)> m_before;
  std::size_t m_next = 0;
  std::string m_buffer;
};

/// The offsets of bytes a terminal would act on: C0 other than newline and tab, DEL, and the
/// C1 range in UTF-8 (C2 80..C2 9F). With `sgr_allowed`, ESC is allowed when it starts one of
/// the renderer's own colour sequences (ESC [ digits/; m).
inline std::vector<std::size_t> control_bytes(const std::string& s, bool sgr_allowed = false) {
  std::vector<std::size_t> bad;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == 0x1b && sgr_allowed && i + 1 < s.size() && s[i + 1] == '[') {
      std::size_t j = i + 2;
      while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';')) ++j;
      if (j < s.size() && s[j] == 'm') {
        i = j;
        continue;
      }
    }
    const bool c1 = b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(s[i + 1]) <= 0x9F;
    if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F || c1) bad.push_back(i);
  }
  return bad;
}

/// One review-log row as the parity and session tests compare it.
struct LoggedReview {
  std::string card_key;
  int rating = 0;
  int correct = 0;
  std::string answer;
};

/// A temp database, a fixed clock (kTestNow, UTC days), seed 7, new cards in bank order.
struct TermSession {
  TempDir dir;
  std::shared_ptr<core::TimestampMs> now = std::make_shared<core::TimestampMs>(kTestNow);
  std::string db = dir.file("progress.sqlite3");
  app::AppConfig config;
  std::string out, err;
  int rc = -1;

  explicit TermSession(std::vector<std::string> banks = {term_bank_path()}) {
    config = test_config(db, now, std::move(banks));
    config.session_seed = 7;
  }

  /// Runs `casebook study` over `lines` on a new controller; fills out (with the lines
  /// echoed as "> line"), err and rc.
  void run(std::vector<std::string> lines, term::StudyOptions options = {},
           std::function<void(std::size_t)> before = {}) {
    app::Controller c(config);
    std::ostringstream o, e;
    ScriptedInput buf(std::move(lines), o, std::move(before));
    std::istream in(&buf);
    rc = term::run_study(c, in, o, e, options);
    out = o.str();
    err = e.str();
  }

  /// The review log of learner "alice", oldest first.
  [[nodiscard]] std::vector<LoggedReview> reviews() const {
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(d,
                        "SELECT card_key, rating, correct, answer FROM review_log r JOIN learner l ON l.id = "
                        "r.learner_id WHERE l.name = 'alice' ORDER BY r.id");
    std::vector<LoggedReview> rows;
    while (q.executeStep()) {
      rows.push_back(LoggedReview{q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt(),
                                 q.getColumn(3).getString()});
    }
    return rows;
  }
};

}  // namespace casebook::test
