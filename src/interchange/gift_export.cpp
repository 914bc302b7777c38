// GIFT writer: a bank as a Moodle GIFT file (docs/import.md, "Export to GIFT").
#include <algorithm>
#include <string>
#include <vector>

#include "core/citation.hpp"
#include "core/number.hpp"
#include "interchange/interchange.hpp"

namespace casebook::interchange {
namespace {

/// Text with GIFT's special characters escaped and line breaks as \n, so it stays on a line.
std::string escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '~' || c == '=' || c == '#' || c == '{' || c == '}' || c == ':' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

std::string number(double v) { return core::format_shortest(v); }

/// Moodle accepts a multiple-answer weight from its fixed list; 100/k rounded to 5 decimals is
/// what it writes itself for k right answers.
std::string weight(int k) { return core::format_trimmed(100.0 / k, 5); }

}  // namespace

std::string export_gift(const core::Bank& bank, std::vector<core::Diagnostic>& lossy) {
  auto warn = [&](const core::Question& q, const std::string& code, const std::string& message) {
    core::Diagnostic d;
    d.file = bank.path;
    d.line = q.pos.line;
    d.column = q.pos.column;
    d.severity = core::Severity::Warning;
    d.code = code;
    d.message = "question `" + q.id + "`: " + message;
    lossy.push_back(std::move(d));
  };
  std::string out = "// " + bank.info.title + " (bank " + bank.info.id + ", version " + bank.info.version +
                    "), exported by casebook export\n";
  std::string category = "\x01";  // no category written yet
  for (const auto& original : bank.questions) {
    // Moodle shows text as written: inline citations [@id] become their short forms.
    core::Question q = original;
    for (std::string* t : {&q.prompt, &q.explanation}) *t = core::render_citations(*t, bank.sources);
    for (auto& c : q.choices) c.text = core::render_citations(c.text, bank.sources);
    for (auto& p : q.pairs) {
      p.left = core::render_citations(p.left, bank.sources);
      p.right = core::render_citations(p.right, bank.sources);
    }
    if (q.type == core::QuestionType::Ordering || q.type == core::QuestionType::Dilemma) {
      warn(q, "gift-unsupported-type", "GIFT has no " + core::to_string(q.type) + " question; left out");
      continue;
    }
    if (q.type == core::QuestionType::ShortAnswer) {
      // GIFT has no escape for "->", and a short answer block with one is read as matching.
      const auto arrow = [](const std::string& a) { return a.find("->") != std::string::npos; };
      if (std::any_of(q.accepted.begin(), q.accepted.end(), arrow)) {
        q.accepted.erase(std::remove_if(q.accepted.begin(), q.accepted.end(), arrow), q.accepted.end());
        if (q.accepted.empty()) {
          warn(q, "gift-arrow-in-answer", "every accepted answer has `->`, which GIFT reads as matching; left out");
          continue;
        }
        warn(q, "gift-arrow-in-answer", "accepted answers with `->` (GIFT reads them as matching) left out");
      }
    }
    std::string topic_title;
    if (!q.topics.empty()) {
      topic_title = q.topics.front();
      for (const auto& t : bank.topics) {
        if (t.id == q.topics.front()) topic_title = t.title;
      }
      if (q.topics.size() > 1) warn(q, "gift-one-category", "GIFT has one category per question; kept the first topic");
    }
    if (topic_title != category) {
      // A category name is a path: a '/' inside a name is written "//".
      std::string path;
      for (const char c : topic_title) path += (c == '/') ? std::string("//") : std::string(1, c);
      out += "\n$CATEGORY: $course$/top" + (path.empty() ? std::string() : "/" + path) + "\n";
      category = topic_title;
    }
    out += "\n::" + escape(q.id) + "::" + escape(q.prompt) + " {";
    switch (q.type) {
      case core::QuestionType::SingleChoice:
        for (const auto& c : q.choices) {
          // "~%50% off" would read as a weight: an explicit %0% keeps the text (after `=`,
          // Moodle reads no weight).
          const bool percent = !c.correct && !c.text.empty() && c.text.front() == '%';
          out += std::string("\n\t") + (c.correct ? "=" : percent ? "~%0%" : "~") + escape(c.text);
        }
        break;
      case core::QuestionType::MultipleResponse: {
        int right = 0;
        for (const auto& c : q.choices) right += c.correct ? 1 : 0;
        for (const auto& c : q.choices) {
          out += "\n\t~%" + (c.correct ? weight(right) : std::string("-100")) + "%" + escape(c.text);
        }
        break;
      }
      case core::QuestionType::TrueFalse:
        out += q.truth ? "T" : "F";
        break;
      case core::QuestionType::ShortAnswer:
        for (const auto& a : q.accepted) {
          // An accepted answer starting with '%' gets an explicit %100% so it is not read as a weight.
          out += "\n\t=" + std::string(!a.empty() && a.front() == '%' ? "%100%" : "") + escape(a);
        }
        break;
      case core::QuestionType::Numeric:
        out += "#";
        out += (q.min && q.max) ? number(*q.min) + ".." + number(*q.max)
                                : number(q.value) + ":" + number(q.tolerance);
        if (!q.unit.empty()) warn(q, "gift-unit-dropped", "GIFT numbers have no unit; `" + q.unit + "` left out");
        break;
      case core::QuestionType::Matching:
        for (const auto& p : q.pairs) out += "\n\t=" + escape(p.left) + " -> " + escape(p.right);
        break;
      case core::QuestionType::Ordering:
      case core::QuestionType::Dilemma:
        break;
    }
    if (!q.explanation.empty()) out += "\n\t####" + escape(q.explanation);
    out += (q.type == core::QuestionType::TrueFalse || q.type == core::QuestionType::Numeric) &&
                   q.explanation.empty()
               ? "}\n"
               : "\n}\n";
  }
  return out;
}

}  // namespace casebook::interchange
