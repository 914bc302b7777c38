// How today's queue sees a card once issue 16's options are in force: the exam it is studied
// for, whether it is out of study (suspended, or its exam over with "stop"), its schedule as
// the queue uses it (held back by a backlog spread, or brought forward for an exam), the due
// load the balancer reads (built once, updated per rating), and the pace of an exam's new
// cards. Shared by Home, the session, the plan view and the CLI.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/effective_options.hpp"
#include "app/library.hpp"
#include "core/backlog.hpp"
#include "core/exam.hpp"
#include "core/load_balance.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

/// A backlog spread's hold on one card: not shown before study day `day`, as long as the card
/// has not been reviewed since `since` (UTC ms, when the spread was made).
struct Deferral {
  std::int64_t day = 0;
  core::TimestampMs since = 0;
};

/// Every card's hold from `spreads` (oldest first): a later spread replaces an earlier one.
[[nodiscard]] std::map<std::string, Deferral> deferrals(const std::vector<core::BacklogSpread>& spreads);

/// The spread whose days contain study day `today` (the newest if several), or nullptr.
[[nodiscard]] const core::BacklogSpread* active_spread(const std::vector<core::BacklogSpread>& spreads,
                                                       std::int64_t today);

/// What the queue rules read (references into the app's caches, or the CLI's own copies).
struct StudyData {
  const Library& library;
  const std::map<std::string, core::CardSchedule>& states;
  const std::map<std::string, storage::CardFlags>& flags;
  const EffectiveOptions& options;
  const std::map<std::string, Deferral>& deferred;
};

/// The exam a card is studied for: its bank's exam options, when the card is in their scope.
struct CardExam {
  core::ExamTarget target;
  core::AfterExam after = core::AfterExam::Resume;
};
[[nodiscard]] std::optional<CardExam> card_exam(const StudyData& data, const std::string& card_key);

/// Whether a card is out of study on study day `today`: suspended, or its exam is over (today
/// after the exam day) and the learner chose to stop.
[[nodiscard]] bool out_of_study(const StudyData& data, const std::string& card_key, std::int64_t today);

/// The card's schedule as the queue uses it on study day `today` (nullopt for a card never
/// studied): a Review card held back by a backlog spread is due at the start of its spread
/// day; a Review card of an exam plan that its exam needs earlier (core::exam_review_day, the
/// exam still ahead) is due at the start of that day. Otherwise the stored state.
[[nodiscard]] std::optional<core::CardSchedule> queue_schedule(const StudyData& data, const std::string& card_key,
                                                               std::int64_t today);

/// The study day the due load counts a card on: the day of queue_schedule's due; nothing for
/// a card never studied, on an intraday step, out of study, or in no loaded bank.
[[nodiscard]] std::optional<std::int64_t> load_day(const StudyData& data, const std::string& card_key,
                                                   std::int64_t today);

/// The due load of every card (load_day), for the balancer.
[[nodiscard]] core::DueLoad build_load(const StudyData& data, std::int64_t today);

/// What the scheduler may consult for this card on study day `today`: `load` and the card's
/// exam while it is ahead.
[[nodiscard]] core::ScheduleContext schedule_context(const StudyData& data, const std::string& card_key,
                                                     std::int64_t today, const core::DueLoad* load);

/// Exam plans' new cards still to introduce today (SessionLimits::exam_new_cards): per exam
/// day E ahead, the pace ceil((left + done) / (E - today)) (core::exam_new_cards_per_day) minus
/// `done`, the plan's cards first reviewed today (`new_today`, card keys), at least 0; summed.
[[nodiscard]] int exam_new_cards_left(const StudyData& data, std::int64_t today,
                                      const std::vector<std::string>& new_today);

/// One line per exam ahead (or today) for Home: "Exam on 2025-02-15 (in 45 days, all banks,
/// target 95 %): 120 of 300 cards studied; about 5 new cards a day to finish in time."
[[nodiscard]] std::vector<std::string> exam_lines(const StudyData& data, std::int64_t today);

}  // namespace casebook::app
