// The bounded reader of input files (see input_file.hpp).
#include "bank/input_file.hpp"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace casebook::bank {

namespace {

namespace fs = std::filesystem;

std::string mib(std::uintmax_t bytes) {
  const std::uintmax_t whole = bytes / kMiB;
  return whole > 0 ? std::to_string(whole) + " MiB" : std::to_string(bytes) + " bytes";
}

}  // namespace

InputText read_input_file(const std::string& path, const InputKind& kind) {
  InputText in;
  const auto refuse = [&](std::string code, std::string message, std::string hint) {
    in.text.clear();
    in.text.shrink_to_fit();
    in.problem = core::Diagnostic{path, 0, 0, core::Severity::Error, std::move(code), std::move(message), std::move(hint)};
    return std::move(in);
  };
  const std::string noun(kind.noun);
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec && ec == std::errc::too_many_symbolic_link_levels) {
    return refuse("unreadable-file", "is a loop of symbolic links", "point the link at a " + noun);
  }
  if (status.type() == fs::file_type::not_found) return refuse("missing-path", "no such file or folder", "check the path");
  if (ec) return refuse("unreadable-file", "cannot read the file: " + ec.message(), "check that you may read it");
  if (status.type() == fs::file_type::directory) {
    return refuse("unreadable-file", "is a folder, not a " + noun, "give the " + noun + " itself");
  }
  if (status.type() != fs::file_type::regular) {
    // A FIFO or a device (/dev/zero) would block or never end: only ordinary files are read.
    return refuse("unreadable-file", "is not an ordinary file (a pipe, socket or device)", "give a " + noun);
  }
  const std::string too_large_hint = "a " + noun + " may be at most " + mib(kind.max_bytes) + "; " + std::string(kind.split);
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kind.max_bytes) {
    return refuse("file-too-large", "the file is " + mib(size) + ", larger than a " + noun + " can be", too_large_hint);
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    const int err = errno;
    return refuse("unreadable-file",
                  "cannot open the file" + (err != 0 ? ": " + std::generic_category().message(err) : std::string()),
                  "check that you may read it");
  }
  // The size is only a promise (a file may grow, /proc files say 0): read at most max + 1 bytes.
  in.text.reserve(static_cast<std::size_t>(ec ? 0 : size));
  char chunk[64 * 1024];
  while (file) {
    file.read(chunk, sizeof chunk);
    const auto got = static_cast<std::size_t>(file.gcount());
    if (in.text.size() + got > kind.max_bytes) {
      return refuse("file-too-large", "the file is larger than a " + noun + " can be (" + mib(kind.max_bytes) + ")",
                    too_large_hint);
    }
    in.text.append(chunk, got);
  }
  if (file.bad()) return refuse("unreadable-file", "cannot read the file to its end", "check the disk and try again");
  return in;
}

}  // namespace casebook::bank
