// `casebook validate`: diagnostics of every bank, then a one-line summary.
#include "bank/validate.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "bank/loader.hpp"

namespace casebook::bank {

namespace {

std::string count_of(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

/// `s` as a JSON string literal: quotes, backslashes and control characters escaped (RFC 8259
/// section 7); other bytes, UTF-8 included, are copied.
std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
          out += kHex[static_cast<unsigned char>(c) & 0xF];
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

/// Diagnostics of every result, sorted by file, line and column (stable).
std::vector<core::Diagnostic> sorted_diagnostics(const std::vector<LoadResult>& results) {
  std::vector<core::Diagnostic> all;
  for (const auto& r : results) all.insert(all.end(), r.diagnostics.begin(), r.diagnostics.end());
  std::stable_sort(all.begin(), all.end(), [](const core::Diagnostic& a, const core::Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  return all;
}

bool is_missing(const LoadResult& r) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                     [](const core::Diagnostic& d) { return d.code == "missing-path"; });
}

}  // namespace

int validate_paths(const std::vector<std::string>& paths, std::ostream& out) {
  const auto results = load_banks(paths);
  std::size_t files = 0;
  std::size_t questions = 0;
  for (const auto& r : results) {
    if (!is_missing(r)) ++files;
    if (r.bank) questions += r.bank->questions.size();
  }
  const auto all = sorted_diagnostics(results);
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

namespace casebook::bank {

int validate_paths_json(const std::vector<std::string>& paths, std::ostream& out) {
  const auto results = load_banks(paths);
  std::size_t files = 0;
  std::size_t questions = 0;
  std::size_t errors = 0;
  out << "{\n  \"schema\": 1,\n  \"banks\": [";
  bool first = true;
  for (const auto& r : results) {
    if (is_missing(r)) continue;
    ++files;
    std::size_t e = 0;
    for (const auto& d : r.diagnostics) e += d.severity == core::Severity::Error ? 1 : 0;
    std::size_t generated = 0;
    if (r.bank) {
      questions += r.bank->questions.size();
      for (const auto& q : r.bank->questions) generated += q.generator.empty() ? 0 : 1;
    }
    out << (first ? "\n" : ",\n") << "    {\"path\": " << json_string(r.path)
        << ", \"id\": " << (r.bank ? json_string(r.bank->info.id) : std::string("null"))
        << ", \"loaded\": " << (r.bank ? "true" : "false")
        << ", \"questions\": " << (r.bank ? r.bank->questions.size() : 0) << ", \"generated\": " << generated
        << ", \"errors\": " << e << ", \"warnings\": " << r.diagnostics.size() - e << "}";
    first = false;
  }
  out << (first ? "" : "\n  ") << "],\n  \"diagnostics\": [";
  const auto all = sorted_diagnostics(results);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& d = all[i];
    if (d.severity == core::Severity::Error) ++errors;
    out << (i == 0 ? "\n" : ",\n") << "    {\"file\": " << json_string(d.file) << ", \"line\": " << d.line
        << ", \"column\": " << d.column << ", \"severity\": \""
        << (d.severity == core::Severity::Error ? "error" : "warning") << "\", \"code\": " << json_string(d.code)
        << ", \"message\": " << json_string(d.message) << ", \"hint\": " << json_string(d.hint) << "}";
  }
  out << (all.empty() ? "" : "\n  ") << "],\n  \"summary\": {\"banks\": " << files << ", \"questions\": " << questions
      << ", \"errors\": " << errors << ", \"warnings\": " << all.size() - errors << "}\n}\n";
  return errors == 0 ? 0 : 1;
}

}  // namespace casebook::bank
