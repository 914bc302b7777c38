#include "ui/settings_screen.hpp"

#include <utility>

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>

#include "app/option_help.hpp"
#include "platform/keys.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {
namespace {

/// A single-line text box over a std::string (ImGui 1.86 has no std::string overload).
bool input_string(const char* label, std::string& value, float width) {
  std::array<char, 512> buf{};
  std::strncpy(buf.data(), value.c_str(), buf.size() - 1);
  ImGui::SetNextItemWidth(width);
  if (ImGui::InputText(label, buf.data(), buf.size())) {
    value = buf.data();
    return true;
  }
  return false;
}

/// Label in the left column, then the widget drawn by `draw` in the right one. The option's
/// explanation in plain words (app::option_help) shows under it while its widget has the
/// keyboard, and as a tooltip while the mouse is over it.
template <class F>
void row(const char* label, const char* hint, F&& draw) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::TableSetColumnIndex(1);
  draw();
  const bool focused = ImGui::IsItemFocused() || ImGui::IsItemActive();
  const bool hovered = ImGui::IsItemHovered();
  if (hint != nullptr && hint[0] != '\0') {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", hint);
  }
  const std::string_view help = app::option_help(label);
  if (help.empty()) return;
  if (focused) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(1);
    wrapped_text(help, kColorMuted);
  } else if (hovered) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    unformatted_text(help);  // wraps at the position pushed, at spaces only
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace

const app::OptionsDraft& SettingsScreen::scope_draft(const app::SettingsView& view) const {
  if (m_scope > 0 && m_scope <= static_cast<int>(view.banks.size())) {
    return view.banks[static_cast<std::size_t>(m_scope - 1)].draft;
  }
  return view.learner_draft;
}

void SettingsScreen::load(const app::SettingsView& view) {
  if (m_scope > static_cast<int>(view.banks.size())) m_scope = 0;
  m_draft = scope_draft(view);
  m_revision = view.revision;
}

namespace {

/// The display settings: text size (also Ctrl+Plus / Ctrl+Minus / Ctrl+0 anywhere) and theme.
void draw_display(const app::DisplayView& display, UiContext& ui) {
  const app::DisplaySettings& d = display.settings;
  text_in(ui.fonts->bold, "Display");
  ImGui::AlignTextToFramePadding();
  ImGui::Text("Text size: %d %%", d.scale_percent);
  ImGui::SameLine();
  if (ImGui::Button("Smaller (Ctrl+Minus)")) ui.send(app::ZoomUi{-1});
  ImGui::SameLine();
  if (ImGui::Button("Larger (Ctrl+Plus)")) ui.send(app::ZoomUi{1});
  ImGui::SameLine();
  if (ImGui::Button("100 % (Ctrl+0)")) ui.send(app::ZoomUi{0});
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Theme:");
  constexpr std::pair<app::Theme, const char*> kThemes[] = {
      {app::Theme::System, "Follow the system"}, {app::Theme::Light, "Light"}, {app::Theme::Dark, "Dark"}};
  for (const auto& [theme, label] : kThemes) {
    ImGui::SameLine();
    if (ImGui::RadioButton(label, d.theme == theme)) ui.send(app::SetTheme{theme});
  }
  hint_text("Both are remembered for the next start.");
}

}  // namespace

void SettingsScreen::draw(const app::SettingsView& view, const app::DisplayView& display, UiContext& ui) {
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  const int frame = ImGui::GetFrameCount();
  if (frame > m_last_frame + 1) {
    // Entering the screen: focus this window so the arrow keys move between the fields.
    ImGui::SetWindowFocus();
    load(view);
  } else if (view.revision != m_revision) {
    load(view);  // saved (or changed by Optimize): the form shows what is in force
  }
  m_last_frame = frame;

  const float em = ImGui::GetFontSize();
  text_in(ui.fonts->heading, "Study options");
  hint_text("Changes apply as soon as you save them, to Home and to the next session.");

  // Scope: the learner's own options, or one bank's overrides.
  const int scopes = 1 + static_cast<int>(view.banks.size());
  const auto scope_name = [&](int s) {
    if (s == 0) return std::string("My options (all banks)");
    const auto& b = view.banks[static_cast<std::size_t>(s - 1)];
    return "Bank: " + label(b.title.empty() ? b.id : b.title) + (b.overridden ? "  (own settings)" : "");
  };
  ImGui::SetNextItemWidth(28.0f * em);
  if (ImGui::BeginCombo("Options for (PgUp/PgDn)", scope_name(m_scope).c_str())) {
    for (int s = 0; s < scopes; ++s) {
      if (ImGui::Selectable(scope_name(s).c_str(), s == m_scope)) {
        m_scope = s;
        load(view);
      }
    }
    ImGui::EndCombo();
  }
  if (!ui.typing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown), false)) {
    m_scope = (m_scope + 1) % scopes;
    load(view);
  } else if (!ui.typing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp), false)) {
    m_scope = (m_scope + scopes - 1) % scopes;
    load(view);
  }
  const bool bank_scope = m_scope > 0;
  const bool ctrl_s = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(platform::kKeyS, false);
  const bool save = styled_button("Save (Ctrl+S)", ImVec2(0, 0), true) || ctrl_s;
  ImGui::SameLine();
  const bool back = ImGui::Button("Back to Home (Esc)") || (!ui.typing && escape_pressed());
  bool clear = false, unsuspend = false;
  if (bank_scope && view.banks[static_cast<std::size_t>(m_scope - 1)].overridden) {
    ImGui::SameLine();
    clear = ImGui::Button("Use my options for this bank");
  }
  if (view.suspended_cards > 0) {
    ImGui::SameLine();
    unsuspend = ImGui::Button("Show suspended cards again");
  }
  ImGui::SameLine();
  const bool ctrl_o = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(platform::kKeyO, false);
  if (ImGui::Button("Optimize parameters (Ctrl+O)") || ctrl_o) ui.send(app::Navigate{app::Screen::Optimize});

  for (const auto& p : view.problems) wrapped_text(p.field + ": " + p.message, kColorWrong);
  if (!view.notice.empty()) wrapped_text(view.notice, kColorCorrect);
  if (view.leech_cards > 0) {
    hint_text(std::to_string(view.leech_cards) + " cards tagged leech, " + std::to_string(view.suspended_cards) +
              " suspended.");
  }

  ImGui::Dummy(ImVec2(0, 0.25f * em));

  const float field_w = 10.0f * em;
  if (ImGui::BeginTable("options", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 14.0f * em);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    row("Desired retention", "0.70 - 0.99", [&] {
      ImGui::SetNextItemWidth(field_w);
      ImGui::InputDouble("##retention", &m_draft.options.desired_retention, 0.01, 0.05, "%.2f");
    });
    row("Learning steps", "minutes, e.g. 1 10", [&] { input_string("##learning", m_draft.learning_steps, field_w); });
    row("Relearning steps", "minutes, e.g. 10", [&] { input_string("##relearning", m_draft.relearning_steps, field_w); });
    row("Maximum interval", "days, 1 - 36500", [&] {
      int v = static_cast<int>(std::clamp<std::int64_t>(m_draft.options.maximum_interval_days, -1, 1000000));
      ImGui::SetNextItemWidth(field_w);
      if (ImGui::InputInt("##maxivl", &v, 1, 30)) m_draft.options.maximum_interval_days = v;
    });
    row("Spread due days (fuzz)", "spread intervals a little", [&] { ImGui::Checkbox("##fuzz", &m_draft.options.fuzz); });
    row("Leech threshold", "lapses, 1 - 99", [&] {
      ImGui::SetNextItemWidth(field_w);
      ImGui::InputInt("##leech", &m_draft.options.leech_threshold);
    });
    row("Leech action", nullptr, [&] {
      int a = m_draft.options.leech_action == core::LeechAction::TagAndSuspend ? 1 : 0;
      ImGui::SetNextItemWidth(field_w);
      if (ImGui::Combo("##leechaction", &a, "Tag\0Tag and suspend\0")) {
        m_draft.options.leech_action = a == 1 ? core::LeechAction::TagAndSuspend : core::LeechAction::Tag;
      }
    });
    row("Memory model (FSRS weights)", "empty = FSRS-6 defaults", [&] { input_string("##weights", m_draft.weights, field_w); });
    // Issue 16: an exam date (a bank may have its own).
    row("Exam date", "YYYY-MM-DD; empty: none", [&] { input_string("##examdate", m_draft.exam_date, field_w); });
    row("Retention on the exam day", "0.70 - 0.99", [&] {
      ImGui::SetNextItemWidth(field_w);
      ImGui::InputDouble("##examretention", &m_draft.options.exam_retention, 0.01, 0.05, "%.2f");
    });
    row("Exam covers", "bank, bank/topic; empty: all",
        [&] { input_string("##examscope", m_draft.exam_scope, field_w); });
    row("After the exam", nullptr, [&] {
      int a = m_draft.options.after_exam == core::AfterExam::Stop ? 1 : 0;
      ImGui::SetNextItemWidth(field_w);
      if (ImGui::Combo("##afterexam", &a, "Back to normal\0Stop showing its cards\0")) {
        m_draft.options.after_exam = a == 1 ? core::AfterExam::Stop : core::AfterExam::Resume;
      }
    });

    // On a bank's page the limits cap that bank's cards within the learner's own limits.
    row("New cards per day", bank_scope ? "this bank, within yours" : "0 - 9999", [&] {
      ImGui::SetNextItemWidth(field_w);
      ImGui::InputInt("##new", &m_draft.options.new_cards_per_day, 1, 10);
    });
    row("Maximum reviews per day", bank_scope ? "this bank, within yours" : "0 - 99999", [&] {
      ImGui::SetNextItemWidth(field_w);
      ImGui::InputInt("##reviews", &m_draft.options.max_reviews_per_day, 10, 100);
    });
    ImGui::BeginDisabled(bank_scope);
    row("Review order (backlog)", nullptr, [&] {
      int o = static_cast<int>(m_draft.options.review_order);
      ImGui::SetNextItemWidth(field_w);
      if (ImGui::Combo("##order", &o, "Lowest retrievability\0Earliest due\0Random\0")) {
        m_draft.options.review_order = static_cast<core::ReviewOrder>(o);
      }
    });
    row("Bury siblings", "one question per fact a day", [&] { ImGui::Checkbox("##bury", &m_draft.options.bury_siblings); });
    row("Learn ahead", "minutes, 0 - 1440", [&] {
      ImGui::SetNextItemWidth(field_w);
      ImGui::InputInt("##ahead", &m_draft.options.learn_ahead_minutes, 1, 10);
    });
    row("Next day starts at", "hour, 0 - 23", [&] {
      ImGui::SetNextItemWidth(field_w);
      ImGui::InputInt("##rollover", &m_draft.options.rollover_hour);
    });
    const std::string tz_hint = "IANA name; empty = system (now " + view.effective_time_zone + ")";
    row("Time zone", tz_hint.c_str(), [&] { input_string("##tz", m_draft.time_zone, field_w); });
    row("Load balancing", "even out the days",
        [&] { ImGui::Checkbox("##balance", &m_draft.options.load_balance); });
    row("Light days", "e.g. sat sun; needs balancing",
        [&] { input_string("##lightdays", m_draft.light_weekdays, field_w); });
    row("Light day share", "0 - 0.9 of a normal day", [&] {
      ImGui::SetNextItemWidth(field_w);
      ImGui::InputDouble("##lightshare", &m_draft.options.light_fraction, 0.1, 0.1, "%.2f");
    });
    ImGui::EndDisabled();
    ImGui::EndTable();
  }
  if (bank_scope) hint_text("Greyed options apply to whole sessions and are set under \"My options\".");
  // What the saved options do to a new card, and what in them works against FSRS.
  const auto& scope_warnings = bank_scope ? view.banks[static_cast<std::size_t>(m_scope - 1)].warnings : view.learner_warnings;
  const std::string& intervals =
      bank_scope ? view.banks[static_cast<std::size_t>(m_scope - 1)].new_card_intervals : view.learner_new_card_intervals;
  if (!intervals.empty()) hint_text("A new card, as saved: " + intervals);
  for (const auto& w : scope_warnings) wrapped_text(w, kColorWrong);

  if (save) {
    const std::string bank = bank_scope ? view.banks[static_cast<std::size_t>(m_scope - 1)].id : std::string();
    ui.send(app::SaveOptionsDraft{m_draft, bank});
  } else if (back) {
    ui.send(app::Back{});
  } else if (clear) {
    ui.send(app::ClearBankOptions{view.banks[static_cast<std::size_t>(m_scope - 1)].id});
  } else if (unsuspend) {
    ui.send(app::UnsuspendAll{});
  }
  // Display last, so the study options keep their keyboard order.
  ImGui::Separator();
  draw_display(display, ui);
}

}  // namespace casebook::ui
