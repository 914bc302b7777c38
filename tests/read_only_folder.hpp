// Running test code with a folder that cannot be written to: as root (who may write
// anywhere) in a child process with its own mount namespace where the folder is a
// read-only bind mount; as another user, with the folder chmod 0555 for the duration.
#pragma once
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <string>

namespace casebook::test {

/// How in_read_only_folder() ran: the child's exit code, or why it could not run.
struct ReadOnlyRun {
  int code = -1;         ///< the exit code of `body` (0..255); -1 when it did not run
  std::string skipped;   ///< why the folder could not be made read-only ("" when it ran)
  std::string how;       ///< "read-only bind mount" or "chmod 0555"
};

/// Runs `body` in a forked child in which `folder` cannot be written to, and returns its
/// exit code. `body` must not use gtest assertions (report through the exit code).
inline ReadOnlyRun in_read_only_folder(const std::string& folder, const std::function<int()>& body) {
  ReadOnlyRun run;
  const bool root = ::geteuid() == 0;
  run.how = root ? "read-only bind mount" : "chmod 0555";
  struct stat before {};
  if (!root) {
    if (::stat(folder.c_str(), &before) != 0 || ::chmod(folder.c_str(), 0555) != 0) {
      run.skipped = "cannot chmod " + folder;
      return run;
    }
  }
  int pipe_fd[2];
  if (::pipe(pipe_fd) != 0) {
    run.skipped = "pipe failed";
    return run;
  }
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(pipe_fd[0]);
    char ok = 1;
    if (root && (::unshare(CLONE_NEWNS) != 0 ||
                 ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
                 ::mount(folder.c_str(), folder.c_str(), nullptr, MS_BIND, nullptr) != 0 ||
                 ::mount(nullptr, folder.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0)) {
      ok = 0;
    }
    // Prove the folder is read-only before running the body.
    const std::string probe = folder + "/.write-probe";
    if (ok != 0 && ::access(folder.c_str(), W_OK) == 0) {
      const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
      if (fd >= 0) {
        ::close(fd);
        ::unlink(probe.c_str());
        ok = 0;
      }
    }
    (void)!::write(pipe_fd[1], &ok, 1);
    ::close(pipe_fd[1]);
    std::_Exit(ok != 0 ? body() : 0);
  }
  ::close(pipe_fd[1]);
  char ok = 0;
  const bool got = ::read(pipe_fd[0], &ok, 1) == 1;
  ::close(pipe_fd[0]);
  int status = 0;
  if (child > 0) ::waitpid(child, &status, 0);
  if (!root) ::chmod(folder.c_str(), before.st_mode & 07777);
  if (child < 0 || !got || ok == 0) {
    run.skipped = "cannot make " + folder + " read-only (" + run.how + " failed)";
    return run;
  }
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

}  // namespace casebook::test
