// Aiken reader (docs/import.md, "Aiken"): question text, options "A) " / "A. ", "ANSWER: X".
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "interchange/common.hpp"
#include "interchange/interchange.hpp"

namespace casebook::interchange {
namespace {

struct OptionLine {
  char letter = 0;
  std::string text;
  bool spaced = true;  ///< a space or tab followed the label, as Aiken requires
};

/// "A) text", "A. text" (and, leniently, "A)text"); nullopt for any other line.
std::optional<OptionLine> option_line(const std::string& line) {
  if (line.size() < 2 || line[0] < 'A' || line[0] > 'Z' || (line[1] != ')' && line[1] != '.')) return std::nullopt;
  OptionLine o;
  o.letter = line[0];
  o.spaced = line.size() > 2 && (line[2] == ' ' || line[2] == '\t');
  o.text = core::trim_ascii_space(std::string_view(line).substr(2));
  if (o.text.empty()) return std::nullopt;
  return o;
}

}  // namespace

ImportResult import_aiken(std::string_view text, const std::string& path, const ImportOptions& options) {
  detail::BankBuilder out(path, "Aiken", options);
  if (!detail::check_text(text, out)) return out.finish();
  detail::LineReader lines(text);
  enum class State { Idle, Question, Recovering } state = State::Idle;
  int q_line = 0;
  std::string prompt;
  std::vector<OptionLine> opts;
  std::vector<int> unspaced_lines;
  auto reset = [&] {
    prompt.clear();
    opts.clear();
    unspaced_lines.clear();
  };
  for (std::string_view raw; lines.next(raw);) {
    const int ln = lines.line();
    const std::string line = core::trim_ascii_space(raw);
    const auto option = option_line(line);
    const bool is_answer = line.rfind("ANSWER:", 0) == 0;
    if (state == State::Recovering) {
      // Skip the rest of a broken question: its blank lines, options and ANSWER line.
      if (line.empty() || option) continue;
      if (is_answer) {
        state = State::Idle;
        continue;
      }
      state = State::Idle;
    }
    if (line.empty()) continue;
    if (state == State::Idle) {
      if (option || is_answer) {
        out.error(ln, "aiken-no-question", std::string(option ? "an option" : "an ANSWER line") +
                  " comes before any question text", "write the question on the line above its options");
        state = State::Recovering;
        continue;
      }
      reset();
      prompt = line;
      q_line = ln;
      state = State::Question;
      continue;
    }
    // state == Question
    if (option) {
      opts.push_back(*option);
      if (!option->spaced) unspaced_lines.push_back(ln);
      continue;
    }
    if (!is_answer) {
      if (opts.empty()) {  // the question text goes on over several lines
        prompt += "\n" + line;
        continue;
      }
      out.error(q_line, "aiken-unfinished", "the question has options but no `ANSWER:` line",
                "end each question with a line such as `ANSWER: B`");
      reset();
      prompt = line;
      q_line = ln;
      continue;
    }
    // The ANSWER line ends the question.
    state = State::Idle;
    std::string letter = core::trim_ascii_space(std::string_view(line).substr(7));
    const bool lower = letter.size() == 1 && letter[0] >= 'a' && letter[0] <= 'z';
    if (lower) letter[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(letter[0])));
    if (opts.size() < 2) {
      out.error(q_line, "too-few-choices", "the question has fewer than 2 options");
      continue;
    }
    int correct = -1;
    int repeats = 0;  // an answer letter given to two options names neither for sure
    for (std::size_t k = 0; k < opts.size(); ++k) {
      if (letter.size() == 1 && opts[k].letter == letter[0]) {
        correct = static_cast<int>(k);
        ++repeats;
      }
    }
    if (repeats > 1) {
      out.error(q_line, "aiken-bad-answer", "`" + line + "` names " + std::to_string(repeats) + " options labelled " + letter,
                "give each option its own letter");
      continue;
    }
    if (correct < 0) {
      out.error(q_line, "aiken-bad-answer", "`" + line + "` names no option of the question",
                "give the letter of one of its options");
      continue;
    }
    if (lower) out.warning(ln, "aiken-lowercase-answer", "the answer letter is lower case; read as `" + letter + "`");
    for (const int u : unspaced_lines) {
      out.warning(u, "aiken-no-space", "no space after the option label; read as an option anyway");
    }
    core::Question q;
    q.type = core::QuestionType::SingleChoice;
    q.prompt = prompt;
    q.pos.line = q_line;
    q.pos.column = 1;
    for (std::size_t k = 0; k < opts.size(); ++k) {
      q.choices.push_back(core::Choice{opts[k].text, static_cast<int>(k) == correct});
    }
    out.add(std::move(q), {}, {});
  }
  if (state == State::Question) {
    out.error(q_line, "aiken-unfinished",
              "the question has no `ANSWER:` line", "end each question with a line such as `ANSWER: B`");
  }
  return out.finish();
}

}  // namespace casebook::interchange
