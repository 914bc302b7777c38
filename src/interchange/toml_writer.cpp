// Writes a core::Bank as a format-1 TOML bank (docs/bank-format.md).
#include <cstdio>
#include <string>
#include <vector>

#include "core/number.hpp"
#include "interchange/interchange.hpp"

namespace casebook::interchange {
namespace {

/// A TOML basic string: quotes, backslashes and control characters escaped.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string number(double v) { return core::format_shortest(v); }

std::string string_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quoted(items[i]);
  return out + "]";
}

void key(std::string& out, const char* name, const std::string& value) {
  out += std::string(name) + " = " + value + "\n";
}

}  // namespace

std::string write_bank_header_toml(const core::Bank& bank) {
  std::string out;
  const auto& info = bank.info;
  out += "[bank]\n";
  key(out, "id", quoted(info.id));
  key(out, "title", quoted(info.title));
  key(out, "version", quoted(info.version));
  key(out, "format", std::to_string(info.format));
  key(out, "language", quoted(info.language));
  if (!info.authors.empty()) key(out, "authors", string_list(info.authors));
  if (!info.licence.empty()) key(out, "licence", quoted(info.licence));
  if (!info.description.empty()) key(out, "description", quoted(info.description));
  for (const auto& s : bank.sources) {
    out += "\n[[source]]\n";
    key(out, "id", quoted(s.id));
    key(out, "citation", quoted(s.citation));
    if (!s.url.empty()) key(out, "url", quoted(s.url));
    if (!s.short_form.empty()) key(out, "short", quoted(s.short_form));
  }
  for (const auto& t : bank.topics) {
    out += "\n[[topic]]\n";
    key(out, "id", quoted(t.id));
    key(out, "title", quoted(t.title));
  }
  return out;
}

void append_question_toml(std::string& out, const core::Question& q, int format) {
  out += "\n[[question]]\n";
  key(out, "id", quoted(q.id));
  key(out, "type", quoted(core::to_string(q.type)));
  if (!q.topics.empty()) key(out, "topics", string_list(q.topics));
  key(out, "prompt", quoted(q.prompt));
  std::vector<std::string> correct;
  std::vector<std::string> choices;
  for (const auto& c : q.choices) {
    choices.push_back(c.text);
    if (c.correct) correct.push_back(c.text);
  }
  switch (q.type) {
    case core::QuestionType::SingleChoice:
      key(out, "choices", string_list(choices));
      key(out, "answer", quoted(correct.empty() ? std::string() : correct.front()));
      break;
    case core::QuestionType::MultipleResponse:
      key(out, "choices", string_list(choices));
      key(out, "answers", string_list(correct));
      break;
    case core::QuestionType::TrueFalse:
      key(out, "answer", q.truth ? "true" : "false");
      break;
    case core::QuestionType::ShortAnswer:
      key(out, "answers", string_list(q.accepted));
      break;
    case core::QuestionType::Numeric:
      if (q.min && q.max) {
        key(out, "range", "[" + number(*q.min) + ", " + number(*q.max) + "]");
      } else {
        key(out, "answer", number(q.value));
        if (q.tolerance != 0.0) key(out, "tolerance", number(q.tolerance));
      }
      if (!q.unit.empty()) key(out, "unit", quoted(q.unit));
      break;
    case core::QuestionType::Ordering:
      key(out, "items", string_list(q.items));
      break;
    case core::QuestionType::Matching: {
      out += "pairs = [\n";
      for (const auto& p : q.pairs) out += "  [" + quoted(p.left) + ", " + quoted(p.right) + "],\n";
      out += "]\n";
      break;
    }
    case core::QuestionType::Dilemma:
      key(out, "scenario", quoted(q.scenario));
      key(out, "rubric", string_list(q.rubric));
      key(out, "model_answer", quoted(q.model_answer));
      break;
  }
  key(out, "explanation", quoted(q.explanation));
  key(out, "source", quoted(q.source.source_id));
  if (q.source.paragraphs.size() == 1) {
    key(out, "paragraph", std::to_string(q.source.paragraphs.front()));
  } else {
    std::string list = "[";
    for (std::size_t i = 0; i < q.source.paragraphs.size(); ++i) {
      list += (i ? ", " : "") + std::to_string(q.source.paragraphs[i]);
    }
    key(out, "paragraph", list + "]");
  }
  if (!q.fact_ids.empty() && format >= 2) key(out, "facts", string_list(q.fact_ids));
  for (const auto& p : q.positions) {
    out += "\n  [[question.position]]\n";
    out += "  id = " + quoted(p.id) + "\n";
    out += "  title = " + quoted(p.title) + "\n";
    out += "  arguments = " + string_list(p.arguments) + "\n";
  }
}

std::string write_bank_toml(const core::Bank& bank) {
  std::string out = write_bank_header_toml(bank);
  for (const auto& q : bank.questions) append_question_toml(out, q, bank.info.format);
  return out;
}

}  // namespace casebook::interchange
