// The answer-key fingerprint (see answer_key.hpp).
#include "core/answer_key.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/hash.hpp"
#include "core/number.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"

namespace casebook::core {

namespace {

/// Feeds texts into an FNV-1a hash, each preceded by its length, so that no two different
/// lists of texts feed the same bytes ("ab","c" vs "a","bc"). Texts are trimmed of ASCII
/// white space and, unless `as_written`, put in Unicode NFC first, so that a file saved again
/// with its accents composed (or decomposed) keeps its fingerprints.
class KeyHash {
 public:
  explicit KeyHash(bool as_written = false) : m_as_written(as_written) {}
  void add(const std::string& text) {
    const std::string t = prepared(text);
    m_hash = fnv1a64(std::to_string(t.size()) + ":", m_hash);
    m_hash = fnv1a64(t, m_hash);
  }
  /// A list whose order does not decide anything: sorted first.
  void add_set(std::vector<std::string> texts) {
    for (std::string& t : texts) t = prepared(t);
    std::sort(texts.begin(), texts.end());
    add(std::to_string(texts.size()));
    for (const std::string& t : texts) add(t);
  }
  [[nodiscard]] std::string hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 0; i < 16; ++i) out[static_cast<std::size_t>(15 - i)] = kDigits[(m_hash >> (4 * i)) & 0xFU];
    return out;
  }

 private:
  [[nodiscard]] std::string prepared(const std::string& text) const {
    std::string t = trim_ascii_space(text);
    return m_as_written ? t : nfc(t);
  }

  bool m_as_written;
  std::uint64_t m_hash = kFnv1a64OffsetBasis;
};

/// The answer-key fingerprint of `q`, its texts in NFC unless `as_written`.
std::string answer_key(const Question& q, bool as_written) {
  KeyHash h(as_written);
  h.add(to_string(q.type));
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse: {
      std::vector<std::string> correct;
      for (const Choice& c : q.choices) {
        if (c.correct) correct.push_back(c.text);
      }
      h.add_set(std::move(correct));
      break;
    }
    case QuestionType::TrueFalse: h.add(q.truth ? "true" : "false"); break;
    case QuestionType::ShortAnswer: h.add_set(q.accepted); break;
    case QuestionType::Numeric:
      if (q.min && q.max) {
        h.add("range");
        h.add(format_shortest(*q.min));
        h.add(format_shortest(*q.max));
      } else {
        h.add("value");
        h.add(format_shortest(q.value));
        h.add(format_shortest(q.tolerance));
      }
      break;
    case QuestionType::Ordering:
      h.add(std::to_string(q.items.size()));
      for (const std::string& item : q.items) h.add(item);
      break;
    case QuestionType::Matching: {
      std::vector<std::string> pairs;
      for (const MatchPair& p : q.pairs) pairs.push_back(trim_ascii_space(p.left) + '\x1f' + trim_ascii_space(p.right));
      h.add_set(std::move(pairs));
      break;
    }
    case QuestionType::Dilemma: h.add_set(q.rubric); break;
  }
  return h.hex();
}

}  // namespace

std::string answer_key_fingerprint(const Question& q) { return answer_key(q, false); }

std::string answer_key_fingerprint_as_written(const Question& q) { return answer_key(q, true); }

bool answer_key_is(const Question& q, std::string_view recorded) {
  return !recorded.empty() && (answer_key(q, false) == recorded || answer_key(q, true) == recorded);
}

std::string wording_fingerprint(const Question& q) {
  KeyHash t;
  for (const std::string* s : {&q.prompt, &q.explanation, &q.unit, &q.scenario, &q.model_answer, &q.source.source_id}) {
    t.add(*s);
  }
  for (const int p : q.source.paragraphs) t.add(std::to_string(p));
  t.add("choices");
  for (const Choice& c : q.choices) t.add(c.text);
  t.add("items");
  for (const std::string& i : q.items) t.add(i);
  t.add("pairs");
  for (const MatchPair& p : q.pairs) {
    t.add(p.left);
    t.add(p.right);
  }
  t.add("positions");
  for (const Position& p : q.positions) {
    t.add(p.id);
    t.add(p.title);
    for (const std::string& a : p.arguments) t.add(a);
  }
  t.add("accepted");
  for (const std::string& a : q.accepted) t.add(a);  // their order and spelling shown in feedback
  t.add("rubric");
  for (const std::string& r : q.rubric) t.add(r);
  return t.hex();
}

}  // namespace casebook::core
