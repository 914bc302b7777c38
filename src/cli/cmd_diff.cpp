// `casebook diff`: added, retired, reworded and re-keyed questions between two bank versions.
#include "cli/cmd_diff.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <utility>

#include "app/study_text.hpp"
#include "bank/loader.hpp"
#include "core/bank_diff.hpp"
#include "core/diagnostic.hpp"
#include "core/utf8.hpp"
#include "storage/progress.hpp"
#include "core/text.hpp"

namespace casebook::cli {

namespace {

constexpr std::size_t kPromptChars = 70;

/// The prompt on one line, safe for a terminal.
std::string one_line(const std::string& prompt) {
  return core::on_one_line(app::terminal_safe(prompt));
}

/// The prompt on one line, cut to kPromptChars characters with "…".
std::string short_prompt(const std::string& prompt) {
  const std::string line = one_line(prompt);
  if (core::code_point_count(line) <= kPromptChars) return line;
  return line.substr(0, core::utf8_offset(line, kPromptChars - 1)) + "…";
}

/// Two prompts whose cut forms (short_prompt) look the same, each shown from a little before
/// the first character where they differ, cut to kPromptChars with "…" at a cut end.
std::pair<std::string, std::string> around_difference(const std::string& a, const std::string& b) {
  const std::u32string x = core::decode_utf8(one_line(a), core::InvalidUtf8::Replace);
  const std::u32string y = core::decode_utf8(one_line(b), core::InvalidUtf8::Replace);
  std::size_t first = 0;
  while (first < x.size() && first < y.size() && x[first] == y[first]) ++first;
  const std::size_t from = first > 20 ? first - 20 : 0;
  const auto window = [&](const std::u32string& s) {
    const bool cut_front = from > 0;
    const std::size_t room = kPromptChars - (cut_front ? 1 : 0);  // "…" counts as one
    std::u32string part = s.substr(std::min(from, s.size()));
    const bool cut_back = part.size() > room;
    if (cut_back) part.resize(room - 1);
    return std::string(cut_front ? "…" : "") + core::encode_utf8(part) + (cut_back ? "…" : "");
  };
  return {window(x), window(y)};
}

std::optional<core::Bank> load(const std::string& path, std::ostream& err) {
  bank::LoadResult r = bank::load_bank_file(path);
  for (const auto& d : r.diagnostics) err << core::format_diagnostic(d) << '\n';
  if (!r.bank) err << "casebook: " << path << " did not load; fix its errors first (casebook validate " << path << ")\n";
  return std::move(r.bank);
}

/// Card key -> the learners who answered it (reviews not taken back), for the cards of both banks.
using Studied = std::map<std::string, std::set<std::string>>;

Studied studied_cards(const std::string& db_path, const core::Bank& a, const core::Bank& b) {
  storage::Progress progress(db_path, storage::Progress::Access::ReadOnly);
  Studied out;
  for (const std::string& id : std::set<std::string>{a.info.id, b.info.id}) {
    storage::Progress::ReviewFilter filter;
    filter.bank_id = id;
    progress.for_each_review(filter, [&](const core::ReviewRecord& r) { out[r.card_key].insert(r.learner); });
  }
  return out;
}

const char* heading(core::QuestionChange c) {
  switch (c) {
    case core::QuestionChange::Added: return "Added";
    case core::QuestionChange::Retired: return "Retired (their cards keep their history and are no longer shown)";
    case core::QuestionChange::Reworded: return "Reworded (same answer: progress kept)";
    case core::QuestionChange::Rekeyed: return "Re-keyed (the answer changed: studied cards return to relearning)";
  }
  return "";
}

const char* mark(core::QuestionChange c) {
  switch (c) {
    case core::QuestionChange::Added: return "+";
    case core::QuestionChange::Retired: return "-";
    case core::QuestionChange::Reworded: return "~";
    case core::QuestionChange::Rekeyed: return "!";
  }
  return " ";
}

std::string learners_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " learner" : " learners"); }

}  // namespace

int run_diff(const std::string& old_path, const std::string& new_path, const std::string& db_path, std::ostream& out,
             std::ostream& err) {
  const std::optional<core::Bank> before = load(old_path, err);
  const std::optional<core::Bank> after = load(new_path, err);
  if (!before || !after) return 1;
  std::optional<Studied> studied;
  if (!db_path.empty()) {
    try {
      studied = studied_cards(db_path, *before, *after);
    } catch (const std::exception& e) {
      err << "casebook: " << e.what() << "\n";
      return 1;
    }
  }
  const std::vector<core::QuestionDiff> diff = core::diff_banks(*before, *after);
  out << app::terminal_safe(before->info.id) << " " << app::terminal_safe(before->info.version) << " (" << old_path
      << ") -> " << app::terminal_safe(after->info.id) << " " << app::terminal_safe(after->info.version) << " ("
      << new_path << ")\n";
  std::map<core::QuestionChange, int> counts;
  // An added and a retired question alike: each names the other (a changed id loses progress).
  std::map<std::size_t, std::string> renamed;  // index in diff -> the other's card key
  // (Another bank id retires and adds every question: its own warning below says so.)
  const auto renames = before->info.id == after->info.id ? core::likely_renames(diff)
                                                         : std::vector<std::pair<std::size_t, std::size_t>>{};
  for (const auto& [added, retired] : renames) {
    renamed[added] = "same prompt as retired " + app::terminal_safe(diff[retired].card_key);
    renamed[retired] = "same prompt as added " + app::terminal_safe(diff[added].card_key);
  }
  for (std::size_t i = 0; i < diff.size();) {
    const core::QuestionChange change = diff[i].change;
    std::size_t end = i;
    while (end < diff.size() && diff[end].change == change) ++end;
    counts[change] = static_cast<int>(end - i);
    out << "\n" << heading(change) << ": " << end - i << "\n";
    std::map<std::string, int> per_learner;
    for (; i < end; ++i) {
      const core::QuestionDiff& d = diff[i];
      out << "  " << mark(change) << " " << app::terminal_safe(d.card_key) << "  " << short_prompt(d.prompt);
      if (!d.generator.empty()) out << "  [generated: " << app::terminal_safe(d.generator) << "]";
      if (studied && change != core::QuestionChange::Added) {
        const auto it = studied->find(d.card_key);
        const std::size_t n = it == studied->end() ? 0 : it->second.size();
        out << "  (" << learners_text(n) << ")";
        if (it != studied->end()) {
          for (const std::string& l : it->second) ++per_learner[l];
        }
      }
      out << "\n";
      if (!d.old_prompt.empty() && short_prompt(d.old_prompt) == short_prompt(d.prompt)) {
        const auto [was, now] = around_difference(d.old_prompt, d.prompt);  // changed past the cut
        out << "      was: " << was << "\n      now: " << now << "\n";
      } else if (!d.old_prompt.empty()) {
        out << "      was: " << short_prompt(d.old_prompt) << "\n";
      }
      if (const auto r = renamed.find(i); r != renamed.end()) {
        out << "      " << r->second << " (a changed id? its cards start again)\n";
      }
      if (!d.old_type.empty()) out << "      type: " << d.old_type << " -> " << d.new_type << "\n";
      // A re-keyed question's answer in words, when that shows the change; else (a rubric, a
      // type whose answer reads the same) what changed, as for a rewording.
      const bool answer_line = change == core::QuestionChange::Rekeyed && d.old_answer != d.new_answer;
      if (answer_line) {
        out << "      answer: " << short_prompt(d.old_answer) << " -> " << short_prompt(d.new_answer) << "\n";
      }
      std::string parts;  // "prompt" only with another part: the was/now lines show it
      bool beyond_prompt = false;
      for (const std::string& c : d.changed) {
        if (c == "type") continue;
        parts += (parts.empty() ? "" : ", ") + c;
        beyond_prompt = beyond_prompt || c != "prompt";
      }
      if (!answer_line && beyond_prompt) out << "      changed: " << parts << "\n";
    }
    if (studied && change != core::QuestionChange::Added) {
      out << "  Studied cards affected: ";
      int total = 0;
      std::string each;
      for (const auto& [learner, n] : per_learner) {
        total += n;
        each += (each.empty() ? "" : ", ") + app::terminal_safe(learner) + " " + std::to_string(n);
      }
      out << total << (each.empty() ? "" : " (" + each + ")") << "\n";
    }
  }
  out << "\n"
      << counts[core::QuestionChange::Added] << " added, " << counts[core::QuestionChange::Retired] << " retired, "
      << counts[core::QuestionChange::Reworded] << " reworded, " << counts[core::QuestionChange::Rekeyed]
      << " re-keyed.\n";
  if (before->info.id != after->info.id) {
    // Card keys start with the bank id: another id makes every card a new one.
    err << "casebook: warning: the bank id changed from `" << app::terminal_safe(before->info.id) << "` to `"
        << app::terminal_safe(after->info.id) << "`: card keys start with it, so every question counts as retired "
        << "and added, and learners start again from nothing; keep id = \"" << app::terminal_safe(before->info.id)
        << "\" in [bank] unless this is meant as a new bank\n";
  }
  if (!renames.empty()) {
    err << "casebook: warning: " << renames.size() << (renames.size() == 1 ? " added question has" : " added questions have")
        << " the prompt and type of a retired one: if its id was changed, learners start it again from nothing; "
        << "keep the old id to keep their progress\n";
  }
  if (counts[core::QuestionChange::Rekeyed] > 0 && before->info.version == after->info.version) {
    err << "casebook: warning: answers changed but [bank] version is still \"" << app::terminal_safe(after->info.version)
        << "\"; raise it so that learners are told in which version the answer changed\n";
  }
  return 0;
}

CLI::App* add_diff_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("diff", "Compare two versions of a bank: added, retired, reworded, re-keyed questions");
  auto old_path = std::make_shared<std::string>();
  auto new_path = std::make_shared<std::string>();
  cmd->add_option("OLD", *old_path, "The bank file as it was")->required()->type_name("OLD.toml");
  cmd->add_option("NEW", *new_path, "The bank file as it is now")->required()->type_name("NEW.toml");
  cmd->footer("Reworded: same answer key, other text (progress kept). Re-keyed: the answer changed (studied\n"
              "cards return to relearning when the new version is loaded). See docs/bank-versions.md.\n"
              "With --db PATH (read only), how many learners have studied each changed question.\n"
              "Exit status: 0 compared, 1 a bank did not load or the database cannot be read, 2 usage error.\n"
              "Example: casebook diff old/law.toml question_banks/law.toml --db progress.sqlite3");
  cmd->callback([&app, old_path, new_path, &exit_code] {
    const CLI::Option* db = app.get_option("--db");
    const std::string path = db->count() > 0 ? db->as<std::string>() : std::string();
    exit_code = run_diff(*old_path, *new_path, path, std::cout, std::cerr);
  });
  return cmd;
}

}  // namespace casebook::cli
