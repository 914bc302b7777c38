// Custom study (Anki's "Custom study"): which cards a session of each mode takes from its
// scope and whether it changes the schedule, "N extra new cards today" kept in the progress
// file, and the Custom study screen's view. docs/study.md "Custom study" has the table.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "app/views.hpp"
#include "core/session.hpp"

namespace casebook::app {

/// The limit a custom study mode that picks its own cards puts on them: none in practice.
inline constexpr int kNoLimit = 1'000'000'000;
inline constexpr int kMaxAheadDays = 365;
inline constexpr int kMaxModeCount = 9999;

/// What a session of a mode over a scope starts from: the core::Session arguments.
struct SessionPlan {
  std::vector<core::StudyCandidate> candidates;
  core::SessionLimits limits{0, 0};
  core::SessionRules rules;
  bool records = true;  ///< false (Preview): answers are not logged and change no card
};

/// The session of `mode` over `scope` at `t` (UTC ms):
///  - Normal: study_candidates and today's limits (day_limits), siblings buried;
///  - ExtraNew: as Normal with today's new-card limit raised by mode.count as well (what the
///    session will be once the raise is recorded; StudyFlow records it first);
///  - Forgotten: the cards of the scope rated Again today (Progress::forgotten_cards, voided
///    reviews left out), Ahead: cards not new whose due study day is at most today +
///    mode.days, All: every card of the scope; each shown now (a later due is brought to `t`
///    for the queue only; the stored state is what is rated), no daily limit, no sibling
///    burying; reviews most at risk first (lowest retrievability) as in normal study;
///  - Preview and Cram: the first mode.count new cards of the scope in the new-card order,
///    past today's limit; Preview records nothing.
/// Suspended and buried cards are never taken. Throws storage::StorageError.
[[nodiscard]] SessionPlan plan_session(AppContext& ctx, core::TimestampMs t, const StudyScope& scope,
                                       const StudyMode& mode);

/// "forgotten", "ahead", "preview", "cram", "extra-new", "all" (`casebook study --mode`);
/// "normal" for Normal.
[[nodiscard]] std::string_view study_mode_name(StudyModeKind kind);
/// The kind named `name` (study_mode_name), or nullopt.
[[nodiscard]] std::optional<StudyModeKind> parse_study_mode(std::string_view name);
/// Whether answering in this mode changes card schedules (and writes the review log): all
/// but Preview.
[[nodiscard]] bool study_mode_changes_schedule(StudyModeKind kind);
/// What the mode does to the schedule, in plain words (the screen and the docs say the same).
[[nodiscard]] std::string study_mode_effect(const StudyMode& mode);
/// The mode as a choice: "Review ahead: cards due in the next 7 days".
[[nodiscard]] std::string study_mode_title(const StudyMode& mode);
/// The session header's line: "Custom study: review ahead, 7 days · changes the schedule";
/// "" for Normal.
[[nodiscard]] std::string study_mode_label(const StudyMode& mode);
/// Why `mode`'s numbers are out of range ("review ahead takes 1 to 365 days, not 0"), or "".
[[nodiscard]] std::string study_mode_problem(const StudyMode& mode);

/// Records today's raise of the new-card limit of `scope` by `count` (at `t`, for the study
/// day of `t` in the learner's clock). Throws storage::StorageError.
void record_extra_new_cards(AppContext& ctx, const StudyScope& scope, int count, core::TimestampMs t);

/// The Custom study screen over `scope` with row `selected` highlighted and the numbers
/// `days` and `count` (each clamped to its range), every row counting the cards its session
/// would start with now. Throws storage::StorageError.
[[nodiscard]] CustomStudyView build_custom_study(AppContext& ctx, const StudyScope& scope, int selected, int days,
                                                 int count);

}  // namespace casebook::app
