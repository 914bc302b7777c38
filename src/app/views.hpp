// What the screens show: one view model per screen, built by the app layer and read by the
// front ends every frame (GUI) or after every action (terminal). Front ends never read
// core::Question or call core: everything they show is here, rendered to text.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/card.hpp"
#include "core/diagnostic.hpp"
#include "core/grading.hpp"
#include "core/options.hpp"
#include "core/question.hpp"
#include "core/time.hpp"

namespace casebook::app {

/// The screen the app is on. Navigation is app state: front ends draw the screen this names.
enum class Screen {
  Home,
  Study,
  Summary,
  Settings,
  Optimize,   ///< reached from Settings; Back returns there
  Simulator,  ///< reached from Home
  Export,     ///< reached from Home
  Import,     ///< reached from Home
  Plan        ///< the exam plan: reached from Home and from the Simulator; Back returns there
};

/// A long computation running on a worker thread (export, import, optimize, simulate).
struct JobView {
  bool running = false;     ///< started and its result not yet taken
  double progress = 0.0;    ///< 0..1, kept after it ends
  bool cancelling = false;  ///< cancel was asked; the worker stops at its next check
};

/// One bank on the Home screen.
struct BankRow {
  std::string path;
  std::string id;                        ///< empty when the bank failed to load
  std::string title;                     ///< file name when the bank failed to load
  bool loaded = false;
  int total = 0, new_count = 0, learning_count = 0, due_count = 0;
  std::vector<core::Diagnostic> diagnostics;
  std::vector<std::string> diagnostic_lines;  ///< diagnostics as "file:line:col: error: message [code]"
};

/// What a study session covers: every course bank (the default), one bank, or one topic of
/// a bank. Example and template banks (`[bank] kind`) are studied only when chosen.
struct StudyScope {
  std::string bank_id;  ///< empty: every course bank
  std::string topic;    ///< empty: the whole bank; else a [[topic]] id of `bank_id`
  friend bool operator==(const StudyScope&, const StudyScope&) = default;
};

/// One line of Home's list of what to study: everything, a bank, or a topic of a bank, with
/// the cards a session over it would start with (the session's own rule: today's limits,
/// buried siblings).
struct ScopeRow {
  StudyScope scope;
  std::string label;              ///< "All course banks", the bank's title, the topic's title
  int depth = 0;                  ///< 0: everything, 1: a bank, 2: a topic of it
  std::string kind;               ///< "example" or "template": only studied when chosen; "" otherwise
  int fresh = 0, learning = 0, review = 0;
  int cards = 0;                  ///< questions in it (hand-written and generated)
};

/// Home's word on a backlog (issue 16): how large it is, the offer to spread it over N days,
/// or the spread that is running.
struct BacklogView {
  int due = 0;           ///< Review cards due today or earlier, as today's queue sees them
  int overdue = 0;       ///< of them, due on an earlier study day
  bool offer = false;    ///< overdue >= core::kBacklogOfferMinimum and no spread is running
  int default_days = 7;  ///< the N proposed
  int min_days = 2, max_days = 30;
  std::string active;    ///< the running spread in words; empty when none
};

struct HomeView {
  std::string learner;
  std::string db_path;
  std::vector<BankRow> banks;
  /// [0] = every course bank (the default), then each loaded bank followed by its topics.
  std::vector<ScopeRow> scopes;
  int selected = 0;            ///< the row of `scopes` Enter studies (SelectScope moves it)
  int new_available = 0;       ///< new cards that today's limit still allows
  int learning_due = 0;
  int review_due = 0;
  BacklogView backlog;
  std::vector<std::string> exam_lines;  ///< one line per exam ahead (day_plan.hpp exam_lines)
  std::string message;         ///< last error or notice for the user, empty when none
};

/// One choice, item or right-hand side as shown: its text (citations rendered) and its index
/// in the question's canonical order, which is what a core::Answer refers to.
struct ShownOption {
  int index = 0;
  std::string text;
};

/// The card currently shown, complete: a front end needs nothing else to draw it or to build
/// a core::Answer (canonical indices come with every option). Texts have their `[@id]`
/// citations rendered ("(RFE/RL, 2019)").
struct CardView {
  std::string card_key;
  std::string bank_title;
  std::string citation;         ///< "Soldatov, The Moscow Times, 14 May 2021, ¶12"
  core::QuestionType type = core::QuestionType::SingleChoice;
  std::string prompt;
  std::string explanation;
  std::string unit;             ///< numeric: e.g. "people"
  std::string scenario;         ///< dilemma
  std::string model_answer;     ///< dilemma
  /// In display order (seeded per showing, never part of identity): single choice and
  /// multiple response: the choices; ordering: the items in their starting order; matching:
  /// the right-hand sides offered.
  std::vector<ShownOption> options;
  std::vector<std::string> left;          ///< matching: the left items; answer.matches[i] is for left[i]
  std::vector<core::Position> positions;  ///< dilemma, canonical order (answer.position indexes it)
  std::vector<std::string> rubric;        ///< dilemma
  int position = 0;             ///< 1-based index of this card in the session so far
  int remaining = 0;            ///< cards still queued after this one
  int remaining_learning = 0;   ///< of `remaining`, cards coming back for a learning step
  /// The session's cards by state, this one included (core::QueueCounts): the header's
  /// "new · learning · review", going down as cards are done, as in Anki.
  int count_new = 0, count_learning = 0, count_review = 0;
  std::string scope_label;      ///< what the session covers: "All course banks", "Bank: …", "Topic: …"
  std::uint64_t showing_id = 0; ///< changes every time a card is shown (front ends reset their inputs)
};

/// How a feedback verdict should be coloured or marked.
enum class Tone { Correct, Wrong, Neutral };

/// One choice on the feedback screen, in display order.
struct OptionFeedback {
  std::string text;
  bool correct = false;  ///< a right answer
  bool chosen = false;   ///< the learner picked it
};

/// After the answer is submitted.
struct FeedbackView {
  core::Answer answer;
  core::Grade grade;
  core::Rating selected = core::Rating::Good;  ///< proposed until the learner changes it
  std::array<std::string, 4> intervals;       ///< "1m", "10m", "3d", ... for Again..Easy
  std::string verdict;   ///< "✓ Correct", "✗ Partly right (50%)", "Self-assessment: 2 of 4 rubric lines met"
  Tone tone = Tone::Neutral;
  std::string expected;  ///< the correct answer in words (citations rendered)
  std::string given;     ///< the learner's answer in words; "(nothing)" when empty
  /// Whether to show `expected` under "Correct answer": for wrong answers and typed answers
  /// (not for dilemmas, whose model answer is shown instead).
  bool show_expected = false;
  std::vector<OptionFeedback> options;  ///< single choice and multiple response
  std::vector<bool> rubric_met;         ///< dilemma: the ticks so far, one per rubric line
};

struct StudyView {
  CardView card;
  std::optional<FeedbackView> feedback;  ///< empty while answering
  /// Only learning cards remain and none may be shown yet: `card` holds only the counts;
  /// the session goes on by itself once `ready_at` has passed (Controller::poll), or at
  /// ResumeSession after it; LeaveSession ends it.
  bool waiting = false;
  core::TimestampMs ready_at = 0;  ///< UTC ms
  std::int64_t wait_ms = 0;        ///< from when this view was made until `ready_at`, ms (>= 0)
  std::string waiting_line;        ///< "The next card is due at 14:32 (in 8 min)."
  bool can_undo = false;           ///< Undo would take back the last rating of this session
};

struct SummaryView {
  int reviewed = 0, correct = 0;
  std::array<int, 4> ratings{};          ///< count per Again..Easy
  std::int64_t duration_ms = 0;
  int remaining_due_today = 0;
  bool can_undo = false;  ///< Undo takes back the session's last rating and shows that card again
};

/// Study options as text fields: what the Settings form edits (numbers and switches are
/// edited in `options` directly). SaveOptionsDraft parses the text fields.
struct OptionsDraft {
  core::StudyOptions options;
  std::string learning_steps;    ///< minutes separated by spaces, "1 10"
  std::string relearning_steps;  ///< "10"
  std::string time_zone;         ///< IANA name; empty = the system's
  std::string weights;           ///< 21 numbers separated by spaces; empty = the defaults
  std::string exam_date;         ///< "YYYY-MM-DD"; empty = no exam
  std::string exam_scope;        ///< bank ids and "<bank>/<topic>" ids; empty = every bank
  std::string light_weekdays;    ///< "sat sun"; empty = none
};

/// The study options as the settings screen shows them.
struct SettingsView {
  /// One loaded bank: its effective options (the learner's with the bank's overrides).
  struct Bank {
    std::string id;
    std::string title;
    core::StudyOptions options;
    OptionsDraft draft;       ///< `options` as a form
    bool overridden = false;  ///< the bank has overrides of its own
    int cards = 0;            ///< its questions (hand-written and generated)
  };
  core::StudyOptions learner_options;        ///< the learner's own options (what Home uses)
  OptionsDraft learner_draft;                ///< `learner_options` as a form
  std::string effective_time_zone;           ///< the zone study days follow now
  std::vector<Bank> banks;
  std::vector<core::OptionProblem> problems; ///< why the last save was refused; empty when saved
  std::string notice;                        ///< "Saved." after a successful save
  std::uint64_t revision = 0;                ///< bumped when the options change (forms reload)
  int suspended_cards = 0;                   ///< cards of the loaded banks suspended as leeches
  int leech_cards = 0;                       ///< cards tagged "leech"
};

/// The Optimize screen (FSRS parameters fitted to the learner's review log).
struct OptimizeView {
  std::string learner;
  JobView job;
  std::string status;               ///< the fit's outcome: "Applied: ...", "Not applied: ..." or an error
  bool status_is_error = false;
  Tone status_tone = Tone::Neutral; ///< Correct: applied; Wrong: an error; Neutral: not applied (e.g. too little data)
  bool has_result = false;          ///< a fit finished: the lines below are filled
  std::string data_line;            ///< "learner 'x' in PATH: 120 reviews of 30 cards, fit: all 21 parameters (95 training items)"
  struct Metrics {
    std::string label;              ///< "Before (default parameters)", "After (fitted parameters)"
    std::string log_loss;           ///< "0.32955" or "-"
    std::string rmse;               ///< RMSE (bins), "0.0262" or "-"
  };
  std::vector<Metrics> metrics;
  std::string fitted_weights;       ///< the 21 fitted numbers, comma-separated (the form Anki accepts)
  std::string current_weights;      ///< the parameters in use, comma-separated
  bool current_is_default = true;
  std::string manual_status;        ///< the outcome of "Use these parameters" / "Reset to defaults"
  bool manual_is_error = false;
};

/// The Workload simulator's form (also its action: SetSimulatorForm).
struct SimulatorForm {
  int scope = 0;         ///< 0 = the learner's options, i = SimulatorView::scopes[i] (a bank's)
  int bank_size = 1000;  ///< cards, 0..100000
  int new_per_day = 20;  ///< 0..10000
  int retention_a = 90;  ///< percent, 70..99
  int retention_b = 80;  ///< percent, 70..99
  int days = 365;        ///< 1..3650
  int seed = 1;          ///< 0..1000000000
  /// What column B is: 0 = the same options with desired retention B; 1 = the same options
  /// without load balancing and light days; 2 = the same without the exam date.
  int compare = 0;
  friend bool operator==(const SimulatorForm&, const SimulatorForm&) = default;
};

/// The Workload simulator screen.
struct SimulatorView {
  SimulatorForm form;
  std::vector<std::string> scopes;  ///< "My options (all banks)", "Bank: <title>  (own settings)", ...
  std::uint64_t revision = 0;       ///< bumped when the app changes the form (fields reload)
  JobView job;
  std::string error;
  bool has_results = false;
  std::string scope_name;           ///< the options the results were simulated with
  std::array<std::string, 2> columns;  ///< "Retention 90.0 %", "Retention 80.0 %"
  struct Row {
    std::string label, a, b;
  };
  std::array<std::string, 3> compare_labels = {"Desired retention B", "Without load balancing and light days",
                                               "Without the exam date"};
  std::vector<Row> rows;            ///< reviews per day (mean, peak, standard deviation, unevenness), minutes, hours, lapses, retention
  /// Per-day series for the plots: [0] reviews per day, [1] minutes per day; each {a, b}.
  std::array<std::array<std::vector<float>, 2>, 2> series;
  std::array<std::string, 2> series_titles = {"Reviews per day", "Minutes per day"};
};

/// The exam plan (issue 16): expected reviews per day from today up to the exam (or the next
/// 30 days without one) and the expected retention on the exam day, for the learner's options
/// (column A) and one alternative (column B), simulated from the learner's own cards.
struct PlanView {
  std::vector<std::string> alternatives;  ///< what column B can be
  int alternative = 0;                    ///< index into alternatives
  JobView job;
  std::string error;
  bool has_results = false;
  std::string horizon;                    ///< "From 2025-01-01 to the exam on 2025-02-15 (46 days)."
  std::array<std::string, 2> columns;     ///< "Your options", the alternative
  std::vector<SimulatorView::Row> rows;   ///< reviews per day, peak day, spread, minutes, retention on the exam day, ...
  std::array<std::vector<float>, 2> reviews_per_day;  ///< {a, b}, one value per day
  struct Day {
    std::string date;  ///< "2025-01-01"
    int a = 0, b = 0;  ///< expected reviews that day
  };
  std::vector<Day> days;
};

/// The Export screen (progress reports).
struct ExportView {
  std::string learner;
  std::string db_path;
  struct Format {
    std::string id;     ///< "html", "csv", ...
    std::string label;  ///< "HTML page (charts; prints to PDF)"
    bool selected = true;
  };
  std::vector<Format> formats;
  std::string folder;
  std::uint64_t revision = 0;  ///< bumped when the app changes the folder
  JobView job;
  std::string message;         ///< "Writing html…", "Wrote 3 files (...) to …" or the error
  bool failed = false;
  bool done = false;           ///< an export finished
  std::vector<std::string> written;  ///< names of the files the last export wrote (in `folder`)
  std::string note;            ///< "Opening … in the file manager…"
};

/// The Import screen (GIFT, Aiken or CSV into a new bank).
struct ImportView {
  std::string input;
  std::string output;
  int format = 0;                             ///< index into format_labels
  std::array<std::string, 3> format_labels = {"GIFT (Moodle)", "Aiken", "CSV"};
  bool replace = false;
  bool output_exists = false;                 ///< `output` exists and `replace` is off
  std::uint64_t revision = 0;                 ///< bumped when the app changes a field (e.g. the derived output)
  JobView job;
  bool done = false;                          ///< an import ran
  bool failed = false;
  std::string summary;                        ///< "Imported 3 questions into …" or why nothing was written
  std::vector<std::string> lines;             ///< every diagnostic, formatted
};

}  // namespace casebook::app
