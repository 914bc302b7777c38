// BankReader: a dilemma's optional case fields (`[question.case]`, issue 14): protagonist,
// situation, deadline, constraints, exhibits, decision, model answers, a levelled rubric,
// epilogue and debrief questions. Every wrong shape is a diagnostic at its file:line:col.
#include <algorithm>
#include <set>

#include "bank/reader.hpp"
#include "core/text.hpp"

namespace casebook::bank::detail {

namespace {

const std::vector<std::string_view> kCaseKeys{"protagonist", "role",     "situation", "deadline",
                                              "constraints", "exhibit",  "decision",  "model_answer",
                                              "criterion",   "epilogue", "debrief"};
const std::vector<std::string_view> kConstraintKeys{"kind", "text"};
const std::vector<std::string_view> kExhibitKeys{"title", "text", "source", "paragraph"};
const std::vector<std::string_view> kAnswerKeys{"position", "conclusion", "justification"};
const std::vector<std::string_view> kCriterionKeys{"title", "levels"};
const std::vector<std::string_view> kEpilogueKeys{"text", "source", "paragraph"};
constexpr std::size_t kMinCaseAnswers = 2;
constexpr std::size_t kMinLevels = 2;
constexpr std::size_t kMaxLevels = 5;

}  // namespace

void BankReader::read_case_tables(const toml::table& c, std::string_view key, const Context& ctx,
                                  const std::function<void(const toml::table&, const Context&)>& fn) {
  const toml::node* n = c.get(key);
  if (n == nullptr) return;
  const auto* arr = get_tables(*n, "question.case." + std::string(key));
  if (arr == nullptr) return;
  for_each_table(*arr, [&](const toml::table& t, std::size_t ordinal) {
    fn(t, Context{std::string(key) + " #" + std::to_string(ordinal) + " of " + ctx.name, where_of(t)});
  });
}

void BankReader::read_case(const toml::node& n, const Context& qctx, const core::Bank& bank, core::Question& q) {
  const auto* c = n.as_table();
  if (c == nullptr) {
    wrong_type(n, "case", "a table ([question.case])");
    return;
  }
  const Context ctx{"the case of " + qctx.name, where_of(*c)};
  check_keys(*c, kCaseKeys, ctx);
  core::CaseUnit u;
  const auto text = [&](const toml::table& t, std::string_view key, const Context& x, Need need, std::string& out) {
    if (auto v = get_string(t, key, x, need)) out = v->text;
  };
  text(*c, "protagonist", ctx, Need::Required, u.protagonist);
  text(*c, "role", ctx, Need::Optional, u.role);
  text(*c, "situation", ctx, Need::Required, u.situation);
  text(*c, "deadline", ctx, Need::Optional, u.deadline);
  text(*c, "decision", ctx, Need::Required, u.decision);
  read_case_tables(*c, "constraints", ctx, [&](const toml::table& t, const Context& x) {
    check_keys(t, kConstraintKeys, x);
    core::CaseConstraint k;
    text(t, "kind", x, Need::Required, k.kind);
    text(t, "text", x, Need::Required, k.text);
    u.constraints.push_back(std::move(k));
  });
  read_case_tables(*c, "exhibit", ctx, [&](const toml::table& t, const Context& x) {
    check_keys(t, kExhibitKeys, x);
    core::CaseExhibit e;
    text(t, "title", x, Need::Required, e.title);
    text(t, "text", x, Need::Required, e.text);
    read_locator(t, x, bank, e.source);
    u.exhibits.push_back(std::move(e));
  });
  std::set<std::string> concluded;
  read_case_tables(*c, "model_answer", ctx, [&](const toml::table& t, const Context& x) {
    check_keys(t, kAnswerKeys, x);
    core::CaseAnswer a;
    if (auto v = get_string(t, "position", x, Need::Required)) {
      a.position = v->text;
      const auto known = std::find_if(q.positions.begin(), q.positions.end(),
                                      [&](const core::Position& p) { return p.id == v->text; });
      if (known == q.positions.end()) {
        std::vector<std::string_view> ids;
        for (const auto& p : q.positions) ids.push_back(p.id);
        error(v->at, "unknown-position", "model answer position " + ticked(v->text) + " is not a position of " + qctx.name,
              "use one of " + join_quoted(ids));
      }
      concluded.insert(v->text);
    }
    text(t, "conclusion", x, Need::Required, a.conclusion);
    text(t, "justification", x, Need::Required, a.justification);
    u.model_answers.push_back(std::move(a));
  });
  if (u.model_answers.size() < kMinCaseAnswers) {
    too_few(key_where(*c, "model_answer"), "too-few-model-answers", ctx, u.model_answers.size(), kMinCaseAnswers,
            "model answer", "add [[question.case.model_answer]] tables that reach different defensible conclusions");
  } else if (concluded.size() < 2) {
    error(key_where(*c, "model_answer"), "one-conclusion",
          "every model answer of " + ctx.name + " takes the same position",
          "a case shows that reasonable people differ: give model answers for at least two positions");
  }
  read_case_tables(*c, "criterion", ctx, [&](const toml::table& t, const Context& x) {
    check_keys(t, kCriterionKeys, x);
    core::CaseCriterion k;
    text(t, "title", x, Need::Required, k.title);
    if (auto levels = get_strings(t, "levels", x, Need::Required, kMinLevels, "too-few-levels", "level")) {
      for (const auto& l : *levels) k.levels.push_back(l.text);
      if (levels->size() > kMaxLevels) {
        error((*levels)[kMaxLevels].at, "too-many-levels",
              x.name + " has " + std::to_string(levels->size()) + " levels; at most " + std::to_string(kMaxLevels),
              "describe levels 0 to 3 (or fewer): a learner can place an answer on a short scale");
      }
    }
    u.criteria.push_back(std::move(k));
  });
  if (u.criteria.size() > kMaxRubricLines) {
    error(key_where(*c, "criterion"), "too-many-rubric-lines",
          ctx.name + " has " + std::to_string(u.criteria.size()) + " criteria; at most " +
              std::to_string(kMaxRubricLines) + " can be assessed (keys A-H)",
          "merge or drop criteria");
  }
  if (const toml::node* e = c->get("epilogue")) {
    if (const auto* et = e->as_table()) {
      const Context x{"the epilogue of " + qctx.name, where_of(*et)};
      check_keys(*et, kEpilogueKeys, x);
      text(*et, "text", x, Need::Required, u.epilogue);
      read_locator(*et, x, bank, u.epilogue_source);
    } else {
      wrong_type(*e, "epilogue", "a table with text, source and paragraph ([question.case.epilogue])");
    }
  }
  if (auto d = get_strings(*c, "debrief", ctx, Need::Optional, 0, "", "debrief question")) {
    for (const auto& v : *d) u.debrief.push_back(v.text);
  }
  check_case_citations(*c, bank);
  q.case_unit = std::move(u);
}

void BankReader::check_case_citations(const toml::node& n, const core::Bank& bank) {
  if (const auto* t = n.as_table()) {
    for (const auto& [k, v] : *t) check_case_citations(v, bank);
  } else if (const auto* a = n.as_array()) {
    for (const auto& v : *a) check_case_citations(v, bank);
  } else if (n.is_string()) {
    check_citations(n, bank);
  }
}

}  // namespace casebook::bank::detail
