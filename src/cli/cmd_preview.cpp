// `casebook preview`: every card of a bank in plain text or Markdown, for proof-reading.
#include "cli/cmd_preview.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "app/card_view.hpp"
#include "app/study_text.hpp"
#include "bank/loader.hpp"
#include "core/citation.hpp"
#include "core/diagnostic.hpp"
#include "core/grading.hpp"
#include "core/number.hpp"
#include "term/render.hpp"

namespace casebook::cli {

namespace {

/// The right answer of `q` in one line (or several for ordering, matching and dilemmas).
std::vector<std::string> answer_lines(const core::Question& q) {
  using core::QuestionType;
  std::vector<std::string> out;
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
      for (const auto& c : q.choices) {
        if (c.correct) out.push_back(c.text);
      }
      break;
    case QuestionType::TrueFalse: out.push_back(q.truth ? "true" : "false"); break;
    case QuestionType::ShortAnswer:
      for (const auto& a : q.accepted) out.push_back(a);
      break;
    case QuestionType::Numeric:
      // As the feedback writes it: numbers as the question does ("1,700,000,000"), the unit.
      out.push_back(core::grade(q, core::Answer{}).expected);
      break;
    case QuestionType::Ordering:
      for (std::size_t i = 0; i < q.items.size(); ++i) out.push_back(std::to_string(i + 1) + ". " + q.items[i]);
      break;
    case QuestionType::Matching:
      for (const auto& p : q.pairs) out.push_back(p.left + " → " + p.right);
      break;
    case QuestionType::Dilemma:
      // No right position: the model answer (a case has its model answers in its debrief).
      if (!q.model_answer.empty()) out.push_back("model answer: " + q.model_answer);
      break;
  }
  return out;
}

/// What a dilemma shows besides its prompt, as the study screen does: the case brief (a
/// case), the positions with their arguments and the rubric (`before`, read with the
/// question); the case's model answers, criteria levels, epilogue and debrief (`after`).
struct DilemmaText {
  std::string before, after;
};

DilemmaText dilemma_text(const core::Bank& bank, const core::Question& q, const std::string& key) {
  DilemmaText out;
  if (q.type != core::QuestionType::Dilemma) return out;
  const app::CardView card = app::make_card_view(bank, q, key, {});
  out.before = term::render_case_brief(card.case_view);
  for (const auto& p : q.positions) {
    out.before += "Position " + p.id + ": " + p.title + "\n";
    for (const auto& arg : p.arguments) out.before += "  - " + arg + "\n";
  }
  if (!card.rubric.empty()) out.before += "Rubric:\n";
  for (const auto& r : card.rubric) out.before += "  - " + r + "\n";
  out.after = term::render_case_debrief(card.case_view);
  return out;
}

/// `text`'s lines each after `indent` and before `end` (a preview's card body: "  " before
/// each line in text, "  " after each in Markdown, a hard line break); "" stays "".
std::string each_line(const std::string& text, const std::string& indent, const std::string& end = "") {
  std::string out;
  std::size_t from = 0;
  while (from < text.size()) {
    const std::size_t stop = std::min(text.find('\n', from), text.size());
    const std::string line = text.substr(from, stop - from);
    out += line.empty() ? "\n" : indent + line + end + "\n";
    from = stop + 1;
  }
  return out;
}

/// The card's source with its paragraphs, as the study screen shows it (app/controller.cpp).
std::string citation_of(const core::Bank& bank, const core::Question& q) { return core::card_citation(bank, q); }

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i == 0 ? "" : sep) + v[i];
  return out;
}

}  // namespace

namespace {

void write_preview_unescaped(const core::Bank& bank, const std::string& format, std::ostream& out) {
  if (format != "text" && format != "markdown") {
    throw std::invalid_argument("unknown preview format '" + format + "' (text or markdown)");
  }
  const bool md = format == "markdown";
  std::size_t generated = 0;
  for (const auto& q : bank.questions) generated += q.generator.empty() ? 0 : 1;
  if (md) {
    out << "# " << bank.info.title << "\n\n`" << bank.info.id << "` version " << bank.info.version << ", format "
        << bank.info.format << ": " << bank.questions.size() << " cards (" << generated << " generated)\n";
  } else {
    out << bank.info.title << " (" << bank.info.id << " " << bank.info.version << ", format " << bank.info.format
        << "): " << bank.questions.size() << " cards, " << generated << " generated\n";
  }
  // Texts as the app shows them: `[@id]` markers rendered against the bank's sources.
  const auto shown = [&bank](const std::string& text) { return core::render_citations(text, bank.sources); };
  for (const auto& q : bank.questions) {
    std::vector<std::string> answers = answer_lines(q);
    for (auto& a : answers) a = shown(a);
    const std::string key = core::card_key(bank, q);
    const std::string origin = q.generator.empty() ? "hand-written" : "generated by " + q.generator;
    const std::string facts = q.fact_ids.empty() ? "" : "; facts: " + joined(q.fact_ids, ", ");
    const std::string where = q.pos.line > 0 ? "line " + std::to_string(q.pos.line) : "";
    DilemmaText dilemma = dilemma_text(bank, q, key);
    dilemma.before = shown(dilemma.before);  // the arguments' `[@id]` markers (a case's are rendered)
    dilemma.after = shown(dilemma.after);
    if (md) {
      out << "\n## `" << key << "`\n\n"
          << "*" << core::to_string(q.type) << ", " << origin << facts << (where.empty() ? "" : ", " + where)
          << "*\n\n"
          << shown(q.prompt) << "\n";
      if (!q.scenario.empty()) out << "\n" << shown(q.scenario) << "\n";
      if (!dilemma.before.empty()) out << "\n" << each_line(dilemma.before, "", "  ");
      if (!q.choices.empty()) {
        out << "\n";
        for (const auto& c : q.choices) out << "- [" << (c.correct ? "x" : " ") << "] " << shown(c.text) << "\n";
      }
      out << "\n**Answer:**";
      if (answers.empty()) {
        out << " (none: every position can be argued)\n";
      } else if (answers.size() == 1) {
        out << " " << answers.front() << "\n";
      } else {
        out << "\n\n";
        for (const auto& l : answers) out << "- " << l << "\n";
      }
      if (!dilemma.after.empty()) out << "\n" << each_line(dilemma.after, "", "  ");
      out << "\n**Explanation:** " << shown(q.explanation) << "\n\n**Source:** " << citation_of(bank, q) << "\n";
    } else {
      out << "\n[" << key << "] " << core::to_string(q.type) << ", " << origin << facts
          << (where.empty() ? "" : ", " + where) << "\n"
          << "  Q: " << shown(q.prompt) << "\n";
      if (!q.scenario.empty()) out << "  Scenario: " << shown(q.scenario) << "\n";
      out << each_line(dilemma.before, "  ");
      for (const auto& c : q.choices) out << "  " << (c.correct ? "(*) " : "( ) ") << shown(c.text) << "\n";
      for (const auto& l : answers) out << "  A: " << l << "\n";
      out << each_line(dilemma.after, "  ");
      out << "  Why: " << shown(q.explanation) << "\n"
          << "  Source: " << citation_of(bank, q) << "\n";
    }
  }
}

}  // namespace

void write_preview(const core::Bank& bank, const std::string& format, std::ostream& out) {
  // Bank text is untrusted: control characters are shown, never sent to the terminal.
  std::ostringstream text;
  write_preview_unescaped(bank, format, text);
  out << app::terminal_safe(text.str());
}

int run_preview(const std::vector<std::string>& paths, const std::string& format, std::ostream& out,
                std::ostream& err) {
  int rc = 0;
  bool first = true;
  for (const auto& r : bank::load_banks(paths)) {
    for (const auto& d : r.diagnostics) err << core::format_diagnostic(d) << '\n';
    if (!r.bank) {
      err << "casebook: " << r.path << " did not load; fix its errors first (casebook validate " << r.path << ")\n";
      rc = 1;
      continue;
    }
    if (!first) out << "\n";
    first = false;
    write_preview(*r.bank, format, out);
  }
  return rc;
}

CLI::App* add_preview_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("preview", "Print every card of a bank, generated ones included, with its answers");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("BANK", *paths, "Bank files or folders (searched for *.toml)")->required()->type_name("PATH");
  cmd->add_option("--format", *format, "text (default) or markdown")
      ->check(CLI::IsMember({"text", "markdown"}))
      ->type_name("FORMAT");
  cmd->footer("Each card shows its key (bank-id/question-id), prompt, choices ((*) marks the correct one),\n"
              "answer, explanation and source. Bank problems go to stderr. Exit status: 0 every bank\n"
              "loaded, 1 a bank did not load, 2 usage error.");
  cmd->callback([paths, format, &exit_code] { exit_code = run_preview(*paths, *format, std::cout, std::cerr); });
  return cmd;
}

}  // namespace casebook::cli
