#include "app/settings_model.hpp"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "core/scheduler.hpp"

namespace casebook::app {

OptionsDraft make_draft(const core::StudyOptions& options) {
  OptionsDraft d;
  d.options = options;
  d.time_zone = options.time_zone;
  for (const auto& [key, value] : core::to_key_values(options)) {
    if (key == "learning_steps") d.learning_steps = value;
    if (key == "relearning_steps") d.relearning_steps = value;
    if (key == "weights") d.weights = value;
    if (key == "exam_date") d.exam_date = value;
    if (key == "exam_scope") d.exam_scope = value;
    if (key == "light_weekdays") d.light_weekdays = value;
  }
  return d;
}

core::StudyOptions parse_draft(const OptionsDraft& draft, std::vector<core::OptionProblem>& problems) {
  core::StudyOptions o = draft.options;
  o.time_zone = draft.time_zone;
  for (const auto& [key, text] : {std::pair<const char*, const std::string*>{"learning_steps", &draft.learning_steps},
                                  {"relearning_steps", &draft.relearning_steps},
                                  {"weights", &draft.weights},
                                  {"exam_date", &draft.exam_date},
                                  {"exam_scope", &draft.exam_scope},
                                  {"light_weekdays", &draft.light_weekdays}}) {
    if (auto error = core::set_key_value(o, key, *text)) problems.push_back(core::OptionProblem{key, *error});
  }
  return o;
}

namespace {

constexpr int kMinutesPerDay = 24 * 60;
/// A fixed instant to preview from (2024-01-10 12:00 UTC): intervals do not depend on the date.
constexpr core::TimestampMs kPreviewNow = 1'704'888'000'000;

std::string minutes_text(int minutes) {
  if (minutes % kMinutesPerDay == 0) {
    const int days = minutes / kMinutesPerDay;
    return std::to_string(minutes) + " min (" + std::to_string(days) + (days == 1 ? " day)" : " days)");
  }
  return std::to_string(minutes) + " min";
}

/// Easy-before-Good warnings along the steps of `card`: its preview, then after each Good while
/// it stays in (re)learning. `what` names the card ("a new card", "a forgotten card").
void easy_before_good(const core::Scheduler& scheduler, core::CardSchedule card, core::TimestampMs now,
                      const std::string& what, std::vector<std::string>& out) {
  for (int step = 0; step < 12; ++step) {
    const auto p = scheduler.preview(card, now);
    const core::TimestampMs good = p[2].card.due;
    const core::TimestampMs easy = p[3].card.due;
    if (easy < good) {
      out.push_back("Easy brings " + what + " back in " + core::format_interval(now, easy) + ", sooner than Good (" +
                    core::format_interval(now, good) +
                    "): Good waits for the next learning step, Easy takes the interval FSRS computes. "
                    "Shorten the steps so no step is longer than that.");
      return;
    }
    card = p[2].card;
    if (!core::is_learning(card.state)) return;
    now = card.due;
  }
}

}  // namespace

std::vector<std::string> option_warnings(const core::StudyOptions& options) {
  std::vector<std::string> out;
  for (const auto& [steps, name] : {std::pair{&options.learning_steps_minutes, "Learning step"},
                                    std::pair{&options.relearning_steps_minutes, "Relearning step"}}) {
    for (const int m : *steps) {
      if (m < kMinutesPerDay) continue;
      out.push_back(std::string(name) + " " + minutes_text(m) +
                    " is a day or longer: FSRS schedules days better than a fixed step. Keep steps under a day "
                    "(e.g. 1 10) and let FSRS take over.");
    }
  }
  try {
    const core::Scheduler scheduler(core::to_scheduler_options(options));
    easy_before_good(scheduler, core::Scheduler::new_card(kPreviewNow), kPreviewNow, "a new card", out);
    // A card that graduated (Easy), then was forgotten at its due date: its relearning steps.
    const core::CardSchedule review = scheduler.next(core::Scheduler::new_card(kPreviewNow), kPreviewNow,
                                                     core::Rating::Easy).card;
    const core::CardSchedule lapsed = scheduler.next(review, review.due, core::Rating::Again).card;
    if (core::is_learning(lapsed.state)) easy_before_good(scheduler, lapsed, lapsed.due, "a forgotten card", out);
  } catch (const std::exception&) {  // options the scheduler refuses: save() says why
  }
  return out;
}

std::string new_card_intervals(const core::StudyOptions& options) {
  try {
    const core::Scheduler scheduler(core::to_scheduler_options(options));
    const auto p = scheduler.preview(core::Scheduler::new_card(kPreviewNow), kPreviewNow);
    static constexpr const char* kNames[] = {"Again", "Hard", "Good", "Easy"};
    std::string out;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (i > 0) out += " \xC2\xB7 ";  // " · "
      out += std::string(kNames[i]) + " " + core::format_interval(kPreviewNow, p[i].card.due);
    }
    return out;
  } catch (const std::exception&) {
    return {};
  }
}

void SettingsModel::clear_notes() {
  m_view.problems.clear();
  m_view.notice.clear();
}

void SettingsModel::refresh() {
  SettingsView v;
  v.problems = std::move(m_view.problems);
  v.notice = std::move(m_view.notice);
  v.revision = m_view.revision;
  v.learner_options = m_ctx.options.learner();
  v.learner_draft = make_draft(v.learner_options);
  v.learner_warnings = option_warnings(v.learner_options);
  v.learner_new_card_intervals = new_card_intervals(v.learner_options);
  v.effective_time_zone = m_ctx.clock().time_zone;
  for (const auto& load : m_ctx.library.loads()) {
    if (!load.bank) continue;
    const std::string& id = load.bank->info.id;
    const core::StudyOptions o = m_ctx.options.for_bank(id);
    v.banks.push_back(SettingsView::Bank{id, load.bank->info.title, o, make_draft(o), m_ctx.options.overridden(id),
                                         static_cast<int>(load.bank->questions.size()), option_warnings(o),
                                         new_card_intervals(o)});
  }
  for (const auto& [key, f] : m_ctx.flags) {
    if (!m_ctx.library.find(key)) continue;
    if (f.suspended) ++v.suspended_cards;
    if (std::find(f.tags.begin(), f.tags.end(), "leech") != f.tags.end()) ++v.leech_cards;
  }
  m_view = std::move(v);
}

bool SettingsModel::save(const core::StudyOptions& options, const std::string& bank_id) {
  m_view.problems = core::validate(options);
  m_view.notice.clear();
  if (!m_view.problems.empty()) {
    m_ctx.message =
        "Options not saved: " + m_view.problems.front().field + " " + m_view.problems.front().message + ".";
    refresh();
    return false;
  }
  m_ctx.options = store_options(m_ctx.progress, m_ctx.config.learner, m_ctx.options, options, bank_id);
  m_ctx.refresh_load();  // the clock, the exams or the scope may have changed
  m_view.notice = "Saved. The new options apply from now on.";
  ++m_view.revision;
  m_ctx.message.clear();
  refresh();
  return true;
}

bool SettingsModel::save(const OptionsDraft& draft, const std::string& bank_id) {
  std::vector<core::OptionProblem> problems;
  const core::StudyOptions o = parse_draft(draft, problems);
  if (!problems.empty()) {
    m_view.problems = problems;
    m_view.notice.clear();
    m_ctx.message = "Options not saved: " + problems.front().field + ": " + problems.front().message;
    refresh();
    return false;
  }
  return save(o, bank_id);
}

void SettingsModel::clear_bank(const std::string& bank_id) {
  m_ctx.progress.set_study_option_values(m_ctx.config.learner, bank_id, {});
  auto overrides = m_ctx.options.overrides();
  overrides.erase(bank_id);
  m_ctx.options = EffectiveOptions(m_ctx.options.learner(), std::move(overrides));
  m_ctx.refresh_load();
  m_view.notice = "The bank now follows your own options.";
  ++m_view.revision;
  refresh();
}

void SettingsModel::unsuspend_all() {
  for (auto& [key, f] : m_ctx.flags) {
    if (!f.suspended) continue;
    storage::CardFlags next = f;
    next.suspended = false;
    m_ctx.progress.set_card_flags(m_ctx.config.learner, key, next);
    f = next;
  }
  m_ctx.refresh_load();
  m_view.notice = "Suspended cards will be shown again.";
  refresh();
}

}  // namespace casebook::app
