#include "ui/simulator_screen.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: a field being edited shows a new value

#include "core/options.hpp"
#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

/// Reviews (or minutes) per day as floats for ImGui::PlotLines.
std::vector<float> series(const core::SimulationResult& r, bool minutes) {
  std::vector<float> out;
  out.reserve(r.days.size());
  for (const core::SimulationDay& d : r.days) {
    out.push_back(minutes ? static_cast<float>(d.seconds / 60.0) : static_cast<float>(d.reviews));
  }
  return out;
}

void row(const char* label, const std::string& a, const std::string& b) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted(label);
  ImGui::TableSetColumnIndex(1);
  ImGui::TextUnformatted(a.c_str());
  ImGui::TableSetColumnIndex(2);
  ImGui::TextUnformatted(b.c_str());
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string percent(double v) { return fixed(100.0 * v, 1) + " %"; }

void draw_results(const core::SimulationResult& a, double ra, const core::SimulationResult& b, double rb) {
  const auto n = static_cast<double>(std::max<std::size_t>(1, a.days.size()));
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg;
  if (ImGui::BeginTable("results", 3, flags)) {
    const float col = 9.0f * ImGui::GetFontSize();
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(("Retention " + percent(ra)).c_str(), ImGuiTableColumnFlags_WidthFixed, col);
    ImGui::TableSetupColumn(("Retention " + percent(rb)).c_str(), ImGuiTableColumnFlags_WidthFixed, col);
    ImGui::TableHeadersRow();
    const auto peak = [](const core::SimulationResult& r, bool minutes) {
      const std::vector<float> s = series(r, minutes);
      return s.empty() ? 0.0 : static_cast<double>(*std::max_element(s.begin(), s.end()));
    };
    row("Reviews per day (mean)", fixed(a.total_reviews / n, 1), fixed(b.total_reviews / n, 1));
    row("Reviews per day (peak)", fixed(peak(a, false), 0), fixed(peak(b, false), 0));
    row("Minutes per day (mean)", fixed(a.total_seconds / 60.0 / n, 1), fixed(b.total_seconds / 60.0 / n, 1));
    row("Minutes per day (peak)", fixed(peak(a, true), 1), fixed(peak(b, true), 1));
    row("Total study time (hours)", fixed(a.total_seconds / 3600.0, 1), fixed(b.total_seconds / 3600.0, 1));
    row("Forgotten at review", std::to_string(a.total_lapses), std::to_string(b.total_lapses));
    row("Expected retention at the end", percent(a.end_retention), percent(b.end_retention));
    ImGui::EndTable();
  }
  // One column per retention, the same vertical scale in both, reviews above minutes.
  if (!ImGui::BeginTable("plots", 2, ImGuiTableFlags_SizingStretchSame)) return;
  const float height = 3.5f * ImGui::GetFontSize();
  for (const bool minutes : {false, true}) {
    const std::vector<float> sa = series(a, minutes);
    const std::vector<float> sb = series(b, minutes);
    const float top = std::max(sa.empty() ? 0.0f : *std::max_element(sa.begin(), sa.end()),
                               sb.empty() ? 0.0f : *std::max_element(sb.begin(), sb.end()));
    // Titles in a row of their own, so both plots start on one line.
    ImGui::TableNextRow();
    for (int column = 0; column < 2; ++column) {
      ImGui::TableSetColumnIndex(column);
      const std::string label = std::string(minutes ? "Minutes" : "Reviews") + " per day, retention " +
                                percent(column == 0 ? ra : rb);
      ImGui::TextDisabled("%s", label.c_str());
    }
    ImGui::TableNextRow();
    int column = 0;
    for (const auto* s : {&sa, &sb}) {
      ImGui::TableSetColumnIndex(column);
      ImGui::PushID(column + (minutes ? 2 : 0));
      ImGui::PlotLines("##plot", s->data(), static_cast<int>(s->size()), 0, nullptr, 0.0f, top,
                       ImVec2(ImGui::GetContentRegionAvail().x, height));
      ImGui::PopID();
      ++column;
    }
  }
  ImGui::EndTable();
}

}  // namespace

const core::StudyOptions& SimulatorScreen::scope_options(const app::SettingsView& view) const {
  if (m_scope > 0 && m_scope <= static_cast<int>(view.banks.size())) {
    return view.banks[static_cast<std::size_t>(m_scope - 1)].options;
  }
  return view.learner_options;
}

void SimulatorScreen::reset_form(const core::StudyOptions& options) {
  m_new_per_day = options.new_cards_per_day;
  m_retention_a = static_cast<int>(options.desired_retention * 100.0 + 0.5);
  m_retention_b = m_retention_a > 80 ? m_retention_a - 10 : m_retention_a + 5;
}

void SimulatorScreen::start(const core::StudyOptions& options) {
  m_error.clear();
  core::SimulationConfig a, b;
  try {
    a.scheduler = core::to_scheduler_options(options);
  } catch (const std::exception& e) {
    m_error = e.what();
    return;
  }
  a.bank_size = std::clamp(m_bank_size, 0, 100000);
  a.new_per_day = std::clamp(m_new_per_day, 0, 10000);
  a.days = std::clamp(m_days, 1, 3650);
  a.max_reviews_per_day = options.max_reviews_per_day;
  a.seed = static_cast<std::uint64_t>(m_seed);
  b = a;
  a.scheduler.desired_retention = std::clamp(m_retention_a, 70, 99) / 100.0;
  b.scheduler.desired_retention = std::clamp(m_retention_b, 70, 99) / 100.0;
  m_job.start([a, b](const std::function<void(double)>& progress, const std::atomic<bool>& cancel) {
    Results r;
    r.a = core::simulate(a, [&](double f) { progress(0.5 * f); }, &cancel);
    r.b = core::simulate(b, [&](double f) { progress(0.5 + 0.5 * f); }, &cancel);
    r.retention_a = a.scheduler.desired_retention;
    r.retention_b = b.scheduler.desired_retention;
    return r;
  });
}

void SimulatorScreen::draw(const app::SettingsView& view, UiContext& ui, bool& open, bool* busy) {
  if (m_scope > static_cast<int>(view.banks.size())) m_scope = 0;
  const auto scope_name = [&](int s) {
    if (s == 0) return std::string("My options (all banks)");
    const auto& bank = view.banks[static_cast<std::size_t>(s - 1)];
    return "Bank: " + (bank.title.empty() ? bank.id : bank.title) + (bank.overridden ? "  (own settings)" : "");
  };
  const bool first_frame = !m_initialised;
  if (first_frame) {
    m_initialised = true;
    reset_form(scope_options(view));
  }
  if (m_job.finished()) {
    if (auto r = m_job.collect()) {
      m_results = std::move(*r);
    } else if (!m_job.cancelled()) {
      m_error = m_job.error();
    }
  }
  const bool running = m_job.running();
  text_in(ui.fonts->heading, "Workload simulator");
  hint_text("A simulated learner whose memory follows your FSRS parameters studies every day. "
            "Compare two desired retentions before you choose one in Settings.");
  ImGui::Dummy(ImVec2(0, 0.25f * ImGui::GetFontSize()));

  // Whose options: the learner's or one bank's (with its overrides).
  const int scopes = 1 + static_cast<int>(view.banks.size());
  int scope = m_scope;
  ImGui::SetNextItemWidth(28.0f * ImGui::GetFontSize());
  if (ImGui::BeginCombo("Options (Ctrl+B)", scope_name(m_scope).c_str())) {
    for (int s = 0; s < scopes; ++s) {
      if (ImGui::Selectable(scope_name(s).c_str(), s == m_scope)) scope = s;
    }
    ImGui::EndCombo();
  }
  if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(platform::kKeyB, false)) scope = (m_scope + 1) % scopes;
  if (scope != m_scope && !running) {
    m_scope = scope;
    reset_form(scope_options(view));
    // A bank's simulation starts from its own size (the learner's keeps what was typed).
    if (m_scope > 0) m_bank_size = view.banks[static_cast<std::size_t>(m_scope - 1)].cards;
    // A field being edited keeps its own text: leave it, then focus the first field again
    // so it shows the new values.
    ImGui::ClearActiveID();
    m_refocus = true;
  }

  // Three rows of two fields (Tab goes left to right, then down).
  const float field = 6.0f * ImGui::GetFontSize();
  const auto input = [&](const char* label, int& value, int lo, int hi) {
    ImGui::SetNextItemWidth(field);
    ImGui::InputInt(label, &value, 0, 0);
    value = std::clamp(value, lo, hi);
  };
  ImGui::BeginDisabled(running);
  if (ImGui::BeginTable("form", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    if (first_frame || m_refocus) ImGui::SetKeyboardFocusHere();  // the first field has the focus
    m_refocus = false;
    input("Cards in the bank", m_bank_size, 0, 100000);
    ImGui::TableNextColumn();
    input("New cards per day", m_new_per_day, 0, 10000);
    ImGui::TableNextColumn();
    input("Desired retention A (%)", m_retention_a, 70, 99);
    ImGui::TableNextColumn();
    input("Desired retention B (%)", m_retention_b, 70, 99);
    ImGui::TableNextColumn();
    input("Days", m_days, 1, 3650);
    ImGui::TableNextColumn();
    input("Seed", m_seed, 0, 1000000000);
    ImGui::EndTable();
  }
  ImGui::EndDisabled();

  const bool run_clicked = styled_button("Simulate (Enter)", ImVec2(0, 0), true, !running);
  ImGui::SameLine();
  if (running) {
    if (ImGui::Button("Cancel (Esc)") || escape_pressed()) m_job.cancel();
  } else {
    const bool back_clicked = styled_button("Back (Esc)", ImVec2(0, 0), false);
    if (back_clicked || (escape_pressed() && !ui.typing)) open = false;
    if (run_clicked || enter_pressed()) {
      m_scope_name = scope_name(m_scope);
      start(scope_options(view));
    }
  }
  const float page = 0.8f * ImGui::GetWindowHeight();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) ImGui::SetScrollY(ImGui::GetScrollY() + page);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) ImGui::SetScrollY(ImGui::GetScrollY() - page);

  if (running || m_job.progress() > 0.0) {
    ImGui::ProgressBar(static_cast<float>(m_job.progress()), ImVec2(-1, 0),
                       running ? nullptr : (m_job.cancelled() ? "cancelled" : "done"));
  }
  if (m_job.cancelling()) hint_text("Cancelling…");
  if (!m_error.empty()) wrapped_text(m_error, kColorWrong);
  if (m_results && !running) {
    ImGui::Dummy(ImVec2(0, 0.25f * ImGui::GetFontSize()));
    hint_text("Simulated with: " + m_scope_name);
    draw_results(m_results->a, m_results->retention_a, m_results->b, m_results->retention_b);
    hint_text("Times per review and rating shares: the fsrs-rs simulator's defaults (docs/simulator.md). "
              "Same seed, same figures.");
  }
  if (running && busy != nullptr) *busy = true;
}

}  // namespace casebook::ui
