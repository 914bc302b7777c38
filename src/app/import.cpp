#include "app/import.hpp"

#include <cstdio>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <new>

#include "app/files.hpp"
#include "app/output_guard.hpp"
#include "bank/input_file.hpp"
#include "bank/loader.hpp"
#include "interchange/interchange.hpp"

namespace casebook::app {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::optional<ImportFormat> parse_import_format(std::string_view name) {
  if (name == "gift") return ImportFormat::Gift;
  if (name == "aiken") return ImportFormat::Aiken;
  if (name == "csv") return ImportFormat::Csv;
  return std::nullopt;
}

std::string_view import_format_name(ImportFormat format) {
  switch (format) {
    case ImportFormat::Gift: return "gift";
    case ImportFormat::Aiken: return "aiken";
    case ImportFormat::Csv: return "csv";
  }
  return "gift";
}

std::optional<ImportFormat> guess_import_format(const std::string& path) {
  const fs::path p(path);
  const std::string ext = lower(p.extension().string());
  if (ext == ".csv") return ImportFormat::Csv;
  if (lower(p.filename().string()).find("aiken") != std::string::npos) return ImportFormat::Aiken;
  if (ext == ".gift" || ext == ".txt") return ImportFormat::Gift;
  return std::nullopt;
}

namespace {

ImportOutcome import_unguarded(const ImportRequest& request) {
  ImportOutcome outcome;
  bank::InputText input = bank::read_input_file(request.input, bank::kQuestionInput);
  if (input.problem) {
    outcome.message = core::format_diagnostic(*input.problem);
    return outcome;
  }

  interchange::ImportOptions meta;
  meta.bank_id = request.bank_id;
  meta.title = request.title;
  interchange::ImportResult result =
      request.format == ImportFormat::Gift    ? interchange::import_gift(input.text, request.input, meta)
      : request.format == ImportFormat::Aiken ? interchange::import_aiken(input.text, request.input, meta)
                                              : interchange::import_csv(input.text, request.input, meta);
  // Each stage's input is let go once the next is made, so the peak is not their sum.
  input.text = std::string();
  outcome.diagnostics = std::move(result.diagnostics);
  outcome.imported = result.bank.questions.size();
  outcome.skipped = result.skipped;
  if (result.bank.questions.empty()) {  // an empty bank is no use, and would hide a wrong format
    outcome.status = ImportStatus::Empty;
    return outcome;
  }
  const std::string toml = interchange::write_bank_toml(result.bank);
  result.bank = core::Bank{};
  if (toml.size() > bank::kBankInput.max_bytes) {  // the loader would refuse it: file-too-large
    outcome.status = ImportStatus::TooLarge;
    char size[32];  // one decimal: "16 MiB, larger than 16 MiB" would read as a contradiction
    std::snprintf(size, sizeof size, "%.1f", static_cast<double>(toml.size()) / static_cast<double>(bank::kMiB));
    outcome.message = request.input + ": the bank made from it would be " + size +
                      " MiB, larger than a bank file may be (" + std::to_string(bank::kBankInput.max_bytes / bank::kMiB) +
                      " MiB); split it into several files and import each";
    return outcome;
  }
  // The bank must pass the loader before it is written: a bank Casebook refuses is no use.
  auto check = bank::load_bank_text(toml, request.out_path);
  if (core::has_errors(check.diagnostics)) {
    outcome.status = ImportStatus::Invalid;
    outcome.check_diagnostics = std::move(check.diagnostics);
    return outcome;
  }
  OutputRules rules;
  rules.db_path = request.db_path;
  rules.inputs = {request.input};
  rules.replace = request.replace;
  const OutputCheck output = check_output(request.out_path, rules);
  if (!output.refusal.empty()) {
    outcome.status = output.exists ? ImportStatus::Exists : ImportStatus::Refused;
    outcome.message = output.refusal;
    return outcome;
  }
  try {
    write_file_atomically(output.target, toml);
    outcome.status = ImportStatus::Written;
  } catch (const std::runtime_error& e) {
    outcome.status = ImportStatus::WriteFailed;
    outcome.message = e.what();
  }
  return outcome;
}

}  // namespace

ImportOutcome import_questions(const ImportRequest& request) {
  try {
    return import_unguarded(request);
  } catch (const std::bad_alloc&) {  // a file within the limit should never get here; if it does, say so
    ImportOutcome outcome;
    outcome.status = ImportStatus::TooLarge;
    outcome.message = request.input + ": not enough memory to import it; split it into several files";
    return outcome;
  }
}

}  // namespace casebook::app
