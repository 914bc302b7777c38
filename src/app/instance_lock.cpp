// The single-instance lock (instance_lock.hpp) on flock(2).
#include "app/instance_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace casebook::app {

std::string InstanceLock::path_for(const std::string& db_path) { return db_path + ".lock"; }

LockAttempt InstanceLock::try_acquire(const std::string& db_path) {
  LockAttempt attempt;
  const std::string path = path_for(db_path);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    attempt.error = "cannot create the lock file " + path + ": " + std::strerror(errno);
    return attempt;
  }
  int rc = 0;
  do {
    rc = ::flock(fd, LOCK_EX | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    const int error = errno;
    if (error == EWOULDBLOCK) {
      attempt.held_elsewhere = true;
      char text[32] = {};
      const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
      const std::string pid = n > 0 ? std::string(text, static_cast<std::size_t>(n)) : std::string();
      if (!pid.empty() && pid.find_first_not_of("0123456789") == std::string::npos) attempt.holder = "process " + pid;
    } else {
      attempt.error = "cannot lock " + path + ": " + std::strerror(error);
    }
    ::close(fd);
    return attempt;
  }
  // Who holds it, for the message a second Casebook shows.
  const std::string pid = std::to_string(::getpid());
  if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, pid.data(), pid.size(), 0);
  attempt.lock.emplace(InstanceLock(fd));
  return attempt;
}

InstanceLock::InstanceLock(InstanceLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

InstanceLock& InstanceLock::operator=(InstanceLock&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = std::exchange(other.m_fd, -1);
  }
  return *this;
}

InstanceLock::~InstanceLock() {
  if (m_fd >= 0) ::close(m_fd);  // closing the last descriptor releases the flock
}

}  // namespace casebook::app
