// Answer changes of re-keyed questions (see answer_changes.hpp).
#include "app/answer_changes.hpp"

#include <algorithm>
#include <exception>

#include "app/context.hpp"
#include "core/answer_key.hpp"
#include "core/scheduler.hpp"

namespace casebook::app {

std::string answer_change_notice(const std::string& new_version) {
  return new_version.empty() ? std::string("The answer changed in a new version of the bank.")
                             : "The answer changed in version " + new_version + ".";
}

std::vector<storage::AnswerChange> find_answer_changes(const Library& library,
                                                       const std::map<std::string, core::CardSchedule>& states,
                                                       const std::map<std::string, storage::KnownAnswerKey>& known,
                                                       const EffectiveOptions& options, core::TimestampMs now) {
  std::vector<storage::AnswerChange> out;
  for (const auto& [key, seen] : known) {
    if (seen.key.empty()) continue;  // answered before fingerprints were recorded: unknown
    const auto state = states.find(key);
    if (state == states.end() || state->second.state == core::CardState::New) continue;  // reset, or never studied
    const CardRef* ref = library.find(key);
    if (ref == nullptr) continue;  // retired: nothing to relearn
    const core::Question& q = library.question(*ref);
    // The same answer (perhaps reworded, or recorded before keys were in NFC): progress kept.
    if (core::answer_key_is(q, seen.key)) continue;
    storage::AnswerChange c;
    c.card_key = key;
    c.at = std::max(now, seen.at + 1);
    if (state->second.last_review) c.at = std::max(c.at, *state->second.last_review + 1);
    c.old_key = seen.key;
    c.new_key = core::answer_key_fingerprint(q);
    c.old_version = seen.bank_version;
    c.new_version = library.bank(*ref).info.version;
    const core::CardSchedule& before = state->second;
    c.after = options.scheduler_for_card(key, library.question(*ref).type)  // a dilemma: no same-day steps
                  .next(before, c.at, core::Rating::Again, core::fuzz_seed_of(key))
                  .card;
    c.after.reps = before.reps;
    c.after.lapses = before.lapses;
    out.push_back(std::move(c));
  }
  return out;
}

void check_answer_keys(AppContext& ctx) {
  try {
    const auto known = ctx.progress.known_answer_keys(ctx.config.learner);
    std::map<std::string, std::string> notices;
    for (const auto& [key, seen] : known) {
      if (seen.changed) notices[key] = answer_change_notice(seen.bank_version);
    }
    if (!ctx.config.read_only) {
      for (const storage::AnswerChange& c : find_answer_changes(ctx.library, ctx.states, known, ctx.options, ctx.now())) {
        ctx.progress.record_answer_change(ctx.config.learner, c);
        ctx.states[c.card_key] = c.after;
        notices[c.card_key] = answer_change_notice(c.new_version);
      }
    }
    ctx.answer_notices = std::move(notices);
  } catch (const std::exception& e) {
    ctx.message = std::string("Changed answers could not be checked: ") + e.what();
  }
}

}  // namespace casebook::app
