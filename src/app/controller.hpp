// The application controller: owns banks, progress and the study session; the GUI reads
// its view models every frame and sends it Actions. No ImGui here.
#pragma once
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/grading.hpp"
#include "core/options.hpp"
#include "core/question.hpp"
#include "core/scheduler.hpp"

namespace casebook::app {

/// Casebook's default scheduler options with the study-day clock in the local time zone
/// (core::local_time_zone_name(); "UTC" if the tz database does not know it) and the
/// rollover at 04:00.
[[nodiscard]] core::SchedulerOptions default_scheduler_options();

/// Short citation for the study screen: forwards to core::locator_citation (the first
/// author's surname and the citation's remaining parts without the quoted title and final
/// full stop, then "¶N", "¶9, 11" or "¶12–13"). "Andrei Soldatov, \"Title\", The Moscow
/// Times, 14 May 2021." with {12} gives "Soldatov, The Moscow Times, 14 May 2021, ¶12".
[[nodiscard]] std::string format_citation(const core::Source& source, const std::vector<int>& paragraphs);

/// The order in which new cards are introduced.
enum class NewCardOrder {
  Random,  ///< a fixed pseudo-random order per learner (core::order_new_cards): the default
  InBank   ///< the order of the questions in the banks (banks in path order)
};

/// How the app was started (from the command line).
struct AppConfig {
  std::string db_path;                  ///< SQLite file (created if missing)
  std::vector<std::string> bank_paths;  ///< files or folders of *.toml banks
  std::string learner = "default";
  core::SchedulerOptions scheduler = default_scheduler_options();  ///< clock: local time zone, rollover 04:00
  int new_cards_per_day = 20;
  int max_reviews_per_day = 200;
  NewCardOrder new_card_order = NewCardOrder::Random;
  std::function<core::TimestampMs()> clock;  ///< defaults to core::now_ms; tests inject time
};

enum class Screen { Home, Study, Summary, Settings };

/// The study options as the settings screen shows them (Controller::settings()).
struct SettingsView {
  /// One loaded bank: its effective options (the learner's with the bank's overrides).
  struct Bank {
    std::string id;
    std::string title;
    core::StudyOptions options;
    bool overridden = false;  ///< the bank has overrides of its own
    int cards = 0;            ///< its questions (hand-written and generated)
  };
  core::StudyOptions learner_options;        ///< the learner's own options (what Home uses)
  std::string effective_time_zone;           ///< the zone study days follow now
  std::vector<Bank> banks;
  std::vector<core::OptionProblem> problems; ///< why the last SaveOptions was refused; empty when saved
  std::string notice;                        ///< "Saved." after a successful SaveOptions
  int suspended_cards = 0;                   ///< cards of the loaded banks suspended as leeches
  int leech_cards = 0;                       ///< cards tagged "leech"
};

/// The StudyOptions that `config` describes (retention, steps, maximum interval, rollover,
/// weights from config.scheduler; the daily limits; the time zone, left empty when it is the
/// system's own). Stored options are applied on top of these.
[[nodiscard]] core::StudyOptions base_study_options(const AppConfig& config);

/// One bank on the Home screen.
struct BankRow {
  std::string path;
  std::string id;                        ///< empty when the bank failed to load
  std::string title;                     ///< file name when the bank failed to load
  bool loaded = false;
  int total = 0, new_count = 0, learning_count = 0, due_count = 0;
  std::vector<core::Diagnostic> diagnostics;
};

struct HomeView {
  std::string learner;
  std::string db_path;
  std::vector<BankRow> banks;
  int new_available = 0;       ///< new cards that today's limit still allows
  int learning_due = 0;
  int review_due = 0;
  std::string message;         ///< last error or notice for the user, empty when none
};

/// The card currently shown. `display_order` is the on-screen order of choices (single,
/// multiple), items (ordering) or right-hand sides (matching): display_order[k] is the
/// canonical index shown at position k. Seeded per showing; never part of identity.
struct CardView {
  const core::Question* question = nullptr;  ///< valid until the next dispatch
  std::string card_key;
  std::string bank_title;
  std::string citation;         ///< "Soldatov, The Moscow Times, 14 May 2021, ¶12"
  std::vector<int> display_order;
  int position = 0;             ///< 1-based index of this card in the session so far
  int remaining = 0;            ///< cards still queued after this one
  int remaining_learning = 0;   ///< of `remaining`, cards coming back for a learning step
  std::uint64_t showing_id = 0; ///< changes every time a card is shown (UI resets its inputs)

  // Display-ready text: the question's prose with its `[@id]` citations rendered by
  // core::render_citations against the bank's sources ("(RFE/RL, 2019)"). Lists are in the
  // question's canonical order (index them like the question's own lists). Show these, not
  // the raw question fields.
  std::string prompt;
  std::string explanation;
  std::string scenario;                   ///< dilemma
  std::string model_answer;               ///< dilemma
  std::vector<std::string> choices;       ///< single choice, multiple response
  std::vector<std::string> items;         ///< ordering
  std::vector<core::MatchPair> pairs;     ///< matching
  std::vector<core::Position> positions;  ///< dilemma: titles and arguments rendered
  std::vector<std::string> rubric;        ///< dilemma
};

/// After the answer is submitted.
struct FeedbackView {
  core::Answer answer;
  core::Grade grade;
  core::Rating selected = core::Rating::Good;     ///< proposed until the learner changes it
  std::array<std::string, 4> intervals;          ///< "1m", "10m", "3d", ... for Again..Easy
  std::string expected;  ///< grade.expected with citations rendered, for display
  std::string given;     ///< core::describe_answer of the answer, citations rendered
};

struct StudyView {
  CardView card;
  std::optional<FeedbackView> feedback;  ///< empty while answering
};

struct SummaryView {
  int reviewed = 0, correct = 0;
  std::array<int, 4> ratings{};          ///< count per Again..Easy
  std::int64_t duration_ms = 0;
  int remaining_due_today = 0;
};

// Actions the UI sends.
struct StartSession {};                           ///< Home: study due and new cards of all banks
struct SubmitAnswer { core::Answer answer; };     ///< Study: answering -> feedback
struct SetRubric { int line; bool met; };         ///< Study feedback (dilemma): self-assessment
struct SelectRating { core::Rating rating; };     ///< Study feedback: change the proposed rating
struct Rate { core::Rating rating; };             ///< Study feedback: record and show the next card
struct Continue {};                               ///< Study feedback: record with the selected rating
struct LeaveSession {};                           ///< Study: to the summary (nothing lost)
struct GoHome {};                                 ///< Summary -> Home (reloads counts)
struct ReloadBanks {};
struct OpenSettings {};                           ///< Home -> Settings
/// Settings: validate `options`; if valid, store them for the learner (bank_id empty) or as
/// the overrides of bank `bank_id` (only its bank-overridable fields that differ from the
/// learner's), and apply them at once (scheduler, limits, study days, Home counts). Invalid
/// options change nothing; SettingsView::problems says why.
struct SaveOptions { core::StudyOptions options; std::string bank_id; };
struct ClearBankOptions { std::string bank_id; };  ///< Settings: remove a bank's overrides
struct UnsuspendAll {};                            ///< Settings: show suspended leeches again (tags stay)
using Action = std::variant<StartSession, SubmitAnswer, SetRubric, SelectRating, Rate, Continue,
                            LeaveSession, GoHome, ReloadBanks, OpenSettings, SaveOptions,
                            ClearBankOptions, UnsuspendAll>;

/// Owns everything behind the screens. Constructing it loads the banks and opens the
/// database; a failure to open the database throws storage::StorageError (the caller shows
/// it). Every recorded answer is committed before dispatch returns.
class Controller {
 public:
  explicit Controller(AppConfig config);
  ~Controller();
  Controller(const Controller&) = delete;
  Controller& operator=(const Controller&) = delete;

  /// Applies one action. Errors (e.g. a failed write) are caught and shown in
  /// HomeView::message / the study screen; the answer is then kept for retry.
  void dispatch(const Action& action);

  [[nodiscard]] Screen screen() const;
  [[nodiscard]] const HomeView& home() const;
  [[nodiscard]] const StudyView* study() const;   ///< nullptr unless screen() == Study
  [[nodiscard]] const SummaryView& summary() const;
  [[nodiscard]] const SettingsView& settings() const;
  /// The options in force for cards of bank `bank_id` (the learner's when empty or unknown).
  [[nodiscard]] core::StudyOptions study_options(const std::string& bank_id = "") const;
  /// A line for the status bar; empty when there is nothing to say.
  [[nodiscard]] const std::string& message() const;
  /// How the app was started (database, banks, learner, clock), e.g. for the Export screen.
  [[nodiscard]] const AppConfig& config() const;
  /// Every character used by the loaded banks (for font glyph ranges), as code points.
  [[nodiscard]] std::vector<char32_t> used_code_points() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace casebook::app
