// The question model shared by every layer: a loaded bank and its questions. Pure data;
// the TOML reader lives in bank/, answer checking in core/grading.hpp.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/boxed.hpp"
#include "core/case_unit.hpp"
#include "core/facts.hpp"
#include "core/source_pos.hpp"

namespace casebook::core {

enum class QuestionType {
  SingleChoice,      ///< "single_choice": one correct choice
  MultipleResponse,  ///< "multiple_response": every correct choice and no other
  TrueFalse,         ///< "true_false"
  ShortAnswer,       ///< "short_answer": free text matched against accepted answers
  Numeric,           ///< "numeric": a value with tolerance, or a range, and a unit
  Ordering,          ///< "ordering": put items in order
  Matching,          ///< "matching": pair each left item with its right item
  Dilemma            ///< "dilemma": commit to a position, justify, self-assess on a rubric
};

/// TOML spelling of a type ("single_choice", ...).
[[nodiscard]] std::string to_string(QuestionType t);
/// Inverse of to_string; nullopt for an unknown spelling.
[[nodiscard]] std::optional<QuestionType> question_type_from_string(const std::string& s);

// SourcePos and SourceLocator: core/source_pos.hpp.

struct Choice {
  std::string text;
  bool correct = false;
};

/// One defensible position in a dilemma, with the arguments for it.
struct Position {
  std::string id;
  std::string title;
  std::vector<std::string> arguments;
};

struct MatchPair {
  std::string left;
  std::string right;
};

/// One question as written in a bank (format v1). Fields that do not apply to `type` are empty.
struct Question {
  std::string id;          ///< unique within the bank; the card key is "<bank id>/<id>"
  QuestionType type = QuestionType::SingleChoice;
  std::string prompt;
  std::string explanation;
  SourceLocator source;
  std::vector<std::string> topics;  ///< topic ids
  SourcePos pos;                    ///< where the [[question]] table starts

  std::vector<Choice> choices;      ///< single_choice, multiple_response (canonical order)
  bool truth = false;               ///< true_false
  std::vector<std::string> accepted;///< short_answer: accepted answers, first is canonical
  double value = 0.0;               ///< numeric: the answer ...
  double tolerance = 0.0;           ///< ... accepted within +/- tolerance ...
  std::optional<double> min, max;   ///< ... or within [min, max] when both are set
  std::string unit;                 ///< numeric: e.g. "people", "USD"
  std::vector<std::string> items;   ///< ordering: in the correct order
  std::vector<MatchPair> pairs;     ///< matching: left -> right, in canonical order
  std::string scenario;             ///< dilemma: the situation
  std::vector<Position> positions;  ///< dilemma: at least two
  std::vector<std::string> rubric;  ///< dilemma: criteria a good justification meets
  std::string model_answer;         ///< dilemma
  /// dilemma written as a case (`[question.case]`); absent for a plain dilemma. With
  /// criteria, `rubric` holds their titles (one line per criterion). On the heap (an
  /// optional one would add 376 bytes to every question, generated ones included).
  Boxed<CaseUnit> case_unit;

  /// Empty for a hand-written question; otherwise the name of the generator that made it
  /// from the bank's fact tables (format v2), e.g. "event_date" (see core/generate.hpp).
  std::string generator;
  /// Ids of the facts ([[event]], [[actor]], [[term]], [[figure]]) the question rests on.
  /// Generated questions always list them; hand-written ones may (TOML key `facts`).
  /// Questions that share a fact are siblings (see "bury siblings" in study options).
  std::vector<std::string> fact_ids;
};

/// What a bank is for (`[bank] kind`): a course bank is studied with the others; an example
/// or template bank (e.g. the instructors' template) only when a learner picks it on Home.
enum class BankKind {
  Course,    ///< "course" (the default): part of "study everything"
  Example,   ///< "example": studied only when chosen
  Template   ///< "template": studied only when chosen
};

/// TOML spelling of a kind: "course", "example", "template".
[[nodiscard]] std::string to_string(BankKind kind);

/// A mock exam an instructor defines in a bank (`[[exam]]`, docs/bank-format.md): how many
/// questions of each topic to draw at random, an optional time limit and the pass mark.
struct ExamPreset {
  std::string id;                                   ///< unique in the bank
  std::string title;
  std::vector<std::pair<std::string, int>> topics;  ///< topic id -> questions to draw, by topic id
  int minutes = 0;                                  ///< time limit; 0 = none
  int pass_mark = 50;                               ///< percent of the total score, 0..100
  bool mark_each = false;                           ///< mark each answer at once (default: at the end)
  bool dilemmas = false;                            ///< may draw dilemmas (self-assessed at the end)
  SourcePos pos;                                    ///< where the [[exam]] table starts
};

struct BankInfo {
  std::string id;        ///< stable id, [a-z0-9-]+, never changes across versions
  std::string title;
  std::string version;   ///< the bank's own version, e.g. "1.0.0"
  std::string language;  ///< BCP 47, e.g. "en"
  std::vector<std::string> authors;
  std::string licence;
  int format = 1;        ///< bank format version
  std::string description;
  /// `article`: id of the [[source]] the bank teaches (format 2; empty when not set). A card
  /// whose locator names another source is shown as "Outside the article: ..." (see
  /// core::card_citation).
  std::string article;
  BankKind kind = BankKind::Course;
};

struct Source {
  std::string id;
  std::string citation;  ///< full bibliographic citation
  std::string url;
  std::string short_form;  ///< TOML key `short`: how inline `[@id]` citations show it, e.g.
                           ///< "RFE/RL, 2019"; empty when not given (see core/citation.hpp)
};

struct Topic {
  std::string id;
  std::string title;
};

/// A loaded bank. `path` is the file it was read from.
struct Bank {
  std::string path;
  BankInfo info;
  std::vector<Source> sources;
  std::vector<Topic> topics;
  std::vector<Question> questions;  ///< hand-written ones in file order, then generated ones
  Facts facts;                      ///< format 2: the fact tables (empty in format 1)
  GeneratorSettings generators;     ///< format 2: the [generators] table (defaults when absent)
  /// format 2: generated questions not made because a hand-written one asks about the same
  /// facts (`validate` lists them as notes).
  std::vector<RepeatedQuestion> repeated;
  std::vector<ExamPreset> exams;    ///< the `[[exam]]` presets, in file order

  /// The `[[source]]` with this id, or nullptr.
  [[nodiscard]] const Source* find_source(const std::string& id) const;
};

/// "<bank id>/<question id>": the identity of a card in storage and reports.
[[nodiscard]] std::string card_key(const Bank& bank, const Question& q);

}  // namespace casebook::core
