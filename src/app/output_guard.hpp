// The one guard every written output goes through (`import`, `export`, `report` and
// `class-report --out`, the Import and Export screens): never a progress database or its
// -wal/-shm/-journal, never a file the command reads, never an existing file unless asked.
#pragma once
#include <string>
#include <vector>

namespace casebook::app {

/// What an output may not replace.
struct OutputRules {
  std::string db_path;              ///< the progress database in use ("" when none)
  std::vector<std::string> inputs;  ///< the files the command reads (question file, bank, reports)
  bool replace = false;             ///< an existing ordinary file may be replaced (`--force`)
};

/// Where an output goes, or why it may not.
struct OutputCheck {
  std::string target;   ///< the file to write: `out` with its symlinks resolved (a symlink stays)
  std::string refusal;  ///< empty when allowed; else one sentence naming the file and what to do
  bool exists = false;  ///< refused only because the file exists (`--force` would allow it)
};

/// Checks `out` against `rules`. Refused whatever `replace` says: `rules.db_path` and its
/// -wal, -shm and -journal (after resolving symlinks, whether they exist or not); any SQLite
/// database (by its header) and any -wal, -shm or -journal beside one; a file the command
/// reads (same path after symlinks, or the same file by device and inode); a folder, device or
/// other non-ordinary file. An existing ordinary file is refused unless `rules.replace`.
[[nodiscard]] OutputCheck check_output(const std::string& out, const OutputRules& rules);

/// `path` when no file of that name exists, else the first free "<stem>-2<ext>",
/// "<stem>-3<ext>", ... in the same folder (what the GUI proposes instead of replacing).
[[nodiscard]] std::string free_file_name(const std::string& path);

}  // namespace casebook::app
