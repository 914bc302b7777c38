// BankReader: cards whose text cites one source while their locator names another
// (`source-mismatch`), checked on the facts generated cards are made from and on the
// answer-bearing text of hand-written questions.
#include "bank/reader.hpp"

#include <algorithm>
#include <set>

#include "core/citation.hpp"

namespace casebook::bank::detail {

namespace {

/// The ids cited by well-formed markers in `texts`.
std::set<std::string> cited_ids(const std::vector<const std::string*>& texts) {
  std::set<std::string> ids;
  for (const std::string* t : texts) {
    for (const auto& m : core::find_citations(*t)) {
      if (!m.ok()) continue;
      for (const auto& c : m.ids) ids.insert(c.id);
    }
  }
  return ids;
}

/// "[@a], [@b]" for a message.
std::string markers(const std::set<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + std::string("[@") + id + "]";
  return out;
}

}  // namespace

void BankReader::check_source_mismatch(const core::Bank& bank) {
  const auto check = [&](const core::SourcePos& pos, const std::string& what, const core::SourceLocator& loc,
                         const std::vector<const std::string*>& texts, const std::string& rests_on) {
    if (loc.source_id.empty()) return;
    const auto ids = cited_ids(texts);
    if (ids.empty() || ids.count(loc.source_id) != 0) return;
    warning({pos.line, pos.column}, "source-mismatch",
            what + " cites " + markers(ids) + " but not its own `source` " + ticked(loc.source_id) +
                ": its cards would name " + ticked(loc.source_id) + " for " + rests_on + " that may come from elsewhere",
            "make `source` the source of " + rests_on + " (its cards then show \"Outside the article: ...\"), or "
            "also cite " + ticked(loc.source_id) + " in the text where it supports the point");
  };
  for (const auto& e : bank.facts.events) {
    check(e.pos, "event " + ticked(e.id), e.source, {&e.title, &e.summary}, "its date and title");
  }
  for (const auto& a : bank.facts.actors) {
    check(a.pos, "actor " + ticked(a.id), a.source, {&a.name, &a.description}, "its name and description");
  }
  for (const auto& t : bank.facts.terms) check(t.pos, "term " + ticked(t.id), t.source, {&t.definition}, "its definition");
  for (const auto& f : bank.facts.figures) check(f.pos, "figure " + ticked(f.id), f.source, {&f.measures}, "its number");
  for (const auto& q : bank.questions) {
    if (!q.generator.empty()) continue;
    // The text that carries the answer key; explanations may add context from elsewhere.
    std::vector<const std::string*> texts{&q.prompt};
    for (const auto& c : q.choices) texts.push_back(&c.text);
    for (const auto& a : q.accepted) texts.push_back(&a);
    for (const auto& i : q.items) texts.push_back(&i);
    for (const auto& p : q.pairs) {
      texts.push_back(&p.left);
      texts.push_back(&p.right);
    }
    check(q.pos, "question " + ticked(q.id), q.source, texts, "its answer key");
  }
}

}  // namespace casebook::bank::detail
