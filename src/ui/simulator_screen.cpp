#include "ui/simulator_screen.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "core/options.hpp"
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
    ImGui::TableNextRow();
    int column = 0;
    for (const auto* s : {&sa, &sb}) {
      ImGui::TableSetColumnIndex(column);
      const std::string label = std::string(minutes ? "Minutes" : "Reviews") + " per day, retention " +
                                percent(column == 0 ? ra : rb);
      ImGui::TextDisabled("%s", label.c_str());
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

void SimulatorScreen::run(const core::StudyOptions& options) {
  m_error.clear();
  try {
    core::SimulationConfig config;
    config.scheduler = core::to_scheduler_options(options);
    config.bank_size = std::clamp(m_bank_size, 0, 100000);
    config.new_per_day = std::clamp(m_new_per_day, 0, 10000);
    config.days = std::clamp(m_days, 1, 3650);
    config.max_reviews_per_day = options.max_reviews_per_day;
    config.seed = static_cast<std::uint64_t>(m_seed);
    config.scheduler.desired_retention = std::clamp(m_retention_a, 70, 99) / 100.0;
    m_a = core::simulate(config);
    m_ran_a = config.scheduler.desired_retention;
    config.scheduler.desired_retention = std::clamp(m_retention_b, 70, 99) / 100.0;
    m_b = core::simulate(config);
    m_ran_b = config.scheduler.desired_retention;
  } catch (const std::exception& e) {
    m_error = e.what();
    m_a.reset();
    m_b.reset();
  }
}

void SimulatorScreen::draw(const core::StudyOptions& options, UiContext& ui, bool& open) {
  if (!m_initialised) {
    m_initialised = true;
    m_new_per_day = options.new_cards_per_day;
    m_retention_a = static_cast<int>(options.desired_retention * 100.0 + 0.5);
    m_retention_b = m_retention_a > 80 ? m_retention_a - 10 : m_retention_a + 5;
    ImGui::SetKeyboardFocusHere();
  }
  text_in(ui.fonts->heading, "Workload simulator");
  hint_text("A simulated learner whose memory follows your FSRS parameters studies every day. "
            "Compare two desired retentions before you choose one in Settings.");
  ImGui::Dummy(ImVec2(0, 0.25f * ImGui::GetFontSize()));

  // Three rows of two fields (Tab goes left to right, then down).
  const float field = 6.0f * ImGui::GetFontSize();
  const auto input = [&](const char* label, int& value, int lo, int hi) {
    ImGui::SetNextItemWidth(field);
    ImGui::InputInt(label, &value, 0, 0);
    value = std::clamp(value, lo, hi);
  };
  if (ImGui::BeginTable("form", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
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

  const bool run_clicked = styled_button("Simulate (Enter)", ImVec2(0, 0), true);
  ImGui::SameLine();
  const bool back_clicked = styled_button("Back (Esc)", ImVec2(0, 0), false);
  if (run_clicked || enter_pressed()) run(options);
  if (back_clicked || (escape_pressed() && !ui.typing)) open = false;
  const float page = 0.8f * ImGui::GetWindowHeight();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) ImGui::SetScrollY(ImGui::GetScrollY() + page);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) ImGui::SetScrollY(ImGui::GetScrollY() - page);

  if (!m_error.empty()) wrapped_text(m_error, kColorWrong);
  if (m_a && m_b) {
    ImGui::Dummy(ImVec2(0, 0.25f * ImGui::GetFontSize()));
    draw_results(*m_a, m_ran_a, *m_b, m_ran_b);
    hint_text("Times per review and rating shares: the fsrs-rs simulator's defaults (docs/simulator.md). "
              "Same seed, same figures.");
  }
}

}  // namespace casebook::ui
