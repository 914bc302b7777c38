// `casebook cards`: every card of the loaded banks that a search matches (the Browser's
// search language, core/search.hpp), as CSV or JSON, with the Browser's columns.
#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>

#include "app/config.hpp"

namespace casebook::cli {

struct CardsOptions {
  std::string search;         ///< the query; empty: every card
  std::string format = "csv"; ///< "csv" or "json"
};

/// Registers `cards` on `app` (--search, --format); the caller runs it after parsing.
CLI::App* add_cards_command(CLI::App& app, CardsOptions& options);

/// Writes the matching cards to `out`, sorted by card key: CSV with a header (card_key, bank,
/// topic, type, prompt, state, due, retrievability, lapses, flags) or a JSON array of objects
/// (due as ISO UTC, retrievability 0..1, null for new cards). A search that does not parse
/// goes to `err` ("casebook: search: column 5: ...") with exit code 2; bank problems go to
/// `err` as `casebook validate` prints them. The progress file is opened as the app opens it
/// (created or upgraded when needed); when another Casebook has it open, or it cannot be
/// written, it is read as it is (read-only). Throws storage::StorageError.
[[nodiscard]] int run_cards_command(app::AppConfig config, const CardsOptions& options, std::ostream& out,
                                    std::ostream& err);

}  // namespace casebook::cli
