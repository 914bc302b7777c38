// Out-of-sample evaluation (time-series splits) of the optimizer on the reference's simulated
// 2000-card log, against fsrs-rs 6.5.0's evaluate_with_time_series_splits figures.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/evaluate.hpp"
#include "core/revlog.hpp"

namespace {

using namespace casebook::core;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(OptimizerSim2000, TimeSeriesSplitsMatchFsrsRs) {
  const std::filesystem::path dir = std::filesystem::path(CASEBOOK_SHARED_DIR) / "reference" / "fsrs";
  if (!std::filesystem::exists(dir / "sim_revlog_2000cards.csv")) GTEST_SKIP() << "no " << dir;
  const auto ref = nlohmann::json::parse(slurp(dir / "fsrs-rs-6.5.0-fit-sim2000.json"));
  const auto parsed = revlog::parse_csv(slurp(dir / "sim_revlog_2000cards.csv"), "sim_revlog_2000cards.csv");
  const auto items = revlog::build_items(parsed.entries, DayClock{"UTC", 0});
  double last = -1.0;
  const auto m = evaluate::evaluate_time_series_splits(items, {}, 5, [&](double f) {
    EXPECT_GE(f, last);
    last = f;
  });
  EXPECT_EQ(last, 1.0);
  const double ref_loss = ref["evaluate_time_series_splits"]["log_loss"].get<double>();
  const double ref_rmse = ref["evaluate_time_series_splits"]["rmse_bins"].get<double>();
  std::cout << "out of sample: log loss " << m.log_loss << " (ref " << ref_loss << "), RMSE(bins) " << m.rmse_bins
            << " (ref " << ref_rmse << ")\n";
  EXPECT_EQ(m.items, items.size() - items.size() / 6);
  // RMSE(bins) agrees closely (0.02655 vs 0.02654). Our unweighted log loss is 0.0063 above the
  // figure the reference reported (see docs/optimizer.md, "Known differences"), hence 0.01.
  EXPECT_NEAR(m.rmse_bins, ref_rmse, 0.002);
  EXPECT_NEAR(m.log_loss, ref_loss, 0.01);
}

}  // namespace
