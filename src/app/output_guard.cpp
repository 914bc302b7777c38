// The output guard (output_guard.hpp): paths resolved through symlinks, files compared by
// device and inode, SQLite files recognised by their header.
#include "app/output_guard.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <system_error>

#include "storage/inspect.hpp"

namespace casebook::app {

namespace fs = std::filesystem;

namespace {

/// `path` with its symlinks and ".." resolved as far as it exists (absolute when it cannot).
fs::path resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  if (ec) p = fs::absolute(path, ec);
  return p;
}

/// The (device, inode) of an existing file, followed through symlinks.
std::optional<std::pair<dev_t, ino_t>> identity_of(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return std::pair{st.st_dev, st.st_ino};
}

/// The SQLite database that `target` is a companion of ("x-wal" of "x"), if any.
std::optional<fs::path> companion_of(const fs::path& target) {
  const std::string name = target.string();
  for (const std::string& suffix : storage::companion_suffixes()) {
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      const fs::path base = name.substr(0, name.size() - suffix.size());
      if (storage::read_sqlite_header(base.string())) return base;
    }
  }
  return std::nullopt;
}

}  // namespace

OutputCheck check_output(const std::string& out, const OutputRules& rules) {
  OutputCheck check;
  const fs::path target = resolved(out);
  check.target = target.string();
  const auto refuse = [&](const std::string& why) {
    check.refusal = out + " " + why;
    return check;
  };
  if (!rules.db_path.empty()) {
    const fs::path db = resolved(rules.db_path);
    if (target == db) return refuse("is the progress database; choose another file");
    for (const std::string& suffix : storage::companion_suffixes()) {
      if (target == fs::path(db.string() + suffix)) {
        return refuse("belongs to the progress database (its \"" + suffix + "\" file); choose another file");
      }
    }
  }
  if (const auto base = companion_of(target)) {
    return refuse("belongs to the SQLite database " + base->string() + "; choose another file");
  }
  const auto target_id = identity_of(target);
  for (const std::string& input : rules.inputs) {
    if (resolved(input) == target || (target_id && identity_of(resolved(input)) == target_id)) {
      return refuse("is a file this command reads; choose another file");
    }
  }
  std::error_code ec;
  const auto status = fs::status(target, ec);
  if (!fs::exists(status)) return check;
  if (!fs::is_regular_file(status)) return refuse("exists and is not an ordinary file; choose a file path");
  if (storage::read_sqlite_header(check.target)) {
    return refuse("is a SQLite database (a progress file?); choose another file");
  }
  if (!rules.replace) {
    check.exists = true;
    return refuse("exists; choose another file or add --force to replace it");
  }
  return check;
}

std::string free_file_name(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return path;
  const fs::path p(path);
  const std::string stem = p.stem().string();
  const std::string ext = p.extension().string();
  for (int n = 2;; ++n) {
    const fs::path candidate = p.parent_path() / (stem + "-" + std::to_string(n) + ext);
    if (!fs::exists(fs::symlink_status(candidate, ec))) return candidate.string();
  }
}

}  // namespace casebook::app
