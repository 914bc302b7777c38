#include "platform/screenshot.hpp"

#include <GL/gl.h>

#include <cstddef>
#include <cstring>
#include <exception>
#include <vector>

// The only translation unit with stb_image_write's implementation; static so it cannot
// clash with the copy inside Debian's libstb.
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

namespace casebook::platform {

std::string write_framebuffer_png(const std::string& path, int width, int height, const FileWriter& write) {
  if (width <= 0 || height <= 0) return "the window has no pixels (minimised?)";
  const auto w = static_cast<std::size_t>(width);
  const auto h = static_cast<std::size_t>(height);
  const std::size_t row = w * 3;
  std::vector<unsigned char> pixels(row * h);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  if (glGetError() != GL_NO_ERROR) return "glReadPixels failed";
  // GL rows start at the bottom; PNG rows at the top.
  std::vector<unsigned char> line(row);
  for (std::size_t y = 0; y < h / 2; ++y) {
    unsigned char* a = pixels.data() + y * row;
    unsigned char* b = pixels.data() + (h - 1 - y) * row;
    std::memcpy(line.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, line.data(), row);
  }
  std::string png;
  const auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
  };
  if (stbi_write_png_to_func(append, &png, width, height, 3, pixels.data(), width * 3) == 0) {
    return "cannot encode the PNG for " + path;
  }
  try {
    write(path, png);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

}  // namespace casebook::platform
