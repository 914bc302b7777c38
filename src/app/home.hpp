// The Home screen's counts: per bank new, learning and due cards (each bank's own limits
// within the learner's), and totals equal to the queue the session Enter starts.
#pragma once
#include "app/context.hpp"
#include "app/views.hpp"

namespace casebook::app {

/// Builds the Home view at ctx.now(). A failure to read today's progress is reported in
/// `ctx.message` (and the view's message) and the counts are shown without today's work.
[[nodiscard]] HomeView build_home(AppContext& ctx);

}  // namespace casebook::app
