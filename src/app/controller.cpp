#include "app/controller.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "app/browser.hpp"
#include "app/class_report_flow.hpp"
#include "app/card_actions.hpp"
#include "app/card_info.hpp"
#include "app/backlog.hpp"
#include "app/backups_flow.hpp"
#include "app/context.hpp"
#include "app/custom_study.hpp"
#include "app/display.hpp"
#include "app/exam_flow.hpp"
#include "app/export_flow.hpp"
#include "app/glyphs.hpp"
#include "app/home.hpp"
#include "app/import_flow.hpp"
#include "app/learners.hpp"
#include "app/lrs_flow.hpp"
#include "app/optimize_flow.hpp"
#include "app/plan_flow.hpp"
#include "app/settings_model.hpp"
#include "app/simulator_flow.hpp"
#include "app/stats_model.hpp"
#include "app/study_flow.hpp"

namespace casebook::app {

namespace {

/// Whether `action` would write to the progress file (refused in read-only mode).
bool writes_progress(const Action& action) {
  if (const auto* nav = std::get_if<Navigate>(&action)) return nav->to == Screen::Optimize;  // applies a fit
  return std::holds_alternative<StartSession>(action) || std::holds_alternative<SpreadBacklog>(action) ||
         std::holds_alternative<SaveOptions>(action) ||
         std::holds_alternative<SaveOptionsDraft>(action) || std::holds_alternative<ClearBankOptions>(action) ||
         std::holds_alternative<UnsuspendAll>(action) || std::holds_alternative<StartOptimize>(action) ||
         std::holds_alternative<UseWeights>(action) || std::holds_alternative<ResetWeights>(action) ||
         std::holds_alternative<ApplyCardAction>(action) || std::holds_alternative<Undo>(action) ||
         std::holds_alternative<StartExam>(action) || std::holds_alternative<SwitchLearner>(action) ||
         std::holds_alternative<AddLearner>(action);
}

}  // namespace

struct Controller::Impl {
  AppContext ctx;
  Screen screen = Screen::Home;
  HomeView home;
  StudyScope home_scope;  ///< what Home has highlighted (kept across reloads while it exists)
  StudyFlow study{ctx};
  SettingsModel settings{ctx};
  OptimizeFlow optimize{ctx, settings};
  SimulatorFlow simulator{ctx};
  PlanFlow plan{ctx};
  Screen plan_from = Screen::Home;  ///< where Back leaves the Plan screen for
  ExportFlow exporter{ctx};
  ClassReportFlow class_report{ctx};  ///< on the Export screen, for instructors
  ImportFlow importer{ctx, [this] { reload(); }};
  BrowserModel browser{ctx};
  CardInfoView card_info;
  Screen info_from = Screen::Browser;  ///< where Card info was opened (Back returns there)
  bool drop_on_return = false;         ///< Card info from Study: the card was set aside; the session skips it
  DisplayView display;
  CustomStudyView custom;  ///< the Custom study screen (its row and numbers are kept between openings)
  BackupsFlow backups{ctx, [this] { progress_replaced(); }};
  StatsFlow stats{ctx};
  ExamFlow exam{ctx};
  LrsSyncFlow lrs_sync{ctx};  ///< answers to the class's store (LRS), after sessions and exams
  LearnerFlow learners{ctx, settings};  ///< Home's learner picker

  explicit Impl(AppConfig c) : ctx(std::move(c)) {
    std::vector<std::string> problems;
    display.settings = load_display(ctx.config.display_path, problems);
    if (!problems.empty()) ctx.message = "Display settings: " + problems.front();
    settings.refresh();
    if (backups.start_up()) screen = Screen::Backups;  // a damaged file: offer the newest backup
    if (screen == Screen::Home) lrs_sync.start();  // what an earlier (offline) session left waiting
    refresh_home();
  }

  /// A session or an exam has just ended (from `before`, exam phase `exam_before`): its
  /// answers go to the class's store in the background.
  void sync_if_ended(Screen before, ExamPhase exam_before) {
    const bool session_ended = screen == Screen::Summary && before != Screen::Summary;
    const bool exam_ended = screen == Screen::Exam && exam.phase() == ExamPhase::Result && exam_before != ExamPhase::Result;
    if (session_ended || exam_ended) lrs_sync.start();
  }

  /// After a restore or a damaged file was replaced: everything read from the file again.
  void progress_replaced() {
    try {
      if (!ctx.config.read_only) ctx.progress.ensure_learner(ctx.config.learner);
      ctx.load_cards();
      ctx.load_options();
    } catch (const std::exception& e) {
      ctx.message = e.what();
    }
    settings.refresh();
    refresh_home();
  }

  /// Builds the Home view again, keeping the highlighted row on the same scope (the first
  /// row when that scope is gone).
  void refresh_home() {
    home = build_home(ctx);
    learners.refresh();
    home.learners = learners.names();
    home.learner_started = !ctx.states.empty();
    home.sync = lrs_sync.view();
    const auto it = std::find_if(home.scopes.begin(), home.scopes.end(),
                                 [this](const ScopeRow& r) { return r.scope == home_scope; });
    home.selected = it == home.scopes.end() ? 0 : static_cast<int>(it - home.scopes.begin());
    if (!home.scopes.empty()) home_scope = home.scopes[static_cast<std::size_t>(home.selected)].scope;
  }

  void reload() {
    if (screen == Screen::Study) {
      ctx.message = "Finish or leave the session before reloading the banks.";
      return;
    }
    ctx.library.load(ctx.config.bank_paths);
    ctx.load_cards();
    ctx.message.clear();
    ctx.load_options();
    ctx.load_spreads();
    ctx.refresh_load();
    settings.refresh();
    refresh_home();
    if (screen == Screen::Browser) browser.open();
  }

  /// A session is running (on the Study screen, or behind Card info opened from it).
  [[nodiscard]] bool in_session() const {
    return screen == Screen::Study || (screen == Screen::CardInfo && info_from == Screen::Study);
  }

  void go_home() {
    if (in_session() && !leave()) return;  // the write failed: stay with the answer
    if (screen == Screen::Exam && exam.phase() == ExamPhase::Taking) {
      exam.hand_in(false);  // an exam is handed in (asking first when questions are unanswered), not dropped
      if (exam.phase() == ExamPhase::Taking) return;
    }
    screen = Screen::Home;
  }

  /// Ends the session (recording an answer on the feedback screen); false if that failed.
  bool leave() {
    if (!in_session()) return true;
    if (screen == Screen::CardInfo) return_from_card_info();
    if (screen != Screen::Study) return true;
    if (!study.leave()) return false;
    screen = Screen::Summary;
    return true;
  }

  void after_rating(bool recorded) {
    if (recorded && study.finished()) screen = Screen::Summary;
  }

  void navigate(Screen to) {
    const bool from_home = screen == Screen::Home;
    switch (to) {
      case Screen::Settings:
        if (!from_home) return;
        settings.clear_notes();
        settings.refresh();
        break;
      case Screen::Optimize:
        if (screen != Screen::Settings) return;
        break;
      case Screen::Simulator:
        if (!from_home) return;
        simulator.open();
        break;
      case Screen::Export:
        if (!from_home) return;
        exporter.open();
        class_report.open();
        break;
      case Screen::Import:
        if (!from_home) return;
        importer.open();
        break;
      case Screen::Browser:
        if (!from_home) return;
        browser.open();
        break;
      case Screen::Plan:
        if (!from_home && screen != Screen::Simulator) return;
        plan_from = screen;
        plan.open();
        break;
      case Screen::Backups:
        if (!from_home) return;
        backups.open();
        break;
      case Screen::Stats:
        if (!from_home) return;
        stats.open();
        break;
      case Screen::CustomStudy:
        if (!from_home) return;
        custom = build_custom_study(ctx, home_scope, custom.selected, custom.days, custom.count);
        ctx.message.clear();
        break;
      case Screen::Exam:
        if (!from_home) return;
        exam.open();
        ctx.message.clear();
        break;
      case Screen::Home: go_home(); return;
      case Screen::Study:
      case Screen::Summary:
      case Screen::CardInfo: return;  // through StartSession, the session's end, OpenCardInfo only
    }
    screen = to;
  }

  void back() {
    switch (screen) {
      case Screen::Optimize: screen = Screen::Settings; break;
      case Screen::Plan: screen = plan_from; break;
      case Screen::Study: leave(); break;
      case Screen::CardInfo: return_from_card_info(); break;
      case Screen::Exam:
        if (exam.phase() == ExamPhase::Taking) {
          exam.hand_in(false);  // Back while answering asks to hand in; it never drops the exam
        } else {
          screen = Screen::Home;
        }
        break;
      case Screen::Home: break;
      default: screen = Screen::Home; break;
    }
  }

  void return_from_card_info() {
    screen = info_from;
    if (screen == Screen::Browser) {
      browser.refresh_card(card_info.card_key);
    } else if (screen == Screen::Study && drop_on_return && study.view().card.card_key == card_info.card_key) {
      study.drop_current();
      if (study.finished()) screen = Screen::Summary;
    }
    drop_on_return = false;
  }

  void open_card_info(const std::string& requested) {
    std::string key = requested;
    if (key.empty() && screen == Screen::Browser && browser.view().selected_shown >= 0) key = browser.view().selected;
    if (key.empty() && screen == Screen::Study) key = study.view().card.card_key;
    // From Stats only a named card (a weakest card's row).
    if (key.empty() || (screen != Screen::Browser && screen != Screen::Study && screen != Screen::Stats)) return;
    card_info = make_card_info(ctx, key, ctx.now());
    info_from = screen;
    drop_on_return = false;
    screen = Screen::CardInfo;
  }

  static bool sets_aside(CardActionKind k) {
    return k == CardActionKind::Suspend || k == CardActionKind::Bury || k == CardActionKind::Reset;
  }

  /// A card action from the Browser, Card info or Study; its outcome goes to that screen's notice.
  void card_action(const ApplyCardAction& a) {
    std::string key = a.card_key;
    if (key.empty() && screen == Screen::Browser) key = browser.view().selected;
    if (key.empty() && screen == Screen::CardInfo) key = card_info.card_key;
    if (key.empty() && screen == Screen::Study) key = study.view().card.card_key;
    std::string notice;
    try {
      if (screen == Screen::Study && sets_aside(a.kind) && study.in_feedback()) {
        // The answer on screen is recorded first, then the card leaves the session.
        if (!study.drop_current()) return;
        notice = apply_card_action(ctx, a, key);
        if (study.finished()) screen = Screen::Summary;
      } else {
        notice = apply_card_action(ctx, a, key);
        if (screen == Screen::Study && sets_aside(a.kind)) {
          study.drop_current();
          if (study.finished()) screen = Screen::Summary;
        }
      }
    } catch (const std::exception& e) {
      notice = e.what();
    }
    ctx.message = notice;
    if (screen == Screen::Browser) {
      browser.refresh_card(key);
      browser.set_notice(notice);
    } else if (screen == Screen::Study && study.active()) {
      study.refresh_flag();  // Ctrl+digit again removes the flag it set
    } else if (screen == Screen::CardInfo) {
      card_info = make_card_info(ctx, key, ctx.now());
      card_info.notice = notice;
      if (info_from == Screen::Study && sets_aside(a.kind)) drop_on_return = true;
    }
  }

  /// Applies and remembers new display settings (a failed save is said, the change stays).
  void set_display(const DisplaySettings& next) {
    if (next == display.settings) return;
    display.settings = next;
    ++display.revision;
    try {
      save_display(ctx.config.display_path, next);
    } catch (const std::exception& e) {
      ctx.message = std::string("The display settings could not be remembered: ") + e.what();
    }
  }

  void cancel_job() {
    switch (screen) {
      case Screen::Optimize: optimize.cancel(); break;
      case Screen::Simulator: simulator.cancel(); break;
      case Screen::Plan: plan.cancel(); break;
      case Screen::Export: exporter.cancel(); break;
      case Screen::Stats: stats.cancel(); break;
      default: break;
    }
  }

  template <class T>
  void apply(const T& a) {
    const Screen s = screen;
    if constexpr (std::is_same_v<T, Navigate>) {
      navigate(a.to);
    } else if constexpr (std::is_same_v<T, Back>) {
      back();
    } else if constexpr (std::is_same_v<T, GoHome>) {
      go_home();
    } else if constexpr (std::is_same_v<T, StartSession>) {
      if (s != Screen::Home && s != Screen::CustomStudy) return;
      if (study.start(a.scope, a.mode)) {
        screen = Screen::Study;
      } else if (s == Screen::CustomStudy) {
        custom = build_custom_study(ctx, custom.scope, custom.selected, custom.days, custom.count);
        custom.message = ctx.message;
      }
    } else if constexpr (std::is_same_v<T, SetCustomStudy>) {
      if (s == Screen::CustomStudy) custom = build_custom_study(ctx, custom.scope, a.selected, a.days, a.count);
    } else if constexpr (std::is_same_v<T, SelectScope>) {
      if (s == Screen::Home && !home.scopes.empty()) {
        const int row = std::clamp(a.row, 0, static_cast<int>(home.scopes.size()) - 1);
        home_scope = home.scopes[static_cast<std::size_t>(row)].scope;
      }
    } else if constexpr (std::is_same_v<T, ReloadBanks>) {
      reload();
    } else if constexpr (std::is_same_v<T, SpreadBacklog>) {
      if (s == Screen::Home) ctx.message = spread_backlog(ctx, a.days, a.pause_new);
    } else if constexpr (std::is_same_v<T, SubmitAnswer>) {
      if (s == Screen::Study) study.submit(a.answer);
      if (s == Screen::Exam) exam.answer(a.answer);
    } else if constexpr (std::is_same_v<T, SetRubric>) {
      if (s == Screen::Study) study.set_rubric(a.line, a.met);
      if (s == Screen::Exam) exam.set_rubric(a.line, a.met);
    } else if constexpr (std::is_same_v<T, SkipRubric>) {
      if (s == Screen::Study) study.skip_rubric();
    } else if constexpr (std::is_same_v<T, SetRubricLevel>) {
      if (s == Screen::Study) study.set_rubric_level(a.line, a.level);
    } else if constexpr (std::is_same_v<T, SelectRating>) {
      if (s == Screen::Study) study.select(a.rating);
    } else if constexpr (std::is_same_v<T, Rate>) {
      if (s == Screen::Study) after_rating(study.rate(a.rating));
    } else if constexpr (std::is_same_v<T, Continue>) {
      if (s == Screen::Study) after_rating(study.continue_with_selected());
    } else if constexpr (std::is_same_v<T, LeaveSession>) {
      leave();
    } else if constexpr (std::is_same_v<T, Undo>) {
      if ((s == Screen::Study || s == Screen::Summary) && study.undo()) screen = Screen::Study;
    } else if constexpr (std::is_same_v<T, ResumeSession>) {
      if (s == Screen::Study) study.resume();
    } else if constexpr (std::is_same_v<T, SaveOptions>) {
      if (s == Screen::Settings) settings.save(a.options, a.bank_id);
    } else if constexpr (std::is_same_v<T, SaveOptionsDraft>) {
      if (s == Screen::Settings) settings.save(a.draft, a.bank_id);
    } else if constexpr (std::is_same_v<T, ClearBankOptions>) {
      if (s == Screen::Settings) settings.clear_bank(a.bank_id);
    } else if constexpr (std::is_same_v<T, UnsuspendAll>) {
      if (s == Screen::Settings) settings.unsuspend_all();
    } else if constexpr (std::is_same_v<T, CancelJob>) {
      cancel_job();
    } else if constexpr (std::is_same_v<T, StartOptimize>) {
      if (s == Screen::Optimize) optimize.start();
    } else if constexpr (std::is_same_v<T, UseWeights>) {
      if (s == Screen::Optimize) optimize.use_weights(a.text);
    } else if constexpr (std::is_same_v<T, ResetWeights>) {
      if (s == Screen::Optimize) optimize.reset_weights();
    } else if constexpr (std::is_same_v<T, SetSimulatorForm>) {
      if (s == Screen::Simulator) simulator.set_form(a.form);
    } else if constexpr (std::is_same_v<T, StartSimulation>) {
      if (s == Screen::Simulator) simulator.start();
    } else if constexpr (std::is_same_v<T, SetPlanAlternative>) {
      if (s == Screen::Plan) plan.set_alternative(a.index);
    } else if constexpr (std::is_same_v<T, StartPlan>) {
      if (s == Screen::Plan) plan.start();
    } else if constexpr (std::is_same_v<T, ToggleExportFormat>) {
      if (s == Screen::Export) exporter.toggle_format(a.index);
    } else if constexpr (std::is_same_v<T, SetExportFolder>) {
      if (s == Screen::Export) exporter.set_folder(a.folder);
    } else if constexpr (std::is_same_v<T, StartExport>) {
      if (s == Screen::Export) exporter.start();
    } else if constexpr (std::is_same_v<T, OpenExportFolder>) {
      if (s == Screen::Export) exporter.open_folder();
    } else if constexpr (std::is_same_v<T, SetClassReport>) {
      if (s == Screen::Export) class_report.choose(a.source, a.format);
    } else if constexpr (std::is_same_v<T, StartClassReport>) {
      if (s == Screen::Export) class_report.start(exporter.view().folder);
    } else if constexpr (std::is_same_v<T, SetExportLearner>) {
      if (s == Screen::Export) exporter.set_learner(a.index);
    } else if constexpr (std::is_same_v<T, SetExportBank>) {
      if (s == Screen::Export) exporter.set_bank(a.index);
    } else if constexpr (std::is_same_v<T, SetExportPeriod>) {
      if (s == Screen::Export) exporter.set_period(a.from, a.to);
    } else if constexpr (std::is_same_v<T, SetImportInput>) {
      if (s == Screen::Import) importer.set_input(a.path);
    } else if constexpr (std::is_same_v<T, SetImportOutput>) {
      if (s == Screen::Import) importer.set_output(a.path);
    } else if constexpr (std::is_same_v<T, SetImportFormat>) {
      if (s == Screen::Import) importer.set_format(a.index);
    } else if constexpr (std::is_same_v<T, SetImportReplace>) {
      if (s == Screen::Import) importer.set_replace(a.replace);
    } else if constexpr (std::is_same_v<T, StartImport>) {
      if (s == Screen::Import) importer.start();
    } else if constexpr (std::is_same_v<T, SetBrowserSearch>) {
      if (s == Screen::Browser) browser.search(a.query);
    } else if constexpr (std::is_same_v<T, SortBrowser>) {
      if (s == Screen::Browser) browser.sort(a.column, a.descending);
    } else if constexpr (std::is_same_v<T, SelectCard>) {
      if (s == Screen::Browser) browser.select(a.card_key);
    } else if constexpr (std::is_same_v<T, OpenCardInfo>) {
      open_card_info(a.card_key);
    } else if constexpr (std::is_same_v<T, ApplyCardAction>) {
      if (s == Screen::Browser || s == Screen::CardInfo || s == Screen::Study) card_action(a);
    } else if constexpr (std::is_same_v<T, ZoomUi>) {
      DisplaySettings next = display.settings;
      next.scale_percent = step_scale(next.scale_percent, a.steps);
      set_display(next);
    } else if constexpr (std::is_same_v<T, SetTheme>) {
      DisplaySettings next = display.settings;
      next.theme = a.theme;
      set_display(next);
    } else if constexpr (std::is_same_v<T, SwitchLearner> || std::is_same_v<T, AddLearner>) {
      if (s != Screen::Home || busy()) {  // a session or an exam runs on its own screen
        ctx.message = s != Screen::Home ? "Finish the session or the exam, then switch learners on Home."
                                        : "Wait until the work running in the background has finished, then switch learners.";
      } else if constexpr (std::is_same_v<T, SwitchLearner>) {
        learners.switch_to(a.name);
      } else {
        learners.add(a.name);
      }
    } else if constexpr (std::is_same_v<T, TypeLearnerName>) {
      learners.typing(a.text);
    } else if constexpr (std::is_same_v<T, SetExamSetup>) {
      if (s == Screen::Exam) exam.set_setup(a.setup);
    } else if constexpr (std::is_same_v<T, StartExam>) {
      if (s == Screen::Exam) exam.start();
    } else if constexpr (std::is_same_v<T, GoToExamQuestion>) {
      if (s == Screen::Exam) exam.go_to(a.index);
    } else if constexpr (std::is_same_v<T, SkipExamQuestion>) {
      if (s == Screen::Exam) exam.skip();
    } else if constexpr (std::is_same_v<T, HandInExam>) {
      if (s == Screen::Exam) exam.hand_in(a.confirmed);
    } else if constexpr (std::is_same_v<T, CancelHandIn>) {
      if (s == Screen::Exam) exam.cancel_hand_in();
    } else if constexpr (std::is_same_v<T, SelectBackup>) {
      if (s == Screen::Backups) backups.select(a.index);
    } else if constexpr (std::is_same_v<T, RestoreBackup>) {
      if (s == Screen::Backups) backups.restore();
    } else if constexpr (std::is_same_v<T, MakeBackup>) {
      if (s == Screen::Backups) backups.back_up_now();
    } else if constexpr (std::is_same_v<T, CheckProgressFile>) {
      if (s == Screen::Backups) backups.check_now();
    }
  }

  void dispatch(const Action& action) {
    if (ctx.config.read_only && writes_progress(action)) {
      ctx.message = "Read-only: " + ctx.config.read_only_reason +
                    " Nothing is written to the progress file; to study or save, quit the other Casebook and "
                    "start again.";
      if (screen == Screen::Home) refresh_home();
      return;
    }
    const Screen before = screen;
    const ExamPhase exam_before = exam.phase();
    try {
      std::visit([this](const auto& a) { apply(a); }, action);
    } catch (const std::exception& e) {
      ctx.message = e.what();
    }
    sync_if_ended(before, exam_before);
    if (screen == Screen::Home) refresh_home();
  }

  [[nodiscard]] bool busy() const {
    return optimize.running() || simulator.running() || plan.running() || exporter.running() || importer.running() ||
           backups.running() || stats.running() || class_report.running();
  }

  bool poll() {
    bool changed = false;
    try {
      changed = optimize.poll() | simulator.poll() | plan.poll() | exporter.poll() | importer.poll() | backups.poll() |
                stats.poll() | lrs_sync.poll() | class_report.poll();
      if (screen == Screen::Exam) {
        const ExamPhase exam_before = exam.phase();
        changed = exam.tick() || changed;  // the timer; hands in when time is up
        sync_if_ended(Screen::Exam, exam_before);
      }
      // Waiting for a learning card: it is shown as soon as it may be.
      if (screen == Screen::Study && study.view().waiting && ctx.now() >= study.view().ready_at) {
        changed = study.resume() || changed;
      }
    } catch (const std::exception& e) {
      ctx.message = e.what();
      changed = true;
    }
    if (changed && screen == Screen::Home) refresh_home();
    return changed;
  }
};

Controller::Controller(AppConfig config) : m_impl(std::make_unique<Impl>(std::move(config))) {}
Controller::~Controller() = default;

void Controller::dispatch(const Action& action) { m_impl->dispatch(action); }
bool Controller::poll() { return m_impl->poll(); }
bool Controller::busy() const { return m_impl->busy(); }
void Controller::set_waker(std::function<void()> wake) { m_impl->ctx.wake = std::move(wake); }
void Controller::wait_for_background() {
  m_impl->optimize.wait();
  m_impl->simulator.wait();
  m_impl->plan.wait();
  m_impl->exporter.wait();
  m_impl->importer.wait();
  m_impl->backups.wait();
  m_impl->stats.wait();
  m_impl->lrs_sync.wait();
  m_impl->class_report.wait();
  poll();
  if (m_impl->screen == Screen::Home) m_impl->refresh_home();  // the waits above took their results already
}

Screen Controller::screen() const { return m_impl->screen; }
const HomeView& Controller::home() const { return m_impl->home; }
const StudyView* Controller::study() const {
  return m_impl->screen == Screen::Study ? &m_impl->study.view() : nullptr;
}
SummaryView Controller::summary() const {
  SummaryView v = m_impl->study.summary();
  v.sync = m_impl->lrs_sync.view();
  return v;
}
const SettingsView& Controller::settings() const { return m_impl->settings.view(); }
OptimizeView Controller::optimize() const { return m_impl->optimize.view(); }
const SimulatorView& Controller::simulator() const { return m_impl->simulator.view(); }
PlanView Controller::plan() const { return m_impl->plan.view(); }
ExportView Controller::export_view() const { return m_impl->exporter.view(); }
ClassReportView Controller::class_report() const { return m_impl->class_report.view(); }
ImportView Controller::import_view() const { return m_impl->importer.view(); }
const BrowserView& Controller::browser() const { return m_impl->browser.view(); }
const CardInfoView& Controller::card_info() const { return m_impl->card_info; }
const DisplayView& Controller::display() const { return m_impl->display; }
BackupsView Controller::backups() const { return m_impl->backups.view(); }
StatsView Controller::stats() const { return m_impl->stats.view(); }
const CustomStudyView& Controller::custom_study() const { return m_impl->custom; }
const ExamView& Controller::exam() const { return m_impl->exam.view(); }
core::StudyOptions Controller::study_options(const std::string& bank_id) const {
  return m_impl->ctx.options.for_bank(bank_id);
}
const AppConfig& Controller::config() const { return m_impl->ctx.config; }
const std::string& Controller::message() const { return m_impl->ctx.message; }

std::vector<char32_t> Controller::used_code_points() const {
  const AppConfig& c = m_impl->ctx.config;
  std::vector<std::string> extra{c.learner, c.db_path, m_impl->learners.glyph_text()};
  extra.insert(extra.end(), c.bank_paths.begin(), c.bank_paths.end());
  return app::used_code_points(m_impl->ctx.library, extra);
}
std::uint64_t Controller::glyph_generation() const {
  return m_impl->ctx.library.generation() + m_impl->learners.generation();  // both only grow
}

}  // namespace casebook::app
