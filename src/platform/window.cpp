#include "platform/window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui_internal.h>  // ImGuiContext::WantTextInputNextFrame

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <cstdlib>
#include <ctime>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "platform/input_queue.hpp"
#include "platform/keys.hpp"
#include "platform/screenshot.hpp"

static_assert(casebook::platform::kKeyF1 == GLFW_KEY_F1 && casebook::platform::kKeyF5 == GLFW_KEY_F5);
static_assert(casebook::platform::kKeyS == GLFW_KEY_S && casebook::platform::kKeyO == GLFW_KEY_O);
static_assert(casebook::platform::kKeyI == GLFW_KEY_I && casebook::platform::kKeyB == GLFW_KEY_B);
static_assert(casebook::platform::kKeyJ == GLFW_KEY_J && casebook::platform::kKeyR == GLFW_KEY_R &&
              casebook::platform::kKeyE == GLFW_KEY_E && casebook::platform::kKeyP == GLFW_KEY_P &&
              casebook::platform::kKeyF == GLFW_KEY_F && casebook::platform::kKey0 == GLFW_KEY_0);
static_assert(casebook::platform::kKeyEqual == GLFW_KEY_EQUAL && casebook::platform::kKeyMinus == GLFW_KEY_MINUS &&
              casebook::platform::kKeyKp0 == GLFW_KEY_KP_0 && casebook::platform::kKeyKpSubtract == GLFW_KEY_KP_SUBTRACT &&
              casebook::platform::kKeyKpAdd == GLFW_KEY_KP_ADD);
static_assert(casebook::platform::kKeyG == GLFW_KEY_G);
static_assert(casebook::platform::kKeyZ == GLFW_KEY_Z);
static_assert(casebook::platform::kKeyF6 == GLFW_KEY_F6);

namespace casebook::platform {
namespace {

/// Guards glfwPostEmptyEvent from worker threads against the loop's start and shutdown.
std::mutex g_wake_mutex;
bool g_loop_running = false;

void set_loop_running(bool running) {
  const std::lock_guard<std::mutex> lock(g_wake_mutex);
  g_loop_running = running;
}

/// Wake up this often when nothing happens. Nothing on screen changes without an event (the
/// controller recomputes counts on actions), so this is only a safety net: one frame every
/// 10 s keeps an idle window near 0 % CPU (measured: 21 ticks in 20 s at 1 s, llvmpipe).
constexpr double kIdleWaitSeconds = 10.0;
constexpr int kFramesAfterEvent = 3;      ///< frames rendered after each input event

std::string g_last_glfw_error;  // GLFW reports errors through a C callback

void on_glfw_error(int code, const char* description) {
  g_last_glfw_error = std::string(description != nullptr ? description : "unknown error") +
                      " (GLFW error " + std::to_string(code) + ")";
}

/// Per-window input bookkeeping. Keys, characters and mouse buttons wait in `queue` until a
/// frame can take them (InputQueue::take_frame); the rest goes to ImGui's GLFW backend.
struct InputState {
  bool event_seen = false;
  bool screenshot_requested = false;
  bool scale_changed = false;
  InputQueue queue;
  float cursor_x = 0.0f, cursor_y = 0.0f;  ///< last position reported, screen coordinates
  /// Mouse buttons as given to ImGui (the backend would read GLFW's current state instead).
  std::array<bool, 5> mouse_down{};
  bool mouse_event_given = false;  ///< this frame was given a mouse-button event
  float mouse_x = 0.0f, mouse_y = 0.0f;  ///< where that event happened
};

InputState& input_of(GLFWwindow* w) {
  return *static_cast<InputState*>(glfwGetWindowUserPointer(w));
}

/// The role of a GLFW key given the modifiers held (see InputEvent::Role).
InputEvent::Role role_of(int key, int mods) {
  switch (key) {
    case GLFW_KEY_LEFT_SHIFT: case GLFW_KEY_RIGHT_SHIFT: case GLFW_KEY_LEFT_CONTROL:
    case GLFW_KEY_RIGHT_CONTROL: case GLFW_KEY_LEFT_ALT: case GLFW_KEY_RIGHT_ALT:
    case GLFW_KEY_LEFT_SUPER: case GLFW_KEY_RIGHT_SUPER:
      return InputEvent::Role::Modifier;
    default: break;
  }
  const bool printable = (key >= GLFW_KEY_SPACE && key <= GLFW_KEY_WORLD_2) ||
                         (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_ADD);
  const bool plain = (mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER)) == 0;
  return printable && plain ? InputEvent::Role::Text : InputEvent::Role::Command;
}

void on_key(GLFWwindow* w, int key, int, int action, int mods) {
  InputState& s = input_of(w);
  s.event_seen = true;
  // Repeats are left out: ImGui 1.86 repeats held keys itself (io.KeyRepeatRate).
  if (key == GLFW_KEY_UNKNOWN || action == GLFW_REPEAT) return;
  s.queue.push(InputEvent::key(key, action == GLFW_PRESS, role_of(key, mods)));
}

void on_char(GLFWwindow* w, unsigned int c) {
  InputState& s = input_of(w);
  s.event_seen = true;
  s.queue.push(InputEvent::character(static_cast<char32_t>(c)));
}

void on_mouse_button(GLFWwindow* w, int button, int action, int) {
  InputState& s = input_of(w);
  s.event_seen = true;
  s.queue.push(InputEvent::mouse_button(button, action == GLFW_PRESS, s.cursor_x, s.cursor_y));
}

/// Gives ImGui one queued event, as the 1.86 GLFW backend would have when it happened. F12
/// and Ctrl+Q act here, in order with the keys before them.
void give_to_imgui(GLFWwindow* w, InputState& s, const InputEvent& e) {
  ImGuiIO& io = ImGui::GetIO();
  switch (e.kind) {
    case InputEvent::Kind::Key:
      if (e.code >= 0 && e.code < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[e.code] = e.down;
      io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
      io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
      io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
      io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
      if (e.down && e.code == GLFW_KEY_F12) s.screenshot_requested = true;
      if (e.down && e.code == GLFW_KEY_Q && io.KeyCtrl) glfwSetWindowShouldClose(w, GLFW_TRUE);
      break;
    case InputEvent::Kind::Char:
      io.AddInputCharacter(static_cast<unsigned int>(e.code));
      break;
    case InputEvent::Kind::MouseButton:
      if (e.code >= 0 && e.code < static_cast<int>(s.mouse_down.size()))
        s.mouse_down[static_cast<std::size_t>(e.code)] = e.down;
      s.mouse_event_given = true;
      s.mouse_x = e.x;
      s.mouse_y = e.y;
      break;
  }
}

/// Between ImGui_ImplGlfw_NewFrame and ImGui::NewFrame: the queued events this frame can
/// see. A text box has focus when the frame just drawn had one active (the flag ImGui turns
/// into io.WantTextInput at the next NewFrame).
void give_frame_input(GLFWwindow* w, InputState& s) {
  const bool text_input = ImGui::GetCurrentContext()->WantTextInputNextFrame == 1;
  s.mouse_event_given = false;
  for (const InputEvent& e : s.queue.take_frame(text_input)) give_to_imgui(w, s, e);
  ImGuiIO& io = ImGui::GetIO();
  for (std::size_t i = 0; i < s.mouse_down.size(); ++i) io.MouseDown[i] = s.mouse_down[i];
  if (s.mouse_event_given) io.MousePos = ImVec2(s.mouse_x, s.mouse_y);  // where it clicked
}

void on_scroll(GLFWwindow* w, double x, double y) {
  input_of(w).event_seen = true;
  ImGui_ImplGlfw_ScrollCallback(w, x, y);
}
void on_cursor_enter(GLFWwindow* w, int entered) {
  input_of(w).event_seen = true;
  ImGui_ImplGlfw_CursorEnterCallback(w, entered);
}
void on_focus(GLFWwindow* w, int focused) {
  input_of(w).event_seen = true;
  ImGui_ImplGlfw_WindowFocusCallback(w, focused);
}
void on_cursor_pos(GLFWwindow* w, double x, double y) {
  InputState& s = input_of(w);
  s.event_seen = true;
  s.cursor_x = static_cast<float>(x);
  s.cursor_y = static_cast<float>(y);
}
void on_size(GLFWwindow* w, int, int) { input_of(w).event_seen = true; }
void on_refresh(GLFWwindow* w) { input_of(w).event_seen = true; }
void on_content_scale(GLFWwindow* w, float, float) {
  input_of(w).scale_changed = true;
  input_of(w).event_seen = true;
}

/// Scales derived from the monitor: fonts are baked at `bake` x the base size, ImGui
/// draws them at 1/`ratio` (framebuffer pixels per screen coordinate) and the style is
/// scaled by `ui` (screen coordinates).
struct Scales {
  float bake = 1.0f, ratio = 1.0f, ui = 1.0f;
  friend bool operator==(const Scales&, const Scales&) = default;
};

Scales scales_of(GLFWwindow* w) {
  float xs = 1.0f, ys = 1.0f;
  glfwGetWindowContentScale(w, &xs, &ys);
  int fw = 0, fh = 0, ww = 0, wh = 0;
  glfwGetFramebufferSize(w, &fw, &fh);
  glfwGetWindowSize(w, &ww, &wh);
  Scales s;
  s.bake = std::clamp(std::max(xs, ys), 0.5f, 4.0f);
  s.ratio = (ww > 0 && fw > 0) ? std::clamp(static_cast<float>(fw) / static_cast<float>(ww), 1.0f, 4.0f) : 1.0f;
  s.ui = s.bake / s.ratio;
  return s;
}

bool contains_dark(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text.find("dark") != std::string::npos;
}

std::string screenshot_file_name() {
  const char* dir = std::getenv("CASEBOOK_SCREENSHOT_DIR");
  std::filesystem::path base = (dir != nullptr && *dir != '\0') ? dir : ".";
  std::error_code ec;
  std::filesystem::create_directories(base, ec);
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  for (int n = 1;; ++n) {
    auto p = base / ("casebook-" + std::string(stamp) + (n > 1 ? "-" + std::to_string(n) : "") + ".png");
    if (!std::filesystem::exists(p, ec)) return p.string();
  }
}

/// Bakes the atlas `builder` just set up, replaces the backend's font texture with it and
/// frees the CPU-side copies (pixels and font files): the atlas is then held once, by the
/// GL. The next rebuild starts again from FontBuilder::build. `device_ready`: the backend's
/// shaders exist (else they are made now, with the texture). With CASEBOOK_DEBUG_FONTS=1,
/// prints the atlas's coverage and size to stderr.
void upload_fonts(const FontBuilder& builder, const FontSet& fonts, bool device_ready) {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  if (device_ready) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();  // builds the atlas, then uploads it as RGBA
  } else {
    ImGui_ImplOpenGL3_CreateDeviceObjects();  // shaders and the font texture
  }
  const auto texels =
      static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight);
  std::size_t cpu_bytes = texels * 5;  // the Alpha8 and RGBA32 copies
  for (const ImFontConfig& cfg : atlas.ConfigData)
    if (cfg.FontDataOwnedByAtlas) cpu_bytes += static_cast<std::size_t>(cfg.FontDataSize);
  // Safe with ImGui 1.86: both leave TexReady set, the OpenGL3 backend reads the pixels
  // only in CreateFontsTexture, and fonts keep their glyphs (ConfigData is used to build).
  atlas.ClearTexData();
  atlas.ClearInputData();
  const char* debug = std::getenv("CASEBOOK_DEBUG_FONTS");
  if (debug != nullptr && std::string_view(debug) == "1") {
    std::fprintf(stderr,
                 "font atlas: %zu code points requested, %zu missing, %dx%d px "
                 "(%zu KiB texture; %zu KiB of CPU copies freed)\n",
                 builder.requested().size(), builder.count_missing(*fonts.body), atlas.TexWidth,
                 atlas.TexHeight, texels * 4 / 1024, cpu_bytes / 1024);
    std::fflush(stderr);
  }
}

}  // namespace

int run_window_loop(const LoopOptions& options) {
  glfwSetErrorCallback(on_glfw_error);
  if (glfwInit() == GLFW_FALSE) {
    std::fprintf(stderr, "casebook: cannot start the graphical interface: %s\n",
                 g_last_glfw_error.empty() ? "GLFW failed to initialise (no display?)"
                                           : g_last_glfw_error.c_str());
    return 1;
  }
  // OpenGL 3.2 core: the ImGui OpenGL3 backend then sets RendererHasVtxOffset, so one
  // window may hold more than 65 535 vertices with Debian's 16-bit indices (a long scenario
  // would otherwise abort in ImGui). Every laptop GPU of the last decade has 3.3+.
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
  GLFWwindow* window =
      glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (window == nullptr) {
    std::fprintf(stderr, "casebook: cannot open a window with an OpenGL 3.0 context: %s\n",
                 g_last_glfw_error.empty() ? "unknown reason" : g_last_glfw_error.c_str());
    glfwTerminate();
    return 1;
  }
  set_loop_running(true);
  InputState input;
  glfwSetWindowUserPointer(window, &input);
  glfwMakeContextCurrent(window);
  const bool screenshot_mode = options.screenshot_path.has_value();
  glfwSwapInterval(screenshot_mode ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini next to the learner's files
  io.LogFilename = nullptr;
  if (!ImGui_ImplGlfw_InitForOpenGL(window, false) || !ImGui_ImplOpenGL3_Init("#version 150")) {
    std::fprintf(stderr, "casebook: cannot start the graphical interface: OpenGL 3.0 renderer failed to initialise\n");
    set_loop_running(false);
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 1;
  }
  glfwSetKeyCallback(window, on_key);
  glfwSetCharCallback(window, on_char);
  glfwSetMouseButtonCallback(window, on_mouse_button);
  glfwSetScrollCallback(window, on_scroll);
  glfwSetCursorEnterCallback(window, on_cursor_enter);
  glfwSetWindowFocusCallback(window, on_focus);
  glfwSetCursorPosCallback(window, on_cursor_pos);
  glfwSetWindowSizeCallback(window, on_size);
  glfwSetWindowRefreshCallback(window, on_refresh);
  glfwSetWindowContentScaleCallback(window, on_content_scale);

  FontBuilder builder;
  std::uint64_t glyph_generation = options.glyph_generation ? options.glyph_generation() : 0;
  if (options.code_points) builder.set_code_points(options.code_points());
  FontSet fonts;
  Scales scales = scales_of(window);
  bool device_ready = false;  // the backend's shaders exist (made with the first font upload)
  float user = options.user_scale ? options.user_scale() : 1.0f;
  std::uint64_t style_generation = options.style_generation ? options.style_generation() : 0;
  auto rebuild_fonts = [&] {
    fonts = builder.build(*io.Fonts, scales.bake * user);  // re-rasterised, never stretched
    io.FontGlobalScale = 1.0f / scales.ratio;
    upload_fonts(builder, fonts, device_ready);
    device_ready = true;
    if (options.apply_style) options.apply_style(scales.ui * user);
  };
  rebuild_fonts();

  int exit_code = 0;
  int frames_left = kFramesAfterEvent;
  int frames_rendered = 0;
  while (glfwWindowShouldClose(window) == GLFW_FALSE) {
    if (screenshot_mode || frames_left > 0) {
      glfwPollEvents();
    } else {
      glfwWaitEventsTimeout(options.idle_wait ? std::min(kIdleWaitSeconds, options.idle_wait()) : kIdleWaitSeconds);
      frames_left = 1;  // an event or the timeout: draw at least one frame
    }
    if (input.event_seen) {
      frames_left = std::max(frames_left, kFramesAfterEvent);
      input.event_seen = false;
    }
    if (options.glyph_generation && options.glyph_generation() != glyph_generation) {
      glyph_generation = options.glyph_generation();  // banks (re)loaded: new code points
      // Only when a new code point needs a glyph: a rebuild stalls typing for a moment.
      if (builder.set_code_points(options.code_points ? options.code_points() : std::vector<char32_t>{}))
        rebuild_fonts();
    }
    if (options.user_scale && options.user_scale() != user) {
      user = options.user_scale();  // Ctrl+Plus / Ctrl+Minus / Ctrl+0 or the setting
      rebuild_fonts();
      frames_left = std::max(frames_left, kFramesAfterEvent);
    }
    if (options.style_generation && options.style_generation() != style_generation) {
      style_generation = options.style_generation();
      if (options.apply_style) options.apply_style(scales.ui * user);
      frames_left = std::max(frames_left, kFramesAfterEvent);
    }
    if (input.scale_changed) {
      input.scale_changed = false;
      const Scales now = scales_of(window);
      if (!(now == scales)) {
        scales = now;
        rebuild_fonts();
      }
    }
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window, &fb_w, &fb_h);
    if (fb_w <= 0 || fb_h <= 0) {  // minimised: nothing to draw
      frames_left = 0;
      continue;
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    give_frame_input(window, input);
    ImGui::NewFrame();
    bool busy = false;
    bool close = false;
    const FrameContext ctx{&fonts, scales.ui * user, &busy, &close};
    if (options.draw) options.draw(ctx);
    if (busy) frames_left = std::max(frames_left, 2);
    ImGui::Render();
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++frames_rendered;

    if (screenshot_mode && frames_rendered >= std::max(1, options.frames)) {
      glReadBuffer(GL_BACK);
      const std::string err = write_framebuffer_png(*options.screenshot_path, fb_w, fb_h, options.write_file);
      if (!err.empty()) {
        std::fprintf(stderr, "casebook: screenshot failed: %s\n", err.c_str());
        exit_code = 1;
      }
      glfwSwapBuffers(window);
      break;
    }
    if (input.screenshot_requested) {
      input.screenshot_requested = false;
      glReadBuffer(GL_BACK);
      const std::string path = screenshot_file_name();
      const std::string err = write_framebuffer_png(path, fb_w, fb_h, options.write_file);
      if (err.empty()) std::fprintf(stdout, "casebook: screenshot written to %s\n", path.c_str());
      else std::fprintf(stderr, "casebook: screenshot failed: %s\n", err.c_str());
      std::fflush(stdout);
    }
    glfwSwapBuffers(window);
    if (close) break;

    // Events a frame could not take without losing one: keep drawing until they are in.
    if (!input.queue.empty()) frames_left = std::max(frames_left, 2);
    if (frames_left > 0) --frames_left;
  }

  set_loop_running(false);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}

void wake_event_loop() {
  const std::lock_guard<std::mutex> lock(g_wake_mutex);
  if (g_loop_running) glfwPostEmptyEvent();
}

bool system_prefers_dark() {
  if (const char* theme = std::getenv("GTK_THEME"); theme != nullptr && *theme != '\0') return contains_dark(theme);
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::filesystem::path dir;
  if (xdg != nullptr && *xdg != '\0') dir = xdg;
  else if (home != nullptr && *home != '\0') dir = std::filesystem::path(home) / ".config";
  else return false;
  std::ifstream in(dir / "gtk-3.0" / "settings.ini");
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    std::erase(key, ' ');
    std::erase(value, ' ');
    if (key == "gtk-application-prefer-dark-theme" && (value == "1" || value == "true")) return true;
    if (key == "gtk-theme-name" && contains_dark(value)) return true;
  }
  return false;
}

}  // namespace casebook::platform
