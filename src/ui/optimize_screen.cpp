#include "ui/optimize_screen.hpp"

#include <imgui_stdlib.h>

#include <cstdio>
#include <exception>
#include <utility>

#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

namespace opt = core::optimizer;

std::string metrics_cell(const std::optional<core::evaluate::Metrics>& m, bool rmse) {
  if (!m) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, rmse ? "%.4f" : "%.5f", rmse ? m->rmse_bins : m->log_loss);
  return buf;
}

}  // namespace

OptimizeScreen::OptimizeScreen(const app::AppConfig& config) : m_config(config) {}

OptimizeScreen::~OptimizeScreen() = default;

void OptimizeScreen::start() {
  m_outcome.reset();
  m_status.clear();
  m_manual_status.clear();
  m_result_text.clear();
  app::ReviewLogSource source;
  source.db_path = m_config.db_path;
  source.learner = m_config.learner;
  m_job.start([source](const std::function<void(double)>& progress, const std::atomic<bool>& cancel) {
    Run run;
    run.log = app::load_review_log(source);
    run.outcome = app::optimize(run.log, progress, &cancel);
    run.log.items.clear();
    return run;
  });
}

void OptimizeScreen::collect(const app::SettingsView& view, UiContext& ui) {
  std::optional<Run> run = m_job.collect();
  if (!run) {
    // opt::Cancelled is thrown only once cancel was asked for.
    m_status = m_job.cancelled() ? "Cancelled: nothing was changed." : "The optimization failed: " + m_job.error();
    m_status_is_error = true;
    return;
  }
  m_log = std::move(run->log);
  m_outcome = std::move(run->outcome);
  const app::OptimizeOutcome& out = *m_outcome;
  m_result_text = opt::format_weights(out.fit.weights);
  m_status_is_error = false;
  if (out.verdict != app::OptimizeVerdict::Better) {
    m_status = app::verdict_text(out.verdict);
    if (!out.fit.note.empty()) {  // the fit's note ("kept the default parameters: ...") as its own sentence
      std::string note = out.fit.note;
      if (note[0] >= 'a' && note[0] <= 'z') note[0] = static_cast<char>(note[0] - 'a' + 'A');
      if (note.back() != '.') note += '.';
      m_status += " " + note;
    }
    return;
  }
  try {
    ui.send(app::SaveOptions{app::with_weights(view.learner_options, out.fit.weights), ""});
    m_status = "Applied: the fitted parameters lower the log loss and are now in your study options.";
  } catch (const std::exception& e) {
    m_status = std::string("Not applied: ") + e.what();
    m_status_is_error = true;
  }
}

bool OptimizeScreen::draw(const app::SettingsView& view, UiContext& ui, bool* busy) {
  ImGui::GetIO().ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;  // Enter/Esc are this screen's keys
  if (m_job.finished()) collect(view, ui);
  const bool running = m_job.running();
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Optimize FSRS parameters");
  hint_text("Fits the 21 FSRS-6 parameters to your review log (learner " + m_config.learner +
            "). The result is applied only if it predicts your reviews better.");
  ImGui::Dummy(ImVec2(0, 0.25f * em));

  const bool keys = !ui.typing;
  if (styled_button("Optimize parameters (Enter)", ImVec2(0, 0), true, !running) ||
      (keys && !running && enter_pressed())) {
    start();
  }
  ImGui::SameLine();
  bool back = false;
  if (running) {
    if (ImGui::Button("Cancel (Esc)") || (keys && escape_pressed())) m_job.cancel();
  } else {
    back = ImGui::Button("Back to settings (Esc)") || (keys && escape_pressed());
  }

  ImGui::Dummy(ImVec2(0, 0.25f * em));
  const auto fraction = static_cast<float>(m_job.progress());
  ImGui::ProgressBar(fraction, ImVec2(-1, 0), running ? nullptr : (m_outcome ? "done" : ""));
  if (m_job.cancelling()) hint_text("Cancelling…");
  if (!m_status.empty()) wrapped_text(m_status, m_status_is_error ? kColorWrong : kColorCorrect);
  for (const auto& p : view.problems) wrapped_text(p.field + ": " + p.message, kColorWrong);

  if (m_outcome && !running) {
    const app::OptimizeOutcome& out = *m_outcome;
    hint_text(m_log.source + ": " + std::to_string(m_log.reviews) + " reviews of " + std::to_string(m_log.cards) +
              " cards, fit: " + app::fit_kind_text(out.fit.kind) + " (" + std::to_string(out.fit.training_items) +
              " training items)");
    if (ImGui::BeginTable("metrics", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerH)) {
      ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 16.0f * em);
      ImGui::TableSetupColumn("Log loss", ImGuiTableColumnFlags_WidthFixed, 7.0f * em);
      ImGui::TableSetupColumn("RMSE (bins)", ImGuiTableColumnFlags_WidthFixed, 7.0f * em);
      ImGui::TableHeadersRow();
      const auto line = [](const std::string& label, const std::optional<core::evaluate::Metrics>& m) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(label.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(metrics_cell(m, false).c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(metrics_cell(m, true).c_str());
      };
      line(m_log.current_is_default ? "Before (default parameters)" : "Before (your parameters)", out.before);
      line("After (fitted parameters)", out.after);
      ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, 0.25f * em));
    ImGui::TextUnformatted("Fitted parameters (21, comma-separated; the form Anki accepts)");
    ImGui::SetNextItemWidth(-7.0f * em);
    ImGui::InputText("##fitted", &m_result_text, ImGuiInputTextFlags_ReadOnly);
    ImGui::SameLine();
    if (ImGui::Button("Copy (C)") || (keys && typed_letter('c'))) ImGui::SetClipboardText(m_result_text.c_str());
  }

  ImGui::Dummy(ImVec2(0, 0.75f * em));
  ImGui::Separator();
  ImGui::TextUnformatted("Parameters in use");
  std::string current = opt::format_weights(
      view.learner_options.weights.size() == core::kDefaultWeights.size()
          ? [&] {
              opt::Weights w{};
              std::copy(view.learner_options.weights.begin(), view.learner_options.weights.end(), w.begin());
              return w;
            }()
          : core::kDefaultWeights);
  ImGui::SetNextItemWidth(-7.0f * em);
  ImGui::InputText("##current", &current, ImGuiInputTextFlags_ReadOnly);
  ImGui::SameLine();
  if (ImGui::Button("Copy##current")) ImGui::SetClipboardText(current.c_str());
  if (view.learner_options.weights.empty()) hint_text("These are the FSRS-6 defaults.");

  ImGui::Dummy(ImVec2(0, 0.25f * em));
  ImGui::TextUnformatted("Set parameters by hand: paste 21 comma-separated numbers");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##paste", "0.212, 1.2931, 2.3065, 8.2956, ...", &m_paste);
  ImGui::BeginDisabled(running);
  const bool use_pasted = ImGui::Button("Use these parameters");
  ImGui::SameLine();
  const bool reset = ImGui::Button("Reset to defaults");
  ImGui::EndDisabled();
  if (use_pasted) {
    try {
      const opt::Weights w =
          app::parse_manual_weights(m_paste, view.learner_options.relearning_steps_minutes.size());
      ui.send(app::SaveOptions{app::with_weights(view.learner_options, w), ""});
      m_manual_status = "Applied: the pasted parameters are now in your study options.";
      m_manual_is_error = false;
    } catch (const std::exception& e) {
      m_manual_status = std::string("Not applied: ") + e.what();
      m_manual_is_error = true;
    }
  } else if (reset) {
    core::StudyOptions o = view.learner_options;
    o.weights.clear();
    ui.send(app::SaveOptions{o, ""});
    m_manual_status = "Applied: the FSRS-6 default parameters are back in use.";
    m_manual_is_error = false;
  }

  if (!m_manual_status.empty()) wrapped_text(m_manual_status, m_manual_is_error ? kColorWrong : kColorCorrect);

  if (running && busy != nullptr) *busy = true;
  return !back;
}

}  // namespace casebook::ui
