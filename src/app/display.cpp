#include "app/display.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/files.hpp"
#include "core/number.hpp"
#include "core/text.hpp"

namespace casebook::app {

std::string_view to_string(Theme t) {
  switch (t) {
    case Theme::System: return "system";
    case Theme::Light: return "light";
    case Theme::Dark: return "dark";
  }
  return "system";
}

int step_scale(int percent, int steps) {
  if (steps == 0) return 100;
  const int n = static_cast<int>(std::size(kScaleSteps));
  int i = 0;
  if (steps > 0) {
    while (i < n - 1 && kScaleSteps[i] <= percent) ++i;  // the first step above
    i = std::min(n - 1, i + steps - 1);
  } else {
    i = n - 1;
    while (i > 0 && kScaleSteps[i] >= percent) --i;  // the last step below
    i = std::max(0, i + steps + 1);
  }
  return kScaleSteps[i];
}

std::string display_text(const DisplaySettings& s) {
  return "# Casebook display settings (written by the app)\nui_scale = " + std::to_string(s.scale_percent) +
         "\ntheme = " + std::string(to_string(s.theme)) + "\n";
}

DisplaySettings parse_display(std::string_view text, std::vector<std::string>& problems) {
  DisplaySettings s;
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string t = core::trim_ascii_space(line);
    if (t.empty() || t[0] == '#') continue;
    const std::string where = "line " + std::to_string(number) + ": ";
    const std::size_t eq = t.find('=');
    if (eq == std::string::npos) {
      problems.push_back(where + "expected key = value, got \"" + t + "\"");
      continue;
    }
    const std::string key = core::trim_ascii_space(t.substr(0, eq));
    const std::string value = core::trim_ascii_space(t.substr(eq + 1));
    if (key == "ui_scale") {
      const auto v = core::parse_double(value);
      const bool ok = v && std::find(std::begin(kScaleSteps), std::end(kScaleSteps), static_cast<int>(*v)) !=
                               std::end(kScaleSteps) && *v == static_cast<int>(*v);
      if (ok) s.scale_percent = static_cast<int>(*v);
      else problems.push_back(where + "ui_scale must be one of 75, 90, 100, 110, 125, 150, 175, 200; got " + value);
    } else if (key == "theme") {
      if (value == "system") s.theme = Theme::System;
      else if (value == "light") s.theme = Theme::Light;
      else if (value == "dark") s.theme = Theme::Dark;
      else problems.push_back(where + "theme must be system, light or dark; got " + value);
    } else {
      problems.push_back(where + "unknown setting \"" + key + "\" (known: ui_scale, theme)");
    }
  }
  return s;
}

DisplaySettings load_display(const std::string& path, std::vector<std::string>& problems) {
  if (path.empty()) return {};
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back("cannot read " + path + "; the default display settings apply");
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<std::string> found;
  DisplaySettings s = parse_display(text.str(), found);
  for (const auto& p : found) problems.push_back(path + ": " + p);
  return s;
}

void save_display(const std::string& path, const DisplaySettings& s) {
  if (path.empty()) return;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  write_file_atomically(path, display_text(s));
}

std::string default_display_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && *xdg != '\0' && std::filesystem::path(xdg).is_absolute()) {
    return (std::filesystem::path(xdg) / "casebook" / "display.conf").string();
  }
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return (std::filesystem::path(home) / ".config" / "casebook" / "display.conf").string();
  return {};
}

}  // namespace casebook::app
