// The class report's input from a learning record store: Casebook's "answered" statements
// turned back into the learners' reviews, and its "commented" statements into their problem
// reports (the fields a JSON report would have given).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/time.hpp"
#include "report/class_report.hpp"

namespace casebook::report {
namespace {

using nlohmann::json;

constexpr std::string_view kAnswered = "http://adlnet.gov/expapi/verbs/answered";
constexpr std::string_view kCommented = "http://adlnet.gov/expapi/verbs/commented";
constexpr std::string_view kExtensions = "https://casebook.invalid/xapi/extensions/";

/// `text` with %XX sequences decoded (the inverse of the writer's percent-encoding).
std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) != 0 &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2])) != 0) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

/// The string at `pointer` in `j`, or "" when it is absent or not a string.
std::string text_at(const json& j, const json::json_pointer& pointer) {
  if (!j.contains(pointer)) return {};
  const json& v = j.at(pointer);
  return v.is_string() ? v.get<std::string>() : std::string();
}

/// The string `extensions[<kExtensions><name>]` of the object `j` ("" when absent).
std::string extension(const json& j, const std::string& name) {
  const auto ext = j.find("extensions");
  if (ext == j.end() || !ext->is_object()) return {};
  const auto v = ext->find(std::string(kExtensions) + name);
  return v != ext->end() && v->is_string() ? v->get<std::string>() : std::string();
}

/// The first value of a language map (an activity name), "" when none.
std::string first_name(const json& definition) {
  const auto name = definition.find("name");
  if (name == definition.end() || !name->is_object() || name->empty()) return {};
  return name->begin()->is_string() ? name->begin()->get<std::string>() : std::string();
}

}  // namespace

std::string add_xapi_statements(std::string_view page, const std::string& activity_prefix, const std::string& source,
                                std::vector<LearnerExport>& learners) {
  json doc;
  try {
    doc = json::parse(page);
  } catch (const json::exception& e) {
    throw std::runtime_error(source + ": not JSON (" + e.what() + ")");
  }
  const json* list = &doc;
  if (doc.is_object()) {
    const auto it = doc.find("statements");
    if (it == doc.end() || !it->is_array()) throw std::runtime_error(source + ": no `statements` list");
    list = &*it;
  } else if (!doc.is_array()) {
    throw std::runtime_error(source + ": neither a statement result nor a list of statements");
  }
  const std::string prefix = activity_prefix.empty() ? std::string(kXapiCardPrefix) : activity_prefix;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& s = (*list)[i];
    const std::string where = source + ": statement " + text_at(s, "/id"_json_pointer);
    const std::string verb = s.is_object() ? text_at(s, "/verb/id"_json_pointer) : std::string();
    if (verb != kAnswered && verb != kCommented) continue;
    const std::string object_id = text_at(s, "/object/id"_json_pointer);
    if (object_id.rfind(prefix, 0) != 0 || object_id.rfind(kXapiCardPrefix, 0) != 0) continue;
    const std::string learner = text_at(s, "/actor/account/name"_json_pointer);
    if (learner.empty()) throw std::runtime_error(where + ": no actor account name");
    const std::string card_key = percent_decode(std::string_view(object_id).substr(kXapiCardPrefix.size()));
    core::TimestampMs at = 0;
    try {
      at = core::parse_iso(text_at(s, "/timestamp"_json_pointer));
    } catch (const std::invalid_argument&) {
      throw std::runtime_error(where + ": no ISO 8601 timestamp");
    }
    auto it = std::find_if(learners.begin(), learners.end(), [&](const LearnerExport& l) { return l.learner == learner; });
    if (it == learners.end()) {
      learners.push_back(LearnerExport{learner, source, {}, {}, {}});
      it = learners.end() - 1;
    }
    if (std::none_of(it->cards.begin(), it->cards.end(), [&](const LearnerExport::Card& c) { return c.card_key == card_key; })) {
      const json definition = s.contains("/object/definition"_json_pointer) ? s.at("/object/definition"_json_pointer) : json::object();
      std::string prompt = first_name(definition);
      if (prompt == card_key) prompt.clear();  // a retired card is named by its key
      it->cards.push_back({card_key, extension(definition, "question-type"), prompt});
    }
    if (verb == kCommented) {  // a problem report: the comment is the response
      it->problem_reports.push_back({card_key, at, text_at(s, "/result/response"_json_pointer)});
      continue;
    }
    ExportedReview r;
    r.card_key = card_key;
    r.reviewed_at_ms = at;
    const json::json_pointer success("/result/success");
    if (!s.contains(success) || !s.at(success).is_boolean()) throw std::runtime_error(where + ": no result.success");
    r.correct = s.at(success).get<bool>();
    const json& result = s.at("result");
    const std::string answer = extension(result, "answer");
    r.answer = !answer.empty() || result.contains("extensions") ? answer : text_at(s, "/result/response"_json_pointer);
    it->reviews.push_back(std::move(r));
  }
  return doc.is_object() ? text_at(doc, "/more"_json_pointer) : std::string();
}

}  // namespace casebook::report
