// Summary screen: what the session did, then back to Home.
#pragma once
#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

/// Draws the session summary. Enter or Escape goes back to Home.
void draw_summary(const app::SummaryView& summary, UiContext& ui);

}  // namespace casebook::ui
