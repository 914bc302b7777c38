// CSV import of Casebook's own question layout (docs/import.md, "CSV"); the CSV syntax is
// core::read_csv's.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/text.hpp"
#include "interchange/common.hpp"
#include "interchange/interchange.hpp"

namespace casebook::interchange {
namespace {

/// A list cell split at '|' (write \| for a '|' inside an entry), entries trimmed, empties dropped.
std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  std::string cur;
  auto push = [&] {
    std::string t = core::trim_ascii_space(cur);
    if (!t.empty()) out.push_back(std::move(t));
    cur.clear();
  };
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == '|') {
      cur += '|';
      ++i;
    } else if (cell[i] == '|') {
      push();
    } else {
      cur += cell[i];
    }
  }
  push();
  return out;
}

std::optional<double> parse_number(std::string_view s) { return detail::parse_finite(s); }

const std::vector<std::string> kColumns = {"id", "type", "prompt", "choices", "answer", "explanation", "topic", "unit"};

}  // namespace

ImportResult import_csv(std::string_view text, const std::string& path, const ImportOptions& options) {
  detail::BankBuilder out(path, "CSV", options);
  if (!detail::check_text(text, out)) return out.finish();
  // One record at a time (core::for_each_csv_row): the table is never held whole.
  std::map<std::string, std::size_t> column;
  std::size_t header_fields = 0;
  bool seen_header = false;
  bool usable = false;  // the header has the required columns
  const auto read_header = [&](const core::CsvRow& header) {
    header_fields = header.fields.size();
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      std::string name = core::trim_ascii_space(header.fields[i]);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end()) {
        out.warning(1, "csv-unknown-column", "column `" + name + "` is not part of the layout; ignored",
                    "columns: id, type, prompt, choices, answer, explanation, topic, unit");
        continue;
      }
      column[name] = i;
    }
    for (const char* required : {"type", "prompt", "answer"}) {
      if (column.count(required) == 0) {
        out.error(1, "csv-missing-column", std::string("the header has no `") + required + "` column");
        return;
      }
    }
    usable = true;
  };
  const auto import_row = [&](const core::CsvRow& rec) {
    auto cell = [&](const char* name) -> std::string {
      const auto it = column.find(name);
      if (it == column.end() || it->second >= rec.fields.size()) return {};
      return core::trim_ascii_space(rec.fields[it->second]);
    };
    const int ln = static_cast<int>(rec.line);
    // More fields than the header: an unquoted comma shifted the cells (fewer: empty cells).
    if (const auto problem = core::csv_field_count_problem(rec, 0, header_fields)) {
      out.error(ln, "csv-bad-question", "this row: " + *problem + " (as many as the header has)",
                "put a field that contains a comma in double quotes");
      return;
    }
    core::Question q;
    q.pos.line = ln;
    q.pos.column = 1;
    q.prompt = cell("prompt");
    q.explanation = cell("explanation");
    q.unit = cell("unit");
    const std::string type_name = cell("type");
    const auto type = core::question_type_from_string(type_name);
    if (!type || *type == core::QuestionType::Dilemma) {
      out.error(ln, "csv-bad-type", "type `" + type_name + "` cannot be imported from CSV",
                "use single_choice, multiple_response, true_false, short_answer, numeric, ordering or matching");
      return;
    }
    q.type = *type;
    if (core::is_blank(q.prompt)) {
      out.error(ln, "empty-value", "the prompt is empty");
      return;
    }
    const auto choices = split_list(cell("choices"));
    const std::string answer = cell("answer");
    std::string problem;
    switch (q.type) {
      case core::QuestionType::SingleChoice:
      case core::QuestionType::MultipleResponse: {
        const auto answers = q.type == core::QuestionType::SingleChoice ? std::vector<std::string>{answer}
                                                                         : split_list(answer);
        for (const auto& c : choices) {
          q.choices.push_back(core::Choice{c, std::find(answers.begin(), answers.end(), c) != answers.end()});
        }
        for (const auto& a : answers) {
          if (std::find(choices.begin(), choices.end(), a) == choices.end()) problem = "answer `" + a + "` is not one of the choices";
        }
        if (choices.size() < 2) problem = "fewer than 2 choices";
        if (answers.empty() || answer.empty()) problem = "no answer";
        break;
      }
      case core::QuestionType::TrueFalse: {
        std::string a = answer;
        std::transform(a.begin(), a.end(), a.begin(), [](unsigned char c) { return std::tolower(c); });
        if (a == "true" || a == "t") q.truth = true;
        else if (a == "false" || a == "f") q.truth = false;
        else problem = "a true/false answer must be `true` or `false`";
        break;
      }
      case core::QuestionType::ShortAnswer:
        q.accepted = split_list(answer);
        if (q.accepted.empty()) problem = "no accepted answer";
        break;
      case core::QuestionType::Numeric: {
        const std::size_t dots = answer.find("..");
        const std::size_t colon = answer.find(':');
        if (dots != std::string::npos) {
          q.min = parse_number(answer.substr(0, dots));
          q.max = parse_number(answer.substr(dots + 2));
          if (!q.min || !q.max) problem = "`" + answer + "` is not a range min..max of finite numbers";
          else if (*q.min > *q.max) problem = "the range `" + answer + "` ends below its start";
        } else {
          const auto v = parse_number(answer.substr(0, colon));
          const auto t = colon == std::string::npos ? std::optional<double>(0.0) : parse_number(answer.substr(colon + 1));
          if (!v || !t || *t < 0) problem = "`" + answer + "` is not a number or value:tolerance";
          else {
            q.value = *v;
            q.tolerance = *t;
          }
        }
        break;
      }
      case core::QuestionType::Ordering:
        q.items = choices;
        if (q.items.size() < 3) problem = "fewer than 3 items";
        break;
      case core::QuestionType::Matching:
        for (const auto& c : choices) {
          const std::size_t arrow = c.find("->");
          if (arrow == std::string::npos) {
            problem = "pair `" + c + "` has no `->`";
            break;
          }
          q.pairs.push_back(core::MatchPair{core::trim_ascii_space(c.substr(0, arrow)),
                                            core::trim_ascii_space(c.substr(arrow + 2))});
          if (q.pairs.back().left.empty() || q.pairs.back().right.empty()) problem = "pair `" + c + "` has an empty side";
        }
        if (problem.empty() && q.pairs.size() < 2) problem = "fewer than 2 pairs";
        break;
      case core::QuestionType::Dilemma:
        break;
    }
    if (!problem.empty()) {
      out.error(ln, "csv-bad-question", "question on this row: " + problem);
      return;
    }
    if (q.type != core::QuestionType::Numeric && !q.unit.empty()) {
      out.warning(ln, "csv-unit-ignored", "`unit` applies to numeric questions only; ignored");
      q.unit.clear();
    }
    out.add(std::move(q), cell("id"), cell("topic"));
  };
  const auto error = core::for_each_csv_row(text, [&](core::CsvRow& rec) {
    if (!seen_header) {
      seen_header = true;
      read_header(rec);
    } else if (usable) {
      import_row(rec);
    }
  });
  if (error) {
    // The broken record is reported, not read: its fields ran on to the end of the file.
    out.error(static_cast<int>(error->line), "csv-syntax", error->message,
              "close the field with `\"`; write a quote inside it as `\"\"`");
  }
  return out.finish();
}

}  // namespace casebook::interchange
