// `casebook validate`: what every bank holds and its diagnostics, and the text output.
#include "bank/validate.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "bank/loader.hpp"
#include "core/text.hpp"

namespace casebook::bank {

namespace {

bool is_missing(const LoadResult& r) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                     [](const core::Diagnostic& d) { return d.code == "missing-path"; });
}

bool is_error(const core::Diagnostic& d) { return d.severity == core::Severity::Error; }

/// The note that a file's errors or warnings were cut (LoadResult::dropped_errors): it says
/// how many were left out, and is no error or warning of its own in the counts.
bool is_cap_note(const core::Diagnostic& d) { return d.code == kTooManyErrors || d.code == kTooManyWarnings; }

/// Errors and warnings among `diags`, cap notes left out.
std::pair<std::size_t, std::size_t> count_kinds(const std::vector<core::Diagnostic>& diags) {
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : diags) {
    if (!is_cap_note(d)) ++(is_error(d) ? errors : warnings);
  }
  return {errors, warnings};
}

}  // namespace

Validation validate_banks(const std::vector<std::string>& paths) {
  Validation v;
  std::size_t dropped_errors = 0, dropped_warnings = 0;
  for (const auto& r : load_banks(paths)) {
    dropped_errors += r.dropped_errors;
    dropped_warnings += r.dropped_warnings;
    v.diagnostics.insert(v.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
    if (is_missing(r)) continue;
    ValidatedBank b;
    b.path = r.path;
    const auto [errors, warnings] = count_kinds(r.diagnostics);
    b.errors = errors + r.dropped_errors;
    b.warnings = warnings + r.dropped_warnings;
    if (r.bank) {
      b.id = r.bank->info.id;
      b.loaded = true;
      b.questions = r.bank->questions.size();
      for (const auto& q : r.bank->questions) b.generated += q.generator.empty() ? 0 : 1;
      b.repeated = r.bank->repeated;
      std::stable_sort(b.repeated.begin(), b.repeated.end(), [](const auto& x, const auto& y) {
        return std::tie(x.pos.line, x.pos.column) < std::tie(y.pos.line, y.pos.column);
      });
      v.questions += b.questions;
    }
    v.banks.push_back(std::move(b));
  }
  if (v.banks.empty() && v.diagnostics.empty()) {
    // Only folders without a bank file: a check that checked nothing must not pass.
    for (const auto& path : paths) {
      v.diagnostics.push_back(core::Diagnostic{path, 0, 0, core::Severity::Error, "no-banks",
                                               "no bank file in this folder (nor in its subfolders)",
                                               "bank files end in `.toml` (lower case); hidden files and folders "
                                               "(names starting with '.') are skipped"});
    }
  }
  // By file and place; a file's "too many errors/warnings" notes (line 0) after its others.
  const auto cap_note = [](const core::Diagnostic& d) { return d.code == kTooManyErrors || d.code == kTooManyWarnings; };
  std::stable_sort(v.diagnostics.begin(), v.diagnostics.end(), [&](const core::Diagnostic& a, const core::Diagnostic& b) {
    const bool a_last = cap_note(a), b_last = cap_note(b);
    return std::tie(a.file, a_last, a.line, a.column) < std::tie(b.file, b_last, b.line, b.column);
  });
  const auto [errors, warnings] = count_kinds(v.diagnostics);
  v.errors = errors + dropped_errors;  // past a file's cap: counted, not listed
  v.warnings = warnings + dropped_warnings;
  return v;
}

int validate_paths(const std::vector<std::string>& paths, std::ostream& out) {
  const Validation v = validate_banks(paths);
  for (const auto& d : v.diagnostics) out << core::format_diagnostic(d) << '\n';
  for (const auto& b : v.banks) {
    for (const auto& r : b.repeated) {
      out << core::file_of(r.pos, b.path) << ':' << r.pos.line << ':' << r.pos.column
          << ": note: generated question `" << r.generated_id << "` not made: hand-written question `"
          << r.handwritten_id << "` asks about the same facts [repeats-handwritten]\n";
    }
  }
  // A bank that did not load has no questions to count: said so, not "0 questions".
  const auto loaded = static_cast<std::size_t>(
      std::count_if(v.banks.begin(), v.banks.end(), [](const ValidatedBank& b) { return b.loaded; }));
  out << core::counted(v.banks.size(), "bank");
  if (loaded == v.banks.size()) {
    out << ", " << core::counted(v.questions, "question");
  } else if (loaded == 0) {
    out << (v.banks.size() == 1 ? " that did not load" : ", none loaded");
  } else {
    out << " (" << v.banks.size() - loaded << " did not load), " << core::counted(v.questions, "question");
  }
  out << ": " << core::counted(v.errors, "error") << ", " << core::counted(v.warnings, "warning") << '\n';
  return v.exit_code();
}

}  // namespace casebook::bank
