#include "app/card_view.hpp"

#include <algorithm>
#include <cmath>

#include "core/citation.hpp"
#include "core/text.hpp"

namespace casebook::app {

using core::QuestionType;

namespace {

/// Canonical index at display position k (identity without an order).
int canonical(const std::vector<int>& order, int k) {
  return static_cast<std::size_t>(k) < order.size() ? order[static_cast<std::size_t>(k)] : k;
}

/// Where a case's exhibit or epilogue comes from: paragraphs of the article, or an outside
/// source named as such.
std::string cited(const core::Bank& bank, const core::SourceLocator& loc) {
  if (loc.source_id.empty()) return {};
  const core::Source* s = bank.find_source(loc.source_id);
  if (s == nullptr) return loc.source_id;
  const std::string where = core::locator_citation(*s, loc.paragraphs);
  const bool outside = !bank.info.article.empty() && loc.source_id != bank.info.article;
  return outside ? "Outside the article: " + where : where;
}

/// The case fields of `u` on `v`, texts rendered.
void add_case(const core::Bank& bank, const core::CaseUnit& u, const core::Question& q, CaseView& v) {
  const auto shown = [&bank](const std::string& text) { return core::render_citations(text, bank.sources); };
  v.protagonist = shown(u.protagonist);
  v.role = shown(u.role);
  v.situation = shown(u.situation);
  v.deadline = shown(u.deadline);
  v.decision = shown(u.decision);
  for (const auto& k : u.constraints) v.constraints.push_back({k.kind, shown(k.text)});
  for (const auto& e : u.exhibits) v.exhibits.push_back({shown(e.title), shown(e.text), cited(bank, e.source)});
  for (const auto& a : u.model_answers) {
    const core::Position* p = find_position(q, a.position);
    v.model_answers.push_back({p != nullptr ? shown(p->title) : a.position, shown(a.conclusion), shown(a.justification)});
  }
  for (const auto& k : u.criteria) {
    core::CaseCriterion c{shown(k.title), {}};
    for (const auto& l : k.levels) c.levels.push_back(shown(l));
    v.criteria.push_back(std::move(c));
  }
  v.epilogue = shown(u.epilogue);
  v.epilogue_cited = cited(bank, u.epilogue_source);
  for (const auto& d : u.debrief) v.debrief.push_back(shown(d));
}

/// The rows of an ordering's or a matching's feedback (empty for the other types). Texts
/// compare as core::grade compares them, so two items written alike are interchangeable.
std::vector<RowFeedback> feedback_rows(const core::Bank& bank, const core::Question& q, const core::Answer& a) {
  const auto shown = [&bank](const std::string& text) { return core::render_citations(text, bank.sources); };
  const auto valid = [](int i, std::size_t n) { return i >= 0 && static_cast<std::size_t>(i) < n; };
  std::vector<RowFeedback> rows;
  if (q.type == QuestionType::Ordering) {
    for (std::size_t k = 0; k < q.items.size(); ++k) {
      const int i = k < a.order.size() ? a.order[k] : -1;
      const bool known = valid(i, q.items.size());
      const std::string& given = known ? q.items[static_cast<std::size_t>(i)] : std::string();
      rows.push_back({{}, known ? shown(given) : "(no item)", shown(q.items[k]), known && given == q.items[k]});
    }
  } else if (q.type == QuestionType::Matching) {
    for (std::size_t k = 0; k < q.pairs.size(); ++k) {
      const int m = k < a.matches.size() ? a.matches[k] : -1;
      const bool known = valid(m, q.pairs.size());
      const std::string& given = known ? q.pairs[static_cast<std::size_t>(m)].right : std::string();
      rows.push_back({shown(q.pairs[k].left), known ? shown(given) : "(no answer)", shown(q.pairs[k].right),
                      known && given == q.pairs[k].right});
    }
  }
  return rows;
}

}  // namespace

CardView make_card_view(const core::Bank& bank, const core::Question& q, const std::string& card_key,
                        const std::vector<int>& display_order) {
  CardView v;
  v.card_key = card_key;
  v.bank_title = bank.info.title;
  v.type = q.type;
  v.citation = core::card_citation(bank, q);
  const auto shown = [&bank](const std::string& text) { return core::render_citations(text, bank.sources); };
  v.prompt = shown(q.prompt);
  v.explanation = shown(q.explanation);
  v.unit = q.unit;
  v.scenario = shown(q.scenario);
  v.model_answer = shown(q.model_answer);
  const auto add_options = [&](int n, const auto& text_of) {
    for (int k = 0; k < n; ++k) {
      const int c = canonical(display_order, k);
      v.options.push_back(ShownOption{c, shown(text_of(static_cast<std::size_t>(c)))});
    }
  };
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
      add_options(static_cast<int>(q.choices.size()), [&q](std::size_t c) { return q.choices[c].text; });
      break;
    case QuestionType::Ordering:
      add_options(static_cast<int>(q.items.size()), [&q](std::size_t c) { return q.items[c]; });
      break;
    case QuestionType::Matching:
      add_options(static_cast<int>(q.pairs.size()), [&q](std::size_t c) { return q.pairs[c].right; });
      for (const auto& p : q.pairs) v.left.push_back(shown(p.left));
      break;
    default:
      break;
  }
  for (const auto& p : q.positions) {
    core::Position rendered{p.id, shown(p.title), {}};
    for (const auto& a : p.arguments) rendered.arguments.push_back(shown(a));
    v.positions.push_back(std::move(rendered));
  }
  for (const auto& r : q.rubric) v.rubric.push_back(shown(r));
  if (q.case_unit) add_case(bank, *q.case_unit, q, v.case_view);
  return v;
}

const core::Position* find_position(const core::Question& q, std::string_view id) {
  const auto p = std::find_if(q.positions.begin(), q.positions.end(), [&](const core::Position& x) { return x.id == id; });
  return p != q.positions.end() ? &*p : nullptr;
}

FeedbackView make_feedback(const core::Bank& bank, const core::Question& q, const CardView& card,
                           const core::Answer& answer) {
  FeedbackView f;
  f.answer = answer;
  if (q.type == QuestionType::Dilemma) f.answer.rubric_met.resize(q.rubric.size(), false);
  f.grade = core::grade(q, f.answer);
  f.expected = core::render_citations(f.grade.expected, bank.sources);
  // A dilemma's rubric is assessed below "Your answer": only the position and justification here.
  f.given = core::render_citations(
      q.type == QuestionType::Dilemma ? core::describe_dilemma_choice(q, f.answer) : core::describe_answer(q, f.answer),
      bank.sources);
  if (f.given.empty()) f.given = "(nothing)";
  f.rubric_met = f.answer.rubric_met;
  f.rubric_levels = f.answer.rubric_levels;
  const core::Grade& g = f.grade;
  if (q.type == QuestionType::Dilemma) {
    // A dilemma has no right answer: the verdict is the learner's own rubric count, in a
    // neutral tone, so ticking nothing yet does not read as "wrong".
    const auto met = std::count(f.answer.rubric_met.begin(), f.answer.rubric_met.end(), true);
    f.verdict = "Self-assessment: " + std::to_string(met) + " of " + std::to_string(q.rubric.size()) +
                " rubric lines met";
    f.tone = Tone::Neutral;
  } else {
    const bool partial = !g.correct && g.score > 0.0;
    f.verdict = g.correct ? "✓  Correct" : partial ? "✗  Partly right" : "✗  Incorrect";
    if (partial || (g.correct && g.score < 1.0 && g.score > 0.0)) {
      f.verdict += "  (" + std::to_string(static_cast<int>(std::lround(g.score * 100.0))) + "%";
      if (q.type == QuestionType::Ordering) {
        // The credit counts pairs in the right order (core::grade), not places: an order
        // with every place wrong can still earn some, which the rows' marks alone belie.
        const std::size_t n = q.items.size();
        const std::size_t pairs = n * (n - 1) / 2;
        const auto ordered = static_cast<std::size_t>(std::lround(g.score * static_cast<double>(pairs)));
        f.verdict += ": " + std::to_string(ordered) + " of " + std::to_string(pairs) + " pairs in order";
      }
      f.verdict += ")";
    }
    f.tone = g.correct ? Tone::Correct : Tone::Wrong;
  }
  const bool choices = q.type == QuestionType::SingleChoice || q.type == QuestionType::MultipleResponse;
  if (choices) {
    for (const ShownOption& o : card.options) {
      const bool chosen = std::find(f.answer.choices.begin(), f.answer.choices.end(), o.index) != f.answer.choices.end();
      f.options.push_back(OptionFeedback{o.text, q.choices[static_cast<std::size_t>(o.index)].correct, chosen});
    }
  }
  f.rows = feedback_rows(bank, q, f.answer);
  const bool typed = q.type == QuestionType::ShortAnswer || q.type == QuestionType::Numeric;
  f.show_expected = q.type != QuestionType::Dilemma && !f.expected.empty() && (!g.correct || typed);
  return f;
}

std::string answer_problem(const CardView& card, const core::Answer& answer) {
  switch (card.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
      return answer.choices.empty() ? "Choose an answer first (number keys)." : "";
    case QuestionType::TrueFalse:
      return answer.truth ? "" : "Choose true or false first.";
    case QuestionType::Dilemma:
      return answer.position >= 0 ? "" : "Pick a position first (number keys).";
    case QuestionType::Numeric:
      // A number, or nothing ("I don't know"); words are refused instead of graded wrong.
      return core::is_blank(answer.text) || core::parse_learner_number(answer.text)
                 ? ""
                 : "Type a number, in digits (for example 1,700 or 45.5).";
    default:
      return "";  // an empty text is a legitimate "I don't know"
  }
}

std::string unanswered_question(const CardView& card, const core::Answer& answer) {
  if (card.type != QuestionType::Matching) return {};
  std::size_t open = 0;
  for (std::size_t i = 0; i < card.left.size(); ++i) open += i >= answer.matches.size() || answer.matches[i] < 0 ? 1 : 0;
  if (open == 0) return {};
  const std::string of = std::to_string(open) + " of " + std::to_string(card.left.size());
  return of + (open == 1 ? " items has" : " items have") + " no option yet: an item without one counts as wrong. " +
         "Submit anyway?";
}

int option_count(const CardView& card) {
  switch (card.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
    case QuestionType::Ordering:
    case QuestionType::Matching: return static_cast<int>(card.options.size());
    case QuestionType::TrueFalse: return 2;
    case QuestionType::Dilemma: return static_cast<int>(card.positions.size());
    default: return 0;
  }
}

}  // namespace casebook::app
