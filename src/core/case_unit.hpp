// A dilemma written as a teaching case (issue 14): who decides, in what situation and by
// when, under which constraints, with which exhibits, several model answers that reach
// different conclusions, a rubric with levels, what happened next and debrief questions.
#pragma once
#include <string>
#include <vector>

#include "core/source_pos.hpp"

namespace casebook::core {

/// A limit the protagonist works under; `kind` names it for the reader ("legal channels",
/// "data protection", "allies", ...).
struct CaseConstraint {
  std::string kind;
  std::string text;
};

/// A document or fact in front of the protagonist, with where it comes from: paragraphs of
/// the article, or an outside source (then shown as "Outside the article").
struct CaseExhibit {
  std::string title;
  std::string text;
  SourceLocator source;
};

/// One model answer: the position it takes (a position id of the question), its conclusion
/// in a sentence, and the justification that gets there.
struct CaseAnswer {
  std::string position;
  std::string conclusion;
  std::string justification;
};

/// A rubric criterion with one descriptor per level, lowest first (level 0 .. size-1).
struct CaseCriterion {
  std::string title;
  std::vector<std::string> levels;
};

/// The case fields of a dilemma (`[question.case]`, docs/bank-format.md). Every field is
/// optional in the file except those the loader requires (see the doc); empty = not given.
struct CaseUnit {
  std::string protagonist;  ///< who decides, e.g. "Head of the international cybercrime unit"
  std::string role;         ///< what that person answers for
  std::string situation;
  std::string deadline;     ///< by when the decision is due, in words
  std::vector<CaseConstraint> constraints;
  std::vector<CaseExhibit> exhibits;
  std::string decision;     ///< the decision asked of the learner
  std::vector<CaseAnswer> model_answers;  ///< two or more, reaching different conclusions
  std::vector<CaseCriterion> criteria;    ///< the levelled rubric
  std::string epilogue;                   ///< what happened next (only where sources say so)
  SourceLocator epilogue_source;          ///< where the epilogue comes from (empty without one)
  std::vector<std::string> debrief;       ///< questions for after the answer
};

}  // namespace casebook::core
