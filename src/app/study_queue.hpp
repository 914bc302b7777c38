// What a study session would take, shared by the Home counts, the session start and the
// summary: today's remaining limits from the review log, every study candidate of the
// loaded banks, and the counts of a queue by kind.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/views.hpp"
#include "core/session.hpp"

namespace casebook::app {

/// What today's limits still allow at an instant.
struct DayLimits {
  core::SessionLimits left{0, 0};  ///< overall and per bank (bank overrides), what is left today
  std::int64_t today = 0;          ///< study_day(t) in the learner's clock
  core::TimestampMs day_end = 0;   ///< start of the next study day, UTC ms
};

/// Today's limits at `t` for a session over `scope`, from the review log (new cards and
/// reviews already done today, in the learner's clock; per bank for banks with overrides),
/// with the new cards an exam plan still needs today (exam_new_cards_left). Custom study's
/// extra new cards of today (stored: Progress::extra_new_cards, plus `planned` ones not yet
/// stored) that apply to `scope` (extra_applies) raise the learner's new-card limit and that
/// of their bank when it has its own, before what was done today is subtracted; new cards
/// introduced after a raise that does not apply to `scope`, within that raise's scope and up
/// to its count, were paid for by it and are not subtracted. While a backlog spread that
/// paused new cards runs, only the extra ones are left. `stored`: today's stored raises when
/// the caller has read them already (Home, once for all its rows); nullptr reads them here.
/// Throws storage::StorageError.
[[nodiscard]] DayLimits day_limits(AppContext& ctx, core::TimestampMs t, const StudyScope& scope = {},
                                   const std::vector<storage::ExtraNewCards>& planned = {},
                                   const std::vector<storage::ExtraNewCards>* stored = nullptr);

/// Whether custom study's raise `extra` ("N extra new cards today") holds for a session over
/// `scope`: a raise is for its own scope and what lies within it (a raise for every course
/// bank: any course bank or topic of one; a bank's: the bank and its topics; a topic's: that
/// topic). Another topic, the bank around a topic, or a template bank are not raised.
[[nodiscard]] bool extra_applies(const AppContext& ctx, const storage::ExtraNewCards& extra, const StudyScope& scope);

/// Whether a question of `bank` belongs to `scope`: the default scope takes every course
/// bank (not example or template banks); a bank scope takes that bank; a topic scope the
/// questions of that bank with that topic.
[[nodiscard]] bool in_scope(const StudyScope& scope, const core::Bank& bank, const core::Question& q);

/// Every card of `scope` in the loaded banks that is in study (day_plan.hpp out_of_study) and
/// not buried at `t`, as a session candidate at `t` (its queue_schedule, retrievability of
/// Review cards under the card's own scheduler, sibling facts, whether an exam ahead takes
/// it), in the learner's new-card order (config.new_card_order).
[[nodiscard]] std::vector<core::StudyCandidate> study_candidates(const AppContext& ctx, core::TimestampMs t,
                                                                 const StudyScope& scope = {});

/// A session candidate with the bank and question it was made from (pointers into the loaded
/// library: valid until the banks are reloaded).
struct SourcedCandidate {
  core::StudyCandidate candidate;
  const core::Bank* bank = nullptr;
  const core::Question* question = nullptr;
};

/// The candidates of every loaded bank (course, example and template) at `t`, in library
/// order, built as study_candidates builds them; read once, then split by scope_candidates
/// (Home shows a queue per bank and topic without reading the progress data again per row).
[[nodiscard]] std::vector<SourcedCandidate> all_candidates(const AppContext& ctx, core::TimestampMs t);

/// The candidates of `scope` among `all`, in the learner's new-card order: equal to
/// study_candidates(ctx, t, scope) when `all` is all_candidates(ctx, t).
[[nodiscard]] std::vector<core::StudyCandidate> scope_candidates(const AppContext& ctx,
                                                                 const std::vector<SourcedCandidate>& all,
                                                                 const StudyScope& scope);

/// New, learning and review cards among `keys` (by their stored state).
struct KindCounts {
  int fresh = 0, learning = 0, review = 0;
};
[[nodiscard]] KindCounts count_kinds(const AppContext& ctx, const std::vector<std::string>& keys);

/// What is left of today's study in a scope (the session summary's "still due today" and
/// "new cards left today").
struct LeftToday {
  int due = 0;        ///< learning cards due before the end of today, plus the Review cards today's limit allows
  int new_cards = 0;  ///< new cards today's new-card limits (the learner's and each bank's) still allow
};
/// LeftToday of `scope` now. Throws storage::StorageError.
[[nodiscard]] LeftToday left_today(AppContext& ctx, const StudyScope& scope = {});

/// What `scope` is called on screen: "All course banks", "Bank: <title>", "Topic: <title>
/// (<bank title>)"; the ids when the bank or topic is not loaded.
[[nodiscard]] std::string scope_label(const AppContext& ctx, const StudyScope& scope);

/// The state a card is scheduled from: its stored state, or a new card at `t`.
[[nodiscard]] core::CardSchedule schedule_before(const AppContext& ctx, const std::string& card_key,
                                                 core::TimestampMs t);

/// The bank id of a card key (the part before the first '/').
[[nodiscard]] std::string bank_of_key(const std::string& card_key);

}  // namespace casebook::app
