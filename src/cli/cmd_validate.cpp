// `casebook validate --format json` (see cmd_validate.hpp).
#include "cli/cmd_validate.hpp"

#include <nlohmann/json.hpp>

#include "bank/validate.hpp"

namespace casebook::cli {

int run_validate_json(const std::vector<std::string>& paths, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  const bank::Validation v = bank::validate_banks(paths);
  Json banks = Json::array();
  for (const auto& b : v.banks) {
    Json repeated = Json::array();
    for (const auto& r : b.repeated) {
      repeated.push_back(Json{{"generated", r.generated_id}, {"handwritten", r.handwritten_id}, {"line", r.pos.line}});
    }
    banks.push_back(Json{{"path", b.path},
                         {"id", b.id ? Json(*b.id) : Json(nullptr)},
                         {"loaded", b.loaded},
                         {"questions", b.questions},
                         {"generated", b.generated},
                         {"errors", b.errors},
                         {"warnings", b.warnings},
                         {"repeated", std::move(repeated)}});
  }
  Json diagnostics = Json::array();
  for (const auto& d : v.diagnostics) {
    diagnostics.push_back(Json{{"file", d.file},
                               {"line", d.line},
                               {"column", d.column},
                               {"severity", d.severity == core::Severity::Error ? "error" : "warning"},
                               {"code", d.code},
                               {"message", d.message},
                               {"hint", d.hint}});
  }
  const Json doc{{"schema", 1},
                 {"banks", std::move(banks)},
                 {"diagnostics", std::move(diagnostics)},
                 {"summary",
                  {{"banks", v.banks.size()}, {"questions", v.questions}, {"errors", v.errors}, {"warnings", v.warnings}}}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  return v.exit_code();
}

}  // namespace casebook::cli
