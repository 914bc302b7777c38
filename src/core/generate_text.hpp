// Text helpers of the question generators (core/generate.hpp): sentence endings, whether a
// title names an actor, trailing citation markers, numbers as a reader writes them. Pure.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/facts.hpp"

namespace casebook::core {

/// `text` without final full stops and spaces (to end a prompt with "?"): a view of its start.
[[nodiscard]] std::string_view without_full_stop(std::string_view text);

/// `text` with its first letter upper-cased when it is an ASCII lower-case letter.
[[nodiscard]] std::string capitalised(std::string text);

/// True when `name` appears in `text` as a whole word (ASCII case ignored; bytes >= 0x80
/// count as letters, so "Путин" does not match inside "Путинизм").
[[nodiscard]] bool mentions(const std::string& text, const std::string& name);

/// `text` with ASCII A-Z lower-cased (other bytes unchanged).
[[nodiscard]] std::string lower_ascii(std::string text);

/// mentions() for a text and a name both lower-cased already (lower_ascii), without copies.
[[nodiscard]] bool mentions_lowered(std::string_view text, std::string_view name);

/// The words names_actor looks for, lower-cased (lower_ascii): the actor's name and each
/// alias, and for a person the last word of each of those with two or more words. A caller
/// that asks about many texts keeps these instead of lower-casing the names every time.
[[nodiscard]] std::vector<std::string> actor_name_words(const Actor& actor);

/// True when `text` names `actor`: its name or an alias as a whole word, or, for a person
/// with a name of two or more words, the last word of the name or of an alias (the surname:
/// "Putin" names "Vladimir Putin"). Equal to: some actor_name_words(actor) is mentioned
/// (mentions_lowered) in lower_ascii(text).
[[nodiscard]] bool names_actor(const std::string& text, const Actor& actor);

/// `text` split before the citation markers at its end: {"the prison term", " [@a] [@b]"}
/// for "the prison term [@a] [@b]", so a generator can put words between a phrase and its
/// citation; {text, ""} when it does not end with a well-formed marker.
[[nodiscard]] std::pair<std::string, std::string> split_trailing_citations(const std::string& text);

/// The hint of generator `g`'s short-of-distractors warning: what gets it more questions
/// (lower `min_gap_days` for the events' ordering and which-first, more facts for the others),
/// or how to turn it off.
[[nodiscard]] std::string short_of_hint(Generator g);

/// A number as a reader writes it: whole numbers below 1e15 with thousands separators
/// ("1,700,000,000"), others with the fewest decimals that read back exactly ("1234567.891",
/// "0.0005"; below 1e-6 or from 1e15 as format_shortest: "1e-07"), never rounded, so an
/// explanation gives the answer key's value.
[[nodiscard]] std::string format_number(double v);

/// How a question asks for an actor of `kind`: "Who" (person), "Which agency", "Which
/// company", "Which group", "Which state".
[[nodiscard]] std::string which_actor(ActorKind kind);

}  // namespace casebook::core
