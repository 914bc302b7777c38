// Question generators for format-2 banks: questions made from a bank's fact tables
// (core/facts.hpp), deterministic and with ids derived from fact ids only, so an edit of the
// bank keeps every question (and the learner's progress on it) whose facts it keeps. Pure.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/hash.hpp"
#include "core/question.hpp"

namespace casebook::core {

/// What the generators made from a bank, and the problems they met (warnings at the place
/// of the fact or [generators] entry concerned: short of distractors, facts no question uses).
struct GenerateResult {
  std::vector<Question> questions;
  std::vector<Diagnostic> diagnostics;
  std::vector<RepeatedQuestion> repeated;  ///< not made: a hand-written question names the same facts
};

/// Runs every enabled generator of `bank.generators` over `bank.facts`, in the order of
/// kAllGenerators. Each question has id `gen.<generator>.<fact id>[.<fact id>...]`,
/// `generator` and `fact_ids` set, the source locator of its first fact (with the paragraphs
/// of every fact of that source), the topics of its facts, and the place of its first fact as
/// `pos`. Each anchor looks at a bounded set of candidates (core/generate_pick.hpp: the
/// nearest events in date order, the next actors or terms along a hash ring), ranked by
/// rendezvous hashing (pair_score), so the work grows near-linearly with the facts and an
/// edit changes only questions that involve a changed fact or a fact near it in date or ring
/// order (and, under a `count` limit, which questions are kept). A question whose set of
/// facts equals a hand-written question's `fact_ids` is not made but listed in `repeated`.
/// Also warns (`unused-fact`) about facts that neither a generated question nor a
/// hand-written question's `fact_ids` uses. With `parallel` (the default) on a machine with
/// more than one core, a bank of at least kParallelEvents events ranks the events' date
/// partners in two halves at once, then runs the generators on two threads, each taking the
/// next of them, costliest first; a bank with fewer events, one thread, but actor_match finds
/// the groups of its first and second half of anchors (at least kParallelEvents) at once. On
/// one thread when no second one can be started; the result is the same either way. Never
/// throws except std::bad_alloc.
[[nodiscard]] GenerateResult generate_questions(const Bank& bank, bool parallel = true);

/// Events from which generate_questions uses a second thread (below, a thread costs more
/// than it saves).
inline constexpr std::size_t kParallelEvents = 500;

/// The rendezvous weight of `candidate` for `anchor`: -ln(u) * penalty, where u in (0, 1) is
/// taken from fnv1a64(anchor + '\x1f' + candidate); lower is preferred. A penalty >= 1 makes a
/// less plausible candidate less likely to be chosen (weighted rendezvous hashing, Thaler and
/// Ravishankar 1998), and the score depends on the pair alone.
[[nodiscard]] double pair_score(std::string_view anchor, std::string_view candidate, double penalty = 1.0);

}  // namespace casebook::core
