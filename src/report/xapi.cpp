// xAPI 1.0.3 statements ("answered" one question per review) with deterministic, name-based
// (version 5) statement ids, so exporting the same reviews twice is idempotent at an LRS.
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <uuid/uuid.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <stdexcept>
#include <string>

#include "core/utf8.hpp"
#include "report/report.hpp"
#include "report/text.hpp"
#include "report/xapi_parts.hpp"

namespace casebook::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kIriBase = detail::kXapiIriBase;
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

std::string xapi_statement_id(const std::string& learner, const std::string& card_key, core::TimestampMs reviewed_at) {
  // The review's identity: who, which card, when (ms). Re-exports give the same id.
  return uuid_v5(std::string(kStatementNamespace),
                 core::valid_utf8(learner) + "\n" + core::valid_utf8(card_key) + "\n" + std::to_string(reviewed_at));
}

namespace {

/// The actor of every statement of `learner`: an account on Casebook's learner home page.
Json actor_of(const std::string& learner) {
  return {{"objectType", "Agent"}, {"account", {{"homePage", std::string(kIriBase) + "/learners"}, {"name", learner}}}};
}

Json voiding_statement(const VoidedEntry& v) {
  const std::string voided = xapi_statement_id(v.learner, v.card_key, v.reviewed_at);
  Json s;
  s["id"] = uuid_v5(std::string(kStatementNamespace), "void\n" + voided);
  s["actor"] = actor_of(v.learner);
  s["verb"] = {{"id", "http://adlnet.gov/expapi/verbs/voided"}, {"display", {{"en-US", "voided"}}}};
  s["object"] = {{"objectType", "StatementRef"}, {"id", voided}};
  s["timestamp"] = core::format_iso_utc(v.voided_at);
  return s;
}

}  // namespace

std::string xapi_interaction_type(const std::string& question_type) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {"single_choice", "choice"},  {"multiple_response", "choice"}, {"true_false", "true-false"},
      {"short_answer", "fill-in"},  {"numeric", "numeric"},          {"ordering", "sequencing"},
      {"matching", "matching"},     {"dilemma", "long-fill-in"}};
  const auto it = kTypes.find(question_type);
  return it == kTypes.end() ? "other" : it->second;
}

namespace {

/// Builds the statements of `in`, one per review of the period, and hands each to `sink`.
class StatementBuilder {
 public:
  explicit StatementBuilder(const ReportInput& in) : m_in(in) {
    for (const CardEntry& c : in.cards) m_cards.emplace(c.card_key, &c);
  }

  Json statement(const core::ReviewRecord& r) const {
    const auto found = m_cards.find(r.card_key);
    const CardEntry* card = found == m_cards.end() ? nullptr : found->second;
    const std::string language = card != nullptr && !card->language.empty() ? card->language : "und";
    const std::string learner = r.learner.empty() ? m_in.learner : r.learner;
    const detail::KeyParts key = detail::split_card_key(r.card_key);

    Json s;
    s["id"] = xapi_statement_id(learner, r.card_key, r.reviewed_at);
    s["actor"] = actor_of(learner);
    s["verb"] = {{"id", "http://adlnet.gov/expapi/verbs/answered"}, {"display", {{"en-US", "answered"}}}};
    Json definition;
    definition["name"] = {{language, card != nullptr && !card->prompt.empty() ? card->prompt : r.card_key}};
    definition["type"] = "http://adlnet.gov/expapi/activities/cmi.interaction";
    definition["interactionType"] = xapi_interaction_type(card != nullptr ? card->question_type : "");
    if (card != nullptr && !card->question_type.empty()) {
      definition["extensions"][std::string(kIriBase) + "/extensions/question-type"] = card->question_type;
    }
    if (card != nullptr && card->question) detail::add_interaction(*card->question, language, definition);
    s["object"] = {{"objectType", "Activity"},
                   {"id", std::string(kIriBase) + "/cards/" + percent_encode(r.card_key)},
                   {"definition", std::move(definition)}};
    Json result;
    result["response"] = card != nullptr && card->question ? detail::interaction_response(*card->question, r.answer) : r.answer;
    result["success"] = r.correct;
    result["duration"] = iso_duration(r.response_ms);
    result["extensions"] = {{std::string(kIriBase) + "/extensions/answer", r.answer}};
    s["result"] = std::move(result);
    Json context;
    context["platform"] = "Casebook";
    context["language"] = language;
    if (!key.bank_id.empty()) {
      context["contextActivities"] = {
          {"parent", Json::array({{{"objectType", "Activity"},
                                   {"id", std::string(kIriBase) + "/banks/" + percent_encode(key.bank_id)}}})}};
    }
    if (!r.bank_version.empty()) context["revision"] = r.bank_version;  // the bank's version when answered
    context["extensions"] = {{std::string(kIriBase) + "/extensions/rating", std::string(core::to_string(r.rating))}};
    s["context"] = std::move(context);
    s["timestamp"] = core::format_iso_utc(r.reviewed_at);
    return s;
  }

 private:
  const ReportInput& m_in;
  std::unordered_map<std::string, const CardEntry*> m_cards;
};

/// Invalid UTF-8 in bank or learner text becomes U+FFFD instead of failing the export.
std::string dump(const Json& j, int indent) { return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

std::string xapi_voiding_statement(const VoidedEntry& v) { return dump(voiding_statement(v), -1); }

void for_each_xapi_statement(const ReportInput& in, const StatementSink& sink) {
  const StatementBuilder builder(in);
  for_each_review(in, [&](const core::ReviewRecord& r) {
    const Json s = builder.statement(r);
    sink(r, s.at("id").get<std::string>(), dump(s, -1));
  });
}

void write_xapi(const ReportInput& in, std::ostream& out) {
  // A JSON array laid out as nlohmann's dump(2) would, one statement at a time.
  const StatementBuilder builder(in);
  std::size_t count = 0;
  std::string text;
  out << "[";
  const auto write_one = [&](const Json& statement) {
    text = dump(statement, 2);
    out << (count++ == 0 ? "\n  " : ",\n  ");
    std::size_t start = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
      out.write(text.data() + start, static_cast<std::streamsize>(nl - start));
      out << "\n  ";
      start = nl + 1;
    }
    out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
  };
  for_each_review(in, [&](const core::ReviewRecord& r) { write_one(builder.statement(r)); });
  // Then a voiding statement for each review taken back (its own statement may have been sent
  // to a store before the undo).
  for (const VoidedEntry& v : in.voided) write_one(voiding_statement(v));
  out << (count == 0 ? "]\n" : "\n]\n");
}

}  // namespace casebook::report
