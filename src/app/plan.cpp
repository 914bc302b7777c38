// The exam plan's two runs and their rows (see plan.hpp and docs/simulator.md, "The exam plan").
#include "app/plan.hpp"

#include <algorithm>
#include <filesystem>

#include "app/day_charts.hpp"
#include "core/number.hpp"
#include "core/options.hpp"
#include "core/session.hpp"

namespace casebook::app {

namespace {

constexpr core::TimestampMs kSessionOffset = 9 * core::kMsPerHour;

std::string fixed(double v, int decimals) { return core::format_fixed(v, decimals); }

std::string percent(double v) { return fixed(100.0 * v, 1) + " %"; }

/// `s` on the simulator's days: each instant at 09:00 UTC of its study day's date; a card on
/// a (re)learning step is due today.
core::CardSchedule to_simulated(core::CardSchedule s, const core::Scheduler& clock, std::int64_t today) {
  const auto at = [](std::int64_t day) { return day * core::kMsPerDay + kSessionOffset; };
  if (s.last_review) s.last_review = at(std::min(clock.study_day_of(*s.last_review), today));
  s.due = core::is_learning(s.state) ? at(today) : at(clock.study_day_of(s.due));
  return s;
}

/// The words of `text`, split at spaces.
std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

/// Applies alternative `k` to column B's configuration.
void apply_alternative(int k, const core::StudyOptions& learner, core::SimulationConfig& b) {
  switch (k) {
    case 1:
      for (core::SimulatedCard& c : b.cards) c.exam_rule = false;  // still measured on the exam day
      break;
    case 2: b.scheduler.load_balance = !learner.load_balance; break;
    case 3: {
      const bool any = std::find(learner.light_days.begin(), learner.light_days.end(), true) != learner.light_days.end();
      b.scheduler.day_capacity = core::kEvenWeek;
      if (!any) {
        b.scheduler.day_capacity[5] = b.scheduler.day_capacity[6] = 0.5;
        b.scheduler.load_balance = true;  // light days act through the balancer
      }
      break;
    }
    default:
      for (core::SimulatedCard& c : b.cards) c.exam_rule = false;
      b.scheduler.load_balance = false;
      b.scheduler.day_capacity = core::kEvenWeek;
      break;
  }
}

}  // namespace

StoredPlanData load_plan_data(const std::string& db_path, const std::vector<std::string>& bank_paths,
                              const std::string& learner, const core::StudyOptions& base) {
  StoredPlanData out{Library{}, {}, {}, EffectiveOptions(base), {}, false};
  out.library.load(bank_paths);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path, ec)) return out;
  storage::Progress progress(db_path, storage::Progress::Access::ReadOnly);
  const auto learners = progress.learners();
  if (std::find(learners.begin(), learners.end(), learner) == learners.end()) return out;
  out.has_progress = true;
  out.states = progress.card_states(learner);
  out.flags = progress.card_flags(learner);
  out.deferred = deferrals(progress.backlog_spreads(learner));
  out.options = load_effective_options(base, progress, learner).options;
  return out;
}

std::vector<std::string> plan_alternatives(const core::StudyOptions& learner) {
  const bool light = std::find(learner.light_days.begin(), learner.light_days.end(), true) != learner.light_days.end();
  return {"Plain FSRS", "Without the exam date", learner.load_balance ? "Without load balancing" : "With load balancing",
          light ? "Without light days" : "With light weekends"};
}

PlanSetup plan_setup(const PlanInputs& in, int alternative) {
  const StudyData& data = in.data;
  const core::StudyOptions& learner = data.options.learner();
  const core::Scheduler& clock = data.options.scheduler("");
  PlanSetup setup;
  setup.today = clock.study_day_of(in.now);
  const std::int64_t today = setup.today;

  // Every card in study, new ones in the learner's order (only their relative order matters).
  std::vector<core::StudyCandidate> order;
  for (const auto& load : data.library.loads()) {
    if (!load.bank) continue;
    for (const auto& q : load.bank->questions) {
      core::StudyCandidate c;
      c.card_key = core::card_key(*load.bank, q);
      if (!out_of_study(data, c.card_key, today)) order.push_back(std::move(c));
    }
  }
  if (in.new_card_order == NewCardOrder::Random) core::order_new_cards(order, in.learner);

  core::SimulationConfig& a = setup.a;
  a.scheduler = core::to_scheduler_options(learner);
  a.bank_size = 0;
  a.new_per_day = learner.new_cards_per_day;
  a.max_reviews_per_day = learner.max_reviews_per_day;
  a.seed = in.seed;
  a.start_day = today;
  std::int64_t last_exam = -1;
  for (const core::StudyCandidate& c : order) {
    core::SimulatedCard sc;
    if (const auto s = queue_schedule(data, c.card_key, today); s && s->state != core::CardState::New) {
      sc.schedule = to_simulated(*s, clock, today);
    }
    if (const auto exam = card_exam(data, c.card_key); exam && exam->target.day >= today) {
      sc.exam = exam->target;
      last_exam = std::max(last_exam, exam->target.day);
      if (std::find(setup.exam_days.begin(), setup.exam_days.end(), exam->target.day) == setup.exam_days.end()) {
        setup.exam_days.push_back(exam->target.day);
      }
    }
    a.cards.push_back(std::move(sc));
  }
  std::sort(setup.exam_days.begin(), setup.exam_days.end());
  a.days = last_exam >= today ? static_cast<int>(std::min<std::int64_t>(last_exam - today + 1, kPlanMaxDays))
                              : kPlanDaysWithoutExam;
  setup.b = a;
  const auto alternatives = plan_alternatives(learner);
  const int k = alternative >= 0 && alternative < static_cast<int>(alternatives.size()) ? alternative : 0;
  apply_alternative(k, learner, setup.b);
  setup.columns = {"Your options", alternatives[static_cast<std::size_t>(k)]};
  return setup;
}

void fill_plan_view(const PlanSetup& setup, const core::SimulationResult& a, const core::SimulationResult& b,
                    PlanView& view) {
  const int n = static_cast<int>(a.days.size());
  const std::int64_t first_exam = setup.exam_days.empty() ? -1 : setup.exam_days.front();
  // The days before the (first) exam: the exam day itself is where the plan ends.
  const int last = first_exam >= setup.today ? static_cast<int>(first_exam - setup.today) - 1 : n - 1;
  view.has_results = true;
  view.columns = setup.columns;
  const std::string from = core::iso_date_of_day(setup.today);
  view.horizon = setup.exam_days.empty()
                     ? "The next " + std::to_string(n) + " days from " + from +
                           " (no exam date is set: Settings, \"Exam date\")."
                     : "From " + from + " to the exam on " + core::iso_date_of_day(setup.exam_days.back()) + " (" +
                           std::to_string(n) + (n == 1 ? " day)." : " days).");
  const core::DailyReviewStats sa = core::daily_review_stats(a, 0, std::max(last, 0));
  const core::DailyReviewStats sb = core::daily_review_stats(b, 0, std::max(last, 0));
  const auto peak = [&](const core::DailyReviewStats& s) {
    return std::to_string(s.peak) + " on " + core::iso_date_of_day(setup.today + s.peak_day);
  };
  const auto minutes = [](const core::SimulationResult& r) {
    return r.days.empty() ? 0.0 : r.total_seconds / 60.0 / static_cast<double>(r.days.size());
  };
  view.rows = {
      {"Reviews per day (mean)", fixed(sa.mean, 1), fixed(sb.mean, 1)},
      {"Busiest day", peak(sa), peak(sb)},
      {"Reviews per day (standard deviation)", fixed(sa.std_dev, 1), fixed(sb.std_dev, 1)},
      {"Day-to-day unevenness", fixed(sa.unevenness, 1), fixed(sb.unevenness, 1)},
      {"Minutes per day (mean)", fixed(minutes(a), 1), fixed(minutes(b), 1)},
      {"Reviews in all", std::to_string(a.total_reviews), std::to_string(b.total_reviews)},
  };
  // Light weekdays (in either column): their mean reviews against the other days'.
  std::array<bool, 7> light{};
  for (std::size_t w = 0; w < light.size(); ++w) {
    light[w] = setup.a.scheduler.day_capacity[w] < 1.0 || setup.b.scheduler.day_capacity[w] < 1.0;
  }
  if (std::find(light.begin(), light.end(), true) != light.end()) {
    const auto means = [&](const core::SimulationResult& r) {
      std::array<double, 2> sum{}, count{};  // [0] light days, [1] the others
      for (int d = 0; d <= last && d < static_cast<int>(r.days.size()); ++d) {
        const std::size_t k = light[static_cast<std::size_t>(core::iso_weekday_of_day(setup.today + d) - 1)] ? 0 : 1;
        sum[k] += r.days[static_cast<std::size_t>(d)].reviews;
        ++count[k];
      }
      return std::array<std::string, 2>{fixed(count[0] > 0 ? sum[0] / count[0] : 0.0, 1),
                                        fixed(count[1] > 0 ? sum[1] / count[1] : 0.0, 1)};
    };
    const auto ma = means(a);
    const auto mb = means(b);
    std::string days;  // "Sat, Sun"
    for (std::string d : split_words(core::light_weekdays_text(light))) {
      d[0] = static_cast<char>(d[0] - 'a' + 'A');
      days += (days.empty() ? "" : ", ") + d;
    }
    view.rows.push_back({"Reviews per day on " + days + " (mean)", ma[0], mb[0]});
    view.rows.push_back({"Reviews per day on the other days (mean)", ma[1], mb[1]});
  }
  for (const std::int64_t day : setup.exam_days) {
    const auto find = [&](const core::SimulationResult& r) -> const core::ExamOutcome* {
      for (const core::ExamOutcome& e : r.exams) {
        if (e.day == day) return &e;
      }
      return nullptr;
    };
    const core::ExamOutcome* ea = find(a);
    const core::ExamOutcome* eb = find(b);
    if (ea == nullptr) continue;
    const auto cell = [](const core::ExamOutcome* e, auto get) { return e == nullptr ? std::string("-") : get(*e); };
    const std::string date = core::iso_date_of_day(day);
    view.rows.push_back({"Retention on " + date + " (target " + fixed(100.0 * ea->target, 0) + " %)",
                         percent(ea->retention), cell(eb, [](const core::ExamOutcome& e) { return percent(e.retention); })});
    view.rows.push_back({"  of the cards studied by then", percent(ea->retention_studied),
                         cell(eb, [](const core::ExamOutcome& e) { return percent(e.retention_studied); })});
    view.rows.push_back({"  cards studied by then", std::to_string(ea->studied) + " of " + std::to_string(ea->cards),
                         cell(eb, [](const core::ExamOutcome& e) {
                           return std::to_string(e.studied) + " of " + std::to_string(e.cards);
                         })});
    view.rows.push_back({"  studied cards below the target", std::to_string(ea->below_target),
                         cell(eb, [](const core::ExamOutcome& e) { return std::to_string(e.below_target); })});
  }
  view.reviews = day_charts(DayChartKind::Reviews, a, b, setup.columns, setup.today);
  view.days.clear();
  for (int d = 0; d < n; ++d) {
    const int ra = a.days[static_cast<std::size_t>(d)].reviews;
    const int rb = d < static_cast<int>(b.days.size()) ? b.days[static_cast<std::size_t>(d)].reviews : 0;
    view.days.push_back({core::iso_date_of_day(setup.today + d), ra, rb});
  }
}

}  // namespace casebook::app
