// Names of question types and small lookups on a loaded bank.
#include "core/question.hpp"

#include <array>
#include <utility>

namespace casebook::core {

namespace {

constexpr std::array<std::pair<QuestionType, const char*>, 8> kTypeNames{{
    {QuestionType::SingleChoice, "single_choice"},
    {QuestionType::MultipleResponse, "multiple_response"},
    {QuestionType::TrueFalse, "true_false"},
    {QuestionType::ShortAnswer, "short_answer"},
    {QuestionType::Numeric, "numeric"},
    {QuestionType::Ordering, "ordering"},
    {QuestionType::Matching, "matching"},
    {QuestionType::Dilemma, "dilemma"},
}};

}  // namespace

std::string to_string(QuestionType t) {
  for (const auto& [type, name] : kTypeNames) {
    if (type == t) return name;
  }
  return "unknown";
}

std::optional<QuestionType> question_type_from_string(const std::string& s) {
  for (const auto& [type, name] : kTypeNames) {
    if (s == name) return type;
  }
  return std::nullopt;
}

std::string to_string(BankKind kind) {
  switch (kind) {
    case BankKind::Course: return "course";
    case BankKind::Example: return "example";
    case BankKind::Template: return "template";
  }
  return "course";
}

const Source* Bank::find_source(const std::string& id) const {
  for (const auto& s : sources) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::string card_key(const Bank& bank, const Question& q) { return bank.info.id + "/" + q.id; }

}  // namespace casebook::core
