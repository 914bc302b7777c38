// `casebook preview BANK`: prints every card of a bank, generated ones included, with its key
// and answers, so an instructor can proof-read the bank.
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/question.hpp"

namespace casebook::cli {

/// Writes every question of `bank` in file order (hand-written, then generated) as "text"
/// (plain lines) or "markdown" (a heading per card): the card key `bank-id/question-id`,
/// type, generator and facts when generated, prompt, choices with the correct ones marked,
/// the answer, the explanation and the citation with its paragraphs (core::locator_citation).
/// Texts are shown as the study screen shows them: each `[@id]` marker rendered as
/// "(Short, year)" by core::render_citations against the bank's sources. Throws
/// std::invalid_argument for another format.
void write_preview(const core::Bank& bank, const std::string& format, std::ostream& out);

/// Loads the banks under `paths` (files or folders) and previews each that loads; the
/// diagnostics of each bank go to `err` as `casebook validate` prints them. Returns 0 when
/// every bank loaded, 1 otherwise.
[[nodiscard]] int run_preview(const std::vector<std::string>& paths, const std::string& format, std::ostream& out,
                              std::ostream& err);

/// Adds the `preview` subcommand to `app`; when it runs, its exit code is stored in `exit_code`.
/// Returns the subcommand, so the caller can tell whether it was parsed.
CLI::App* add_preview_command(CLI::App& app, int& exit_code);

}  // namespace casebook::cli
