#include "app/learners.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/context.hpp"
#include "app/display.hpp"
#include "app/files.hpp"
#include "app/settings_model.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"

namespace casebook::app {

namespace {

bool space_like(char32_t cp) { return core::is_blank(core::encode_utf8(std::u32string(1, cp))); }

bool control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029; }

/// `path` absolute and normalised (symbolic links resolved as far as the path exists), so
/// that "./progress.sqlite3" and its full path name the same file.
std::string absolute_path(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  if (!ec) return p.string();
  return std::filesystem::absolute(path, ec).lexically_normal().string();
}

}  // namespace

LearnerName check_learner_name(std::string_view raw) {
  if (!core::is_valid_utf8(raw)) return {std::string(raw), "a name must be valid UTF-8 text"};
  std::u32string cps = core::decode_utf8(raw, core::InvalidUtf8::Skip);
  const auto first = std::find_if_not(cps.begin(), cps.end(), space_like);
  const auto last = std::find_if_not(cps.rbegin(), std::u32string::reverse_iterator(first), space_like).base();
  cps = std::u32string(first, last);
  LearnerName out{core::encode_utf8(cps), {}};
  if (core::is_blank(out.name)) {
    out.problem = "a name needs at least one visible character";
  } else if (std::any_of(cps.begin(), cps.end(), control)) {
    out.problem = "a name cannot hold a line break, a tab or another control character";
  } else if (std::any_of(cps.begin(), cps.end(), [](char32_t cp) { return cp > 0xFFFF; })) {
    // Debian's Dear ImGui 1.86 keeps characters in 16 bits: it would draw '?' in their place.
    out.problem = "a name cannot hold a character above U+FFFF (an emoji, or a letter of a script "
                  "such as Adlam): the window cannot draw it";
  } else if (cps.size() > kMaxLearnerNameLength) {
    out.problem = "a name has at most " + std::to_string(kMaxLearnerNameLength) + " characters (this one has " +
                  std::to_string(cps.size()) + ")";
  }
  return out;
}

std::string remembered_learner_text(const std::string& db_path, const std::string& learner) {
  return "# Casebook: the learner chosen last on Home (written by the app)\nprogress = " + absolute_path(db_path) +
         "\nlearner = " + learner + "\n";
}

std::optional<std::string> load_remembered_learner(const std::string& path, const std::string& db_path) {
  if (path.empty()) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string line, progress, learner;
  while (std::getline(in, line)) {
    const std::size_t eq = line.find('=');
    if (eq == std::string::npos || core::trim_ascii_space(line).starts_with('#')) continue;
    const std::string key = core::trim_ascii_space(line.substr(0, eq));
    const std::string value = core::trim_ascii_space(line.substr(eq + 1));
    if (key == "progress") progress = value;
    if (key == "learner") learner = value;
  }
  if (progress.empty() || absolute_path(progress) != absolute_path(db_path)) return std::nullopt;
  const LearnerName checked = check_learner_name(learner);
  if (!checked.problem.empty()) return std::nullopt;
  return checked.name;
}

void remember_learner(const std::string& path, const std::string& db_path, const std::string& learner) {
  if (path.empty()) return;
  std::error_code ec;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  write_file_atomically(path, remembered_learner_text(db_path, learner));
}

std::string default_learner_memory_path() {
  const std::string display = default_display_path();
  if (display.empty()) return {};
  return (std::filesystem::path(display).parent_path() / "learner.conf").string();
}

LearnerFlow::LearnerFlow(AppContext& ctx, SettingsModel& settings) : m_ctx(ctx), m_settings(settings) { refresh(); }

void LearnerFlow::refresh() {
  try {
    m_names = m_ctx.progress.learners();
  } catch (const std::exception&) {  // the list stays as it was (the read is retried on the next refresh)
  }
  if (std::find(m_names.begin(), m_names.end(), m_ctx.config.learner) == m_names.end()) {
    m_names.insert(std::upper_bound(m_names.begin(), m_names.end(), m_ctx.config.learner), m_ctx.config.learner);
  }
  for (const std::string& n : m_names) see(n);
}

void LearnerFlow::switch_to(const std::string& name) {
  refresh();
  if (std::find(m_names.begin(), m_names.end(), name) == m_names.end()) {
    m_ctx.message = "There is no learner named \"" + name + "\" in this progress file.";
    return;
  }
  if (name == m_ctx.config.learner) {
    m_ctx.message = "You are studying as " + name + " already.";
    return;
  }
  m_ctx.message = "Now studying as " + name + ".";
  become(name);
}

void LearnerFlow::add(const std::string& raw_name) {
  see(raw_name);
  const LearnerName checked = check_learner_name(raw_name);
  if (!checked.problem.empty()) {
    m_ctx.message = "No learner added: " + checked.problem + ".";
    return;
  }
  refresh();
  if (std::find(m_names.begin(), m_names.end(), checked.name) != m_names.end()) {
    if (checked.name == m_ctx.config.learner) {
      m_ctx.message = "You are studying as " + checked.name + " already.";
      return;
    }
    m_ctx.message = checked.name + " is a learner of this file already: now studying as " + checked.name + ".";
  } else {
    m_ctx.progress.ensure_learner(checked.name);
    m_ctx.message = "Learner " + checked.name + " added: now studying as " + checked.name + ".";
  }
  become(checked.name);
}

void LearnerFlow::typing(std::string_view text) { see(text); }

void LearnerFlow::become(const std::string& name) {
  const std::string before = m_ctx.config.learner;
  auto load = [this](const std::string& learner) {
    m_ctx.config.learner = learner;
    m_ctx.load_learner();  // a stored option set that does not validate replaces the message
  };
  try {
    load(name);
  } catch (const std::exception&) {
    try {
      load(before);  // back to the learner whose caches these were
    } catch (const std::exception&) {  // the first error is the one to report
    }
    throw;
  }
  m_settings.clear_notes();
  m_settings.refresh();
  refresh();
  try {
    remember_learner(m_ctx.config.learner_memory_path, m_ctx.config.db_path, name);
  } catch (const std::exception& e) {
    m_ctx.message += std::string(" (It could not be remembered for the next start: ") + e.what() + ")";
  }
}

void LearnerFlow::see(std::string_view text) {
  bool grew = false;
  for (const char32_t cp : core::decode_utf8(text, core::InvalidUtf8::Skip)) {
    if (!m_seen.insert(cp).second) continue;
    core::append_utf8(m_glyph_text, cp);
    grew = true;
  }
  if (grew) ++m_generation;
}

}  // namespace casebook::app
