#include "ui/stats_screen.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/charts.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

constexpr int kCharts = 4;  ///< reviews, minutes, forecast, exams

const app::Chart& chart_at(const app::StatsView& v, int i) {
  switch (i) {
    case 0: return v.reviews;
    case 1: return v.minutes;
    case 2: return v.forecast;
    default: return v.exams;
  }
}

void section(UiContext& ui, const char* title, const char* explanation) {
  ImGui::Dummy(ImVec2(0, 0.6f * ImGui::GetFontSize()));
  text_in(ui.fonts->bold, title);
  hint_text(explanation);
}

/// Reviews per day as a calendar: a column per week (Monday on top), the newest week on the
/// right, as many weeks as fit; darker is more reviews.
void heatmap(UiContext& ui, const app::StatsView& v) {
  section(ui, "Reviews per day: calendar",
          "Each square is a day, each column a week (Monday at the top); the darker, the more cards you answered.");
  const int n = static_cast<int>(v.heat.size());
  if (n == 0) return;
  const float em = ImGui::GetFontSize();
  const float cell = 0.95f * em, gap = std::max(2.0f, 0.15f * em);
  const float days_w = ImGui::CalcTextSize("Mon ").x;
  const std::int64_t first_day = v.heat_last_day - (n - 1);
  const int first_wd = static_cast<int>(((first_day + 3) % 7 + 7) % 7);  // 0 = Monday
  const int columns = (n - 1 + first_wd) / 7 + 1;
  const int fit = std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().x - days_w) / (cell + gap)));
  const int skip = std::max(0, columns - fit);
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const ImVec2 size(days_w + static_cast<float>(columns - skip) * (cell + gap), 7.0f * (cell + gap));
  ImGui::Dummy(size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const char* names[] = {"Mon", "", "Wed", "", "Fri", "", "Sun"};
  for (int r = 0; r < 7; ++r) {
    dl->AddText(ui.fonts->body, 0.8f * em, ImVec2(o.x, o.y + static_cast<float>(r) * (cell + gap)), color_u32(kColorMuted), names[r]);
  }
  int tip = -1;
  for (int i = 0; i < n; ++i) {
    const int col = (i + first_wd) / 7 - skip;
    if (col < 0) continue;
    const int row = (i + first_wd) % 7;
    const ImVec2 a(o.x + days_w + static_cast<float>(col) * (cell + gap), o.y + static_cast<float>(row) * (cell + gap));
    const ImVec2 b(a.x + cell, a.y + cell);
    const int reviews = v.heat[static_cast<std::size_t>(i)];
    const float share = v.heat_max == 0 ? 0.0f : static_cast<float>(reviews) / static_cast<float>(v.heat_max);
    dl->AddRectFilled(a, b, reviews == 0 ? color_u32(kColorMuted, 0.15f) : color_u32(kColorAccent, 0.25f + 0.75f * share), 2.0f);
    if (hovered && ImGui::IsMouseHoveringRect(a, b)) tip = i;
  }
  if (tip >= 0) {
    const int r = v.heat[static_cast<std::size_t>(tip)];
    ImGui::SetTooltip("%s: %d %s", v.heat_dates[static_cast<std::size_t>(tip)].c_str(), r, r == 1 ? "review" : "reviews");
  }
  const std::size_t from = static_cast<std::size_t>(std::max(0, skip * 7 - first_wd));
  hint_text("From " + v.heat_dates[from] + " to " + v.heat_dates.back() + "; the busiest day had " +
            std::to_string(v.heat_max) + " reviews.");
}

void coverage_table(const app::StatsView& v) {
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("coverage", 7, flags)) return;
  // Short titles: ImGui 1.86 does not wrap headers (the section's explanation says them in full).
  const char* titles[] = {"Bank / topic", "Started", "All started by", "Right 1st time", "Right, 7 days",
                          "Right, 30 days", "Mastery"};
  const float weights[] = {2.2f, 1.4f, 1.8f, 1.4f, 1.4f, 1.4f, 0.8f};
  for (int i = 0; i < 7; ++i) ImGui::TableSetupColumn(titles[i], ImGuiTableColumnFlags_WidthStretch, weights[i]);
  ImGui::TableHeadersRow();
  const float em = ImGui::GetFontSize();
  for (const app::StatsCoverageRow& r : v.coverage) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    if (r.depth > 0) ImGui::Indent(em);  // Indent(0) would indent by the style's spacing
    wrapped_text(r.label);
    if (r.depth > 0) ImGui::Unindent(em);
    const std::string* cells[] = {&r.seen_text, &r.finish, &r.first_attempts, &r.last_7_days, &r.last_30_days, &r.mastery_text};
    for (int c = 0; c < 6; ++c) {
      ImGui::TableSetColumnIndex(c + 1);
      wrapped_text(*cells[c]);
    }
  }
  ImGui::EndTable();
}

void summary_and_retention(UiContext& ui, const app::StatsView& v) {
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("summary", 2, flags)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 16.0f * ImGui::GetFontSize());
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& [label, value] : v.summary) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextDisabled("%s", label.c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(value.c_str());
    }
    ImGui::EndTable();
  }
  section(ui, "Remembered when due (true retention)",
          "Of your reviews of cards on growing intervals, the share you did not fail; young: interval under 21 days, "
          "mature: 21 days or more.");
  if (ImGui::BeginTable("retention", 3, flags | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("Period");
    ImGui::TableSetupColumn("Young cards");
    ImGui::TableSetupColumn("Mature cards");
    ImGui::TableHeadersRow();
    for (const auto& r : v.retention) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(r.period.c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(r.young.c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(r.mature.c_str());
    }
    ImGui::EndTable();
  }
}

void weakest(UiContext& ui, const app::StatsView& v) {
  section(ui, "Weakest topics", "The topics with the lowest mastery among those you have started.");
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingStretchProp;
  const float em = ImGui::GetFontSize();
  if (v.weakest_topics.empty()) {
    hint_text("None yet: no topic has a card started.");
  } else if (ImGui::BeginTable("weak topics", 4, flags)) {
    ImGui::TableSetupColumn("Mastery", ImGuiTableColumnFlags_WidthFixed, 5.0f * em);
    ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableSetupColumn("Right, last 7 days", ImGuiTableColumnFlags_WidthFixed, 9.0f * em);
    ImGui::TableSetupColumn("Cards started", ImGuiTableColumnFlags_WidthFixed, 7.0f * em);
    ImGui::TableHeadersRow();
    for (const auto& t : v.weakest_topics) {
      ImGui::TableNextRow();
      const std::string* cells[] = {&t.mastery, &t.label, &t.last_7_days, &t.started};
      for (int c = 0; c < 4; ++c) {
        ImGui::TableSetColumnIndex(c);
        wrapped_text(*cells[c]);
      }
    }
    ImGui::EndTable();
  }
  section(ui, "Weakest cards", "The cards you forgot most often after learning them (lapses); 1-9 or a click opens one.");
  if (v.weakest_cards.empty()) {
    hint_text("None yet: no card has a lapse.");
    return;
  }
  if (!ImGui::BeginTable("weakest", 5, flags)) return;
  ImGui::TableSetupColumn("Key", ImGuiTableColumnFlags_WidthFixed, 2.0f * em);
  ImGui::TableSetupColumn("Question", ImGuiTableColumnFlags_WidthStretch, 5.0f);
  ImGui::TableSetupColumn("Bank", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn("Lapses", ImGuiTableColumnFlags_WidthFixed, 4.5f * em);
  ImGui::TableSetupColumn("Recall now", ImGuiTableColumnFlags_WidthFixed, 5.5f * em);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < v.weakest_cards.size(); ++i) {
    const auto& c = v.weakest_cards[i];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(static_cast<int>(i));
    const std::string key = i < 9 ? std::to_string(i + 1) : "";
    if (ImGui::Selectable(key.empty() ? "##open" : key.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
      ui.send(app::OpenCardInfo{c.card_key});
    }
    ImGui::PopID();
    ImGui::TableSetColumnIndex(1);
    wrapped_text(c.prompt);
    ImGui::TableSetColumnIndex(2);
    wrapped_text(c.bank);
    ImGui::TableSetColumnIndex(3);
    ImGui::Text("%d%s", c.lapses, c.leech ? " leech" : "");
    ImGui::TableSetColumnIndex(4);
    ImGui::TextUnformatted(c.recall.c_str());
  }
  ImGui::EndTable();
}

}  // namespace

void StatsScreen::read_keys(const app::StatsView& view, UiContext& ui) {
  if (ui.typing) return;
  scroll_keys(ScrollArrows::UpDown);
  if (tab_pressed()) {
    m_chart = (m_chart + (ImGui::GetIO().KeyShift ? kCharts - 1 : 1)) % kCharts;
    m_cursor = -1;
    m_scroll_to_chart = true;
  }
  m_cursor = moved_cursor(m_cursor, static_cast<int>(chart_at(view, m_chart).values.size()));
  if (const int d = typed_digit(); d > 0 && d <= static_cast<int>(view.weakest_cards.size())) {
    ui.send(app::OpenCardInfo{view.weakest_cards[static_cast<std::size_t>(d - 1)].card_key});
  }
  if (escape_pressed()) ui.send(app::Back{});
}

void StatsScreen::draw(const app::StatsView& view, UiContext& ui) {
  text_in(ui.fonts->heading, "Statistics");
  hint_text((view.learner.empty() ? std::string() : "Learner " + view.learner + ".   ") + view.as_of +
            "   Up/Down/PgUp/PgDn/Home/End: scroll · Tab: next chart · Left/Right: values · 1-9: weakest card · Esc: back");
  read_keys(view, ui);
  if (view.job.running) ImGui::ProgressBar(static_cast<float>(view.job.progress), ImVec2(-1, 0), "Computing your figures…");
  if (!view.error.empty()) wrapped_text(view.error, view.ready ? kColorNotice : kColorWrong);
  if (!view.ready) return;

  summary_and_retention(ui, view);
  section(ui, "Cards started and right answers, by bank and topic (coverage and accuracy)",
          "Started: cards answered at least once. All started by: when the rest will have been started if you keep "
          "the pace of new cards of the last 30 days. Right 1st time: answers to cards never seen before. Mastery: "
          "chance of recall now, at most your share right in the last 7 days.");
  coverage_table(view);
  for (int i = 0; i < 3; ++i) {
    ImGui::PushID(i);
    bar_chart(ui, chart_at(view, i), m_chart == i, m_cursor, m_scroll_to_chart);
    ImGui::PopID();
    if (i == 1) heatmap(ui, view);
  }
  weakest(ui, view);
  ImGui::PushID(3);
  bar_chart(ui, view.exams, m_chart == 3, m_cursor, m_scroll_to_chart);
  ImGui::PopID();
  for (const std::string& line : view.exam_lines) wrapped_text(line);
  section(ui, "Words used here", "Each term in plain words.");
  for (const std::string& line : view.explanations) hint_text(line);
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  m_scroll_to_chart = false;
}

}  // namespace casebook::ui
