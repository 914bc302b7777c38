// BankReader for format 2: the [generators] table, the fact tables ([[actor]], [[event]],
// [[term]], [[figure]]) and the generated questions.
#include "bank/reader.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <thread>
#include <type_traits>

#include "bank/suggest.hpp"
#include "core/beside.hpp"
#include "core/generate.hpp"
#include "core/text.hpp"

namespace casebook::bank::detail {

const std::vector<std::string_view> kEventKeys{"id",    "date",   "title",  "summary",   "actors", "roles",
                                               "place", "topics", "source", "paragraph"};
const std::vector<std::string_view> kActorKeys{"id",     "name",  "kind",   "description",
                                               "aliases", "topics", "source", "paragraph"};
const std::vector<std::string_view> kRoleKeys{"actor", "role"};
const std::vector<std::string_view> kTermKeys{"id", "term", "definition", "topics", "source", "paragraph"};
/// Fact tables of one kind from this many on are read in two halves at once (read_facts).
constexpr std::size_t kFactsInTwo = 2000;
constexpr std::string_view kFactIdHint = "give every fact its own id (events, actors, terms and figures share one set of ids)";

const std::vector<std::string_view> kFigureKeys{"id",    "value",  "unit",   "measures", "tolerance",
                                                "event", "topics", "source", "paragraph"};

void BankReader::read_generators(const toml::table& root, core::Bank& bank) {
  const toml::node* n = root.get("generators");
  if (n == nullptr) return;
  const auto* t = n->as_table();
  if (t == nullptr) {
    error(key_where(root, "generators"), "wrong-type", "`generators` must be a table, not " + type_name(*n),
          "write one [generators] table, e.g. `event_date = { count = 12 }`");
    return;
  }
  bank.generators.pos = core::SourcePos{m_path, where_of(*t).line, where_of(*t).column};
  std::vector<std::string> names;
  for (core::Generator g : core::kAllGenerators) names.push_back(core::to_string(g));
  const std::vector<std::string_view> name_views(names.begin(), names.end());
  for (const auto& [key, value] : *t) {
    const std::string_view name = key.str();
    const Where at = where_of(key.source());
    if (name == "terms_both_ways") {
      if (const auto* b = value.as_boolean()) {
        bank.generators.terms_both_ways = b->get();
      } else {
        wrong_type(value, "terms_both_ways", "true or false");
      }
      continue;
    }
    const auto g = core::generator_from_string(name);
    if (!g) {
      const auto near = suggest(name, name_views);
      error(at, "unknown-generator", "unknown generator " + ticked(name),
            near ? "did you mean " + ticked(*near) + "?" : "the generators are " + join_quoted(name_views));
      continue;
    }
    core::GeneratorConfig& cfg = bank.generators[*g];
    cfg.listed = true;
    cfg.pos = core::SourcePos{m_path, at.line, at.column};
    if (const auto* b = value.as_boolean()) {
      cfg.enabled = b->get();
      continue;
    }
    const auto* gt = value.as_table();
    if (gt == nullptr) {
      error(where_of(value), "wrong-type",
            "generator " + ticked(name) + " must be a table or true/false, not " + type_name(value),
            "write e.g. `" + std::string(name) + " = { count = 6 }`, or `" + std::string(name) + " = false`");
      continue;
    }
    std::vector<std::string_view> allowed{"enabled", "count"};
    if (*g == core::Generator::EventOrder || *g == core::Generator::ActorMatch) allowed.push_back("size");
    if (*g == core::Generator::EventDate) allowed.push_back("style");
    if (*g == core::Generator::EventOrder || *g == core::Generator::EventFirst) allowed.push_back("min_gap_days");
    const Context ctx{"generator " + ticked(name), where_of(*gt)};
    check_keys(*gt, allowed, ctx);
    if (const toml::node* e = gt->get("enabled")) {
      if (const auto* b = e->as_boolean()) {
        cfg.enabled = b->get();
      } else {
        wrong_type(*e, "enabled", "true or false");
      }
    }
    if (const toml::node* c = gt->get("count")) {
      const auto* i = c->as_integer();
      if (i == nullptr) {
        wrong_type(*c, "count", "a whole number");
      } else if (i->get() < 0 || i->get() > 100000) {
        error(where_of(*c), "bad-count", "`count` must be from 0 to 100000, not " + std::to_string(i->get()),
              "write e.g. `count = 6`, or leave it out for every question the generator can make");
      } else {
        cfg.count = static_cast<std::size_t>(i->get());
      }
    }
    if (const toml::node* z = gt->get("size"); z != nullptr && std::find(allowed.begin(), allowed.end(), "size") != allowed.end()) {
      const auto* i = z->as_integer();
      if (i == nullptr) {
        wrong_type(*z, "size", "a whole number");
      } else if (i->get() < core::kMinGroupSize || i->get() > core::kMaxGroupSize) {
        error(where_of(*z), "bad-size",
              "`size` must be from " + std::to_string(core::kMinGroupSize) + " to " +
                  std::to_string(core::kMaxGroupSize) + ", not " + std::to_string(i->get()),
              "write e.g. `size = 4`");
      } else {
        cfg.size = static_cast<int>(i->get());
      }
    }
    if (const toml::node* m = gt->get("min_gap_days");
        m != nullptr && std::find(allowed.begin(), allowed.end(), "min_gap_days") != allowed.end()) {
      const auto* i = m->as_integer();
      if (i == nullptr) {
        wrong_type(*m, "min_gap_days", "a whole number");
      } else if (i->get() < 0 || i->get() > core::kMaxMinGapDays) {
        error(where_of(*m), "bad-gap",
              "`min_gap_days` must be from 0 to " + std::to_string(core::kMaxMinGapDays) + ", not " +
                  std::to_string(i->get()),
              "write e.g. `min_gap_days = 90` (about three months)");
      } else {
        cfg.min_gap_days = static_cast<int>(i->get());
      }
    }
    if (const toml::node* st = gt->get("style"); st != nullptr && *g == core::Generator::EventDate) {
      const auto* sv = st->as_string();
      if (sv == nullptr) {
        wrong_type(*st, "style", "a string");
      } else if (sv->get() == "choice") {
        cfg.style = core::DateStyle::Choice;
      } else if (sv->get() == "year") {
        cfg.style = core::DateStyle::Year;
      } else {
        const auto near = suggest(sv->get(), {"choice", "year"});
        error(where_of(*st), "bad-style", "unknown style " + ticked(sv->get()) + " of `event_date`",
              near ? "did you mean " + ticked(*near) + "?" : "use `choice` or `year`");
      }
    }
  }
}

bool BankReader::read_fact_base(const toml::table& t, Context& ctx, std::string_view kind, const core::Bank& bank,
                                core::FactBase& f) {
  f.pos = core::SourcePos{{}, where_of(t).line, where_of(t).column};  // the bank's own file: see SourcePos
  const auto id = get_id(t, ctx);
  if (id) {
    f.id = *id;
    // Generated question ids join fact ids with '.', so a '.' in one could make two
    // questions share an id ("a.b" + "c" and "a" + "b.c"). Only bad characters are reported
    // here; other id errors were reported by get_id.
    if (id->find('.') != std::string::npos && is_plain_id(*id)) {
      std::string fixed = *id;
      std::replace(fixed.begin(), fixed.end(), '.', '-');
      error(where_of(*t.get("id")), "bad-id", "fact id " + ticked(*id) + " has a '.', which fact ids may not use",
            "generated question ids join fact ids with '.'; use '-' instead, e.g. `" + fixed + "`");
    }
    ctx.name = std::string(kind) + " " + ticked(*id);
    if (m_defer_fact_ids) {
      m_deferred_fact_ids.emplace_back(*id, where_of(*t.get("id")));
    } else {
      note_id(m_fact_ids, *id, where_of(*t.get("id")), "fact", "", kFactIdHint);
    }
  }
  read_locator(t, ctx, bank, f.source);
  read_topic_refs(t, ctx, bank, f.topics);
  return id.has_value();
}

void BankReader::read_actor(const toml::table& t, Context ctx, const core::Bank& bank, std::vector<core::Actor>& out) {
  core::Actor a;
  const bool ok = read_fact_base(t, ctx, "actor", bank, a);
  check_keys(t, kActorKeys, ctx);
  if (auto v = get_string(t, "name", ctx, Need::Required)) a.name = std::move(v->text);
  if (auto v = get_string(t, "kind", ctx, Need::Required); v && !core::is_blank(v->text)) {
    if (const auto k = core::actor_kind_from_string(v->text)) {
      a.kind = *k;
    } else {
      const std::vector<std::string_view> kinds{"person", "agency", "company", "group", "state"};
      const auto near = suggest(v->text, kinds);
      error(v->at, "bad-kind", "unknown actor kind " + ticked(v->text),
            near ? "did you mean " + ticked(*near) + "?" : "use one of " + join_quoted(kinds));
    }
  }
  if (auto v = get_string(t, "description", ctx, Need::Required)) a.description = std::move(v->text);
  if (auto v = get_strings(t, "aliases", ctx, Need::Optional, 0, "", "alias")) {
    for (const auto& x : *v) a.aliases.push_back(x.text);
    warn_repeats(*v, "alias");
  }
  for (std::string_view key : {"description", "name"}) {
    if (const toml::node* n = t.get(key)) check_citations(*n, bank);
  }
  if (ok) out.push_back(std::move(a));
}

void BankReader::read_event(const toml::table& t, Context ctx, const core::Bank& bank, std::vector<core::Event>& out) {
  core::Event e;
  const bool ok = read_fact_base(t, ctx, "event", bank, e);
  check_keys(t, kEventKeys, ctx);
  if (const toml::node* d = require(t, "date", ctx)) {
    if (const auto* s = d->as_string()) {
      if (const auto parsed = core::parse_fact_date(s->get())) {
        e.date = *parsed;
      } else {
        error(where_of(*d), "bad-date", "date " + ticked(s->get()) + " in " + ctx.name + " is not a real date",
              "write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" with a real month and day, e.g. `date = \"2016-05\"`");
      }
    } else if (const auto* td = d->as_date()) {
      const auto& v = td->get();
      const std::string iso = std::to_string(v.year) + "-" + (v.month < 10 ? "0" : "") + std::to_string(v.month) +
                              "-" + (v.day < 10 ? "0" : "") + std::to_string(v.day);
      if (const auto parsed = core::parse_fact_date(iso)) {
        e.date = *parsed;
      } else {
        error(where_of(*d), "bad-date", "date in " + ctx.name + " is out of range", "use a year from 1 to 9999");
      }
    } else {
      wrong_type(*d, "date", "a string such as \"2016-05\"");
    }
  }
  if (auto v = get_string(t, "title", ctx, Need::Required)) e.title = std::move(v->text);
  if (auto v = get_string(t, "summary", ctx, Need::Required)) e.summary = std::move(v->text);
  if (auto v = get_string(t, "place", ctx, Need::Optional)) e.place = std::move(v->text);
  e.actors = read_refs(t, "actors", ctx, m_actor_ids, "unknown-actor", "actor");
  read_roles(t, ctx, e);
  for (std::string_view key : {"title", "summary"}) {
    if (const toml::node* n = t.get(key)) check_citations(*n, bank);
  }
  if (ok) out.push_back(std::move(e));
}

void BankReader::read_roles(const toml::table& t, const Context& ctx, core::Event& e) {
  const toml::node* n = t.get("roles");
  if (n == nullptr) return;
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    wrong_type(*n, "roles", "an array of tables such as `[{ actor = \"mvd\", role = \"made the arrests\" }]`");
    return;
  }
  for (const toml::node& element : *arr) {
    const auto* rt = element.as_table();
    if (rt == nullptr) {
      error(where_of(element), "wrong-type", "each entry of `roles` in " + ctx.name + " must be a table, not " + type_name(element),
            "write e.g. `roles = [{ actor = \"mvd\", role = \"made the arrests\" }]`");
      continue;
    }
    const Context role_ctx{"a role of " + ctx.name, where_of(*rt)};
    check_keys(*rt, kRoleKeys, role_ctx);
    core::EventRole role;
    if (auto v = get_string(*rt, "actor", role_ctx, Need::Required); v && !core::is_blank(v->text)) {
      role.actor = v->text;
      if (!std::binary_search(m_actor_ids.begin(), m_actor_ids.end(), std::string_view(v->text))) {
        const auto near = suggest(v->text, m_actor_ids);
        error(v->at, "unknown-actor", "actor " + ticked(v->text) + " in " + role_ctx.name + " does not exist",
              near ? "did you mean " + ticked(*near) + "?" : "write the id of an [[actor]]");
      }
    }
    if (auto v = get_string(*rt, "role", role_ctx, Need::Required)) role.role = std::move(v->text);
    if (role.actor.empty() || role.role.empty()) continue;
    // A role's actor is one of the event's actors, whether or not `actors` lists it.
    if (std::find(e.actors.begin(), e.actors.end(), role.actor) == e.actors.end()) e.actors.push_back(role.actor);
    e.roles.push_back(std::move(role));
  }
}

void BankReader::read_term(const toml::table& t, Context ctx, const core::Bank& bank, std::vector<core::Term>& out) {
  core::Term term;
  const bool ok = read_fact_base(t, ctx, "term", bank, term);
  check_keys(t, kTermKeys, ctx);
  if (auto v = get_string(t, "term", ctx, Need::Required)) term.term = std::move(v->text);
  if (auto v = get_string(t, "definition", ctx, Need::Required)) term.definition = std::move(v->text);
  if (const toml::node* n = t.get("definition")) check_citations(*n, bank);
  if (ok) out.push_back(std::move(term));
}

void BankReader::read_figure(const toml::table& t, Context ctx, const core::Bank& bank, std::vector<core::Figure>& out) {
  core::Figure f;
  const bool ok = read_fact_base(t, ctx, "figure", bank, f);
  check_keys(t, kFigureKeys, ctx);
  if (auto v = get_number(t, "value", ctx, Need::Required)) f.value = *v;
  if (auto v = get_string(t, "unit", ctx, Need::Required, IfEmpty::Allow)) f.unit = std::move(v->text);
  if (auto v = get_string(t, "measures", ctx, Need::Required)) f.measures = std::move(v->text);
  if (const toml::node* tol = t.get("tolerance")) {
    if (auto v = get_number(t, "tolerance", ctx, Need::Optional)) {
      if (*v < 0.0) {
        error(where_of(*tol), "bad-tolerance", "`tolerance` must be zero or more", "write e.g. `tolerance = 5`");
      } else {
        f.tolerance = *v;
      }
    }
  }
  if (auto v = get_string(t, "event", ctx, Need::Optional); v && !core::is_blank(v->text)) {
    f.event = v->text;
    if (!std::binary_search(m_event_ids.begin(), m_event_ids.end(), std::string_view(v->text))) {
      const auto near = suggest(v->text, m_event_ids);
      error(v->at, "unknown-event", "event " + ticked(v->text) + " in " + ctx.name + " does not exist",
            near ? "did you mean " + ticked(*near) + "?" : "write the id of an [[event]]");
    }
  }
  if (const toml::node* n = t.get("measures")) check_citations(*n, bank);
  if (ok) out.push_back(std::move(f));
}

BankReader BankReader::fact_helper() const {
  BankReader helper(m_path);
  helper.m_text = m_text;
  helper.m_line_starts = m_line_starts;
  helper.m_actor_ids = m_actor_ids;
  helper.m_event_ids = m_event_ids;
  helper.m_defer_fact_ids = true;
  // The helper stops where this reader would (its diagnostics are kept after this one's).
  helper.m_errors = m_errors;
  helper.m_warnings = m_warnings;
  return helper;
}

void BankReader::join_fact_helper(BankReader& helper) {
  for (auto& d : helper.m_diags) keep(std::move(d));
  m_dropped_errors += helper.m_dropped_errors;
  m_dropped_warnings += helper.m_dropped_warnings;
  for (const auto& [id, at] : helper.m_deferred_fact_ids) note_id(m_fact_ids, id, at, "fact", "", kFactIdHint);
  helper.m_diags.clear();
  helper.m_deferred_fact_ids.clear();
}

void BankReader::read_facts(const toml::table& root, core::Bank& bank) {
  // Each kind's tables in file order, a long list in two halves at once: the later half by a
  // fact_helper on another thread, joined after the first (same facts, same diagnostics).
  const auto each = [&](std::string_view key, auto& out, auto read_one) {
    const toml::node* n = root.get(key);
    if (n == nullptr) return;
    const auto* arr = get_tables(*n, key);
    if (arr == nullptr) return;
    const auto read_range = [&](BankReader& reader, std::size_t begin, std::size_t end, auto& into) {
      for_each_table(*arr, begin, end, [&](const toml::table& t, std::size_t ordinal) {
        (reader.*read_one)(t, Context{"[[" + std::string(key) + "]] #" + std::to_string(ordinal), where_of(t)}, bank, into);
      });
    };
    const std::size_t count = arr->size();
    const bool two = count >= kFactsInTwo && std::thread::hardware_concurrency() > 1;
    std::optional<BankReader> helper;  // reads the later half, when there are two
    if (two) helper = fact_helper();
    std::remove_reference_t<decltype(out)> later;
    core::in_two_halves(count, two, [&](std::size_t begin, std::size_t end) {
      if (begin == 0) read_range(*this, begin, end, out);
      else read_range(*helper, begin, end, later);
    });
    if (!two) return;
    join_fact_helper(*helper);
    out.insert(out.end(), std::make_move_iterator(later.begin()), std::make_move_iterator(later.end()));
  };
  // Actors first (events name them), then events (figures name them), terms, figures.
  each("actor", bank.facts.actors, &BankReader::read_actor);
  m_actor_ids.clear();
  for (const auto& a : bank.facts.actors) m_actor_ids.push_back(a.id);
  std::sort(m_actor_ids.begin(), m_actor_ids.end());
  each("event", bank.facts.events, &BankReader::read_event);
  m_event_ids.clear();
  for (const auto& e : bank.facts.events) m_event_ids.push_back(e.id);
  std::sort(m_event_ids.begin(), m_event_ids.end());
  each("term", bank.facts.terms, &BankReader::read_term);
  each("figure", bank.facts.figures, &BankReader::read_figure);
}

void BankReader::generate(core::Bank& bank) {
  if (bank.info.format < kFormatFacts) return;
  // Called only when the bank has no error but its [[exam]]s' own (read before, so that the
  // parse tree can be freed while the generators run): those do not silence no-questions.
  const std::size_t from = m_diags.size();
  check_source_mismatch(bank);
  core::GenerateResult generated = core::generate_questions(bank);
  for (auto& d : generated.diagnostics) keep(std::move(d));
  bank.repeated = std::move(generated.repeated);
  if (bank.questions.empty()) {
    bank.questions = std::move(generated.questions);  // no hand-written ones: no question moved
  } else {
    bank.questions.reserve(bank.questions.size() + generated.questions.size());
    for (auto& q : generated.questions) bank.questions.push_back(std::move(q));
  }
  if (bank.questions.empty() && !bank.facts.empty() && bank.info.format >= kFormatFacts && !errors_since(from)) {
    warning({1, 1}, "no-questions", "the bank has no questions: no hand-written ones, and the generators made none",
            "add [[question]] tables, or facts the generators can use (docs/bank-format.md)");
  }
}

}  // namespace casebook::bank::detail
