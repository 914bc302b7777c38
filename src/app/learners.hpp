// The learners of one progress file, from Home (issue 12): a new learner's name checked, the
// switch to another learner (every learner-specific cache read again), and the learner chosen
// last remembered between runs in learner.conf, beside display.conf.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::app {

struct AppContext;
class SettingsModel;

/// The longest learner name, in characters (code points).
inline constexpr std::size_t kMaxLearnerNameLength = 64;

/// A learner name as typed, checked: `name` is the text trimmed of leading and trailing white
/// space (ASCII and the space-like characters core::is_blank knows); `problem` is empty when
/// the name can be used, else one sentence ("a name needs at least one visible character").
struct LearnerName {
  std::string name;
  std::string problem;
};

/// Checks a learner name: any script is allowed; refused are ill-formed UTF-8, a name with
/// nothing visible, control characters (a line break, a tab; U+2028 and U+2029 too) and more
/// than kMaxLearnerNameLength characters. Names are compared byte for byte ("Ann" and "ann"
/// are two learners).
[[nodiscard]] LearnerName check_learner_name(std::string_view raw);

/// The remembered choice as the file holds it:
/// "# ...\nprogress = /abs/progress.sqlite3\nlearner = Анна\n" (`db_path` made absolute).
[[nodiscard]] std::string remembered_learner_text(const std::string& db_path, const std::string& learner);

/// The learner remembered in the file at `path` for the progress file `db_path`; nullopt when
/// `path` is empty, the file is missing or unreadable, names another progress file, or has no
/// usable learner line. Unknown lines are ignored.
[[nodiscard]] std::optional<std::string> load_remembered_learner(const std::string& path, const std::string& db_path);

/// Writes remembered_learner_text to `path` whole (app::write_file_atomically), creating its
/// folder; nothing when `path` is empty. Throws std::runtime_error when it cannot.
void remember_learner(const std::string& path, const std::string& db_path, const std::string& learner);

/// Where the window remembers the learner: learner.conf in the folder of
/// default_display_path(); empty when there is no such folder.
[[nodiscard]] std::string default_learner_memory_path();

/// Home's learners: the list, switching and adding (the controller refuses both during a
/// session or an exam, while background work runs and in a read-only app), and the characters
/// of every name shown or typed, for the font atlas.
class LearnerFlow {
 public:
  LearnerFlow(AppContext& ctx, SettingsModel& settings);

  /// Reads the learners of the progress file again (the current one is listed even before
  /// it is stored, as in a read-only app).
  void refresh();
  /// The learners by name (as storage lists them, byte order), the current one included.
  [[nodiscard]] const std::vector<std::string>& names() const { return m_names; }
  /// Makes `name`, a learner of the file, the current one: its options, card states, flags,
  /// spreads and due load are read again, the settings view too, and the choice is
  /// remembered. Another name: nothing changes and the status line says so. The caller
  /// rebuilds Home.
  void switch_to(const std::string& name);
  /// Adds a learner (check_learner_name; a refused name changes nothing, the status line says
  /// why) and switches to them; a name the file already has switches to that learner.
  void add(const std::string& raw_name);
  /// A name being typed: its characters join glyph_text().
  void typing(std::string_view text);
  /// Every character of the names listed and typed so far (once each), for the atlas.
  [[nodiscard]] const std::string& glyph_text() const { return m_glyph_text; }
  /// Grows whenever glyph_text() gains a character.
  [[nodiscard]] std::uint64_t generation() const { return m_generation; }

 private:
  void become(const std::string& name);
  void see(std::string_view text);

  AppContext& m_ctx;
  SettingsModel& m_settings;
  std::vector<std::string> m_names;
  std::set<char32_t> m_seen;
  std::string m_glyph_text;
  std::uint64_t m_generation = 0;
};

}  // namespace casebook::app
