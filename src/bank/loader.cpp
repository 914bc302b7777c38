// Reads question banks (TOML, formats 1 and 2, docs/bank-format.md) with toml++ 3.3 and checks
// them against the format, collecting every problem as a Diagnostic with file:line:col.
#include "bank/loader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#include "bank/input_file.hpp"
#include "bank/parse_parts.hpp"
#include "bank/reader.hpp"

namespace casebook::bank::detail {

// Keys of each table (docs/bank-format.md). Order is the order in hints.
const std::vector<std::string_view> kRootKeys{"bank",  "source", "topic", "question", "generators",
                                              "event", "actor",  "term",  "figure",   "exam"};
/// Keys that only format 2 has: at the top level, and in [[question]].
const std::vector<std::string_view> kFormat2RootKeys{"generators", "event", "actor", "term", "figure"};

/// Files from this size on (bytes) have their parse tree freed on a second thread.
constexpr std::size_t kFreeAsideBytes = 256 * 1024;

LoadResult BankReader::read(std::string_view text) {
  LoadResult result;
  result.path = m_path;
  m_text = text;
  m_line_starts.assign(1, 0);
  m_offset_cursor = TextCursor{};
  m_where_cursor = TextCursor{};
  for (std::size_t at = 0; (at = text.find('\n', at)) != std::string_view::npos;) m_line_starts.push_back(++at);
  // A large file is parsed in two parts on two threads when that gives the same tree; else
  // (and for every file with a syntax error) the whole text is scanned and parsed here.
  std::optional<toml::table> parsed = parse_in_parts(text, m_path);
  if (!parsed) {
    if (const auto deep = find_overlong_key(text)) {
      error(*deep, "toml-syntax",
            "a key or table name has more than " + std::to_string(kMaxKeyParts) + " dotted parts",
            "a bank needs at most a few levels, such as [[question.position]]; remove the extra parts");
      result.diagnostics = std::move(m_diags);
      return result;
    }
    if (const auto unsafe = find_unsafe_toml(text)) {
      error(unsafe->at, "toml-syntax", "invalid TOML: " + unsafe->message, unsafe->hint);
      result.diagnostics = std::move(m_diags);
      return result;
    }
    try {
      parsed = toml::parse(text, m_path);
    } catch (const toml::parse_error& e) {
      syntax_error(e);
      result.diagnostics = std::move(m_diags);
      return result;
    }
  }
  toml::table& root = *parsed;
  core::Bank bank;
  bank.path = m_path;
  read_bank_info(root, bank);
  const auto by_place = [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  };
  if (m_unsupported_format) {
    // The rest of the file is written for a format this Casebook does not know: judged by
    // formats 1 and 2 it would only add follow-on errors (no-questions, needs-format-2 for
    // each fact table, ...). [bank]'s own diagnostics are all there is.
    std::stable_sort(m_diags.begin(), m_diags.end(), by_place);
    result.diagnostics = std::move(m_diags);
    return result;
  }
  if (bank.info.format >= kFormatFacts) {
    check_keys(root, kRootKeys, Context{"the top level of the file", {1, 1}});
  } else {
    std::vector<std::string_view> v1_keys = kRootKeys;
    std::erase_if(v1_keys, [](std::string_view k) {
      return std::find(kFormat2RootKeys.begin(), kFormat2RootKeys.end(), k) != kFormat2RootKeys.end();
    });
    check_keys(root, v1_keys, Context{"the top level of the file", {1, 1}}, {}, kFormat2RootKeys);
  }
  read_sources(root, bank);
  check_article(bank);
  read_topics(root, bank);
  if (bank.info.format >= kFormatFacts) {
    read_generators(root, bank);
    read_facts(root, bank);
  }
  read_questions(root, bank);
  const bool errors_before_exams = core::has_errors(m_diags);
  read_exams(root, bank);
  const std::size_t after_exams = m_diags.size();
  // The parse tree is read: it is freed (a node per value; about a fifth of the parse's time)
  // on another thread while the generators run. A small file is not worth a thread.
  std::future<void> freed;
  if (text.size() >= kFreeAsideBytes) {
    try {
      freed = std::async(std::launch::async, [tree = std::move(root)]() mutable { const toml::table dead = std::move(tree); });
    } catch (const std::system_error&) {
      // No thread to be had (a process limit): the tree went with the task, freed here.
    }
  }
  if (!errors_before_exams) generate(bank);
  const bool errors_but_exams = errors_before_exams || errors_since(after_exams);
  check_exam_counts(bank, !errors_but_exams);
  if (freed.valid()) freed.get();
  std::stable_sort(m_diags.begin(), m_diags.end(), by_place);
  note_dropped();  // after the sort: the notes come last
  result.dropped_errors = m_dropped_errors;
  result.dropped_warnings = m_dropped_warnings;
  if (!core::has_errors(m_diags)) result.bank = std::move(bank);
  result.diagnostics = std::move(m_diags);
  return result;
}

}  // namespace casebook::bank::detail

namespace casebook::bank {

namespace {

namespace fs = std::filesystem;
using core::Diagnostic;
using core::Severity;
using detail::BankReader;
using detail::is_bank_id;
using detail::Located;
using detail::ticked;

/// Reads a file and loads it, also returning the bank id as written (for duplicate checks).
LoadResult load_file(const std::string& path, std::optional<Located>* bank_id) {
  InputText input = read_input_file(path, kBankInput);
  if (input.problem) {
    LoadResult r;
    r.path = path;
    r.diagnostics.push_back(std::move(*input.problem));
    return r;
  }
  BankReader reader(path);
  LoadResult r = reader.read(input.text);
  if (bank_id != nullptr) *bank_id = reader.bank_id();
  return r;
}

}  // namespace

LoadResult load_bank_file(const std::string& path) { return load_file(path, nullptr); }

LoadResult load_bank_text(const std::string& text, const std::string& path) {
  return BankReader(path).read(text);
}

std::vector<LoadResult> load_banks(const std::vector<std::string>& paths) {
  std::vector<LoadResult> results;
  std::vector<std::optional<Located>> ids;
  std::set<std::string> done;  // canonical paths already loaded
  const auto load_one = [&](const std::string& file) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(file, ec);
    if (!done.insert(ec ? file : canonical.string()).second) return;
    std::optional<Located> id;
    results.push_back(load_file(file, &id));
    ids.push_back(std::move(id));
  };
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      load_one(path);  // a file, or a missing path reported by load_file
      continue;
    }
    std::vector<std::string> files;
    std::vector<std::string> loops;  // symbolic links that lead back to themselves
    auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code entry;  // an entry that cannot be examined is skipped; the walk goes on
      const auto name = it->path().filename().string();
      if (!name.empty() && name.front() == '.') {
        if (it->is_directory(entry)) it.disable_recursion_pending();
        continue;  // hidden files and folders (editor backups, .git)
      }
      if (it->is_symlink(entry)) {
        // A link is read through (a linked file) but a linked folder is not walked, so a link
        // back up the tree cannot loop; a link that leads back to itself is reported.
        std::error_code target;
        (void)fs::status(it->path(), target);
        if (target == std::errc::too_many_symbolic_link_levels) {
          loops.push_back(it->path().string());
          continue;
        }
      }
      if (it->path().extension() == ".toml" && it->is_regular_file(entry)) files.push_back(it->path().string());
    }
    if (ec) {
      results.push_back(LoadResult{path, std::nullopt,
                                   {Diagnostic{path, 0, 0, Severity::Error, "unreadable-file",
                                               "cannot list the folder: " + ec.message(),
                                               "check that you may read the folder"}}});
      ids.emplace_back();
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) load_one(f);
    std::sort(loops.begin(), loops.end());
    for (const auto& l : loops) {
      results.push_back(LoadResult{l, std::nullopt,
                                   {Diagnostic{l, 0, 0, Severity::Error, "unreadable-file", "is a loop of symbolic links",
                                               "point the link at a bank file, or delete it"}}});
      ids.emplace_back();
    }
  }

  // Two files with the same bank id would share card keys: the later one is refused.
  std::map<std::string, std::string> first_file;  // bank id -> path
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!ids[i] || !is_bank_id(ids[i]->text)) continue;
    const auto [it, fresh] = first_file.emplace(ids[i]->text, results[i].path);
    if (fresh) continue;
    auto& r = results[i];
    r.diagnostics.push_back(Diagnostic{r.path, ids[i]->at.line, ids[i]->at.column, Severity::Error,
                                       "duplicate-bank-id",
                                       "bank id " + ticked(ids[i]->text) + " is already used by " + it->second,
                                       "give each bank its own id (card keys start with it)"});
    std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    r.bank.reset();
  }
  return results;
}

}  // namespace casebook::bank
