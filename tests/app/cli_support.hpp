// The real `casebook` binary run as a child process (CASEBOOK_BINARY), for the CLI tests:
// its exit code and output, and a database seeded through app::Controller.
#pragma once
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "test_support.hpp"

namespace casebook::test {

struct Exec {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (const char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

/// `casebook ARGS...` as a shell command, each argument quoted.
inline std::string casebook_command(const std::vector<std::string>& args) {
  std::string cmd = quote(CASEBOOK_BINARY);
  for (const auto& a : args) cmd += " " + quote(a);
  return cmd;
}

/// Runs the shell command `command` (e.g. casebook_command(...) behind a wrapper) with HOME
/// and XDG_DATA_HOME pointed into `dir`, stdin from /dev/null, and captures its output.
inline Exec run_shell(const TempDir& dir, const std::string& command) {
  std::string cmd = "HOME=" + quote(dir.path().string()) + " XDG_DATA_HOME=" + quote(dir.file("xdg")) + " " + command;
  const std::string out = dir.file("stdout.txt");
  const std::string err = dir.file("stderr.txt");
  cmd += " >" + quote(out) + " 2>" + quote(err) + " </dev/null";
  const int status = std::system(cmd.c_str());
  Exec r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

/// Runs `casebook ARGS...` with HOME and XDG_DATA_HOME pointed into `dir`.
inline Exec run(const TempDir& dir, const std::vector<std::string>& args) {
  return run_shell(dir, casebook_command(args));
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> ls;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (!l.empty()) ls.push_back(l);
  }
  return ls;
}

/// Answers five cards of the test bank as learner "alice": right, wrong, right, right, wrong.
inline void seed_database(const std::string& db) {
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::Controller c(casebook::test::test_config(db, now));
  c.dispatch(app::StartSession{});
  const bool right[] = {true, false, true, true, false};
  for (const bool r : right) {
    ASSERT_EQ(c.screen(), app::Screen::Study);
    *now += 2000;
    c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), r)});
    *now += 1000;
    c.dispatch(app::Continue{});
    ASSERT_TRUE(c.message().empty()) << c.message();
  }
  c.dispatch(app::LeaveSession{});
}


}  // namespace casebook::test
