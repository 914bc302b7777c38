#include "cli/cmd_cards.hpp"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/controller.hpp"
#include "app/progress_open.hpp"
#include "cli/cmd_study.hpp"
#include "core/number.hpp"
#include "core/time.hpp"
#include "report/text.hpp"

namespace casebook::cli {

CLI::App* add_cards_command(CLI::App& app, CardsOptions& options) {
  CLI::App* cards = app.add_subcommand("cards", "List the cards a search matches (CSV or JSON), as the Browser shows them");
  cards->add_option("--search", options.search, "A search as in the Browser, e.g. \"is:due prop:r<0.8\"")->type_name("QUERY");
  cards->add_option("--format", options.format, "csv (default) or json")->check(CLI::IsMember({"csv", "json"}));
  cards->footer(
      "Also takes --db PATH, --bank PATH (repeatable) and --learner NAME.\n"
      "Search: words (anywhere in the question and its answers; * matches anything), bank:ID,\n"
      "topic:ID, type:TYPE, is:new|learning|review|due|suspended|buried|leech|flagged,\n"
      "prop:r|s|d|lapses|reps|due with < <= > >= = != and a number, rated:N (last N days),\n"
      "flag:0..7|red|orange|green|blue|pink|turquoise|purple; -term negates, 'or' between terms,\n"
      "parentheses group, \"quoted words\" stay together. See docs/browser.md.\n"
      "Example: casebook cards --search \"bank:ru-* is:review prop:r<0.8\" --format json");
  return cards;
}

int run_cards_command(app::AppConfig config, const CardsOptions& options, std::ostream& out, std::ostream& err) {
  std::unique_ptr<app::Controller> controller;
  try {
    controller = open_controller(config, err);  // as the app: creates or upgrades the file
  } catch (const app::ReadOnlyOffer&) {
    // Another Casebook has the file open, or it cannot be written: a listing writes nothing,
    // so it reads the file as it is.
    config.read_only = true;
    config.read_only_reason = "casebook cards only reads the progress file " + config.db_path + ".";
    controller = open_controller(std::move(config), err);
  }
  controller->dispatch(app::Navigate{app::Screen::Browser});
  controller->dispatch(app::SortBrowser{app::BrowserColumn::Bank, false});  // ties keep card-key order
  controller->dispatch(app::SetBrowserSearch{options.search});
  const app::BrowserView& b = controller->browser();
  if (!b.error.empty()) {
    err << "casebook: search: " << b.error << "\n";
    return 2;
  }
  std::vector<int> shown = b.shown;
  std::sort(shown.begin(), shown.end());  // rows are in card-key order
  if (options.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const int i : shown) {
      const app::BrowserRow& r = b.rows[static_cast<std::size_t>(i)];
      nlohmann::ordered_json j;
      j["card_key"] = r.card_key;
      j["bank"] = r.bank;
      j["topic"] = r.topic;
      j["type"] = r.type;
      j["prompt"] = r.prompt;
      j["state"] = r.state;
      j["due"] = r.due_ms ? nlohmann::ordered_json(core::format_iso_utc(*r.due_ms)) : nlohmann::ordered_json(nullptr);
      j["retrievability"] = r.recall ? nlohmann::ordered_json(*r.recall) : nlohmann::ordered_json(nullptr);
      j["lapses"] = r.lapse_count;
      j["flag"] = r.flag;
      j["suspended"] = r.suspended;
      j["buried"] = r.buried;
      j["leech"] = r.leech;
      j["reports"] = r.reports;
      list.push_back(std::move(j));
    }
    out << list.dump(2) << "\n";
    return 0;
  }
  using report::detail::csv_text_field;
  out << "card_key,bank,topic,type,prompt,state,due,retrievability,lapses,flags\r\n";
  for (const int i : shown) {
    const app::BrowserRow& r = b.rows[static_cast<std::size_t>(i)];
    out << csv_text_field(r.card_key) << ',' << csv_text_field(r.bank) << ',' << csv_text_field(r.topic) << ','
        << csv_text_field(r.type) << ',' << csv_text_field(r.prompt) << ',' << r.state << ','
        << (r.due_ms ? core::format_iso_utc(*r.due_ms) : "") << ','
        << (r.recall ? core::format_fixed(*r.recall, 4) : "") << ',' << r.lapse_count << ','
        << csv_text_field(r.flags) << "\r\n";
  }
  return 0;
}

}  // namespace casebook::cli
