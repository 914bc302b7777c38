// A learner's JSON (or xAPI) report through `casebook report`'s code (cli::run_report), for
// the tests that check what reports say about a real progress file.
#pragma once
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace casebook::test {

/// Alice's report of `db` over the banks at `banks` in `format` ("json" or "xapi"), written to
/// `out` at `now` (UTC study days, rollover 4 h) and read back; a failed run fails the test.
inline nlohmann::json alice_report(const std::string& db, const std::vector<std::string>& banks,
                                   const std::string& format, const std::string& out, core::TimestampMs now) {
  cli::ReportOptions o;
  o.db_path = db;
  o.bank_paths = banks;
  o.learner = "alice";
  o.format = format;
  o.out_path = out;
  o.now = now;
  o.base.time_zone = "UTC";
  o.base.rollover_hour = 4;
  std::ostringstream text, err;
  EXPECT_EQ(cli::run_report(o, text, err), 0) << err.str();
  std::ifstream in(out);
  return nlohmann::json::parse(in);
}

}  // namespace casebook::test
