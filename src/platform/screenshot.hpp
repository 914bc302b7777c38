// Reads the GL framebuffer back and writes it as a PNG (for --screenshot, F12 and tests).
#pragma once
#include <string>

namespace casebook::platform {

/// Reads the `width` x `height` pixels of the currently bound read buffer (call after
/// rendering, before swapping), flips them to top-down rows and writes an RGB PNG to `path`.
/// Returns an empty string on success, otherwise the reason it failed.
[[nodiscard]] std::string write_framebuffer_png(const std::string& path, int width, int height);

}  // namespace casebook::platform
