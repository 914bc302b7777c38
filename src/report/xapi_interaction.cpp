// The xAPI interaction of a Casebook question (xAPI 1.0.3, Data section 2.4.4.1.1, Interaction
// Activities): its component lists, correct response pattern, and the response of a review
// in the interaction's own format.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/number.hpp"
#include "core/utf8.hpp"
#include "report/xapi_parts.hpp"

namespace casebook::report::detail {
namespace {

using Json = nlohmann::ordered_json;

/// The interaction component list of `texts` with ids "<prefix>-<index>".
Json components(const std::vector<std::string>& texts, const std::string& prefix, const std::string& language) {
  Json list = Json::array();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    list.push_back(Json{{"id", prefix + "-" + std::to_string(i)}, {"description", Json{{language, texts[i]}}}});
  }
  return list;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? sep : "") + parts[i];
  return out;
}

std::vector<std::string> split(const std::string& text, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(sep, start);
    out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + sep.size();
  }
}

/// Bank text as core::describe_answer prints it in the review log: control characters (C0,
/// DEL, C1) and the line and paragraph separators become spaces.
std::string one_line(const std::string& text) {
  std::u32string cps = core::decode_utf8(text, core::InvalidUtf8::Replace);
  for (char32_t& cp : cps) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) cp = ' ';
  }
  return core::encode_utf8(cps);
}

/// The index of `text` in `texts` (as core::describe_answer prints them), -1 when absent.
int index_of(const std::vector<std::string>& texts, const std::string& text) {
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (one_line(texts[i]) == text) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> choice_texts(const core::Question& q) {
  std::vector<std::string> out;
  for (const auto& c : q.choices) out.push_back(c.text);
  return out;
}

/// Ids "<prefix>-<i>" of the stored answer's parts (split at `sep`), or nullopt when a part
/// names nothing of `texts`.
std::optional<std::vector<std::string>> ids_of(const std::string& answer, const std::string& sep,
                                               const std::vector<std::string>& texts, const std::string& prefix) {
  std::vector<std::string> ids;
  for (const std::string& part : split(answer, sep)) {
    const int i = index_of(texts, part);
    if (i < 0) return std::nullopt;
    ids.push_back(prefix + "-" + std::to_string(i));
  }
  return ids;
}

}  // namespace

void add_interaction(const core::Question& q, const std::string& language, Json& definition) {
  switch (q.type) {
    case core::QuestionType::SingleChoice:
    case core::QuestionType::MultipleResponse: {
      definition["choices"] = components(choice_texts(q), "choice", language);
      std::vector<std::string> right;
      for (std::size_t i = 0; i < q.choices.size(); ++i) {
        if (q.choices[i].correct) right.push_back("choice-" + std::to_string(i));
      }
      definition["correctResponsesPattern"] = Json::array({join(right, "[,]")});
      break;
    }
    case core::QuestionType::TrueFalse:
      definition["correctResponsesPattern"] = Json::array({q.truth ? "true" : "false"});
      break;
    case core::QuestionType::ShortAnswer: {
      Json patterns = Json::array();  // each accepted answer is one correct response
      for (const std::string& a : q.accepted) patterns.push_back("{case_matters=false}" + a);
      definition["correctResponsesPattern"] = std::move(patterns);
      break;
    }
    case core::QuestionType::Numeric: {
      const double lo = q.min && q.max ? *q.min : q.value - q.tolerance;
      const double hi = q.min && q.max ? *q.max : q.value + q.tolerance;
      definition["correctResponsesPattern"] =
          Json::array({lo == hi ? core::format_shortest(lo) : core::format_shortest(lo) + "[:]" + core::format_shortest(hi)});
      break;
    }
    case core::QuestionType::Ordering: {
      // xAPI lists a sequencing interaction's items under "choices" ("steps" belong to
      // performance interactions); the pattern is the ids in the right order.
      definition["choices"] = components(q.items, "step", language);
      std::vector<std::string> order;
      for (std::size_t i = 0; i < q.items.size(); ++i) order.push_back("step-" + std::to_string(i));
      definition["correctResponsesPattern"] = Json::array({join(order, "[,]")});
      break;
    }
    case core::QuestionType::Matching: {
      std::vector<std::string> left, right, pairs;
      for (std::size_t i = 0; i < q.pairs.size(); ++i) {
        left.push_back(q.pairs[i].left);
        right.push_back(q.pairs[i].right);
        pairs.push_back("source-" + std::to_string(i) + "[.]target-" + std::to_string(i));
      }
      definition["source"] = components(left, "source", language);
      definition["target"] = components(right, "target", language);
      definition["correctResponsesPattern"] = Json::array({join(pairs, "[,]")});
      break;
    }
    case core::QuestionType::Dilemma: {
      // No single right answer, and a long-fill-in interaction takes no component list: the
      // positions and the rubric travel as definition extensions (docs/report-formats.md).
      Json positions = Json::array();
      for (const auto& p : q.positions) positions.push_back(Json{{"id", p.id}, {"title", p.title}});
      definition["extensions"][std::string(kXapiIriBase) + "/extensions/positions"] = std::move(positions);
      definition["extensions"][std::string(kXapiIriBase) + "/extensions/rubric"] = q.rubric;
      break;
    }
  }
}

std::string interaction_response(const core::Question& q, const std::string& answer) {
  if (answer.empty() || answer == "(no answer)") return "";
  switch (q.type) {
    case core::QuestionType::SingleChoice:
    case core::QuestionType::MultipleResponse: {
      // The stored text joins the picked choices with "; " (core::describe_answer).
      std::vector<std::string> texts = choice_texts(q);
      if (const int whole = index_of(texts, answer); whole >= 0) return "choice-" + std::to_string(whole);
      if (const auto ids = ids_of(answer, "; ", texts, "choice")) return join(*ids, "[,]");
      return answer;
    }
    case core::QuestionType::Ordering:
      if (const auto ids = ids_of(answer, " \u2192 ", q.items, "step")) return join(*ids, "[,]");
      return answer;
    case core::QuestionType::Matching: {
      std::vector<std::string> left, right, pairs;
      for (const auto& p : q.pairs) {
        left.push_back(p.left);
        right.push_back(p.right);
      }
      for (const std::string& pair : split(answer, "; ")) {
        const std::vector<std::string> sides = split(pair, " \u2192 ");
        const int l = sides.size() == 2 ? index_of(left, sides[0]) : -1;
        const int r = sides.size() == 2 ? index_of(right, sides[1]) : -1;
        if (l < 0) return answer;
        if (r >= 0) pairs.push_back("source-" + std::to_string(l) + "[.]target-" + std::to_string(r));
      }
      return join(pairs, "[,]");
    }
    default:
      return answer;  // true-false ("true"/"false"), fill-in, numeric, long-fill-in: the text itself
  }
}

}  // namespace casebook::report::detail
