// BankReader: [[question]] tables and the keys of each question type (choices, numeric
// answers, pairs, dilemmas).
#include "bank/reader.hpp"

#include <algorithm>
#include <cmath>

#include "bank/suggest.hpp"
#include "core/grading.hpp"
#include "core/text.hpp"

namespace casebook::bank::detail {

const std::vector<std::string_view> kQuestionKeys{"id",          "type",   "topics",    "prompt",
                                                  "explanation", "source", "paragraph", "facts"};
const std::vector<std::string_view> kPositionKeys{"id", "title", "arguments"};

std::vector<std::string_view> type_keys(QuestionType t) {
  switch (t) {
    case QuestionType::SingleChoice: return {"choices", "answer"};
    case QuestionType::MultipleResponse: return {"choices", "answers"};
    case QuestionType::TrueFalse: return {"answer"};
    case QuestionType::ShortAnswer: return {"answers"};
    case QuestionType::Numeric: return {"answer", "tolerance", "range", "unit"};
    case QuestionType::Ordering: return {"items"};
    case QuestionType::Matching: return {"pairs"};
    case QuestionType::Dilemma: return {"scenario", "position", "rubric", "model_answer", "case"};
  }
  return {};
}

const std::vector<QuestionType> kAllTypes{
    QuestionType::SingleChoice, QuestionType::MultipleResponse, QuestionType::TrueFalse,
    QuestionType::ShortAnswer,  QuestionType::Numeric,          QuestionType::Ordering,
    QuestionType::Matching,     QuestionType::Dilemma};

void BankReader::read_questions(const toml::table& root, core::Bank& bank) {
  const toml::node* n = root.get("question");
  if (n == nullptr && !bank.facts.empty()) return;  // generated questions follow (see generate)
  if (n == nullptr) {
    warning({1, 1}, "no-questions", "the bank has no questions", "add [[question]] tables (docs/bank-format.md)");
    return;
  }
  const auto* arr = get_tables(*n, "question");
  if (arr == nullptr) return;
  std::map<std::string, int> seen;
  for_each_table(*arr, [&](const toml::table& t, std::size_t ordinal) {
    core::Question q = read_question(t, ordinal, bank);
    if (q.id.empty()) return;  // its id error is already reported
    note_id(seen, q.id, where_of(*t.get("id")), "question", "",
            "give every question its own id; never reuse the id of a removed question");
    bank.questions.push_back(std::move(q));
  });
  if (arr->empty()) {
    warning(where_of(*n), "no-questions", "the bank has no questions", "add [[question]] tables");
  }
}

core::Question BankReader::read_question(const toml::table& t, std::size_t ordinal, const core::Bank& bank) {
  core::Question q;
  q.pos = core::SourcePos{m_path, where_of(t).line, where_of(t).column};
  Context ctx{"[[question]] #" + std::to_string(ordinal), where_of(t)};
  m_type.reset();
  // A missing `id` or `type` is reported after check_keys (below): if a misspelt key stands
  // for it, that key's error says so and no missing-key error is added.
  const bool has_id = t.get("id") != nullptr;
  const auto id = has_id ? get_id(t, ctx) : std::nullopt;
  if (id) {
    q.id = *id;
    ctx.name = "question " + ticked(*id);
  }

  // The type decides which other keys belong here.
  if (auto type = get_string(t, "type", ctx, Need::Optional); type && !core::is_blank(type->text)) {
    m_type = core::question_type_from_string(type->text);
    if (!m_type) {
      std::vector<std::string> names;
      for (QuestionType k : kAllTypes) names.push_back(core::to_string(k));
      std::vector<std::string_view> views(names.begin(), names.end());
      const auto near = suggest(type->text, views);
      error(type->at, "unknown-type", "unknown question type " + ticked(type->text),
            near ? "did you mean " + ticked(*near) + "?" : "use one of " + join_quoted(views));
    }
  }
  std::vector<std::string_view> allowed = kQuestionKeys;
  std::vector<std::string_view> format2_keys;
  if (bank.info.format < kFormatFacts) {
    std::erase(allowed, "facts");
    format2_keys.push_back("facts");
  }
  std::vector<std::string_view> other_keys;
  for (QuestionType k : kAllTypes) {
    for (std::string_view key : type_keys(k)) {
      auto& list = (!m_type || k == *m_type) ? allowed : other_keys;
      if (std::find(list.begin(), list.end(), key) == list.end()) list.push_back(key);
    }
  }
  if (m_type) {
    // A key of another type that this type also has (e.g. `answer`) is allowed.
    std::erase_if(other_keys, [&](std::string_view k) {
      return std::find(allowed.begin(), allowed.end(), k) != allowed.end();
    });
  }
  check_keys(t, allowed, ctx, other_keys, format2_keys);
  if (!has_id) (void)get_id(t, ctx);
  (void)require(t, "type", ctx);

  if (auto v = get_string(t, "prompt", ctx, Need::Required)) q.prompt = v->text;
  if (auto v = get_string(t, "explanation", ctx, Need::Required, IfEmpty::Warn)) q.explanation = v->text;
  read_locator(t, ctx, bank, q.source);
  read_topic_refs(t, ctx, bank, q.topics);
  if (bank.info.format >= kFormatFacts && t.get("facts") != nullptr) {
    if (m_fact_id_list.size() != m_fact_ids.size()) {  // built once: the facts are read before the questions
      m_fact_id_list.clear();
      for (const auto& [fid, line] : m_fact_ids) m_fact_id_list.push_back(fid);
    }
    q.fact_ids = read_refs(t, "facts", ctx, m_fact_id_list, "unknown-fact", "fact");
  }
  if (q.id.rfind("gen.", 0) == 0) {
    if (bank.info.format >= kFormatFacts) {
      error(where_of(*t.get("id")), "reserved-id", "question id " + ticked(q.id) + " starts with `gen.`",
            "ids starting with `gen.` belong to generated questions; choose another id");
    } else {
      // Allowed in format 1, refused in format 2: renamed then, its cards would start again.
      warning(where_of(*t.get("id")), "reserved-id", "question id " + ticked(q.id) + " starts with `gen.`",
              "ids starting with `gen.` belong to generated questions in format 2, which refuses them: choose "
              "another id now, before learners' progress is kept under it");
    }
  }

  if (m_type) {
    q.type = *m_type;
    switch (*m_type) {
      case QuestionType::SingleChoice:
      case QuestionType::MultipleResponse:
        read_choices(t, ctx, q);
        break;
      case QuestionType::TrueFalse:
        if (const toml::node* n = require(t, "answer", ctx)) {
          if (const auto* b = n->as_boolean()) {
            q.truth = b->get();
          } else {
            wrong_type(*n, "answer", "true or false");
          }
        }
        break;
      case QuestionType::ShortAnswer:
        if (auto answers = get_strings(t, "answers", ctx, Need::Required, kMinAnswers, "too-few-answers",
                                       "accepted answer")) {
          for (const auto& a : *answers) {
            q.accepted.push_back(a.text);
            if (core::normalize_answer_text(a.text).empty()) {
              warning(a.at, "unmatchable-answer",
                      "accepted answer " + ticked(a.text) +
                          " is empty once case, accents and punctuation are ignored, so no typed answer can match it",
                      "write the answer with letters or digits");
            }
          }
          warn_repeats(*answers, "accepted answer");
        }
        break;
      case QuestionType::Numeric:
        read_numeric(t, ctx, q);
        break;
      case QuestionType::Ordering:
        if (auto items = get_strings(t, "items", ctx, Need::Required, kMinItems, "too-few-items", "item")) {
          for (const auto& item : *items) q.items.push_back(item.text);
          warn_repeats(*items, "item");
          warn_look_alikes(*items, "item");
        }
        break;
      case QuestionType::Matching:
        read_pairs(t, ctx, q);
        break;
      case QuestionType::Dilemma:
        read_dilemma(t, ctx, bank, q);
        break;
    }
  }
  check_question_citations(t, bank);
  return q;
}

void BankReader::read_choices(const toml::table& t, const Context& ctx, core::Question& q) {
  const auto choices = get_strings(t, "choices", ctx, Need::Required, kMinChoices, "too-few-choices", "choice");
  if (choices) {
    for (const auto& c : *choices) q.choices.push_back(core::Choice{c.text, false});
    warn_repeats(*choices, "choice");
    warn_look_alikes(*choices, "choice");
  }
  std::vector<Located> answers;
  if (q.type == QuestionType::SingleChoice) {
    if (auto a = get_string(t, "answer", ctx, Need::Required)) answers.push_back(*a);
  } else if (auto list = get_strings(t, "answers", ctx, Need::Required, kMinAnswers, "too-few-answers",
                                     "correct answer")) {
    answers = *list;
  }
  if (!choices) return;
  std::vector<std::string_view> texts;
  for (const auto& c : *choices) texts.push_back(c.text);
  for (const auto& a : answers) {
    bool found = false;
    for (auto& c : q.choices) {
      if (c.text == a.text) {
        c.correct = true;
        found = true;
      }
    }
    if (found) continue;
    // Suggest a choice that differs only in case, accents, punctuation or spacing first.
    std::optional<std::string> near;
    for (const auto& c : *choices) {
      if (core::normalize_answer_text(c.text) == core::normalize_answer_text(a.text)) near = c.text;
    }
    if (!near) near = suggest(a.text, texts);
    error(a.at, "answer-not-in-choices", "answer " + ticked(a.text) + " is not one of the choices",
          near ? "did you mean " + ticked(*near) + "? answers must match a choice exactly"
               : "copy the answer exactly from `choices`");
  }
}

void BankReader::read_numeric(const toml::table& t, const Context& ctx, core::Question& q) {
  const toml::node* answer = t.get("answer");
  const toml::node* range = t.get("range");
  const toml::node* tolerance = t.get("tolerance");
  if (answer != nullptr && range != nullptr) {
    error(key_where(t, "range"), "conflicting-keys", "give either `answer` or `range`, not both",
          "keep `answer` (with `tolerance`) for one value, or `range = [min, max]` for an interval");
  } else if (answer == nullptr && range == nullptr) {
    error(ctx.at, "missing-key", ctx.name + " has no `answer` (or `range`)",
          "add `answer = 50` (optionally with `tolerance = 5`) or `range = [40, 60]`");
  }
  if (range != nullptr && tolerance != nullptr) {
    error(key_where(t, "tolerance"), "conflicting-keys", "`tolerance` applies only with `answer`, not with `range`",
          "remove `tolerance`, or widen the range");
  }
  if (answer != nullptr) {
    if (auto v = get_number(t, "answer", ctx, Need::Optional)) q.value = *v;
  }
  if (tolerance != nullptr) {
    if (auto v = get_number(t, "tolerance", ctx, Need::Optional)) {
      if (*v < 0.0) {
        error(where_of(*tolerance), "bad-tolerance", "`tolerance` must be zero or more", "write e.g. `tolerance = 5`");
      } else {
        q.tolerance = *v;
      }
    }
  }
  if (range != nullptr) {
    const auto* arr = range->as_array();
    std::vector<double> bounds;
    bool ok = arr != nullptr && arr->size() == 2;
    if (ok) {
      for (const auto& e : *arr) {
        if (const auto* i = e.as_integer()) {
          bounds.push_back(static_cast<double>(i->get()));
        } else if (const auto* f = e.as_floating_point(); f != nullptr && std::isfinite(f->get())) {
          bounds.push_back(f->get());
        } else {
          ok = false;
        }
      }
    }
    if (!ok) {
      error(where_of(*range), "bad-range", "`range` must be a list of two numbers [min, max]",
            "write e.g. `range = [40, 60]`");
    } else if (bounds[0] > bounds[1]) {
      error(where_of(*range), "bad-range", "`range` is empty: its minimum is larger than its maximum",
            "write the smaller number first, e.g. `range = [40, 60]`");
    } else {
      q.min = bounds[0];
      q.max = bounds[1];
    }
  }
  if (auto v = get_string(t, "unit", ctx, Need::Optional, IfEmpty::Allow)) q.unit = v->text;
}

void BankReader::read_pairs(const toml::table& t, const Context& ctx, core::Question& q) {
  const toml::node* n = require(t, "pairs", ctx);
  if (n == nullptr) return;
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    wrong_type(*n, "pairs", "a list of [\"left\", \"right\"] pairs");
    return;
  }
  std::vector<Located> lefts;
  bool ok = true;
  for (const auto& element : *arr) {
    const auto* pair = element.as_array();
    const bool shaped = pair != nullptr && pair->size() == 2 && (*pair)[0].is_string() && (*pair)[1].is_string();
    if (!shaped) {
      // Point at the side that is not text when the pair has two sides, else at the pair.
      Where at = where_of(element);
      if (pair != nullptr && pair->size() == 2) at = where_of((*pair)[(*pair)[0].is_string() ? 1 : 0]);
      error(at, "bad-pair", "each entry of `pairs` must be two strings [\"left\", \"right\"]",
            "write e.g. `[\"FSB\", \"Russia's main security service\"]`");
      ok = false;
      continue;
    }
    const std::string left = (*pair)[0].as_string()->get();
    const std::string right = (*pair)[1].as_string()->get();
    if (core::is_blank(left) || core::is_blank(right)) {
      error(where_of(element), "empty-value", "a pair in `pairs` has an empty side", "write both sides of the pair");
      ok = false;
      continue;
    }
    q.pairs.push_back(core::MatchPair{left, right});
    lefts.push_back(Located{left, where_of((*pair)[0])});
  }
  if (!ok) return;
  if (q.pairs.size() < kMinPairs) {
    too_few(where_of(*n), "too-few-pairs", ctx, q.pairs.size(), kMinPairs, "pair", "add pairs to `pairs`");
    return;
  }
  warn_repeats(lefts, "left side");
  warn_look_alikes(lefts, "left side");
}

void BankReader::read_dilemma(const toml::table& t, const Context& ctx, const core::Bank& bank, core::Question& q) {
  if (auto v = get_string(t, "scenario", ctx, Need::Required)) q.scenario = v->text;
  if (const toml::node* n = t.get("position")) {
    if (const auto* arr = get_tables(*n, "question.position")) {
      std::map<std::string, int> seen;
      for_each_table(*arr, [&](const toml::table& pt, std::size_t ordinal) {
        const Context pctx{"position #" + std::to_string(ordinal) + " of " + ctx.name, where_of(pt)};
        check_keys(pt, kPositionKeys, pctx);
        core::Position p;
        if (auto id = get_id(pt, pctx)) {
          p.id = *id;
          note_id(seen, *id, where_of(*pt.get("id")), "position", " in " + ctx.name,
                  "give every position of a question its own id");
        }
        if (auto v = get_string(pt, "title", pctx, Need::Required)) p.title = v->text;
        if (auto v = get_strings(pt, "arguments", pctx, Need::Required, 0, "", "argument")) {
          for (auto& a : *v) p.arguments.push_back(a.text);
        }
        q.positions.push_back(std::move(p));
      });
      if (arr->size() < kMinPositions) {
        too_few(where_of(*n), "too-few-positions", ctx, arr->size(), kMinPositions, "position",
                "add [[question.position]] tables under the question");
      }
    }
  } else {
    error(ctx.at, "missing-key", ctx.name + " has no positions",
          "add at least two [[question.position]] tables with id, title and arguments");
  }
  if (const toml::node* c = t.get("case")) read_case(*c, ctx, bank, q);
  if (q.case_unit && !q.case_unit->criteria.empty()) {
    // The levelled rubric: one line per criterion, assessed by level.
    if (const toml::node* r = t.get("rubric")) {
      error(where_of(*r), "rubric-and-criteria", ctx.name + " has both `rubric` and case criteria",
            "keep one: the [[question.case.criterion]] tables (with levels) replace `rubric`");
    }
    for (const auto& k : q.case_unit->criteria) q.rubric.push_back(k.title);
  } else if (auto rubric = get_strings(t, "rubric", ctx, Need::Required, kMinRubricLines, "too-few-rubric-lines",
                                       "rubric line")) {
    for (const auto& r : *rubric) q.rubric.push_back(r.text);
    if (rubric->size() > kMaxRubricLines) {
      error((*rubric)[kMaxRubricLines].at, "too-many-rubric-lines",
            ctx.name + " has " + std::to_string(rubric->size()) + " rubric lines; at most " +
                std::to_string(kMaxRubricLines) + " can be ticked (keys A-H)",
            "merge or drop lines: a short rubric is easier to assess honestly");
    }
  }
  // A case's [[question.case.model_answer]] tables may stand in for the single model answer.
  const bool case_answers = q.case_unit && !q.case_unit->model_answers.empty();
  if (auto v = get_string(t, "model_answer", ctx, case_answers ? Need::Optional : Need::Required)) {
    q.model_answer = v->text;
  }
}

}  // namespace casebook::bank::detail
