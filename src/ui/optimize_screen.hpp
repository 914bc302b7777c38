// Optimize screen (reached from Settings): fits the learner's FSRS parameters on a background
// job with a progress bar and Cancel, shows log loss and RMSE(bins) before and after,
// applies the fit only if it is better, and lets the 21 numbers be copied, pasted or reset.
// The work is app::OptimizeFlow; this file only draws and reads input.
#pragma once
#include <string>

#include "app/controller.hpp"
#include "ui/widgets.hpp"

namespace casebook::ui {

class OptimizeScreen {
 public:
  /// Draws `view` and queues at most one action. Keys (outside a text box): Enter starts, C
  /// copies the fitted parameters, Esc cancels a running fit or goes back to Settings.
  void draw(const app::OptimizeView& view, UiContext& ui);

 private:
  std::string m_paste;  ///< the pasted list (a draft until "Use these parameters")
};

}  // namespace casebook::ui
