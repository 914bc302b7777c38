// Reads the GL framebuffer back and writes it as a PNG (for --screenshot, F12 and tests).
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace casebook::platform {

/// Writes `bytes` to `path` whole (the GUI passes app::write_file_atomically); throws
/// std::exception with the reason when it cannot.
using FileWriter = std::function<void(const std::string& path, std::string_view bytes)>;

/// Reads the `width` x `height` pixels of the currently bound read buffer (call after
/// rendering, before swapping), flips them to top-down rows, encodes an RGB PNG and hands it
/// to `write` for `path`. Returns an empty string on success, otherwise the reason it failed.
[[nodiscard]] std::string write_framebuffer_png(const std::string& path, int width, int height,
                                                const FileWriter& write);

}  // namespace casebook::platform
