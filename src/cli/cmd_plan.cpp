// `casebook simulate --exam-date`: the exam plan on the command line (see cmd_plan.hpp).
#include "cli/cmd_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "app/config.hpp"
#include "app/plan.hpp"
#include "core/options.hpp"
#include "core/simulator.hpp"

namespace casebook::cli {

void add_plan_flags(CLI::App& simulate, PlanFlags& flags) {
  simulate.add_option("--exam-date", flags.exam_date,
                      "Plan the learner's own cards up to this exam date (reads --db, --learner, --bank)")
      ->type_name("YYYY-MM-DD");
  simulate.add_option("--exam-retention", flags.exam_retention, "With --exam-date: the target on the exam day")
      ->check(CLI::Range(0.70, 0.99))->type_name("R");
  simulate.add_option("--exam-scope", flags.exam_scope, "With --exam-date: bank ids and bank/topic ids (default: all)")
      ->type_name("WORDS");
  simulate.add_option("--today", flags.today, "With --exam-date: plan from this date instead of today")
      ->type_name("YYYY-MM-DD");
  simulate.add_option("--alternative", flags.alternative,
                      "With --exam-date: column B, 0 plain FSRS, 1 without the exam date, 2 load balancing "
                      "switched, 3 light days switched (default 0)")
      ->check(CLI::Range(0, 3))->type_name("N");
  simulate.add_option("--set", flags.set, "With --exam-date: a study option over the learner's (repeatable)")
      ->type_name("KEY=VALUE");
}

int run_plan(const PlanFlags& flags, const std::string& db_path, const std::vector<std::string>& bank_paths,
             const std::string& learner, std::ostream& out, std::ostream& err) {
  const auto bad = [&](const std::string& why) {
    err << "casebook: " << why << "\nRun 'casebook simulate --help' for usage.\n";
    return 2;
  };
  if (!core::day_of_iso_date(flags.exam_date)) return bad("--exam-date must be a date YYYY-MM-DD, got '" + flags.exam_date + "'");
  app::StoredPlanData data = app::load_plan_data(db_path, bank_paths, learner, app::base_study_options(app::AppConfig{}));
  for (const auto& load : data.library.loads()) {
    if (!load.bank) err << "casebook: warning: bank " << load.path << " did not load (see 'casebook validate')\n";
  }
  core::StudyOptions o = data.options.learner();
  for (const std::string& kv : flags.set) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos) return bad("--set takes KEY=VALUE, got '" + kv + "'");
    if (auto error = core::set_key_value(o, kv.substr(0, eq), kv.substr(eq + 1))) return bad(*error);
  }
  (void)core::set_key_value(o, "exam_date", flags.exam_date);
  if (flags.exam_retention > 0.0) o.exam_retention = flags.exam_retention;
  if (!flags.exam_scope.empty()) (void)core::set_key_value(o, "exam_scope", flags.exam_scope);
  if (const auto problems = core::validate(o); !problems.empty()) {
    return bad(problems.front().field + " " + problems.front().message);
  }
  data.options = app::EffectiveOptions(o, data.options.overrides());
  core::TimestampMs now = core::now_ms();
  if (!flags.today.empty()) {
    const auto day = core::day_of_iso_date(flags.today);
    if (!day) return bad("--today must be a date YYYY-MM-DD, got '" + flags.today + "'");
    now = core::study_day_start(*day, data.options.clock()) + 8 * core::kMsPerHour;
  }
  const app::PlanSetup setup = app::plan_setup(app::PlanInputs{data.data(), now, learner, app::NewCardOrder::Random, 1},
                                               flags.alternative);
  app::PlanView view;
  app::fill_plan_view(setup, core::simulate(setup.a), core::simulate(setup.b), view);
  out << "Exam plan of learner '" << learner << "'" << (data.has_progress ? "" : " (nothing studied yet)") << ": "
      << view.horizon << "\n";
  std::size_t wl = 0, wa = view.columns[0].size(), wb = view.columns[1].size();
  for (const auto& row : view.rows) {
    wl = std::max(wl, row.label.size());
    wa = std::max(wa, row.a.size());
    wb = std::max(wb, row.b.size());
  }
  out << fmt::format("{:<{}}  {:>{}}  {:>{}}\n", "", wl, view.columns[0], wa, view.columns[1], wb);
  for (const auto& row : view.rows) out << fmt::format("{:<{}}  {:>{}}  {:>{}}\n", row.label, wl, row.a, wa, row.b, wb);
  out << "\ndate,reviews_your_options,reviews_alternative\n";
  for (const auto& d : view.days) out << d.date << ',' << d.a << ',' << d.b << '\n';
  return 0;
}

}  // namespace casebook::cli
