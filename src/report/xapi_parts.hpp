// The xAPI pieces of a report (internal to report): interaction details per question type.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/question.hpp"

namespace casebook::report::detail {

/// Where Casebook's own IRIs live; `.invalid` (RFC 6761) never resolves to anyone's server.
inline constexpr std::string_view kXapiIriBase = "https://casebook.invalid/xapi";

/// Adds to an activity `definition` the interaction components of `q` (xAPI 1.0.3, Data
/// 2.4.4.1.1): `choices` (choice; sequencing items as ids "step-N"), `source` and `target`
/// (matching), and `correctResponsesPattern`; a dilemma (long-fill-in, no right answer) gets
/// its positions and rubric as definition extensions instead.
/// Component ids are "<kind>-<canonical index>"; descriptions are in `language`.
void add_interaction(const core::Question& q, const std::string& language, nlohmann::ordered_json& definition);

/// The response of a review in the interaction's format, from the answer text the review log
/// stores (core::describe_answer): "choice-1[,]choice-3", "step-2[,]step-0[,]step-1",
/// "source-0[.]target-1[,]..."; the text itself for true-false, fill-in, numeric and dilemma
/// answers, or when the text no longer matches the bank's question; "" for no answer.
[[nodiscard]] std::string interaction_response(const core::Question& q, const std::string& answer);

}  // namespace casebook::report::detail
