// What the screens show: one view model per screen, built by the app layer and read by the
// front ends every frame (GUI) or after every action (terminal). Front ends never read
// core::Question or call core: everything they show is here, rendered to text.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/case_view.hpp"
#include "app/display.hpp"
#include "app/feedback_view.hpp"
#include "app/sync_status_view.hpp"
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
  Plan,       ///< the exam plan: reached from Home and from the Simulator; Back returns there
  Browser,    ///< reached from Home: every card, searchable
  CardInfo,   ///< reached from the Browser or Stats (Back returns there) or from Study (Back resumes it)
  Backups,    ///< reached from Home; also where a damaged progress file sends the app at start
  Stats,      ///< the statistics screen: reached from Home (T); its weakest cards open Card info
  CustomStudy, ///< reached from Home (over its highlighted scope): choose a custom study mode; Back returns there
  Exam        ///< a mock exam (Home, M): set-up, taking it, the result (app/exam_view.hpp ExamView::phase)
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

/// Custom study, as Anki users know it: what a session takes from its scope. Whether each mode
/// changes the schedule is study_mode_effect() (app/custom_study.hpp) and docs/study.md.
enum class StudyModeKind {
  Normal,     ///< today's due cards and new cards within today's limits (the default)
  Forgotten,  ///< the cards rated Again today (voided reviews left out); changes the schedule
  Ahead,      ///< cards due within the next `days` days, today's included; changes the schedule
  Preview,    ///< up to `count` new cards, shown without changing their schedule; nothing is recorded
  Cram,       ///< up to `count` new cards past today's new-card limit; changes the schedule
  ExtraNew,   ///< today's new-card limit of the scope raised by `count` (recorded), then a normal session
  All         ///< every card of the scope whatever its due date; changes the schedule
};

/// A custom study mode and its number.
struct StudyMode {
  StudyModeKind kind = StudyModeKind::Normal;
  int days = 1;    ///< Ahead: 1..365 days
  int count = 20;  ///< Preview, Cram: at most this many new cards; ExtraNew: the raise; 1..9999
  friend bool operator==(const StudyMode&, const StudyMode&) = default;
};

/// The Custom study screen: the modes for one scope (Home's highlighted row).
struct CustomStudyView {
  StudyScope scope;
  std::string scope_label;  ///< "All course banks", "Bank: …", "Topic: …"
  struct Row {
    StudyMode mode;          ///< with this screen's days and count
    std::string title;       ///< "Review ahead: cards due in the next 7 days"
    std::string effect;      ///< in plain words: "Changes the schedule: …" / "Does not change the schedule: …"
    bool changes_schedule = true;
    int cards = 0;           ///< cards a session of this mode would start with now
  };
  std::vector<Row> rows;     ///< one per mode, Forgotten .. All, in StudyModeKind order
  int selected = 0;          ///< index into rows
  int days = 1;              ///< 1..365, Ahead's number
  int count = 20;            ///< 1..9999, Preview, Cram and ExtraNew's number
  std::string message;       ///< why the last start did not begin a session; empty otherwise
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
  std::vector<std::string> learners;  ///< every learner of the progress file, for SwitchLearner
  bool learner_started = false;       ///< `learner` has a card with progress (an answer not taken back)
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
  /// Non-empty when the app runs read-only: why, and what is off ("Read-only: another
  /// Casebook (process 1234) has this progress file open. Studying and saving are off; ...").
  std::string read_only;
  SyncStatusView sync;  ///< the last or running sync with the class's store
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
  /// Dilemma coming back: the learner's last answer to revise (core::dilemma_draft of its
  /// newest review that is not voided), and a line saying so; empty/-1 the first time.
  std::string draft_justification;
  int draft_position = -1;      ///< index into `positions`
  std::string draft_note;       ///< "Your justification of 3 Dec 2026 14:05 is in the box: revise it."
  CaseView case_view;           ///< a dilemma written as a case (empty for a plain one)
  int flag = 0;                 ///< the card's flag now: 0 none, 1..7 (core::kFlagNames); Ctrl+digit toggles it
  std::string flag_line;        ///< "Flagged red" (with the flag's note after a colon); empty when not flagged
  int position = 0;             ///< 1-based index of this card in the session so far
  int remaining = 0;            ///< cards still queued after this one
  int remaining_learning = 0;   ///< of `remaining`, cards coming back for a learning step
  /// The session's cards by state, this one included (core::QueueCounts): the header's
  /// "new · learning · review", going down as cards are done, as in Anki.
  int count_new = 0, count_learning = 0, count_review = 0;
  std::string scope_label;      ///< what the session covers: "All course banks", "Bank: …", "Topic: …"
  /// Custom study: "Custom study: review ahead (7 days) · changes the schedule"; empty for a
  /// normal session.
  std::string mode_label;
  /// Why the card is back: "The answer changed in version 2.1." when a newer bank re-keyed
  /// its question since the learner last answered it (issue 14); empty otherwise.
  std::string notice;
  std::uint64_t showing_id = 0; ///< changes every time a card is shown (front ends reset their inputs)
};

// Tone, OptionFeedback, RowFeedback and FeedbackView: app/feedback_view.hpp (included above).

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
  int reviewed = 0, correct = 0;         ///< answers rated (a card answered twice counts twice), right ones
  bool recorded = true;                  ///< false: a Preview session, which saved nothing
  int not_assessed = 0;                  ///< dilemmas rated with the rubric skipped (not in `correct`)
  std::array<int, 4> ratings{};          ///< count per Again..Easy
  std::int64_t duration_ms = 0;
  int remaining_due_today = 0;  ///< learning and review cards still due today in the session's scope
  int remaining_new_today = 0;  ///< new cards today's limits still allow in the session's scope
  bool can_undo = false;  ///< Undo takes back the session's last rating and shows that card again
  SyncStatusView sync;    ///< the session's answers on their way to the class's store (Controller::summary)
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
    std::vector<std::string> warnings;  ///< option_warnings(options) (app/settings_model.hpp)
    std::string new_card_intervals;     ///< "Again 1m · Hard 6m · Good 10m · Easy 8d"
  };
  core::StudyOptions learner_options;        ///< the learner's own options (what Home uses)
  OptionsDraft learner_draft;                ///< `learner_options` as a form
  std::vector<std::string> learner_warnings; ///< option_warnings(learner_options): long steps, Easy before Good
  std::string learner_new_card_intervals;    ///< new_card_intervals(learner_options)
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
  std::vector<std::string> summary; ///< the result in plain sentences (app::optimize_summary)
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

/// One bar chart, as the statistics screen and the workload simulator draw it (ui/charts.hpp):
/// a value per bar with its label and the line shown when the bar has focus or the pointer.
struct Chart {
  std::string title;                ///< "Reviews per day (last 30 days)"
  std::string explanation;          ///< one plain-language line under the title
  std::string unit;                 ///< the value axis: "reviews", "minutes", "cards due", "%"
  std::string x_axis;               ///< what the bars run along: "day (month-day)", "days from today"
  float top = 0.0f;                 ///< the value axis's top; 0: a round value above the largest
  std::vector<float> values;
  std::vector<std::string> labels;  ///< "06-01" (dates) or "1", "2", ... (attempts); first, middle and last shown
  std::vector<std::string> tips;    ///< "2024-06-01: 12 reviews, 9 correct"
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
  /// The per-day charts, [kind][column]: kind 0 reviews per day, 1 minutes per day, 2 the
  /// expected retention of the cards started so far (%); column 0 = A, 1 = B. Both columns of a
  /// kind share the value axis (Chart::top); the bars run along the simulated days (day 1 = today).
  std::array<std::array<Chart, 2>, 3> charts;
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
  /// Reviews per day, {A, B}: one bar per day from today, one value axis for both
  /// (app/day_charts.hpp, as the simulator's "Reviews per day").
  std::array<Chart, 2> reviews;
  struct Day {
    std::string date;  ///< "2025-01-01"
    int a = 0, b = 0;  ///< expected reviews that day
  };
  std::vector<Day> days;
};

/// The Export screen (progress reports).
struct ExportView {
  std::string learner;               ///< the learner the report is about
  std::string db_path;
  std::vector<std::string> learners;  ///< every learner of the database (SetExportLearner)
  int learner_index = 0;
  std::vector<std::string> banks;    ///< "Every bank", then each loaded bank's title (SetExportBank)
  int bank_index = 0;
  std::string from, to;              ///< the period as typed ("" = no bound)
  std::string period_error;          ///< why the period cannot be used, "" when it can
  struct Format {
    std::string id;     ///< "html", "pdf", "csv", ...
    std::string label;  ///< "HTML page (charts, tables)"
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

/// The class report section of the Export screen (app::ClassReportFlow): for instructors,
/// the item analysis over the class, from the learners' JSON reports in the export folder or
/// from the class's learning record store.
struct ClassReportView {
  std::vector<std::string> sources;  ///< "Learners' JSON reports in the folder", then the store when configured
  int source = 0;
  std::vector<std::string> formats;  ///< "HTML page", "XLSX workbook"
  int format = 0;
  JobView job;
  std::string message;  ///< "Wrote casebook-report-class-....html (3 learners, 40 questions)" or why not
  bool failed = false;
  std::string written;  ///< the path of the last report written, "" before
};

/// The Backups screen: the progress file's backups, restoring one, backing up and checking now.
struct BackupsView {
  std::string db_path;
  std::string folder;          ///< where the backups are (app::backup_folder)
  struct Row {
    std::string path;
    std::string when;          ///< local time to the minute, "2024-06-01 14:00 CEST"
    std::string kind;          ///< "daily", "before upgrade", "manual", "before restore"
    std::string contents;      ///< "1,234 reviews of 2 learners, the last on 2024-06-01" or why it cannot be read
    bool usable = false;       ///< readable Casebook data: can be restored
  };
  std::vector<Row> rows;       ///< newest first
  int selected = 0;            ///< index into rows (the newest when the screen opens)
  int kept = 0;                ///< automatic backups kept of each kind (AppConfig::backups_kept)
  std::string notice;          ///< what happened: damage found at start, a restore, a check's result
  Tone notice_tone = Tone::Neutral;  ///< Wrong for damage and failures, Correct for success
  JobView job;                 ///< a backup or a full check running
  std::string job_label;       ///< "Checking the progress file…", "Backing up…"
  bool read_only = false;      ///< restoring is off (another Casebook has the file, or it cannot be written)
};

/// A question or failure shown before the app can start (a small window, and stderr): the
/// progress file is refused, damaged beyond use, held by another Casebook, or not writable.
struct StartupView {
  std::string title;                 ///< "Casebook cannot start", "Casebook is already open"
  std::string message;               ///< what happened and what to do, naming the file
  std::vector<std::string> choices;  ///< buttons in order; the last one quits ("Quit")
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

/// The Browser's columns, in display order.
enum class BrowserColumn { Bank, Topic, Type, Prompt, State, Due, Retrievability, Lapses, Flags };
inline constexpr int kBrowserColumns = 9;
/// Column titles, in BrowserColumn order.
inline constexpr const char* kBrowserColumnTitles[kBrowserColumns] = {
    "Bank", "Topic", "Type", "Prompt", "State", "Due", "Recall now", "Lapses", "Flags"};

/// One card in the Browser: texts as shown, and the raw values (CLI JSON, sorting).
struct BrowserRow {
  std::string card_key;
  std::string bank;            ///< bank id
  std::string topic;           ///< topic titles, ", "-separated
  std::string type;            ///< "single choice"
  std::string prompt;          ///< citations rendered, one line
  std::string state;           ///< "new", "learning", "review", "relearning"
  std::string due;             ///< "2026-12-08" (study day), "now" for a due learning step, "" for new cards
  std::string retrievability;  ///< "87 %", "" for new cards
  std::string lapses;          ///< "2"
  std::string flags;           ///< "red, suspended, leech, 1 report"
  std::optional<core::TimestampMs> due_ms;  ///< UTC ms; none for new cards
  std::optional<double> recall;             ///< 0..1; none for new cards
  int lapse_count = 0;
  int flag = 0;                ///< 0..7 (core::kFlagNames)
  bool suspended = false, buried = false, leech = false;
  int reports = 0;
};

/// The Browser screen. `rows` holds every card of the loaded banks; `shown` the indices of
/// the ones the search matches, in the sort order.
struct BrowserView {
  std::string query;                ///< the search in force
  std::string error;                ///< why the last search did not parse ("column 5: ..."), empty when it did
  int error_column = 0;             ///< 1-based, code points; 0 without an error
  std::vector<BrowserRow> rows;
  std::vector<int> shown;
  BrowserColumn sort = BrowserColumn::Due;
  bool descending = false;
  std::string selected;             ///< card key of the selected card (the first shown unless chosen), empty when none is shown
  int selected_shown = -1;          ///< its position in `shown`, -1 when no card is shown
  std::string notice;               ///< the outcome of the last card action
  std::uint64_t revision = 0;       ///< bumped when the app changes the query (the search field reloads)
};

/// The Card info screen: one card, its schedule in words and numbers, and its history.
struct CardInfoView {
  std::string card_key;
  std::string bank_title;
  std::string topics;       ///< topic titles, ", "-separated
  std::string type;         ///< "single choice"
  std::string question;     ///< prompt (and scenario for a dilemma), citations rendered
  std::vector<std::string> options;  ///< choices, items or pairs in canonical order ("✓ " marks correct choices)
  std::string answer;       ///< the correct answer in words (a case: "<position>: <conclusion>" per model answer)
  std::string rubric;       ///< a dilemma's rubric, "- <criterion>" per line; empty for other types
  std::string explanation;
  std::string source;       ///< the full citation with its paragraphs
  std::string schedule;     ///< plain words: "Due in 3 days (Tue 2026-12-08). You would likely recall it now (87 %)."
  struct Figure {
    std::string label;      ///< "Stability"
    std::string value;      ///< "12.4 days"
    std::string meaning;    ///< "how long until the chance of recall falls to 90 %"
  };
  std::vector<Figure> figures;  ///< state, due, stability, difficulty, retrievability, reviews, lapses
  std::string marks;        ///< "Flag: red (ask in class). Suspended." or empty
  struct Review {
    std::string when;       ///< local date and time
    std::string rating;     ///< "good"
    std::string result;     ///< "correct" / "wrong" / "not assessed" (a dilemma's rubric skipped)
    std::string answer;     ///< the answer given, as stored
    std::string time;       ///< response time, "12 s"
    std::string interval;   ///< the interval granted, "3d"
  };
  std::vector<Review> history;      ///< oldest first
  std::vector<std::string> events;  ///< card events in words, oldest first ("2026-12-06 10:02 flagged red: ask in class")
  bool suspended = false;
  bool buried = false;
  int flag = 0;
  std::string notice;               ///< the outcome of the last card action
};

/// One row of the statistics screen's coverage and accuracy table: a bank (depth 0) or a
/// topic of it (depth 1). Numbers as shown; the raw ones for tests and sorting.
struct StatsCoverageRow {
  std::string label;          ///< bank title, or topic title
  int depth = 0;
  std::string bank_id;
  int cards = 0, seen = 0, new_left = 0;
  std::string seen_text;      ///< "12 of 40 (30.0 %)"
  std::string finish;         ///< "2024-07-15 (about 3 new a day)", "all started", "—" (no pace yet)
  std::string first_attempts; ///< "9 / 12 (75.0 %)" or "—"
  std::string last_7_days, last_30_days;
  double mastery = 0.0;       ///< report::CoverageRow::mastery(), 0..1
  std::string mastery_text;   ///< "75 %"
};

/// The statistics screen (issue 12): the learner's figures as report::compute_figures builds
/// them for the reports (app::gather_report at the moment the screen opened), in words.
struct StatsView {
  JobView job;                 ///< the figures are computed on a background job
  std::string error;           ///< why they could not be read
  bool ready = false;          ///< the figures below are filled
  std::string learner;
  std::string as_of;           ///< "Figures of 2024-06-01 14:02 UTC"
  /// Headline lines: cards started, due now, reviews, accuracy, time spent.
  std::vector<std::pair<std::string, std::string>> summary;  ///< (label, value)
  std::vector<StatsCoverageRow> coverage;  ///< each bank, then its topics
  struct RetentionRow {
    std::string period;        ///< "Today", "Yesterday", "Last 7 days", ...
    std::string young, mature; ///< "90.0 % (18 of 20)" or "—"
    friend bool operator==(const RetentionRow&, const RetentionRow&) = default;
  };
  std::vector<RetentionRow> retention;
  Chart reviews, minutes, forecast, exams;  ///< per day (30 days), due per day (next 30), exam scores
  /// The calendar heatmap: reviews per study day, oldest first, ending on `heat_last_day`
  /// (a study-day index; weekday of day d: (d + 3) % 7, 0 = Monday).
  std::vector<int> heat;
  std::vector<std::string> heat_dates;  ///< "2024-06-01" per entry of `heat`
  std::int64_t heat_last_day = 0;
  int heat_max = 0;
  struct WeakTopic {
    std::string label;         ///< "Bank title: topic"
    std::string mastery;       ///< "62 %"
    std::string last_7_days;   ///< right in the last 7 days: "5 / 8 (62.5 %)" or "—"
    std::string started;       ///< "4 of 10"
  };
  std::vector<WeakTopic> weakest_topics;  ///< lowest mastery first, topics with a started card
  struct WeakCard {
    std::string card_key;      ///< OpenCardInfo{card_key} shows it
    std::string prompt;        ///< one line
    std::string bank;
    int lapses = 0;
    std::string recall;        ///< "38 %"
    bool leech = false;
  };
  std::vector<WeakCard> weakest_cards;    ///< most lapses first (report::Figures::weakest)
  std::vector<std::string> exam_lines;    ///< "2024-05-30 Final practice: 18 of 25 (72 %), passed"
  std::vector<std::string> explanations;  ///< the terms in plain words, one line each
};

/// The display settings in force (UI scale, theme), on every screen.
struct DisplayView {
  DisplaySettings settings;
  std::uint64_t revision = 0;  ///< bumped when a setting changes (the window re-applies its style)
};

}  // namespace casebook::app
