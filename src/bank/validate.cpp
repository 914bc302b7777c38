// `casebook validate`: diagnostics of every bank, then a one-line summary.
#include "bank/validate.hpp"

#include <algorithm>
#include <tuple>

#include "bank/loader.hpp"

namespace casebook::bank {

namespace {

std::string count_of(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

int validate_paths(const std::vector<std::string>& paths, std::ostream& out) {
  const auto results = load_banks(paths);
  std::vector<core::Diagnostic> all;
  std::size_t files = 0;
  std::size_t questions = 0;
  for (const auto& r : results) {
    const bool missing = std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                                     [](const core::Diagnostic& d) { return d.code == "missing-path"; });
    if (!missing) ++files;
    if (r.bank) questions += r.bank->questions.size();
    all.insert(all.end(), r.diagnostics.begin(), r.diagnostics.end());
  }
  std::stable_sort(all.begin(), all.end(), [](const core::Diagnostic& a, const core::Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  std::size_t errors = 0;
  for (const auto& d : all) {
    out << core::format_diagnostic(d) << '\n';
    if (d.severity == core::Severity::Error) ++errors;
  }
  out << count_of(files, "bank") << ", " << count_of(questions, "question") << ": " << count_of(errors, "error")
      << ", " << count_of(all.size() - errors, "warning") << '\n';
  return errors == 0 ? 0 : 1;
}

}  // namespace casebook::bank
