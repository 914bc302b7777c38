// xAPI 1.0.3 statements ("answered" one question per review, "commented" per problem report)
// with deterministic, name-based (version 5) statement ids, so exporting the same reviews twice is idempotent at an LRS.
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <uuid/uuid.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <stdexcept>
#include <string>

#include "core/answer_key.hpp"
#include "core/utf8.hpp"
#include "report/report.hpp"
#include "report/text.hpp"
#include "report/xapi_parts.hpp"

namespace casebook::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kIriBase = detail::kXapiIriBase;
/// The verb of a problem report's statement (ADL's vocabulary: "Indicates the learner provided
/// a written comment", http://adlnet.gov/expapi/verbs/commented).
constexpr std::string_view kCommented = "http://adlnet.gov/expapi/verbs/commented";
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

std::string xapi_voiding_statement_id(const VoidedEntry& v) {
  return uuid_v5(std::string(kStatementNamespace), "void\n" + xapi_statement_id(v.learner, v.card_key, v.reviewed_at));
}

namespace {

/// The actor of every statement of `learner`: an account on Casebook's learner home page.
Json actor_of(const std::string& learner) {
  return {{"objectType", "Agent"}, {"account", {{"homePage", std::string(kIriBase) + "/learners"}, {"name", learner}}}};
}

Json voiding_statement(const VoidedEntry& v) {
  const std::string voided = xapi_statement_id(v.learner, v.card_key, v.reviewed_at);
  Json s;
  s["id"] = xapi_voiding_statement_id(v);
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

/// Invalid UTF-8 in bank or learner text becomes U+FFFD instead of failing the export.
std::string dump(const Json& j, int indent) { return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace); }

/// `text` (a value dumped at indent 2) as it reads nested `levels` levels deeper: two more
/// spaces per level after every line break.
std::string nested(const std::string& text, int levels = 1) {
  const std::string pad(static_cast<std::size_t>(2 * levels), ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (const char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

/// A JSON object from its members in order, each value already dumped (compact, or at indent 2
/// and nested to the members' depth): byte for byte what nlohmann's dump gives for the whole
/// object, its lines after the first indented `depth` levels (the object nested that deep).
std::string object_text(const std::vector<std::pair<std::string_view, std::string_view>>& members, bool pretty,
                        int depth) {
  const std::string pad(static_cast<std::size_t>(2 * depth), ' ');
  std::size_t size = 8 + pad.size();
  for (const auto& [name, text] : members) size += name.size() + text.size() + pad.size() + 8;
  std::string out;
  out.reserve(size);
  out += pretty ? "{\n" : "{";
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i > 0) out += pretty ? ",\n" : ",";
    if (pretty) out += pad + "  ";
    out += '"';
    out += members[i].first;  // fixed ASCII keys: nothing to escape
    out += pretty ? "\": " : "\":";
    out += members[i].second;
  }
  out += pretty ? "\n" + pad + "}" : "}";
  return out;
}

/// The statement's object: the card as a cmi.interaction activity.
Json activity(const std::string& card_key, const CardEntry* card, const std::string& language) {
  Json definition;
  definition["name"] = {{language, card != nullptr && !card->prompt.empty() ? card->prompt : card_key}};
  definition["type"] = "http://adlnet.gov/expapi/activities/cmi.interaction";
  definition["interactionType"] = xapi_interaction_type(card != nullptr ? card->question_type : "");
  if (card != nullptr && !card->question_type.empty()) {
    definition["extensions"][std::string(kIriBase) + "/extensions/question-type"] = card->question_type;
  }
  if (card != nullptr && card->question) {
    detail::add_interaction(*card->question, language, definition);
    // The key today's correctResponsesPattern gives; a statement whose result names another
    // was marked against an earlier key (the question was re-keyed since).
    definition["extensions"][std::string(kIriBase) + "/extensions/answer-key"] = core::answer_key_fingerprint(*card->question);
  }
  return {{"objectType", "Activity"},
          {"id", std::string(kIriBase) + "/cards/" + percent_encode(card_key)},
          {"definition", std::move(definition)}};
}

/// Builds the statements of `in`, one per review of the period. A card's activity (the
/// statement's object, with its interaction details) is the same in each of its statements: it
/// is dumped once per card and layout.
class StatementBuilder {
 public:
  explicit StatementBuilder(const ReportInput& in) : m_in(in) {
    for (const CardEntry& c : in.cards) m_cards.emplace(c.card_key, &c);
  }

  /// The statement of review `r` as JSON text: compact, or laid out as nlohmann's dump(2) of
  /// the statement as an element of write_xapi's array (every line after the first indented
  /// one level), so that each member's text is nested once, at its final depth.
  std::string statement(const core::ReviewRecord& r, bool pretty) const {
    const auto found = m_cards.find(r.card_key);
    const CardEntry* card = found == m_cards.end() ? nullptr : found->second;
    const std::string language = card != nullptr && !card->language.empty() ? card->language : "und";
    const std::string learner = r.learner.empty() ? m_in.learner : r.learner;
    const detail::KeyParts key = detail::split_card_key(r.card_key);
    const int indent = pretty ? 2 : -1;
    const auto value = [&](const Json& j) { return pretty ? nested(dump(j, indent), 2) : dump(j, indent); };

    // The members' texts: the repeating ones point into the caches, the others live here.
    const std::string id = value(xapi_statement_id(learner, r.card_key, r.reviewed_at));
    std::vector<std::pair<std::string_view, std::string_view>> members;
    members.reserve(7);
    members.emplace_back("id", id);
    // Actor, verb and context repeat over the statements (one learner, a few banks, four
    // ratings): each distinct one is dumped once per layout.
    members.emplace_back("actor", cached("actor\n" + learner, pretty, [&] { return value(actor_of(learner)); }));
    members.emplace_back("verb", cached("verb", pretty, [&] {
      return value({{"id", "http://adlnet.gov/expapi/verbs/answered"}, {"display", {{"en-US", "answered"}}}});
    }));
    auto& cache = m_activities[pretty ? 1 : 0];
    auto found_activity = cache.find(r.card_key);
    if (found_activity == cache.end()) {
      found_activity = cache.emplace(r.card_key, value(activity(r.card_key, card, language))).first;
    }
    members.emplace_back("object", found_activity->second);
    Json result;
    result["response"] = card != nullptr && card->question ? detail::interaction_response(*card->question, r.answer) : r.answer;
    result["success"] = r.correct;
    result["duration"] = iso_duration(r.response_ms);
    result["extensions"] = {{std::string(kIriBase) + "/extensions/answer", r.answer}};
    if (!r.answer_key.empty()) result["extensions"][std::string(kIriBase) + "/extensions/answer-key"] = r.answer_key;
    const std::string result_text = value(result);
    members.emplace_back("result", result_text);
    const std::string rating(core::to_string(r.rating));
    members.emplace_back("context", cached("context\n" + language + "\n" + key.bank_id + "\n" + r.bank_version + "\n" + rating,
                                           pretty, [&] {
      Json context;
      context["platform"] = "Casebook";
      context["language"] = language;
      if (!key.bank_id.empty()) {
        context["contextActivities"] = {
            {"parent", Json::array({{{"objectType", "Activity"},
                                     {"id", std::string(kIriBase) + "/banks/" + percent_encode(key.bank_id)}}})}};
      }
      if (!r.bank_version.empty()) context["revision"] = r.bank_version;  // the bank's version when answered
      context["extensions"] = {{std::string(kIriBase) + "/extensions/rating", rating}};
      return value(context);
    }));
    const std::string timestamp = value(core::format_iso_utc(r.reviewed_at));
    members.emplace_back("timestamp", timestamp);
    return object_text(members, pretty, 1);
  }

 private:
  /// The dumped text of a member identified by `key` in layout `pretty`, made by `make` the
  /// first time.
  template <typename Make>
  const std::string& cached(const std::string& key, bool pretty, Make make) const {
    auto& cache = m_members[pretty ? 1 : 0];
    auto found = cache.find(key);
    if (found == cache.end()) found = cache.emplace(key, make()).first;
    return found->second;
  }

  const ReportInput& m_in;
  std::unordered_map<std::string, const CardEntry*> m_cards;
  mutable std::unordered_map<std::string, std::string> m_activities[2];  ///< card key -> dumped object [compact, pretty]
  mutable std::unordered_map<std::string, std::string> m_members[2];     ///< actor, verb, context texts [compact, pretty]
};

}  // namespace

std::string xapi_problem_report_statement_id(const std::string& learner, const CardEventEntry& e) {
  return uuid_v5(std::string(kStatementNamespace),
                 "report\n" + core::valid_utf8(learner) + "\n" + core::valid_utf8(e.card_key) + "\n" + std::to_string(e.at));
}

namespace {

Json problem_report_statement(const ReportInput& in, const CardEventEntry& e) {
  const auto found = std::find_if(in.cards.begin(), in.cards.end(), [&](const CardEntry& c) { return c.card_key == e.card_key; });
  const CardEntry* card = found == in.cards.end() ? nullptr : &*found;
  const std::string language = card != nullptr && !card->language.empty() ? card->language : "und";
  Json s;
  s["id"] = xapi_problem_report_statement_id(in.learner, e);
  s["actor"] = actor_of(in.learner);
  s["verb"] = {{"id", std::string(kCommented)}, {"display", {{"en-US", "commented"}}}};
  s["object"] = activity(e.card_key, card, language);
  s["result"] = {{"response", e.note}};
  Json context;
  context["platform"] = "Casebook";
  context["language"] = language;
  const detail::KeyParts key = detail::split_card_key(e.card_key);
  if (!key.bank_id.empty()) {
    context["contextActivities"] = {
        {"parent", Json::array({{{"objectType", "Activity"},
                                 {"id", std::string(kIriBase) + "/banks/" + percent_encode(key.bank_id)}}})}};
  }
  context["extensions"] = {{std::string(kIriBase) + "/extensions/card-event", "report"}};
  s["context"] = std::move(context);
  s["timestamp"] = core::format_iso_utc(e.at);
  return s;
}

}  // namespace

std::string xapi_problem_report_statement(const ReportInput& in, const CardEventEntry& e) {
  return dump(problem_report_statement(in, e), -1);
}

std::string xapi_voiding_statement(const VoidedEntry& v) { return dump(voiding_statement(v), -1); }

void for_each_xapi_statement(const ReportInput& in, const StatementSink& sink) {
  const StatementBuilder builder(in);
  for_each_review(in, [&](const core::ReviewRecord& r) {
    const std::string learner = r.learner.empty() ? in.learner : r.learner;
    sink(r, xapi_statement_id(learner, r.card_key, r.reviewed_at), builder.statement(r, false));
  });
}

void write_xapi(const ReportInput& in, std::ostream& out) {
  // A JSON array laid out as nlohmann's dump(2) would, one statement at a time.
  const StatementBuilder builder(in);
  std::size_t count = 0;
  out << "[";
  const auto write_one = [&](const std::string& nested_text) {
    out << (count++ == 0 ? "\n  " : ",\n  ") << nested_text;
  };
  for_each_review(in, [&](const core::ReviewRecord& r) { write_one(builder.statement(r, true)); });
  // Then a voiding statement for each review taken back (its own statement may have been sent
  // to a store before the undo).
  for (const VoidedEntry& v : in.voided) write_one(nested(dump(voiding_statement(v), 2)));
  // And a "commented" statement for each problem report, for the instructor's class report.
  for (const CardEventEntry& e : in.card_events) {
    if (e.kind == "report") write_one(nested(dump(problem_report_statement(in, e), 2)));
  }
  out << (count == 0 ? "]\n" : "\n]\n");
}

}  // namespace casebook::report
