// Custom study screen: the modes for Home's highlighted scope, each with what it does to the
// schedule and the cards it would take now; arrows choose, Enter starts.
#pragma once
#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

/// Draws the Custom study screen. Keys: Up/Down choose a mode, Left/Right change its number
/// (days ahead, or cards; with Shift by 10), Enter starts the session, Esc goes back to Home.
void draw_custom_study(const app::CustomStudyView& view, UiContext& ui);

}  // namespace casebook::ui
