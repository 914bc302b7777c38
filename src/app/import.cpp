#include "app/import.hpp"

#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <new>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/files.hpp"
#include "app/output_guard.hpp"
#include "bank/input_file.hpp"
#include "bank/loader.hpp"
#include "interchange/interchange.hpp"
#include "core/text.hpp"

namespace casebook::app {
namespace {

namespace fs = std::filesystem;

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

std::string import_format_file(ImportFormat format) {
  switch (format) {
    case ImportFormat::Gift: return "a GIFT file";
    case ImportFormat::Aiken: return "an Aiken file";
    case ImportFormat::Csv: return "a CSV file";
  }
  return "a GIFT file";
}

std::string nothing_imported(std::string_view what, int reported, std::string_view where, ImportFormat format,
                             bool blank) {
  if (blank) return std::string(what) + " is empty; nothing written.";
  std::string s = reported == 0 ? std::string(what) + " has no questions"
                                : std::string(what) + " has no question that could be imported (" +
                                      std::to_string(reported) + " reported " + std::string(where) + ")";
  return s + "; nothing written. Is it " + import_format_file(format) + "?";
}

namespace {

/// Whether the first 64 KiB of the file at `path` read as Aiken rather than GIFT: some line
/// begins (after spaces) with "ANSWER:", and no '{' appears (GIFT writes every answer in
/// braces). False when the file cannot be read.
bool looks_like_aiken(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string head(std::size_t{64} * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  if (head.find('{') != std::string::npos) return false;
  for (std::size_t at = head.find("ANSWER:"); at != std::string::npos; at = head.find("ANSWER:", at + 1)) {
    const std::size_t line_start = head.find_last_of('\n', at == 0 ? 0 : at - 1);
    const std::size_t from = at == 0 || line_start == std::string::npos ? 0 : line_start + 1;
    if (head.find_first_not_of(" \t", from) == at) return true;
  }
  return false;
}

}  // namespace

std::optional<ImportFormat> guess_import_format(const std::string& path) {
  const fs::path p(path);
  const std::string ext = core::ascii_lower(p.extension().string());
  if (ext == ".csv") return ImportFormat::Csv;
  if (core::ascii_lower(p.filename().string()).find("aiken") != std::string::npos) return ImportFormat::Aiken;
  if (ext == ".txt") return looks_like_aiken(path) ? ImportFormat::Aiken : ImportFormat::Gift;
  if (ext == ".gift") return ImportFormat::Gift;
  return std::nullopt;
}

std::vector<core::Diagnostic> check_imported_bank(const ImportedBankToml& toml, const std::string& path) {
  const auto newlines = [](const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); };
  const int header_lines = newlines(toml.header);
  std::vector<core::Diagnostic> out;
  std::unordered_map<std::string, int> line_of_id;
  int lines_before = 0;  // lines of the pieces before this one
  for (const std::string& piece : toml.pieces) {
    std::string slice;
    slice.reserve(toml.header.size() + piece.size());
    slice.append(toml.header).append(piece);
    const auto line_in_file = [&](int line) { return line > header_lines ? line + lines_before : line; };
    bank::LoadResult part = bank::load_bank_text(slice, path);
    for (core::Diagnostic& d : part.diagnostics) {
      // The header's own errors come once, from the first slice.
      if (d.severity != core::Severity::Error || (lines_before > 0 && d.line <= header_lines)) continue;
      d.line = line_in_file(d.line);
      out.push_back(std::move(d));
    }
    if (part.bank) {
      for (const core::Question& q : part.bank->questions) {
        const int line = line_in_file(q.pos.line);
        const auto [it, fresh] = line_of_id.emplace(q.id, line);
        if (fresh) continue;
        out.push_back(core::Diagnostic{path, line, q.pos.column, core::Severity::Error, "duplicate-id",
                                       "question id `" + q.id + "` is used twice (first at line " +
                                           std::to_string(it->second) + ")",
                                       "give every question its own id; never reuse the id of a removed question"});
      }
    }
    lines_before += newlines(piece);
  }
  return out;
}

namespace {

ImportOutcome import_unguarded(const ImportRequest& request) {
  ImportOutcome outcome;
  bank::InputText input = bank::read_input_file(request.input, bank::kQuestionInput);
  if (input.problem) {
    outcome.message = core::format_diagnostic(*input.problem);
    return outcome;
  }

  // Each question is written as TOML as soon as it is read, so the import never holds every
  // question as a core::Question (about 1 KiB each before its text) at once.
  ImportedBankToml toml;
  std::string one_question;
  interchange::ImportOptions meta;
  meta.bank_id = request.bank_id;
  meta.title = request.title;
  meta.on_question = [&](const core::Question& q) {
    one_question.clear();
    interchange::append_question_toml(one_question, q, 1);  // imports make format-1 banks
    toml.size += one_question.size();
    if (toml.size > bank::kBankInput.max_bytes) return;  // refused below; only its size is needed
    if (toml.pieces.empty() || toml.questions_in_last == ImportedBankToml::kQuestionsPerPiece) {
      toml.pieces.emplace_back();
      toml.questions_in_last = 0;
    }
    toml.pieces.back() += one_question;
    ++toml.questions_in_last;
  };
  interchange::ImportResult result =
      request.format == ImportFormat::Gift    ? interchange::import_gift(input.text, request.input, meta)
      : request.format == ImportFormat::Aiken ? interchange::import_aiken(input.text, request.input, meta)
                                              : interchange::import_csv(input.text, request.input, meta);
  const bool blank = input.text.find_first_not_of(" \t\r\n") == std::string::npos;
  // Each stage's input is let go once the next is made, so the peak is not their sum.
  input.text = std::string();
  outcome.diagnostics = std::move(result.diagnostics);
  outcome.imported = result.imported;
  outcome.skipped = result.skipped;
  if (result.imported == 0) {  // an empty bank is no use, and would hide a wrong format
    outcome.status = ImportStatus::Empty;
    outcome.blank = blank;
    return outcome;
  }
  toml.header = interchange::write_bank_header_toml(result.bank);
  toml.size += toml.header.size();
  if (toml.size > bank::kBankInput.max_bytes) {  // the loader would refuse it: file-too-large
    outcome.status = ImportStatus::TooLarge;
    char size[32];  // one decimal: "16 MiB, larger than 16 MiB" would read as a contradiction
    std::snprintf(size, sizeof size, "%.1f", static_cast<double>(toml.size) / static_cast<double>(bank::kMiB));
    outcome.message = request.input + ": the bank made from it would be " + size +
                      " MiB, larger than a bank file may be (" + std::to_string(bank::kBankInput.max_bytes / bank::kMiB) +
                      " MiB); split it into several files and import each";
    return outcome;
  }
  // The bank must pass the loader before it is written: a bank Casebook refuses is no use.
  std::vector<core::Diagnostic> check = check_imported_bank(toml, request.out_path);
  if (core::has_errors(check)) {
    outcome.status = ImportStatus::Invalid;
    outcome.check_diagnostics = std::move(check);
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
    std::vector<std::string_view> parts{toml.header};
    parts.insert(parts.end(), toml.pieces.begin(), toml.pieces.end());
    write_file_atomically(output.target, parts);
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
