#include "app/controller.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "app/backlog.hpp"
#include "app/context.hpp"
#include "app/export_flow.hpp"
#include "app/glyphs.hpp"
#include "app/home.hpp"
#include "app/import_flow.hpp"
#include "app/optimize_flow.hpp"
#include "app/plan_flow.hpp"
#include "app/settings_model.hpp"
#include "app/simulator_flow.hpp"
#include "app/study_flow.hpp"

namespace casebook::app {

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
  ImportFlow importer{ctx, [this] { reload(); }};

  explicit Impl(AppConfig c) : ctx(std::move(c)) {
    settings.refresh();
    refresh_home();
  }

  /// Builds the Home view again, keeping the highlighted row on the same scope (the first
  /// row when that scope is gone).
  void refresh_home() {
    home = build_home(ctx);
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
  }

  void go_home() {
    if (screen == Screen::Study && !leave()) return;  // the write failed: stay with the answer
    screen = Screen::Home;
  }

  /// Ends the session (recording an answer on the feedback screen); false if that failed.
  bool leave() {
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
        break;
      case Screen::Import:
        if (!from_home) return;
        importer.open();
        break;
      case Screen::Plan:
        if (!from_home && screen != Screen::Simulator) return;
        plan_from = screen;
        plan.open();
        break;
      case Screen::Home: go_home(); return;
      case Screen::Study:
      case Screen::Summary: return;  // through StartSession and the session's end only
    }
    screen = to;
  }

  void back() {
    switch (screen) {
      case Screen::Optimize: screen = Screen::Settings; break;
      case Screen::Plan: screen = plan_from; break;
      case Screen::Study: leave(); break;
      case Screen::Home: break;
      default: screen = Screen::Home; break;
    }
  }

  void cancel_job() {
    switch (screen) {
      case Screen::Optimize: optimize.cancel(); break;
      case Screen::Simulator: simulator.cancel(); break;
      case Screen::Plan: plan.cancel(); break;
      case Screen::Export: exporter.cancel(); break;
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
      if (s == Screen::Home && study.start(a.scope)) screen = Screen::Study;
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
    } else if constexpr (std::is_same_v<T, SetRubric>) {
      if (s == Screen::Study) study.set_rubric(a.line, a.met);
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
    }
  }

  void dispatch(const Action& action) {
    try {
      std::visit([this](const auto& a) { apply(a); }, action);
    } catch (const std::exception& e) {
      ctx.message = e.what();
    }
    if (screen == Screen::Home) refresh_home();
  }

  bool poll() {
    bool changed = false;
    try {
      changed = optimize.poll() | simulator.poll() | plan.poll() | exporter.poll() | importer.poll();
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
bool Controller::busy() const {
  return m_impl->optimize.running() || m_impl->simulator.running() || m_impl->plan.running() ||
         m_impl->exporter.running() || m_impl->importer.running();
}
void Controller::set_waker(std::function<void()> wake) { m_impl->ctx.wake = std::move(wake); }
void Controller::wait_for_background() {
  m_impl->optimize.wait();
  m_impl->simulator.wait();
  m_impl->plan.wait();
  m_impl->exporter.wait();
  m_impl->importer.wait();
  poll();
}

Screen Controller::screen() const { return m_impl->screen; }
const HomeView& Controller::home() const { return m_impl->home; }
const StudyView* Controller::study() const {
  return m_impl->screen == Screen::Study ? &m_impl->study.view() : nullptr;
}
const SummaryView& Controller::summary() const { return m_impl->study.summary(); }
const SettingsView& Controller::settings() const { return m_impl->settings.view(); }
OptimizeView Controller::optimize() const { return m_impl->optimize.view(); }
SimulatorView Controller::simulator() const { return m_impl->simulator.view(); }
PlanView Controller::plan() const { return m_impl->plan.view(); }
ExportView Controller::export_view() const { return m_impl->exporter.view(); }
ImportView Controller::import_view() const { return m_impl->importer.view(); }
core::StudyOptions Controller::study_options(const std::string& bank_id) const {
  return m_impl->ctx.options.for_bank(bank_id);
}
const AppConfig& Controller::config() const { return m_impl->ctx.config; }
const std::string& Controller::message() const { return m_impl->ctx.message; }

std::vector<char32_t> Controller::used_code_points() const {
  const AppConfig& c = m_impl->ctx.config;
  std::vector<std::string> extra{c.learner, c.db_path};
  extra.insert(extra.end(), c.bank_paths.begin(), c.bank_paths.end());
  return app::used_code_points(m_impl->ctx.library, extra);
}
std::uint64_t Controller::glyph_generation() const { return m_impl->ctx.library.generation(); }

}  // namespace casebook::app
