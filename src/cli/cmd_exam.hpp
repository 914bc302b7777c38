// `casebook exam`: a mock exam in the terminal (term::run_exam) from a bank's preset or a
// custom exam over chosen banks.
#pragma once
#include <CLI/CLI.hpp>

#include "app/config.hpp"
#include "term/exam.hpp"

namespace casebook::cli {

/// Registers `exam` on `app` (--preset, --bank-id (repeatable), --count, --minutes,
/// --practice, --color into `options`; --seed, --db, --bank and --learner are the global
/// ones). Returns the subcommand; run_exam_command runs it after parsing.
CLI::App* add_exam_command(CLI::App& app, term::ExamOptions& options);

/// `casebook exam` on standard input and output. Returns the exit code of term::run_exam
/// (0, 1 when the exam cannot be stored or handed in, 2 for an unknown preset or bank or an
/// exam with no question); throws storage::StorageError when the database cannot be opened.
[[nodiscard]] int run_exam_command(app::AppConfig config, const term::ExamOptions& options);

}  // namespace casebook::cli
