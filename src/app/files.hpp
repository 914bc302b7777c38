// Replacing a file whole and durably: write a temporary file in the target's folder, flush it
// to disk (fsync), rename it over the target, flush the folder. A reader sees the old file or
// the new one, never half of one, and after a crash or power loss the new file is there.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace casebook::app {

/// A temporary file beside `target` that becomes `target` on commit(). For writers that can
/// only write by path (libxlsxwriter): write to temp_path(), then commit(). If commit() is not
/// reached (an exception), the destructor removes the temporary file and the target is left
/// as it was. Not copyable; one commit per object.
class AtomicFile {
 public:
  /// Creates the temporary file (empty, permissions of the target when it exists, else
  /// 0666 less the umask) in the folder of `target`: ".<name>.<pid>.<n>.tmp", hidden, so the
  /// bank loader never reads one. Throws std::runtime_error naming the folder when it cannot.
  explicit AtomicFile(std::string target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  [[nodiscard]] const std::string& temp_path() const { return m_temp; }
  [[nodiscard]] const std::string& target() const { return m_target; }

  /// Flushes the temporary file to disk, renames it over the target and flushes the folder.
  /// Throws std::runtime_error ("cannot replace <target>: <reason>") when any step fails; the
  /// temporary file is then removed and the target is unchanged.
  void commit();

 private:
  std::string m_target;
  std::string m_temp;
  bool m_committed = false;
};

/// Replaces `path` by `content` as AtomicFile does (temporary file, fsync, rename, fsync of
/// the folder). Throws std::runtime_error naming the file when it cannot; the old file is then
/// intact and no temporary file is left behind.
void write_file_atomically(const std::string& path, std::string_view content);
/// The same for content given in parts, written one after the other (no joined copy).
void write_file_atomically(const std::string& path, const std::vector<std::string_view>& parts);

}  // namespace casebook::app
