// A small class for the class-report tests: four learners' JSON reports (schema v1 fields)
// over six questions, with first-review scores chosen so every flag occurs. Expected values
// were computed by hand-written Python from the definitions in docs/class-report.md.
#pragma once
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/question.hpp"
#include "report/class_report.hpp"

namespace casebook::test {

/// (card, correct, answer) in time order, one minute apart.
using Reviews = std::vector<std::tuple<std::string, bool, std::string>>;

inline std::string class_learner_json(const std::string& learner, const Reviews& reviews) {
  using nlohmann::json;
  json cards = json::array();
  const std::map<std::string, std::pair<std::string, std::string>> info = {
      {"b/q1", {"single_choice", "In which year did police act?"}},
      {"b/q2", {"true_false", "The FSB & FBI cooperated in 2016."}},
      {"b/q3", {"multiple_response", "Which were agencies?"}},
      {"b/q4", {"short_answer", "Name the group."}},
      {"b/q5", {"numeric", "How many were detained?"}},
      {"b/q6", {"ordering", "Order the events <earliest first>."}},
  };
  for (const auto& [key, v] : info) {
    cards.push_back({{"card_key", key}, {"bank_id", "b"}, {"question_id", key.substr(2)}, {"question_type", v.first},
                     {"prompt", v.second}});
  }
  json revs = json::array();
  long long t = 1717243200000;
  for (const auto& [card, correct, answer] : reviews) {
    revs.push_back({{"card_key", card}, {"correct", correct}, {"answer", answer}, {"reviewed_at_ms", t},
                    {"rating", correct ? "good" : "again"}});
    t += 60000;
  }
  json doc = {{"schema", "casebook-report"}, {"schema_version", 1}, {"learner", learner}, {"cards", cards},
              {"reviews", revs}};
  return doc.dump(2);
}

inline std::vector<report::LearnerExport> class_fixture() {
  const std::vector<std::pair<std::string, Reviews>> learners = {
      {"ann", {{"b/q1", true, "2016"}, {"b/q2", true, "true"}, {"b/q3", true, "a; c"}, {"b/q4", true, "Lurk"},
               {"b/q5", false, "40"}, {"b/q6", false, "x"}, {"b/q1", true, "2016"}}},
      {"bob", {{"b/q1", true, "2016"}, {"b/q2", false, "false"}, {"b/q3", true, "a; c"}, {"b/q4", true, "lurk"},
               {"b/q5", false, "45"}, {"b/q6", false, "y"}}},
      {"<script>cy</script>", {{"b/q1", false, "2014"}, {"b/q2", true, "true"}, {"b/q3", false, "b"},
                               {"b/q4", true, "Lurk"}, {"b/q5", true, "50"}, {"b/q1", true, "2016"}}},
      {"dee", {{"b/q1", false, "2018"}, {"b/q2", false, "false"}, {"b/q4", true, "Lurk"}}},
  };
  std::vector<report::LearnerExport> out;
  for (const auto& [name, reviews] : learners) {
    out.push_back(report::parse_learner_export(class_learner_json(name, reviews), name + ".json"));
  }
  return out;
}

/// The bank's choices for the two choice questions (so unpicked choices and distractors show).
inline std::map<std::string, std::vector<core::Choice>> class_fixture_choices() {
  return {{"b/q1", {{"2014", false}, {"2016", true}, {"2018", false}, {"2020", false}}},
          {"b/q3", {{"a", true}, {"b", false}, {"c", true}}}};
}

}  // namespace casebook::test
