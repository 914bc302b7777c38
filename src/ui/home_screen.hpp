// Home screen: who is studying, where progress is kept, the banks and a big Study button.
#pragma once
#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

/// Draws Home. Keys: Enter starts a session (when cards are waiting), F5 reloads the banks,
/// S opens the study options, E export, I import, W the workload simulator, B the backups.
/// A read-only app says so under the Study button.
void draw_home(const app::HomeView& home, UiContext& ui);

}  // namespace casebook::ui
