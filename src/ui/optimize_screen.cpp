#include "ui/optimize_screen.hpp"

#include <imgui_stdlib.h>

#include "ui/theme.hpp"

namespace casebook::ui {

namespace {

/// A read-only field with the text and a Copy button beside it.
void copyable(const char* id, const std::string& text, const char* button) {
  std::string shown = text;  // ImGui wants a mutable buffer even when read-only
  ImGui::SetNextItemWidth(-7.0f * ImGui::GetFontSize());
  ImGui::InputText(id, &shown, ImGuiInputTextFlags_ReadOnly);
  ImGui::SameLine();
  if (ImGui::Button(button)) ImGui::SetClipboardText(text.c_str());
}

void draw_result(const app::OptimizeView& view, bool keys) {
  const float em = ImGui::GetFontSize();
  for (const std::string& sentence : view.summary) wrapped_text(sentence);
  ImGui::Dummy(ImVec2(0, 0.25f * em));
  hint_text(view.data_line);
  if (ImGui::BeginTable("metrics", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 16.0f * em);
    ImGui::TableSetupColumn("Log loss", ImGuiTableColumnFlags_WidthFixed, 7.0f * em);
    ImGui::TableSetupColumn("RMSE (bins)", ImGuiTableColumnFlags_WidthFixed, 7.0f * em);
    ImGui::TableHeadersRow();
    for (const auto& m : view.metrics) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(m.label.c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(m.log_loss.c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(m.rmse.c_str());
    }
    ImGui::EndTable();
  }
  ImGui::Dummy(ImVec2(0, 0.25f * em));
  ImGui::TextUnformatted("Fitted parameters (21, comma-separated; the form Anki accepts)");
  copyable("##fitted", view.fitted_weights, "Copy (C)");
  if (keys && typed_letter('c')) ImGui::SetClipboardText(view.fitted_weights.c_str());
}

}  // namespace

void OptimizeScreen::draw(const app::OptimizeView& view, UiContext& ui) {
  const bool running = view.job.running;
  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Optimize FSRS parameters");
  hint_text("Fits the 21 FSRS-6 parameters to your review log (learner " + view.learner +
            "). The result is applied only if it predicts your reviews better.");
  ImGui::Dummy(ImVec2(0, 0.25f * em));

  const bool keys = !ui.typing;
  if (styled_button("Optimize parameters (Enter)", ImVec2(0, 0), true, !running) || (keys && !running && enter_pressed())) {
    ui.send(app::StartOptimize{});
  }
  ImGui::SameLine();
  if (running) {
    if (ImGui::Button("Cancel (Esc)") || (keys && escape_pressed())) ui.send(app::CancelJob{});
  } else if (ImGui::Button("Back to settings (Esc)") || (keys && escape_pressed())) {
    ui.send(app::Back{});
  }

  ImGui::Dummy(ImVec2(0, 0.25f * em));
  ImGui::ProgressBar(static_cast<float>(view.job.progress), ImVec2(-1, 0),
                     running ? nullptr : (view.has_result ? "done" : ""));
  if (view.job.cancelling) hint_text("Cancelling…");
  if (!view.status.empty()) {
    wrapped_text(view.status, view.status_tone == app::Tone::Correct ? kColorCorrect
                              : view.status_tone == app::Tone::Wrong ? kColorWrong
                                                                     : kColorNotice);
  }
  if (view.has_result && !running) draw_result(view, keys);

  ImGui::Dummy(ImVec2(0, 0.75f * em));
  ImGui::Separator();
  ImGui::TextUnformatted("Parameters in use");
  copyable("##current", view.current_weights, "Copy##current");
  if (view.current_is_default) hint_text("These are the FSRS-6 defaults.");

  ImGui::Dummy(ImVec2(0, 0.25f * em));
  ImGui::TextUnformatted("Set parameters by hand: paste 21 comma-separated numbers");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##paste", "0.212, 1.2931, 2.3065, 8.2956, ...", &m_paste);
  ImGui::BeginDisabled(running);
  if (ImGui::Button("Use these parameters")) ui.send(app::UseWeights{m_paste});
  ImGui::SameLine();
  if (ImGui::Button("Reset to defaults")) ui.send(app::ResetWeights{});
  ImGui::EndDisabled();
  if (!view.manual_status.empty()) wrapped_text(view.manual_status, view.manual_is_error ? kColorWrong : kColorCorrect);
}

}  // namespace casebook::ui
