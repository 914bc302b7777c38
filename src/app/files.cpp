// Durable, atomic file replacement (see files.hpp) on POSIX calls.
#include "app/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <utility>

namespace casebook::app {

namespace {

namespace fs = std::filesystem;

/// Temporary files made by this process, for unique names across threads.
std::atomic<unsigned> g_temp_count{0};

std::string reason(int error) { return std::strerror(error); }

/// The folder holding `path` ("." for a bare file name).
fs::path folder_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

/// Closes `fd`, retrying on EINTR is wrong for close (POSIX leaves the state unspecified):
/// returns the errno of a failure, 0 on success.
int close_fd(int fd) { return ::close(fd) == 0 ? 0 : errno; }

/// fsync of the file or folder at `path`; 0 or the errno of the failure.
int sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return errno;
  const int synced = ::fsync(fd) == 0 ? 0 : errno;
  const int closed = close_fd(fd);
  return synced != 0 ? synced : closed;
}

}  // namespace

AtomicFile::AtomicFile(std::string target) : m_target(std::move(target)) {
  const fs::path folder = folder_of(m_target);
  const std::string name = fs::path(m_target).filename().string();
  struct stat existing {};
  const bool has_target = ::stat(m_target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode);
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path temp = folder / ("." + name + "." + std::to_string(::getpid()) + "." +
                                    std::to_string(g_temp_count.fetch_add(1)) + ".tmp");
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
      if (errno == EEXIST) continue;
      throw std::runtime_error("cannot write in " + folder.string() + ": " + reason(errno));
    }
    m_temp = temp.string();
    if (has_target) (void)::fchmod(fd, existing.st_mode & 07777);
    (void)close_fd(fd);
    return;
  }
  throw std::runtime_error("cannot write in " + folder.string() + ": no free temporary file name");
}

AtomicFile::~AtomicFile() {
  if (!m_committed && !m_temp.empty()) (void)::unlink(m_temp.c_str());
}

void AtomicFile::commit() {
  if (m_committed) throw std::logic_error("AtomicFile::commit called twice for " + m_target);
  const auto fail = [&](int error) {
    (void)::unlink(m_temp.c_str());
    m_committed = true;  // nothing left to remove
    throw std::runtime_error("cannot replace " + m_target + ": " + reason(error));
  };
  if (const int error = sync_path(m_temp, O_RDONLY); error != 0) fail(error);
  if (::rename(m_temp.c_str(), m_target.c_str()) != 0) fail(errno);
  m_committed = true;
  // The rename is durable once the folder's entry is on disk.
  if (const int error = sync_path(folder_of(m_target), O_RDONLY | O_DIRECTORY); error != 0) {
    throw std::runtime_error("cannot flush the folder of " + m_target + " to disk: " + reason(error));
  }
}

void write_file_atomically(const std::string& path, std::string_view content) {
  write_file_atomically(path, std::vector<std::string_view>{content});
}

void write_file_atomically(const std::string& path, const std::vector<std::string_view>& parts) {
  AtomicFile file(path);
  const int fd = ::open(file.temp_path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot write " + path + ": " + reason(errno));
  for (const std::string_view content : parts) {
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
      const ssize_t n = ::write(fd, data, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        const int error = errno;
        (void)close_fd(fd);
        throw std::runtime_error("cannot write " + path + ": " + reason(error));
      }
      data += n;
      left -= static_cast<std::size_t>(n);
    }
  }
  if (const int error = close_fd(fd); error != 0) {
    throw std::runtime_error("cannot write " + path + ": " + reason(error));
  }
  file.commit();
}

}  // namespace casebook::app
