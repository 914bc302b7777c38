// BankReader: the `[[exam]]` presets (mock exams an instructor defines: questions per topic,
// time limit, pass mark, marking, dilemmas), checked against the bank's topics and questions.
#include <algorithm>

#include "bank/reader.hpp"
#include "bank/suggest.hpp"

namespace casebook::bank::detail {

namespace {

const std::vector<std::string_view> kExamKeys{"id", "title", "questions", "minutes", "pass_mark", "marking",
                                              "dilemmas"};

/// Questions an exam preset may draw for `topic` (dilemmas only when the preset takes them).
int eligible(const core::Bank& bank, const std::string& topic, bool dilemmas) {
  return static_cast<int>(std::count_if(bank.questions.begin(), bank.questions.end(), [&](const core::Question& q) {
    return (dilemmas || q.type != core::QuestionType::Dilemma) &&
           std::find(q.topics.begin(), q.topics.end(), topic) != q.topics.end();
  }));
}

}  // namespace

std::optional<int> BankReader::get_int(const toml::table& t, std::string_view key, int min, int max,
                                       std::string_view code, std::string_view hint) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return std::nullopt;
  const auto* i = n->as_integer();
  if (i == nullptr) {
    wrong_type(*n, key, "a whole number");
    return std::nullopt;
  }
  if (i->get() < min || i->get() > max) {
    error(where_of(*n), std::string(code),
          ticked(key) + " must be from " + std::to_string(min) + " to " + std::to_string(max) + ", not " +
              std::to_string(i->get()),
          std::string(hint));
    return std::nullopt;
  }
  return static_cast<int>(i->get());
}

void BankReader::read_exams(const toml::table& root, core::Bank& bank) {
  const toml::node* n = root.get("exam");
  if (n == nullptr) return;
  const auto* arr = get_tables(*n, "exam");
  if (arr == nullptr) return;
  std::vector<std::string_view> topic_ids;
  for (const auto& topic : bank.topics) topic_ids.push_back(topic.id);
  std::map<std::string, int> seen;
  for_each_table(*arr, [&](const toml::table& t, std::size_t ordinal) {
    const Context ctx{"[[exam]] #" + std::to_string(ordinal), where_of(t)};
    check_keys(t, kExamKeys, ctx);
    core::ExamPreset e;
    e.pos = core::SourcePos{m_path, ctx.at.line, ctx.at.column};
    if (auto id = get_id(t, ctx)) {
      e.id = *id;
      note_id(seen, *id, where_of(*t.get("id")), "exam", "", "give every [[exam]] its own id");
    }
    if (auto v = get_string(t, "title", ctx, Need::Required)) e.title = v->text;
    if (auto v = get_int(t, "minutes", 0, 600, "bad-minutes", "0 means no time limit; at most 600 (10 hours)")) {
      e.minutes = *v;
    }
    if (auto v = get_int(t, "pass_mark", 0, 100, "bad-pass-mark", "the pass mark is a percentage of the score")) {
      e.pass_mark = *v;
    }
    if (auto v = get_string(t, "marking", ctx, Need::Optional)) {
      if (v->text == "each" || v->text == "end") {
        e.mark_each = v->text == "each";
      } else {
        error(v->at, "bad-marking", "unknown marking " + ticked(v->text),
              "write `marking = \"end\"` (answers marked when the exam is handed in, the default) or "
              "`marking = \"each\"` (after each answer)");
      }
    }
    if (const toml::node* d = t.get("dilemmas")) {
      if (const auto* b = d->as_boolean()) {
        e.dilemmas = b->get();
      } else {
        wrong_type(*d, "dilemmas", "true or false");
      }
    }
    const toml::node* q = require(t, "questions", ctx);
    const auto* qt = q != nullptr ? q->as_table() : nullptr;
    if (q != nullptr && qt == nullptr) {
      wrong_type(*q, "questions", "a table of topic ids and numbers, e.g. `questions = { lurk = 3 }`");
    }
    if (qt != nullptr && qt->empty()) {
      error(where_of(*q), "empty-value", ctx.name + " draws no questions",
            "name at least one topic and how many of its questions to draw, e.g. `questions = { lurk = 3 }`");
    }
    if (qt != nullptr) {
      for (const auto& [key, value] : *qt) {
        const std::string topic(key.str());
        const Where at = where_of(key.source());
        if (std::find(topic_ids.begin(), topic_ids.end(), topic) == topic_ids.end()) {
          const auto near = suggest(topic, topic_ids);
          error(at, "exam-unknown-topic", "exam topic " + ticked(topic) + " is not the id of a [[topic]]",
                near ? "did you mean " + ticked(*near) + "?" : "add a [[topic]] with id = \"" + topic + "\"");
          continue;
        }
        const auto* count = value.as_integer();
        if (count == nullptr) {
          error(where_of(value), "wrong-type",
                ticked(topic) + " must be a whole number of questions, not " + type_name(value),
                "write it like `" + topic + " = 3`");
          continue;
        }
        if (count->get() < 1 || count->get() > 1000) {
          error(where_of(value), "bad-count",
                "an exam draws from 1 to 1000 questions of a topic, not " + std::to_string(count->get()),
                "leave the topic out to draw none of its questions");
          continue;
        }
        const int asked = static_cast<int>(count->get());
        m_exam_counts.push_back(ExamCount{bank.exams.size(), topic, asked, where_of(value)});
        e.topics.emplace_back(topic, asked);
      }
    }
    bank.exams.push_back(std::move(e));
  });
}

void BankReader::check_exam_counts(const core::Bank& bank, bool check) {
  for (const auto& c : m_exam_counts) {
    const core::ExamPreset& e = bank.exams[c.exam];
    const int available = eligible(bank, c.topic, e.dilemmas);
    if (!check || available >= c.asked) continue;
    error(c.at, "exam-too-few-questions",
          "exam " + ticked(e.id) + " draws " + std::to_string(c.asked) + " questions of topic " + ticked(c.topic) +
              ", which has " + std::to_string(available) + (e.dilemmas ? "" : " (dilemmas not counted)"),
          "ask for at most " + std::to_string(available) + ", or add questions with topics = [\"" + c.topic + "\"]");
  }
}

}  // namespace casebook::bank::detail
