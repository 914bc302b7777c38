// Where a thing is written in a bank file, and which source a fact or question cites. Shared
// by core/question.hpp and core/facts.hpp (question.hpp includes this header).
#pragma once
#include <string>
#include <vector>

namespace casebook::core {

/// Where a thing was written: 1-based line and column in `file` (0 when unknown).
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

/// A citation of where a question's facts come from: a `[[source]]` id and paragraph(s).
struct SourceLocator {
  std::string source_id;
  std::vector<int> paragraphs;  ///< 1-based paragraph numbers in that source
};

}  // namespace casebook::core
