// Exact replay of the ts-fsrs 5.4.2 reference vectors (../shared/reference/fsrs): every
// sequence step (card + four previews + retrievability), every retrievability, interval and
// memory-state row, for all six configurations, in UTC with rollover 00:00.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/fsrs.hpp"
#include "core/hash.hpp"
#include "core/scheduler.hpp"
#include "core/time.hpp"

namespace casebook::core {
namespace {

using nlohmann::json;

constexpr double kTol = 1e-6;

const std::filesystem::path kVectors =
    std::filesystem::path(CASEBOOK_SHARED_DIR) / "reference" / "fsrs" / "ts-fsrs-5.4.2-vectors.json";

/// The vectors, parsed once; null when the file is absent.
const json* vectors() {
  static const std::optional<json> data = []() -> std::optional<json> {
    std::ifstream in(kVectors);
    if (!in) {
      return std::nullopt;
    }
    return json::parse(in);
  }();
  return data ? &*data : nullptr;
}

#define REQUIRE_VECTORS()                                                     \
  const json* vec_ptr = vectors();                                            \
  if (vec_ptr == nullptr) {                                                   \
    GTEST_SKIP() << "reference vectors not found: " << kVectors.string();     \
  }                                                                           \
  const json& V = *vec_ptr

/// Largest float difference seen, for the summary line.
double g_max_diff = 0.0;

void expect_close(double actual, double expected, const std::string& what) {
  const double diff = std::fabs(actual - expected);
  g_max_diff = std::max(g_max_diff, diff);
  EXPECT_LE(diff, kTol) << what << ": got " << actual << ", reference " << expected;
}

fsrs::Weights weights_from(const json& arr) {
  fsrs::Weights w{};
  EXPECT_EQ(arr.size(), w.size());
  for (std::size_t i = 0; i < w.size() && i < arr.size(); ++i) {
    w[i] = arr[i].get<double>();
  }
  return w;
}

/// "<int><m|h|d>" as ts-fsrs strategies/learning_steps.ts parses it, in minutes.
int step_minutes(const std::string& step) {
  const int value = std::stoi(step.substr(0, step.size() - 1));
  switch (step.back()) {
    case 'm': return value;
    case 'h': return value * 60;
    case 'd': return value * 1440;
    default: throw std::invalid_argument("bad step " + step);
  }
}

std::vector<int> steps_from(const json& arr) {
  std::vector<int> out;
  for (const auto& s : arr) {
    out.push_back(step_minutes(s.get<std::string>()));
  }
  return out;
}

/// SchedulerOptions from a config's `input` (what was passed to fsrs()), in UTC / rollover 0.
SchedulerOptions options_from(const json& config) {
  const json& in = config.at("input");
  SchedulerOptions o;
  if (in.contains("w")) {
    o.weights = weights_from(in.at("w"));
  }
  if (in.contains("request_retention")) {
    o.desired_retention = in.at("request_retention").get<double>();
  }
  if (in.contains("maximum_interval")) {
    o.maximum_interval = in.at("maximum_interval").get<std::int64_t>();
  }
  if (in.contains("enable_short_term")) {
    o.enable_short_term = in.at("enable_short_term").get<bool>();
  }
  if (in.contains("learning_steps")) {
    o.learning_steps_minutes = steps_from(in.at("learning_steps"));
  }
  if (in.contains("relearning_steps")) {
    o.relearning_steps_minutes = steps_from(in.at("relearning_steps"));
  }
  o.clock = DayClock{"UTC", 0};
  return o;
}

std::string iso_or_null(const std::optional<TimestampMs>& t) {
  return t ? format_iso_utc(*t) : std::string("null");
}

std::string json_iso_or_null(const json& j) {
  return j.is_null() ? std::string("null") : j.get<std::string>();
}

/// Compares the fields a preview carries (due, S, D, scheduled_days, learning_steps, state).
void expect_preview(const CardSchedule& c, const json& ref, const std::string& where) {
  EXPECT_EQ(format_iso_utc(c.due), ref.at("due").get<std::string>()) << where << " due";
  expect_close(c.stability, ref.at("stability").get<double>(), where + " stability");
  expect_close(c.difficulty, ref.at("difficulty").get<double>(), where + " difficulty");
  EXPECT_EQ(c.scheduled_days, ref.at("scheduled_days").get<std::int64_t>()) << where << " scheduled_days";
  EXPECT_EQ(c.learning_steps, ref.at("learning_steps").get<int>()) << where << " learning_steps";
  EXPECT_EQ(static_cast<int>(c.state), ref.at("state").get<int>()) << where << " state";
}

/// Compares a full Card.
void expect_card(const CardSchedule& c, const json& ref, const std::string& where) {
  expect_preview(c, ref, where);
  EXPECT_EQ(c.reps, ref.at("reps").get<int>()) << where << " reps";
  EXPECT_EQ(c.lapses, ref.at("lapses").get<int>()) << where << " lapses";
  EXPECT_EQ(iso_or_null(c.last_review), json_iso_or_null(ref.at("last_review")))
      << where << " last_review";
}

TEST(FsrsReference, ConfigsClipAndDeriveLikeTheReference) {
  REQUIRE_VECTORS();
  ASSERT_EQ(V.at("configs").size(), 6U);
  for (const auto& [name, config] : V.at("configs").items()) {
    SCOPED_TRACE("config " + name);
    const Scheduler s(options_from(config));
    const json& eff = config.at("effective");
    const fsrs::Weights want = weights_from(eff.at("w"));
    for (std::size_t i = 0; i < want.size(); ++i) {
      expect_close(s.weights()[i], want[i], "w" + std::to_string(i));
    }
    EXPECT_EQ(s.options().maximum_interval, eff.at("maximum_interval").get<std::int64_t>());
    EXPECT_EQ(s.options().enable_short_term, eff.at("enable_short_term").get<bool>());
    const fsrs::DecayFactor df = fsrs::decay_factor(s.weights());
    expect_close(df.decay, eff.at("decay_factor").at("decay").get<double>(), "decay");
    expect_close(df.factor, eff.at("decay_factor").at("factor").get<double>(), "factor");
    expect_close(fsrs::interval_modifier(s.weights(), s.options().desired_retention),
                 eff.at("interval_modifier").get<double>(), "interval modifier");
  }
}

TEST(FsrsReference, ReplaysEverySequenceStepAndPreview) {
  REQUIRE_VECTORS();
  std::map<std::string, Scheduler> schedulers;
  for (const auto& [name, config] : V.at("configs").items()) {
    schedulers.emplace(name, Scheduler(options_from(config)));
  }
  std::size_t sequences = 0;
  std::size_t steps = 0;
  std::size_t previews = 0;
  std::map<std::string, std::size_t> per_config;
  for (const json& seq : V.at("sequences")) {
    const std::string id = seq.at("id").get<std::string>();
    const std::string config = seq.at("config").get<std::string>();
    ASSERT_TRUE(schedulers.count(config) == 1) << id << ": unknown config " << config;
    const Scheduler& sched = schedulers.at(config);
    CardSchedule card = Scheduler::new_card(parse_iso(seq.at("initial_card").at("due").get<std::string>()));
    ++sequences;
    ++per_config[config];
    int k = 0;
    for (const json& step : seq.at("steps")) {
      const std::string where = id + " step " + std::to_string(k++);
      SCOPED_TRACE(where);
      const TimestampMs now = parse_iso(step.at("review").get<std::string>());
      const int rating = step.at("rating").get<int>();
      ASSERT_GE(rating, 1);
      ASSERT_LE(rating, 4);

      expect_close(sched.retrievability(card, now), step.at("retrievability_before").get<double>(),
                   where + " retrievability_before");

      // The review log's pre-review fields are the card we hold now.
      const json& log = step.at("log");
      EXPECT_EQ(static_cast<int>(card.state), log.at("state").get<int>()) << where << " log.state";
      expect_close(card.stability, log.at("stability").get<double>(), where + " log.stability");
      expect_close(card.difficulty, log.at("difficulty").get<double>(), where + " log.difficulty");
      EXPECT_EQ(card.scheduled_days, log.at("scheduled_days").get<std::int64_t>()) << where;
      EXPECT_EQ(card.learning_steps, log.at("learning_steps").get<int>()) << where;

      const std::array<ReviewResult, 4> pv = sched.preview(card, now);
      for (int g = 1; g <= 4; ++g) {
        expect_preview(pv[static_cast<std::size_t>(g - 1)].card, step.at("preview").at(std::to_string(g)),
                       where + " preview " + std::to_string(g));
        ++previews;
      }

      const ReviewResult res = sched.next(card, now, static_cast<Rating>(rating));
      expect_card(res.card, step.at("card"), where + " card");
      EXPECT_EQ(res.elapsed_days, log.at("elapsed_days").get<std::int64_t>()) << where << " elapsed_days";
      EXPECT_EQ(res.card, pv[static_cast<std::size_t>(rating - 1)].card) << where << " next == preview";
      card = res.card;
      ++steps;
    }
  }
  EXPECT_EQ(sequences, V.at("sequences").size());
  EXPECT_EQ(per_config.size(), 6U);
  std::cout << "[replay] sequences=" << sequences << " steps=" << steps << " previews=" << previews
            << " configs=" << per_config.size() << " max|float diff|=" << g_max_diff << "\n";
}

TEST(FsrsReference, RetrievabilityRows) {
  REQUIRE_VECTORS();
  const json& block = V.at("retrievability");
  const fsrs::Weights wd = weights_from(block.at("weights").at("default"));
  const fsrs::Weights wc = weights_from(block.at("weights").at("custom"));
  std::size_t rows = 0;
  for (const json& row : block.at("rows")) {
    const double s = row.at("stability").get<double>();
    const double t = row.at("elapsed_days").get<double>();
    const std::string where = "S=" + std::to_string(s) + " t=" + std::to_string(t);
    expect_close(fsrs::forgetting_curve(wd, t, s), row.at("r_default").get<double>(), where + " default");
    expect_close(fsrs::forgetting_curve(wc, t, s), row.at("r_custom").get<double>(), where + " custom");
    ++rows;
  }
  EXPECT_EQ(rows, block.at("rows").size());
  EXPECT_GT(rows, 0U);
  std::cout << "[replay] retrievability rows=" << rows << "\n";
}

TEST(FsrsReference, IntervalRows) {
  REQUIRE_VECTORS();
  const json& wblock = V.at("retrievability").at("weights");
  std::size_t rows = 0;
  for (const json& row : V.at("intervals").at("rows")) {
    const fsrs::Weights w = weights_from(wblock.at(row.at("weights").get<std::string>()));
    const double r = row.at("request_retention").get<double>();
    const double s = row.at("stability").get<double>();
    const auto max_ivl = row.at("maximum_interval").get<std::int64_t>();
    const std::string where = row.at("weights").get<std::string>() + " r=" + std::to_string(r) +
                              " S=" + std::to_string(s) + " max=" + std::to_string(max_ivl);
    const double im = fsrs::interval_modifier(w, r);
    expect_close(im, row.at("interval_modifier").get<double>(), where + " IM");
    EXPECT_EQ(fsrs::next_interval(s, im, max_ivl), row.at("interval_days").get<std::int64_t>()) << where;
    ++rows;
  }
  EXPECT_GT(rows, 0U);
  std::cout << "[replay] interval rows=" << rows << "\n";
}

TEST(FsrsReference, MemoryStateRows) {
  REQUIRE_VECTORS();
  const json& wblock = V.at("retrievability").at("weights");
  std::size_t rows = 0;
  for (const json& row : V.at("memory_states").at("rows")) {
    const std::string variant = row.at("variant").get<std::string>();
    const bool long_term = variant.find("_long_term") != std::string::npos;
    const std::string wname = long_term ? variant.substr(0, variant.find("_long_term")) : variant;
    // As fsrs({w, enable_short_term}) with the default single relearning step.
    const fsrs::Weights w = fsrs::clip_parameters(weights_from(wblock.at(wname)), 1, !long_term);
    const double t = row.at("elapsed_days").get<double>();
    const auto g = static_cast<Rating>(row.at("grade").get<int>());
    std::optional<fsrs::MemoryState> mem;
    if (!row.at("memory").is_null()) {
      mem = fsrs::MemoryState{row.at("memory").at("stability").get<double>(),
                              row.at("memory").at("difficulty").get<double>()};
    }
    const std::string where = variant + " row " + std::to_string(rows);
    if (mem && !row.at("retrievability").is_null()) {
      expect_close(fsrs::forgetting_curve(w, t, mem->stability), row.at("retrievability").get<double>(),
                   where + " R");
    }
    const fsrs::MemoryState next = fsrs::next_state(w, !long_term, mem, t, g);
    expect_close(next.stability, row.at("next").at("stability").get<double>(), where + " S");
    expect_close(next.difficulty, row.at("next").at("difficulty").get<double>(), where + " D");
    ++rows;
  }
  EXPECT_GT(rows, 0U);
  std::cout << "[replay] memory-state rows=" << rows << " max|float diff| so far=" << g_max_diff << "\n";
}

// ---- Pinned facts from NOTES.md, independent of the vector file ----

TEST(FsrsModel, JsRoundTiesGoUp) {
  EXPECT_EQ(fsrs::js_round(2.5), 3.0);
  EXPECT_EQ(fsrs::js_round(-2.5), -2.0);  // std::round gives -3
  EXPECT_EQ(fsrs::js_round(-0.5), 0.0);
  EXPECT_EQ(fsrs::js_round(0.49999999999999994), 0.0);
  // rho multiplies by 1e8 in binary first, as the reference does: this value is just below
  // the decimal tie but x*1e8 == 320312628.5, so it rounds up (custom_steps-009 step 6 relies
  // on it: D = 3.20312629, not ...28).
  EXPECT_EQ(fsrs::round8(3.2031262849999997), 3.20312629);
  EXPECT_EQ(fsrs::round8(5e-9), 1e-8);
  EXPECT_EQ(fsrs::round8(-5e-9), 0.0);  // negative tie goes toward +infinity
  EXPECT_EQ(fsrs::round8(2.3065), 2.3065);
}

// js_round, round8 and next_interval round through the nearest integer (cvtsd2si) instead of
// std::floor: they must agree bit for bit with the floor-based definitions on every double,
// here on the edge cases and on 3 x 400,000 pseudo-random ones (a fixed-seed splitmix64).
TEST(FsrsModel, RoundingAgreesWithTheFloorDefinitionBitForBit) {
  const auto js_round_def = [](double x) {
    if (!std::isfinite(x)) return x;
    const double fl = std::floor(x);
    return (x - fl >= 0.5) ? fl + 1.0 : fl;
  };
  const auto round8_def = [&](double x) {
    if (!std::isfinite(x)) return x;
    const double k = js_round_def(x * 1e8);
    return k == 0.0 ? 0.0 : k / 1e8;
  };
  const auto interval_def = [&](double s, double im, std::int64_t max) {
    const double lower = std::max(1.0, js_round_def(s * im));
    return std::min(static_cast<std::int64_t>(lower), max);
  };
  const auto bits = [](double x) { return std::bit_cast<std::uint64_t>(x); };
  const auto check = [&](double x) {
    ASSERT_EQ(bits(fsrs::js_round(x)), bits(js_round_def(x))) << std::hexfloat << x;
    ASSERT_EQ(bits(fsrs::round8(x)), bits(round8_def(x))) << std::hexfloat << x;
    if (std::isfinite(x) && std::fabs(x) < 0x1p62) {
      ASSERT_EQ(fsrs::next_interval(x, 1.0, 36500), interval_def(x, 1.0, 36500)) << x;
    }
  };
  const double two52 = 0x1p52;
  for (const double x : {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
                         -0.49999999999999994, 5e-9, -5e-9, 1.5e-8, -1.5e-8, 3.2031262849999997,
                         two52, -two52, two52 - 0.5, 0.5 - two52, two52 / 1e8, -two52 / 1e8,
                         0x1p51 + 0.5, -0x1p51 - 0.5, 1e300, -1e300, 1.7e308, 5e-324, -5e-324,
                         HUGE_VAL, -HUGE_VAL, std::nan("")}) {
    check(x);
    check(std::nextafter(x, HUGE_VAL));
    check(std::nextafter(x, -HUGE_VAL));
  }
  std::uint64_t state = 2026;
  const auto next = [&] { return core::splitmix64(state); };
  for (int i = 0; i < 400000; ++i) {
    const std::uint64_t u = next();
    check(std::bit_cast<double>(u));  // any double, NaNs included
    // a value with a random 53-bit mantissa between 2^-40 and 2^40, either sign
    const double m = std::ldexp(static_cast<double>(u >> 11), -53);
    check((u & 1U) != 0U ? -std::ldexp(m, static_cast<int>(next() % 80) - 40)
                         : std::ldexp(m, static_cast<int>(next() % 80) - 40));
    // a decimal tie of round8 (k + 0.5) / 1e8, |k| < 2^41, or its neighbour
    const double tie =
        (static_cast<double>(static_cast<std::int64_t>(next() % (1ULL << 42)) - (1LL << 41)) + 0.5) /
        1e8;
    check((u & 2U) != 0U ? tie : std::nextafter(tie, (u & 4U) != 0U ? HUGE_VAL : -HUGE_VAL));
  }
}

TEST(FsrsModel, DefaultWeightConstants) {
  const fsrs::Weights w = kDefaultWeights;
  EXPECT_DOUBLE_EQ(fsrs::decay_factor(w).factor, 0.98034649);
  EXPECT_DOUBLE_EQ(fsrs::interval_modifier(w, 0.9), 1.0);
  EXPECT_DOUBLE_EQ(fsrs::interval_modifier(w, 0.8), 3.3159598);
  EXPECT_DOUBLE_EQ(fsrs::interval_modifier(w, 0.7), 9.28791122);
  EXPECT_DOUBLE_EQ(fsrs::interval_modifier(w, 0.95), 0.40255869);
  EXPECT_DOUBLE_EQ(fsrs::interval_modifier(w, 0.97), 0.22276844);
  EXPECT_THROW((void)fsrs::interval_modifier(w, 0.0), std::invalid_argument);
  EXPECT_THROW((void)fsrs::interval_modifier(w, 1.01), std::invalid_argument);
  // Mean-reversion target D0(Easy) is not clamped.
  EXPECT_DOUBLE_EQ(fsrs::init_difficulty(w, Rating::Easy), -4.7716307);
  // Long-term same-day Good nudges D down (NOTES section 4.2).
  EXPECT_DOUBLE_EQ(fsrs::next_difficulty(w, 2.11810397, Rating::Good), 2.11121424);
}

TEST(FsrsModel, W17W18CeilingWithTwoRelearningSteps) {
  const fsrs::Weights custom = {0.3, 1.1, 2.8, 9.5, 6, 0.7, 2.5, 0.01, 1.6, 0.2, 0.9,
                                1.7, 0.08, 0.3, 1.4, 0.5, 2.2, 0.6, 0.15, 0.08, 0.25};
  EXPECT_DOUBLE_EQ(fsrs::w17_w18_ceiling(custom, 1), 2.0);
  EXPECT_DOUBLE_EQ(fsrs::w17_w18_ceiling(custom, 2), 0.50699327);
  const fsrs::Weights clipped = fsrs::clip_parameters(custom, 2, true);
  EXPECT_DOUBLE_EQ(clipped[17], 0.50699327);
  EXPECT_DOUBLE_EQ(clipped[18], 0.15);
  // w19 lower bound: 0.01 with short-term on, 0 with it off.
  fsrs::Weights zero19 = custom;
  zero19[19] = 0.0;
  EXPECT_DOUBLE_EQ(fsrs::clip_parameters(zero19, 1, true)[19], 0.01);
  EXPECT_DOUBLE_EQ(fsrs::clip_parameters(zero19, 1, false)[19], 0.0);
}

TEST(FsrsModel, NextStateRejectsBadInput) {
  const fsrs::Weights w = kDefaultWeights;
  EXPECT_THROW((void)fsrs::next_state(w, true, fsrs::MemoryState{2.0, 5.0}, -1.0, Rating::Good),
               std::invalid_argument);
  EXPECT_THROW((void)fsrs::next_state(w, true, fsrs::MemoryState{2.0, 0.5}, 1.0, Rating::Good),
               std::invalid_argument);
  EXPECT_THROW((void)fsrs::next_state(w, true, fsrs::MemoryState{0.0001, 5.0}, 1.0, Rating::Good),
               std::invalid_argument);
  // New card: S0 with the 0.1 floor, D0 clamped into [1, 10].
  fsrs::Weights tiny = w;
  tiny[0] = 0.001;
  const fsrs::MemoryState first = fsrs::next_state(tiny, true, std::nullopt, 0.0, Rating::Again);
  EXPECT_DOUBLE_EQ(first.stability, 0.1);
  EXPECT_DOUBLE_EQ(fsrs::next_state(w, true, std::nullopt, 0.0, Rating::Easy).difficulty, 1.0);
}

}  // namespace
}  // namespace casebook::core
