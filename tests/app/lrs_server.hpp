// A real learning record store for the tests: Learning Locker's statement service (npm
// xapi-statements 5.0.1, tests/lrs/node/serve.js) as a child process on 127.0.0.1 with
// in-memory storage, started by a test and stopped after; and reading back what it holds.
#pragma once
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "app/lrs.hpp"
#include "test_support.hpp"

namespace casebook::test {

inline const std::string kLrsServerScript = std::string(CASEBOOK_SOURCE_DIR) + "/tests/lrs/node/serve.js";

/// The statement service as a child process, on a free loopback port.
class LrsServer {
 public:
  explicit LrsServer(const std::string& storage) {
    if (!std::filesystem::exists(std::string(CASEBOOK_SOURCE_DIR) + "/tests/lrs/node/node_modules/xapi-statements")) return;
    int out[2];
    if (::pipe(out) != 0) return;
    m_pid = ::fork();
    if (m_pid == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::execlp("node", "node", kLrsServerScript.c_str(), storage.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    std::string text;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);  // a loaded machine
    while (m_port.empty() && std::chrono::steady_clock::now() < deadline) {
      pollfd p{out[0], POLLIN, 0};
      if (::poll(&p, 1, 500) <= 0) continue;
      char buf[256];
      const ssize_t n = ::read(out[0], buf, sizeof buf);
      if (n <= 0) break;
      text.append(buf, static_cast<std::size_t>(n));
      const auto at = text.find("listening ");
      const auto nl = at == std::string::npos ? at : text.find('\n', at);
      if (nl != std::string::npos) m_port = text.substr(at + 10, nl - at - 10);
    }
    ::close(out[0]);
  }
  ~LrsServer() {
    if (m_pid > 0) {
      ::kill(m_pid, SIGCONT);
      ::kill(m_pid, SIGTERM);
      ::waitpid(m_pid, nullptr, 0);
    }
  }
  LrsServer(const LrsServer&) = delete;
  LrsServer& operator=(const LrsServer&) = delete;
  [[nodiscard]] bool up() const { return !m_port.empty(); }
  [[nodiscard]] app::LrsConfig config() const { return {"http://127.0.0.1:" + m_port + "/xAPI", "casebook", "test", "test"}; }
  /// Stops answering (SIGSTOP): connections wait, as with a server that hangs or a cable pulled.
  void pause() const { ::kill(m_pid, SIGSTOP); }
  void resume() const { ::kill(m_pid, SIGCONT); }

 private:
  pid_t m_pid = -1;
  std::string m_port;
};

/// Every statement id the store holds (following its `more` links).
inline std::vector<std::string> stored_ids(const app::LrsConfig& lrs) {
  app::LrsClient client(lrs, std::chrono::seconds(30));
  std::vector<std::string> ids;
  std::string query = "?limit=7";
  while (!query.empty()) {
    const app::HttpResponse r = client.get_statements(query);
    EXPECT_EQ(r.status, 200) << r.error << r.body;
    if (r.status != 200) break;
    const auto doc = nlohmann::json::parse(r.body);
    for (const auto& s : doc.at("statements")) ids.push_back(s.at("id").get<std::string>());
    query = doc.value("more", "");
  }
  return ids;
}

/// A dilemma is rated only once its rubric is assessed: every line met for a right answer,
/// none for a wrong one (the class report then reads "rubric 3/3 met" or "rubric 0/3 met").
inline void assess_rubric(app::Controller& c, bool right) {
  if (c.study() == nullptr || !c.study()->feedback || !c.study()->feedback->rubric_pending) return;
  for (int line = 0; line < static_cast<int>(c.study()->card.rubric.size()); ++line) {
    c.dispatch(app::SetRubric{line, right});
  }
}

/// Starts `server` (storage under `dir`), or skips the test when node or the statement
/// service is not installed.
#define START_LRS(server, dir)                                                                   \
  casebook::test::TempDir dir;                                                                                   \
  std::filesystem::create_directories(dir.file("lrs"));                                          \
  casebook::test::LrsServer server(dir.file("lrs"));                                                             \
  if (!server.up()) GTEST_SKIP() << "no test LRS (node and tests/lrs/node/node_modules: bash .ci/setup)"


}  // namespace casebook::test
