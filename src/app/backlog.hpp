// A way back from a backlog (issue 16): what Home says about the due reviews and the offer to
// spread them over N days, and the spread itself (most at-risk first, recorded in the
// database so reports can explain the days with fewer reviews).
#pragma once
#include <cstdint>
#include <string>

#include "app/context.hpp"
#include "app/views.hpp"

namespace casebook::app {

/// Home's backlog part on study day `today`, given the Review cards due today or earlier
/// (`due`) and of them those due on an earlier day (`overdue`), as today's queue sees them.
[[nodiscard]] BacklogView backlog_view(const AppContext& ctx, std::int64_t today, int due, int overdue);

/// Spreads the Review cards due now (as today's queue sees them, in study) over `days` days
/// (clamped to core::kBacklogMinDays .. kBacklogMaxDays), lowest retrievability first
/// (core::spread_backlog), records the spread (storage, schema 3) and applies it at once: the
/// cards of later days leave today's queue and the load. With `pause_new`, no new cards are
/// introduced during those days. Returns the notice for the status line ("Nothing to spread"
/// when no card is due). Throws storage::StorageError when the record cannot be written
/// (nothing changes then).
std::string spread_backlog(AppContext& ctx, int days, bool pause_new);

}  // namespace casebook::app
