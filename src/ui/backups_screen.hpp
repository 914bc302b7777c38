// Backups screen: the progress file's backups, newest first; restore one, back up or check now.
#pragma once
#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

/// Draws the Backups screen. Keys: Up/Down choose a backup, R restores it (the current file
/// is kept as a backup first), B backs up now, C checks the progress file, Esc goes back.
void draw_backups(const app::BackupsView& view, UiContext& ui);

}  // namespace casebook::ui
