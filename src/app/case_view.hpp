// A dilemma written as a case (core::CaseUnit) as the study screen shows it: its texts with
// citations rendered, and where each exhibit comes from.
#pragma once
#include <string>
#include <vector>

#include "core/case_unit.hpp"

namespace casebook::app {

/// Every field empty for a plain dilemma (has() is false).
struct CaseView {
  std::string protagonist, role, situation, deadline, decision, epilogue;
  std::vector<core::CaseConstraint> constraints;
  /// One exhibit: title and text, and where it comes from.
  struct Exhibit {
    std::string title, text;
    std::string cited;  ///< "Soldatov, 2021, ¶12" or "Outside the article: <citation>"
  };
  std::vector<Exhibit> exhibits;
  std::vector<core::CaseAnswer> model_answers;  ///< `position` holds the position's title
  std::vector<core::CaseCriterion> criteria;    ///< the levelled rubric (CardView::rubric = their titles)
  std::string epilogue_cited;                   ///< where the epilogue comes from
  std::vector<std::string> debrief;

  /// The dilemma is written as a case.
  [[nodiscard]] bool has() const { return !protagonist.empty(); }
};

}  // namespace casebook::app
