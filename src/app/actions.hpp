// What a front end asks the app to do: one struct per action, sent to Controller::dispatch.
// An action that does not fit the current screen is ignored.
#pragma once
#include <string>
#include <variant>

#include "app/views.hpp"
#include "core/card.hpp"
#include "core/grading.hpp"
#include "core/options.hpp"

namespace casebook::app {

// Navigation.
struct Navigate { Screen to; };                    ///< Home -> Settings, Simulator, Export, Import, Plan; Settings -> Optimize; Simulator -> Plan
struct Back {};                                    ///< to the screen this one was opened from (Home, or Settings from Optimize); cancels nothing that runs
struct GoHome {};                                  ///< Summary -> Home (reloads counts); from Study: ends the session first

// Home and study.
/// Home: study the due and new cards of `scope` (default: every course bank). Nothing to
/// study: stays on Home, with a message.
struct StartSession { StudyScope scope; };
struct SelectScope { int row; };                  ///< Home: highlight row `row` of HomeView::scopes (clamped)
struct ReloadBanks {};                            ///< Home: read the banks again (F5)
/// Home: spread today's due reviews over `days` days, most at risk first (recorded; see
/// app/backlog.hpp); `pause_new` stops new cards during those days.
struct SpreadBacklog { int days; bool pause_new; };
struct SubmitAnswer { core::Answer answer; };     ///< Study: answering -> feedback
struct SetRubric { int line; bool met; };         ///< Study feedback (dilemma): self-assessment
struct SelectRating { core::Rating rating; };     ///< Study feedback: change the proposed rating
struct Rate { core::Rating rating; };             ///< Study feedback: record and show the next card
struct Continue {};                               ///< Study feedback: record with the selected rating
struct LeaveSession {};                           ///< Study: to the summary (nothing lost)
/// Study or its summary: take back the session's last rating (the review is voided, the
/// card's state and flags restored) and show that card again; again for the one before.
struct Undo {};
struct ResumeSession {};                          ///< Study, waiting: show the next learning card if it is due

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

// Import.
struct SetImportInput { std::string path; };       ///< also guesses the format and derives the output
struct SetImportOutput { std::string path; };
struct SetImportFormat { int index; };
struct SetImportReplace { bool replace; };
struct StartImport {};

using Action = std::variant<Navigate, Back, GoHome, StartSession, SelectScope, ReloadBanks, SpreadBacklog, SubmitAnswer,
                            SetRubric, SelectRating, Rate, Continue, LeaveSession, Undo, ResumeSession, SaveOptions,
                            SaveOptionsDraft,
                            ClearBankOptions, UnsuspendAll, CancelJob, StartOptimize, UseWeights, ResetWeights,
                            SetSimulatorForm, StartSimulation, ToggleExportFormat, SetExportFolder, StartExport,
                            OpenExportFolder, SetImportInput, SetImportOutput, SetImportFormat, SetImportReplace,
                            StartImport, SetPlanAlternative, StartPlan>;

}  // namespace casebook::app
