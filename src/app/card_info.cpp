#include "app/card_info.hpp"

#include <algorithm>

#include "app/answer_changes.hpp"
#include "app/card_view.hpp"
#include "core/card_event_words.hpp"
#include "core/citation.hpp"
#include "core/grading.hpp"
#include "core/number.hpp"
#include "core/scheduler.hpp"
#include "core/search.hpp"
#include "core/study_day_text.hpp"

namespace casebook::app {

namespace {

std::string days_text(std::int64_t n) { return std::to_string(n) + (n == 1 || n == -1 ? " day" : " days"); }

std::string percent(double r) { return core::format_fixed(r * 100.0, 0) + " %"; }

void fill_question(const core::Bank& bank, const core::Question& q, CardInfoView& v) {
  const auto shown = [&bank](const std::string& text) { return core::render_citations(text, bank.sources); };
  v.bank_title = bank.info.title;
  for (const std::string& id : q.topics) {
    const auto it = std::find_if(bank.topics.begin(), bank.topics.end(), [&](const core::Topic& t) { return t.id == id; });
    v.topics += (v.topics.empty() ? "" : ", ") + (it != bank.topics.end() && !it->title.empty() ? it->title : id);
  }
  v.type = core::to_string(q.type);
  std::replace(v.type.begin(), v.type.end(), '_', ' ');
  v.question = shown(q.prompt);
  if (!q.scenario.empty()) v.question = shown(q.scenario) + "\n\n" + v.question;
  for (const auto& c : q.choices) v.options.push_back((c.correct ? "✓ " : "  ") + shown(c.text));
  for (std::size_t i = 0; i < q.items.size(); ++i) v.options.push_back(std::to_string(i + 1) + ". " + shown(q.items[i]));
  for (const auto& p : q.pairs) v.options.push_back(shown(p.left) + " → " + shown(p.right));
  for (const auto& p : q.positions) v.options.push_back(shown(p.title));
  v.answer = shown(core::grade(q, core::Answer{}).expected);
  if (!q.model_answer.empty()) v.answer = shown(q.model_answer);
  if (v.answer.empty() && q.case_unit) {
    // A case: its model answers, each "<position title>: <conclusion>", reach different ends.
    for (const core::CaseAnswer& m : q.case_unit->model_answers) {
      const core::Position* p = find_position(q, m.position);
      v.answer += (v.answer.empty() ? "" : "\n") + shown(p != nullptr ? p->title : m.position) + ": " + shown(m.conclusion);
    }
  }
  for (const std::string& line : q.rubric) v.rubric += (v.rubric.empty() ? "- " : "\n- ") + shown(line);
  v.explanation = shown(q.explanation);
  if (const core::Source* src = bank.find_source(q.source.source_id)) {
    v.source = src->citation.empty() ? src->id : src->citation;
    if (!q.source.paragraphs.empty()) {
      v.source += " (paragraph";
      v.source += q.source.paragraphs.size() > 1 ? "s " : " ";
      for (std::size_t i = 0; i < q.source.paragraphs.size(); ++i) {
        v.source += (i ? ", " : "") + std::to_string(q.source.paragraphs[i]);
      }
      v.source += ")";
    }
    if (!src->url.empty()) v.source += " " + src->url;
  } else if (!q.source.source_id.empty()) {
    v.source = q.source.source_id;
  }
}

void fill_figures(const core::CardSchedule& s, double r, core::TimestampMs t, const core::DayClock& clock,
                  CardInfoView& v) {
  using F = CardInfoView::Figure;
  v.figures.push_back(F{"State", std::string(core::to_string(s.state)),
                        "new: never studied; learning: on short steps; review: on growing intervals; relearning: "
                        "back on short steps after a lapse"});
  if (s.state == core::CardState::New) return;
  // A moment past is "due now", never "(<1m)"; a card on days names its study day when that is
  // not the calendar date of the moment (before the day's rollover hour), as "Due in N days" does.
  std::string due = core::format_local_minutes(s.due, clock.time_zone) +
                    (s.due <= t ? " (due now, since " + core::format_interval(s.due, t) + ")"
                                : " (in " + core::format_interval(t, s.due) + ")");
  if (!(core::is_learning(s.state) && s.scheduled_days == 0)) {
    const std::string day = core::iso_date_of_day(core::study_day(s.due, clock));
    if (day != core::format_local_date(s.due, clock.time_zone)) {
      due += ", study day " + day + " (" + core::study_day_begins(clock) + ")";
    }
  }
  v.figures.push_back(F{"Due", due, "when the card is shown again"});
  v.figures.push_back(F{"Stability", core::format_trimmed(s.stability, 2) + " days",
                        "how long until the chance of recalling it falls to 90 %"});
  v.figures.push_back(F{"Difficulty", core::format_trimmed(s.difficulty, 2) + " of 10",
                        "how hard the card is for you (1 easy, 10 hard); harder cards' intervals grow more slowly"});
  v.figures.push_back(F{"Retrievability", percent(r), "the chance you would recall it now"});
  v.figures.push_back(F{"Reviews", std::to_string(s.reps), "times you answered it"});
  v.figures.push_back(F{"Lapses", std::to_string(s.lapses), "times you forgot it after it had reached review"});
}

}  // namespace

std::string schedule_in_words(const core::CardSchedule& s, double r, core::TimestampMs t, const core::DayClock& clock) {
  if (s.state == core::CardState::New) return "New: you have not studied this card yet; it comes with your new cards.";
  std::string out;
  if (core::is_learning(s.state) && s.scheduled_days == 0) {
    out = s.due <= t ? "On a learning step: due now."
                     : "On a learning step: shown again at " + core::format_local_minutes(s.due, clock.time_zone) +
                           " (in " + core::format_interval(t, s.due) + ").";
  } else {
    const std::int64_t days = core::study_day(s.due, clock) - core::study_day(t, clock);
    const std::string date = core::iso_date_of_day(core::study_day(s.due, clock));
    if (days > 0) out = "Due in " + days_text(days) + ", on " + date + ".";
    else if (days == 0) out = "Due today.";
    else out = "Overdue by " + days_text(-days) + " (it was due on " + date + ").";
  }
  out += " You would " + std::string(r >= 0.9 ? "very likely" : r >= 0.7 ? "likely" : r >= 0.5 ? "perhaps" : "probably not") +
         " recall it now: " + percent(r) + " chance. Your memory of it lasts about " + core::format_trimmed(s.stability, 1) +
         " days before that chance falls to 90 %.";
  return out;
}

std::string event_in_words(const storage::CardEvent& e, const std::string& time_zone) {
  std::string out = core::format_local_minutes(e.at, time_zone) + ": " +
                    core::card_event_words(storage::to_string(e.kind), e.flag);
  if (e.kind == storage::CardEventKind::Bury && e.until) out += " (" + core::format_local_minutes(*e.until, time_zone) + ")";
  if (!e.note.empty()) out += ": " + e.note;
  return out;
}

CardInfoView make_card_info(AppContext& ctx, const std::string& card_key, core::TimestampMs t) {
  CardInfoView v;
  v.card_key = card_key;
  const CardRef* ref = ctx.library.find(card_key);
  if (ref != nullptr) {
    fill_question(ctx.library.bank(*ref), ctx.library.question(*ref), v);
  } else {
    v.question = "(This card is in no loaded bank any more; its history is kept.)";
  }
  const core::DayClock& clock = ctx.clock();
  const core::CardSchedule s = ctx.state_of(card_key).value_or(core::CardSchedule{});
  const double r = s.state == core::CardState::New ? 0.0 : ctx.options.scheduler_for_card(card_key).retrievability(s, t);
  v.schedule = schedule_in_words(s, r, t, clock);
  fill_figures(s, r, t, clock, v);

  v.suspended = ctx.suspended(card_key);
  v.buried = ctx.buried(card_key, t);
  const auto mk = ctx.marks.find(card_key);
  if (mk != ctx.marks.end()) v.flag = mk->second.flag;
  if (v.flag != 0) {
    v.marks = "Flag: " + std::string(core::kFlagNames[v.flag]) + (mk->second.flag_note.empty() ? "" : " (" + mk->second.flag_note + ")") + ".";
  }
  if (const auto n = ctx.answer_notices.find(card_key); n != ctx.answer_notices.end()) {
    v.marks += std::string(v.marks.empty() ? "" : " ") + n->second +
               (s.state == core::CardState::Relearning ? " The card is back in relearning."
                                                       : " The card starts its learning steps again.");
  }
  if (v.suspended) v.marks += std::string(v.marks.empty() ? "" : " ") + "Suspended: not shown in study until you unsuspend it.";
  if (v.buried) {
    v.marks += std::string(v.marks.empty() ? "" : " ") + "Buried until " +
               core::format_local_minutes(*mk->second.buried_until, clock.time_zone) + ".";
  }

  for (const auto& r0 : ctx.progress.card_review_log(ctx.config.learner, card_key)) {
    CardInfoView::Review h;
    h.when = core::format_local_minutes(r0.reviewed_at, clock.time_zone);
    h.rating = std::string(core::to_string(r0.rating));
    // A dilemma whose rubric was skipped has no verdict: not counted correct, not wrong.
    const bool unassessed = !r0.correct && (ref == nullptr || ctx.library.question(*ref).type == core::QuestionType::Dilemma) &&
                            core::rubric_skipped(r0.answer);
    h.result = r0.correct ? "correct" : unassessed ? "not assessed" : "wrong";
    h.answer = r0.answer;
    h.time = core::format_trimmed(static_cast<double>(r0.response_ms) / 1000.0, 1) + " s";
    h.interval = core::format_interval(r0.reviewed_at, r0.after.due);
    v.history.push_back(std::move(h));
  }
  // Card events and answer changes (issue 14), merged in time order.
  std::vector<std::pair<core::TimestampMs, std::string>> events;
  for (const auto& e : ctx.progress.card_events(ctx.config.learner, card_key)) {
    events.emplace_back(e.at, event_in_words(e, clock.time_zone));
  }
  for (const auto& c : ctx.progress.answer_changes(ctx.config.learner, card_key)) {
    std::string notice = answer_change_notice(c.new_version);
    notice.pop_back();  // its full stop
    if (!c.old_version.empty()) notice += " (last answered in version " + c.old_version + ")";
    events.emplace_back(c.at, core::format_local_minutes(c.at, clock.time_zone) + ": " + notice + "; back to relearning");
  }
  std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& e : events) v.events.push_back(std::move(e.second));
  return v;
}

}  // namespace casebook::app
