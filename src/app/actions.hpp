// What a front end asks the app to do: one struct per action, sent to Controller::dispatch.
// An action that does not fit the current screen is ignored.
#pragma once
#include <string>
#include <variant>

#include "app/exam_view.hpp"
#include "app/views.hpp"
#include "core/card.hpp"
#include "core/grading.hpp"
#include "core/options.hpp"

namespace casebook::app {

// Navigation.
struct Navigate { Screen to; };                    ///< Home -> Settings, Simulator, Export, Import, Plan, Browser, Backups, Stats, CustomStudy, Exam; Settings -> Optimize; Simulator -> Plan
struct Back {};                                    ///< to the screen this one was opened from (Home, or Settings from Optimize); cancels nothing that runs
struct GoHome {};                                  ///< Summary -> Home (reloads counts); from Study: ends the session first

// Home and study.
/// Home or Custom study: study the due and new cards of `scope` (default: every course bank),
/// or the cards custom study `mode` takes (app/custom_study.hpp). Nothing to study: stays on
/// that screen, with a message. A mode whose numbers are out of range starts nothing.
struct StartSession { StudyScope scope; StudyMode mode = {}; };
/// Custom study: highlight row `selected` of CustomStudyView::rows and set its numbers
/// (clamped: days 1..365, count 1..9999); the card counts follow.
struct SetCustomStudy { int selected = 0; int days = 1; int count = 20; };
struct SelectScope { int row; };                  ///< Home: highlight row `row` of HomeView::scopes (clamped)
struct ReloadBanks {};                            ///< Home: read the banks again (F5)
/// Home: spread today's due reviews over `days` days, most at risk first (recorded; see
/// app/backlog.hpp); `pause_new` stops new cards during those days.
struct SpreadBacklog { int days; bool pause_new; };
struct SubmitAnswer { core::Answer answer; };     ///< Study: answering -> feedback
struct SetRubric { int line; bool met; };         ///< Study feedback (dilemma), or an exam's dilemma after hand-in: self-assessment
/// Study feedback (dilemma): go on without the self-assessment (a rating is then proposed).
struct SkipRubric {};
/// Study feedback (dilemma written as a case): criterion `line` assessed at `level` (0-based).
struct SetRubricLevel { int line; int level; };
struct SelectRating { core::Rating rating; };     ///< Study feedback: change the proposed rating
struct Rate { core::Rating rating; };             ///< Study feedback: record and show the next card
struct Continue {};                               ///< Study feedback: record with the selected rating
struct LeaveSession {};                           ///< Study: to the summary (nothing lost)
/// Study or its summary: take back the session's last rating (the review is voided, the
/// card's state and flags restored) and show that card again; again for the one before.
struct Undo {};
struct ResumeSession {};                          ///< Study, waiting: show the next learning card if it is due

// Learners (Home; app/learners.hpp). Refused during a session or an exam, while background
// work runs, and in a read-only app; the choice is remembered (AppConfig::learner_memory_path).
/// Home: study as `name`, a learner of the progress file (HomeView::learners): their options,
/// card states, flags, queues and Home counts at once.
struct SwitchLearner { std::string name; };
/// Home: add a learner (trimmed; app::check_learner_name says what is refused) and switch to
/// them; a name the file already has switches to that learner.
struct AddLearner { std::string name; };
/// Home: the name being typed for AddLearner; its characters join the font atlas
/// (Controller::used_code_points), so a name in any script renders while it is typed.
struct TypeLearnerName { std::string text; };

// Mock exams (app/exam_flow.hpp). SubmitAnswer on the Exam screen answers the question shown.
struct SetExamSetup { ExamSetup setup; };          ///< Exam set-up: the form (clamped)
struct StartExam {};                              ///< Exam set-up: draw and store the exam, show question 1
struct GoToExamQuestion { int index; };           ///< Exam: show question `index` (0-based): next, previous, the list
struct SkipExamQuestion {};                       ///< Exam: leave this one unanswered, show the next unanswered one
/// Exam: hand in; with questions unanswered, `confirmed` false only asks (ExamView::confirm_hand_in).
struct HandInExam { bool confirmed = false; };
struct CancelHandIn {};                           ///< Exam: "hand in anyway?" -> no, go on answering

// Settings.
/// Validate `options`; if valid, store them for the learner (bank_id empty) or as the
/// overrides of bank `bank_id` (only its bank-overridable fields that differ from the
/// learner's), and apply them at once (scheduler, limits, study days, Home counts). Invalid
/// options change nothing; SettingsView::problems says why.
struct SaveOptions { core::StudyOptions options; std::string bank_id; };
/// As SaveOptions, from the Settings form: its text fields are parsed first (a field that
/// does not parse is a problem, and nothing is saved).
struct SaveOptionsDraft { OptionsDraft draft; std::string bank_id; };
struct ClearBankOptions { std::string bank_id; };  ///< Settings: remove a bank's overrides
struct UnsuspendAll {};                            ///< Settings: show suspended leeches again (tags stay)

// Long work (export, import, optimize, simulate): cancel the one of the current screen.
struct CancelJob {};

// Optimize.
struct StartOptimize {};                           ///< fit the learner's review log (background)
struct UseWeights { std::string text; };           ///< pasted: 21 comma-separated numbers
struct ResetWeights {};                            ///< back to the FSRS-6 defaults

// Simulator.
struct SetSimulatorForm { SimulatorForm form; };   ///< values are clamped; a new scope resets the form to its options
struct StartSimulation {};

// Plan.
struct SetPlanAlternative { int index; };          ///< PlanView::alternatives[index]; runs the plan again
struct StartPlan {};                              ///< runs the plan again (e.g. after studying)

// Export.
struct ToggleExportFormat { int index; };          ///< ExportView::formats[index]
struct SetExportFolder { std::string folder; };
struct StartExport {};
struct OpenExportFolder {};                        ///< in the desktop's file manager (xdg-open)
/// The class report's source (0: the learners' JSON reports in the export folder, 1: the
/// class's store) and format (0: HTML, 1: XLSX); ClassReportView lists them.
struct SetClassReport {
  int source = 0;
  int format = 0;
};
struct StartClassReport {};                        ///< into the export folder, under a new name
struct SetExportLearner { int index; };            ///< ExportView::learners[index]
struct SetExportBank { int index; };               ///< ExportView::banks[index] (0: every bank)
struct SetExportPeriod { std::string from, to; };  ///< "YYYY-MM-DD", an ISO instant, or "" (no bound)

// Import.
struct SetImportInput { std::string path; };       ///< also guesses the format and derives the output
struct SetImportOutput { std::string path; };
struct SetImportFormat { int index; };
struct SetImportReplace { bool replace; };
struct StartImport {};

// Browser and Card info.
struct SetBrowserSearch { std::string query; };    ///< Browser: search; a query that does not parse keeps the last results (BrowserView::error says why)
struct SortBrowser { BrowserColumn column = BrowserColumn::Due; bool descending = false; };  ///< Browser
struct SelectCard { std::string card_key; };       ///< Browser: the card the keys act on
struct OpenCardInfo { std::string card_key; };     ///< Browser, Study, Stats: Card info of this card (empty: the selected or current card; Stats needs a key); Back returns there

/// What a learner can do to a card (recorded as a card event; the review log is untouched).
enum class CardActionKind {
  Suspend,    ///< never shown in study until unsuspended
  Unsuspend,
  Bury,       ///< hidden from study until the next study day starts
  Reset,      ///< back to new (its history stays)
  Flag,       ///< a colour 1..7 (0 clears) and a note
  Report      ///< "there is a problem with this question", with a comment for the instructor
};
/// Browser, Card info, Study: act on `card_key` (empty: the selected card in the Browser, the
/// shown card in Card info and Study). In Study a suspended, buried or reset card leaves the
/// session; a report needs a comment.
struct ApplyCardAction {
  CardActionKind kind = CardActionKind::Flag;
  std::string card_key;
  int flag = 0;       ///< Flag: 0..7
  std::string note;   ///< Flag: optional note; Report: the comment
};

// Display (any screen): remembered in AppConfig::display_path.
struct ZoomUi { int steps = 0; };                  ///< Ctrl+Plus: +1, Ctrl+Minus: -1 step of kScaleSteps; 0 (Ctrl+0): back to 100 %
struct SetTheme { Theme theme = Theme::System; };  ///< light, dark or follow the system
// Backups (issue 15).
struct SelectBackup { int index; };                ///< BackupsView::rows[index]
struct RestoreBackup {};                           ///< the selected backup replaces the progress file (the current one is kept as a backup first)
struct MakeBackup {};                              ///< a manual backup now (background)
struct CheckProgressFile {};                       ///< SQLite's full integrity check now (background); damage moves the file aside

using Action = std::variant<Navigate, Back, GoHome, StartSession, SetCustomStudy, SelectScope, ReloadBanks, SpreadBacklog, SubmitAnswer,
                            SetRubric, SkipRubric, SetRubricLevel, SelectRating, Rate, Continue, LeaveSession, Undo, ResumeSession, SaveOptions,
                            SaveOptionsDraft,
                            ClearBankOptions, UnsuspendAll, CancelJob, StartOptimize, UseWeights, ResetWeights,
                            SetSimulatorForm, StartSimulation, ToggleExportFormat, SetExportFolder, StartExport,
                            OpenExportFolder, SetClassReport, StartClassReport, SetExportLearner, SetExportBank, SetExportPeriod, SetImportInput,
                            SetImportOutput, SetImportFormat, SetImportReplace, StartImport, SetPlanAlternative,
                            StartPlan, SetBrowserSearch, SortBrowser, SelectCard, OpenCardInfo, ApplyCardAction,
                            ZoomUi, SetTheme, SelectBackup, RestoreBackup, MakeBackup, CheckProgressFile,
                            SetExamSetup, StartExam, GoToExamQuestion, SkipExamQuestion, HandInExam, CancelHandIn,
                            SwitchLearner, AddLearner, TypeLearnerName>;

}  // namespace casebook::app
