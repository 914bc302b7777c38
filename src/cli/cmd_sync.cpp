#include "cli/cmd_sync.hpp"

#include <exception>
#include <iostream>

#include "core/time.hpp"

namespace casebook::cli {

CLI::App* add_sync_command(CLI::App& app, SyncCliOptions& options) {
  auto* cmd = app.add_subcommand("sync", "Send the learner's reviews to a learning record store (xAPI)");
  cmd->add_option("--lrs", options.lrs, "The store's xAPI endpoint (default: `url` in the credentials file)")
      ->type_name("URL");
  cmd->add_option("--config", options.config, "Credentials file, readable by its owner only (default ~/.config/casebook/lrs.conf)")
      ->type_name("FILE");
  cmd->add_option("--batch", options.batch, "Statements per request (default 100)")->check(CLI::Range(1, 1000))->type_name("N");
  cmd->footer("Credentials: CASEBOOK_LRS_USER and CASEBOOK_LRS_PASSWORD, or the file's `user = ...` and\n"
              "`password = ...` lines. Sends only what the store has not accepted yet; run it again\n"
              "after an interruption. Also takes --db, --bank and --learner. See docs/lrs.md.");
  return cmd;
}

int run_sync(const SyncCliOptions& options, app::SyncRequest request, std::ostream& out, std::ostream& err) {
  try {
    request.lrs = app::load_lrs_config(options.lrs, options.config);
  } catch (const std::exception& e) {
    err << "casebook: " << e.what() << "\n";
    return 2;
  }
  request.options.batch = options.batch;
  const app::SyncResult r = app::sync_to_lrs(request);
  out << "Sent " << r.sent << " statements of learner '" << request.learner << "' to " << request.lrs.url << "\n";
  if (r.voided > 0) out << "Sent " << r.voided << " voiding statements (answers taken back with undo)\n";
  if (r.reports > 0) out << "Sent " << r.reports << " problem reports (for the instructor's class report)\n";
  for (const app::SyncConflict& c : r.conflicts) {
    err << "casebook: conflict: the store holds statement " << c.statement_id << " (" << c.card_key << ", "
        << core::format_iso_utc(c.reviewed_at) << ") with other content; it was not replaced\n";
  }
  if (!r.complete) {
    err << "casebook: " << r.error << "; " << r.waiting << " statements wait for the next sync\n";
    return 1;
  }
  if (!r.conflicts.empty()) out << r.conflicts.size() << " statements conflict with the store (see above)\n";
  out << "Every review is in the store.\n";
  return 0;
}

}  // namespace casebook::cli
