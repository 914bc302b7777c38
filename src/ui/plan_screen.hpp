// The exam plan screen (issue 16): expected reviews per day up to the exam and the expected
// retention on the exam day, for the learner's options and one alternative. The work is
// app::PlanFlow (a background job); this file only draws and reads input.
#pragma once
#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

/// Draws `view` and queues at most one action. Keys: Left/Right pick the alternative (the plan
/// runs again), Enter plans again, Esc cancels a running plan or goes back, PgUp/PgDn scroll.
void draw_plan(const app::PlanView& view, UiContext& ui);

}  // namespace casebook::ui
