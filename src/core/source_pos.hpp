// Where a thing is written in a bank file, and which source a fact or question cites. Shared
// by core/question.hpp and core/facts.hpp (question.hpp includes this header).
#pragma once
#include <string>
#include <vector>

namespace casebook::core {

/// Where a thing was written: 1-based line and column in `file` (0 when unknown). `file` is
/// empty for a thing written in its bank's own file (Bank::path): facts, and the questions
/// generated from them, so that 10,000 facts and their 30,000 questions do not each hold a copy
/// of the path; use file_of() to name it.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

/// The file `pos` names: its own, or `bank_path` when it has none (see SourcePos).
[[nodiscard]] inline const std::string& file_of(const SourcePos& pos, const std::string& bank_path) {
  return pos.file.empty() ? bank_path : pos.file;
}

/// A citation of where a question's facts come from: a `[[source]]` id and paragraph(s).
struct SourceLocator {
  std::string source_id;
  std::vector<int> paragraphs;  ///< 1-based paragraph numbers in that source
};

}  // namespace casebook::core
