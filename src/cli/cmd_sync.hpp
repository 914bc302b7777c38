// `casebook sync --lrs URL`: sends the learner's reviews to a learning record store as xAPI
// statements (app::sync_to_lrs; docs/lrs.md).
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>

#include "app/lrs.hpp"

namespace casebook::cli {

/// The `sync` subcommand's own options (the database, banks and learner are the global ones).
struct SyncCliOptions {
  std::string lrs;      ///< URL ("" = the config file's)
  std::string config;   ///< credentials file ("" = app::default_lrs_config_path())
  std::size_t batch = 100;
};

/// Adds `sync` to `app`; its options go to `options`.
CLI::App* add_sync_command(CLI::App& app, SyncCliOptions& options);

/// Runs a sync: prints what was sent, the conflicts and what waits; returns 0 when every
/// review is in the store (conflicts reported), 1 when the store could not be reached or
/// refused (the reviews wait for the next sync), 2 for a usage error.
[[nodiscard]] int run_sync(const SyncCliOptions& options, app::SyncRequest request, std::ostream& out, std::ostream& err);

}  // namespace casebook::cli
