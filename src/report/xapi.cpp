// xAPI 1.0.3 statements ("answered" one question per review) with deterministic, name-based
// (version 5) statement ids, so exporting the same reviews twice is idempotent at an LRS.
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <uuid/uuid.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

#include "core/utf8.hpp"
#include "report/report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

using Json = nlohmann::ordered_json;

/// Where Casebook's own IRIs live; `.invalid` (RFC 6761) never resolves to anyone's server.
constexpr std::string_view kIriBase = "https://casebook.invalid/xapi";
/// The fixed namespace of every statement id (a random v4 UUID chosen once for Casebook).
constexpr std::string_view kStatementNamespace = "3f0f9b52-6a4e-4c1d-9f3b-2d8e61c7a915";

/// `text` percent-encoded for an IRI path segment: RFC 3986 unreserved characters and '/'
/// stay, every other byte becomes %XX.
std::string percent_encode(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/') {
      out.push_back(ch);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

/// An ISO 8601 duration of `ms` milliseconds in seconds, e.g. 4200 -> "PT4.2S".
std::string iso_duration(std::int64_t ms) {
  if (ms < 0) ms = 0;
  std::string text = fmt::format("{}.{:03}", ms / 1000, ms % 1000);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return "PT" + text + "S";
}

}  // namespace

std::string uuid_v5(const std::string& name_space, const std::string& name) {
  uuid_t ns{};
  if (uuid_parse(name_space.c_str(), ns) != 0) throw std::invalid_argument("not a UUID: " + name_space);
  uuid_t id{};
  uuid_generate_sha1(id, ns, name.data(), name.size());
  std::array<char, 37> text{};  // 36 characters and the NUL
  uuid_unparse_lower(id, text.data());
  return std::string(text.data(), 36);
}

std::string xapi_interaction_type(const std::string& question_type) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {"single_choice", "choice"},  {"multiple_response", "choice"}, {"true_false", "true-false"},
      {"short_answer", "fill-in"},  {"numeric", "numeric"},          {"ordering", "sequencing"},
      {"matching", "matching"},     {"dilemma", "long-fill-in"}};
  const auto it = kTypes.find(question_type);
  return it == kTypes.end() ? "other" : it->second;
}

void write_xapi(const ReportInput& in, std::ostream& out) {
  std::map<std::string, const CardEntry*> cards;
  for (const CardEntry& c : in.cards) cards.emplace(c.card_key, &c);
  Json statements = Json::array();
  for (const core::ReviewRecord& r : in.reviews) {
    const auto found = cards.find(r.card_key);
    const CardEntry* card = found == cards.end() ? nullptr : found->second;
    const std::string language = card != nullptr && !card->language.empty() ? card->language : "und";
    const std::string learner = r.learner.empty() ? in.learner : r.learner;

    Json s;
    // The review's identity: who, which card, when (ms). Re-exports give the same id.
    s["id"] = uuid_v5(std::string(kStatementNamespace),
                      core::valid_utf8(learner) + "\n" + core::valid_utf8(r.card_key) + "\n" +
                          std::to_string(r.reviewed_at));
    s["actor"] = {{"objectType", "Agent"},
                  {"account", {{"homePage", std::string(kIriBase) + "/learners"}, {"name", learner}}}};
    s["verb"] = {{"id", "http://adlnet.gov/expapi/verbs/answered"}, {"display", {{"en-US", "answered"}}}};
    Json definition;
    definition["name"] = {{language, card != nullptr && !card->prompt.empty() ? card->prompt : r.card_key}};
    definition["type"] = "http://adlnet.gov/expapi/activities/cmi.interaction";
    definition["interactionType"] = xapi_interaction_type(card != nullptr ? card->question_type : "");
    s["object"] = {{"objectType", "Activity"},
                   {"id", std::string(kIriBase) + "/cards/" + percent_encode(r.card_key)},
                   {"definition", std::move(definition)}};
    s["result"] = {{"response", r.answer}, {"success", r.correct}, {"duration", iso_duration(r.response_ms)}};
    s["context"] = {{"platform", "Casebook"},
                    {"language", language},
                    {"extensions", {{std::string(kIriBase) + "/extensions/rating",
                                     std::string(core::to_string(r.rating))}}}};
    s["timestamp"] = core::format_iso_utc(r.reviewed_at);
    statements.push_back(std::move(s));
  }
  out << statements.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace casebook::report
