// Banks that change safely (issue 14): when a loaded bank has changed the answer key of a
// question the learner has studied, the card returns to relearning, once, and says why.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/effective_options.hpp"
#include "app/library.hpp"
#include "core/card.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

struct AppContext;

/// Plain words for a re-keyed card (study screen, Card info): "The answer changed in version
/// 2.1." ("... in a new version of the bank." when the bank gives no version).
[[nodiscard]] std::string answer_change_notice(const std::string& new_version);

/// The answer changes the loaded banks bring, in card-key order: one for every card of
/// `library` that the learner has studied (a state in `states` other than New) whose known
/// answer key (`known`: its newest review or answer change) is recorded (not "", i.e. not an
/// answer given before schema 9) and differs from core::answer_key_fingerprint of the loaded
/// question. The change is at `now` (UTC ms; at least 1 ms after the known review, so it
/// follows it) and its state is what the card's scheduler gives for Again then (a lapse:
/// relearning, or learning step 1 for a card still in learning) with the card's repetitions
/// and lapses kept (it was not reviewed, nor forgotten).
[[nodiscard]] std::vector<storage::AnswerChange> find_answer_changes(
    const Library& library, const std::map<std::string, core::CardSchedule>& states,
    const std::map<std::string, storage::KnownAnswerKey>& known, const EffectiveOptions& options,
    core::TimestampMs now);

/// At start-up, after the banks, states and options are loaded: records every change
/// find_answer_changes finds (nothing in a read-only database), updates ctx.states and fills
/// ctx.answer_notices with the re-keyed cards not answered since. A storage failure is left
/// in ctx.message; nothing else changes then.
void check_answer_keys(AppContext& ctx);

}  // namespace casebook::app
