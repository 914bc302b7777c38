// Question generators over the fact tables of a format-2 bank (core/generate.hpp).
#include "core/generate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>

#include "core/citation.hpp"
#include "core/number.hpp"
#include "core/time.hpp"

namespace casebook::core {

namespace {

/// Wrong answers a single-choice question wants, and the fewest it may have.
constexpr std::size_t kWantedDistractors = 3;
constexpr std::size_t kMinDistractors = 2;
/// Penalty factor of a distractor of another kind (actors) than the answer.
constexpr double kOtherKindPenalty = 3.0;

/// `text` without a final full stop (to end a prompt with "?").
std::string without_full_stop(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string lower_ascii(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

/// True when `name` appears in `text` as a whole word (ASCII case ignored).
bool mentions(const std::string& text, const std::string& name) {
  if (name.empty()) return false;
  const std::string t = lower_ascii(text);
  const std::string n = lower_ascii(name);
  const auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) & 0x80) != 0;
  };
  for (std::size_t at = t.find(n); at != std::string::npos; at = t.find(n, at + 1)) {
    const bool before = at == 0 || !is_word(t[at - 1]);
    const bool after = at + n.size() >= t.size() || !is_word(t[at + n.size()]);
    if (before && after) return true;
  }
  return false;
}

/// True when `text` names `actor`: its name or an alias as a whole word, or, for a person
/// with a name of two or more words, the last word of the name or of an alias (the surname:
/// "Putin" names "Vladimir Putin").
bool names_actor(const std::string& text, const Actor& actor) {
  const auto named = [&](const std::string& name) {
    if (mentions(text, name)) return true;
    if (actor.kind != ActorKind::Person) return false;
    const std::size_t space = name.find_last_of(' ');
    return space != std::string::npos && mentions(text, name.substr(space + 1));
  };
  return named(actor.name) || std::any_of(actor.aliases.begin(), actor.aliases.end(), named);
}

/// `text` split before the citation markers at its end: {"the prison term", " [@a] [@b]"}
/// for "the prison term [@a] [@b]", so a generator can put words between a phrase and its
/// citation; {text, ""} when it does not end with a well-formed marker.
std::pair<std::string, std::string> split_trailing_citations(const std::string& text) {
  std::size_t body_end = text.size();
  const auto markers = find_citations(text);
  for (auto it = markers.rbegin(); it != markers.rend(); ++it) {
    std::size_t end = body_end;
    while (end > 0 && text[end - 1] == ' ') --end;
    if (!it->ok() || it->offset + it->length != end) break;
    body_end = it->offset;
  }
  while (body_end > 0 && text[body_end - 1] == ' ') --body_end;
  if (body_end == 0) return {text, ""};  // nothing but citations: keep it whole
  return {text.substr(0, body_end), text.substr(body_end)};
}

/// `text` with its first letter upper-cased when it is an ASCII lower-case letter.
std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

/// A number as a reader writes it: whole numbers with thousands separators ("1,700,000,000"),
/// others with up to six significant decimals.
std::string format_number(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) return format_grouped(static_cast<std::int64_t>(v));
  return format_significant(v, 6);
}

/// Years between two dates, as a plausibility distance (months / 12).
double years_apart(const FactDate& a, const FactDate& b) {
  return std::fabs(static_cast<double>(months_between(a, b))) / 12.0;
}

/// One candidate ranked for an anchor.
template <typename T>
struct Ranked {
  const T* fact;
  double score;
};

/// `items` sorted by score (ties by id), lowest first.
template <typename T>
void sort_ranked(std::vector<Ranked<T>>& items) {
  std::sort(items.begin(), items.end(), [](const Ranked<T>& a, const Ranked<T>& b) {
    if (a.score != b.score) return a.score < b.score;
    return a.fact->id < b.fact->id;
  });
}

/// Facts in the order generator `g` considers them as anchors: by pair_score(g, id), so the
/// order (and which questions a `count` keeps) does not depend on the order in the file.
template <typename T>
std::vector<const T*> anchor_order(const std::vector<T>& facts, Generator g) {
  std::vector<Ranked<T>> ranked;
  for (const auto& f : facts) ranked.push_back({&f, pair_score(to_string(g), f.id)});
  sort_ranked(ranked);
  std::vector<const T*> out;
  for (const auto& r : ranked) out.push_back(r.fact);
  return out;
}

/// Runs the generators; keeps the bank and collects questions and diagnostics.
class Generation {
 public:
  explicit Generation(const Bank& bank) : m_bank(bank) {
    for (const auto& a : bank.facts.actors) m_actors.emplace(a.id, &a);
    for (const auto& e : bank.facts.events) m_events.emplace(e.id, &e);
  }

  GenerateResult run() {
    for (Generator g : kAllGenerators) {
      const GeneratorConfig& cfg = m_bank.generators[g];
      if (!cfg.enabled) continue;
      m_made.clear();
      m_short.clear();
      m_short_reason.clear();
      switch (g) {
        case Generator::EventDate: event_date(cfg); break;
        case Generator::EventOrder: event_order(cfg); break;
        case Generator::EventFirst: event_first(); break;
        case Generator::ActorMatch: actor_match(cfg); break;
        case Generator::EventActor: event_actor(); break;
        case Generator::TermDefinition: term_questions(true); break;
        case Generator::DefinitionTerm: term_questions(false); break;
        case Generator::FigureValue: figure_value(); break;
      }
      finish(g, cfg);
    }
    warn_unused();
    return std::move(m_result);
  }

 private:
  void warn(const SourcePos& at, std::string code, std::string message, std::string hint) {
    m_result.diagnostics.push_back(
        Diagnostic{at.file.empty() ? m_bank.path : at.file, at.line, at.column, Severity::Warning, std::move(code),
                   std::move(message), std::move(hint)});
  }

  /// A question of generator `g` on `facts` (the first is the anchor: its place and source).
  Question make(Generator g, const std::vector<const FactBase*>& facts, QuestionType type) const {
    Question q;
    q.type = type;
    q.generator = to_string(g);
    q.id = "gen." + q.generator;
    for (const FactBase* f : facts) {
      q.id += "." + f->id;
      q.fact_ids.push_back(f->id);
      for (const auto& t : f->topics) {
        if (std::find(q.topics.begin(), q.topics.end(), t) == q.topics.end()) q.topics.push_back(t);
      }
    }
    q.pos = facts.front()->pos;
    q.source.source_id = facts.front()->source.source_id;
    std::set<int> paragraphs;
    for (const FactBase* f : facts) {
      if (f->source.source_id == q.source.source_id) paragraphs.insert(f->source.paragraphs.begin(), f->source.paragraphs.end());
    }
    q.source.paragraphs.assign(paragraphs.begin(), paragraphs.end());
    return q;
  }

  /// Records a question unless one on the same set of facts was made already. Group questions
  /// name their facts in id order, so a set has one id whichever anchor found it: an edit that
  /// changes one anchor's group cannot remove or add a question of a group without the edited fact.
  void add(Question q) {
    std::vector<std::string> key = q.fact_ids;
    std::sort(key.begin(), key.end());
    if (!m_sets.insert(q.generator + "|" + [&] {
                         std::string k;
                         for (const auto& id : key) k += id + "|";
                         return k;
                       }())
             .second) {
      return;
    }
    // Fact ids with dots could spell the same question id from different facts ("a.b"+"c",
    // "a"+"b.c"). The loader refuses such ids; a bank built in code is checked here.
    if (!m_ids.insert(q.id).second) {
      warn(q.pos, "duplicate-id", "generated question id `" + q.id + "` would be used twice",
           "fact ids may not contain '.' (ids of generated questions join them with '.'); use '-' instead");
      return;
    }
    m_made.push_back(std::move(q));
  }

  /// Notes that `fact` got no question for want of distractors or partners.
  void short_of(const FactBase& fact, std::string reason) {
    m_short.push_back(&fact);
    if (m_short_reason.empty()) m_short_reason = std::move(reason);
  }

  /// Applies `count`, moves the questions out, and warns about a shortfall.
  void finish(Generator g, const GeneratorConfig& cfg) {
    const std::string name = to_string(g);
    if (cfg.count && m_made.size() > *cfg.count) m_made.resize(*cfg.count);
    const bool made_any = !m_made.empty();
    for (auto& q : m_made) {
      for (const auto& id : q.fact_ids) m_used.insert(id);
      m_result.questions.push_back(std::move(q));
    }
    m_made.clear();
    if (cfg.count == std::optional<std::size_t>(0)) return;  // asked for none: nothing to warn about
    // An unlisted generator without enough facts stays quiet: it is on only "when the bank has
    // the facts it needs". A listed one, or one that made some questions but not all, warns.
    if (!m_short.empty() && (cfg.listed || made_any)) {
      const std::size_t n = m_short.size();
      // Reported at the first such fact in the file.
      const FactBase* first = *std::min_element(m_short.begin(), m_short.end(), [](const FactBase* a, const FactBase* b) {
        return std::pair(a->pos.line, a->pos.column) < std::pair(b->pos.line, b->pos.column);
      });
      warn(first->pos, "short-of-distractors",
           "generator `" + name + "` made no question for " + std::to_string(n) + (n == 1 ? " fact" : " facts") +
               " (first `" + first->id + "`): " + m_short_reason,
           "add more facts of that kind, or turn the generator off with `" + name + " = false` in [generators]");
    } else if (cfg.listed && !made_any && m_short.empty()) {
      warn(cfg.pos, "generator-unused", "generator `" + name + "` made no question: the bank has no facts it can use",
           "add the facts it needs (docs/bank-format.md), or remove it from [generators]");
    }
  }

  // ---- event_date ----------------------------------------------------------------------
  void event_date(const GeneratorConfig& cfg) {
    for (const Event* e : anchor_order(m_bank.facts.events, Generator::EventDate)) {
      const std::string title = without_full_stop(e->title);
      const std::string when = e->date.precision == DatePrecision::Year || cfg.style == DateStyle::Year
                                   ? "In which year"
                               : e->date.precision == DatePrecision::Month ? "In which month and year"
                                                                            : "On which date";
      Question q = make(Generator::EventDate, {e}, cfg.style == DateStyle::Year ? QuestionType::Numeric
                                                                                : QuestionType::SingleChoice);
      q.prompt = when + " did this happen: " + title + "?";
      q.explanation = title + " (" + to_display(e->date) + ")." + (e->summary.empty() ? "" : " " + e->summary);
      if (cfg.style == DateStyle::Year) {
        q.value = e->date.year;
        add(std::move(q));
        continue;
      }
      const auto distractors = date_distractors(*e);
      std::vector<FactDate> dates = distractors;
      dates.push_back(e->date);
      std::sort(dates.begin(), dates.end(), [](const FactDate& a, const FactDate& b) { return compare_dates(a, b) < 0; });
      for (const auto& d : dates) q.choices.push_back(Choice{to_display(d), d == e->date});
      add(std::move(q));
    }
  }

  /// Three wrong dates at the event's precision, near the true one: other events' dates and
  /// shifts of 1-3 years (year precision) or months (month and day precision).
  std::vector<FactDate> date_distractors(const Event& e) const {
    std::map<std::string, std::pair<FactDate, double>> candidates;  // iso -> date, penalty
    const auto offer = [&](const FactDate& d, double penalty) {
      if (d.year < 1 || d.year > 9999 || compare_dates(d, e.date) == 0 || d.precision != e.date.precision) return;
      const std::string iso = to_iso(d);
      const auto it = candidates.find(iso);
      if (it == candidates.end() || penalty < it->second.second) candidates[iso] = {d, penalty};
    };
    const bool by_year = e.date.precision == DatePrecision::Year;
    for (const auto& other : m_bank.facts.events) {
      if (other.date.precision < e.date.precision) continue;
      const FactDate d = truncate(other.date, e.date.precision);
      const double apart = by_year ? years_apart(d, e.date) : std::fabs(static_cast<double>(months_between(d, e.date)));
      offer(d, 1.0 + apart);
    }
    for (int k : {-3, -2, -1, 1, 2, 3}) {
      FactDate d = e.date;
      if (by_year) {
        d.year += k;
      } else {
        const int m = (d.year * 12 + (d.month - 1)) + k;
        d.year = m / 12;
        d.month = m % 12 + 1;
        if (d.precision == DatePrecision::Day) {
          d.day = std::min(d.day, days_in_month(d.year, d.month));
        }
      }
      offer(d, 1.0 + std::abs(k));
    }
    std::vector<std::pair<double, FactDate>> ranked;
    for (const auto& [iso, c] : candidates) ranked.emplace_back(pair_score(e.id, iso, c.second), c.first);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : to_iso(a.second) < to_iso(b.second);
    });
    std::vector<FactDate> out;
    for (const auto& [score, d] : ranked) {
      if (out.size() == kWantedDistractors) break;
      out.push_back(d);
    }
    return out;
  }

  // ---- event_order, event_first ----------------------------------------------------------
  /// Other events that can share a question with `anchor`, best first: a date that can be
  /// told apart and a title of its own; closer dates are preferred.
  std::vector<const Event*> partners(const Event& anchor) const {
    std::vector<Ranked<Event>> ranked;
    for (const auto& e : m_bank.facts.events) {
      if (e.id == anchor.id || compare_dates(e.date, anchor.date) == 0 || e.title == anchor.title) continue;
      ranked.push_back({&e, pair_score(anchor.id, e.id, 1.0 + years_apart(e.date, anchor.date))});
    }
    sort_ranked(ranked);
    std::vector<const Event*> out;
    for (const auto& r : ranked) out.push_back(r.fact);
    return out;
  }

  static bool by_date(const Event* a, const Event* b) { return compare_dates(a->date, b->date) < 0; }

  std::string dated(const Event& e) const { return without_full_stop(e.title) + " (" + to_display(e.date) + ")"; }

  void event_order(const GeneratorConfig& cfg) {
    const auto size = static_cast<std::size_t>(cfg.size);
    for (const Event* anchor : anchor_order(m_bank.facts.events, Generator::EventOrder)) {
      std::vector<const Event*> group{anchor};
      for (const Event* c : partners(*anchor)) {
        if (group.size() == size) break;
        const bool clash = std::any_of(group.begin(), group.end(), [&](const Event* g) {
          return compare_dates(g->date, c->date) == 0 || g->title == c->title;
        });
        if (!clash) group.push_back(c);
      }
      if (group.size() < size) {
        short_of(*anchor, "fewer than " + std::to_string(size - 1) + " other events with dates that differ from it and each other");
        continue;
      }
      // The id names the set, whichever anchor found it: see "Records a question" in add().
      std::sort(group.begin(), group.end(), [](const Event* a, const Event* b) { return a->id < b->id; });
      Question q = make(Generator::EventOrder, std::vector<const FactBase*>(group.begin(), group.end()), QuestionType::Ordering);
      std::sort(group.begin(), group.end(), by_date);
      q.prompt = "Put these events in chronological order, earliest first.";
      for (std::size_t i = 0; i < group.size(); ++i) {
        q.items.push_back(group[i]->title);
        q.explanation += (i == 0 ? "" : " ") + std::to_string(i + 1) + ". " + dated(*group[i]) + ".";
      }
      add(std::move(q));
    }
  }

  void event_first() {
    for (const Event* anchor : anchor_order(m_bank.facts.events, Generator::EventFirst)) {
      const auto others = partners(*anchor);
      if (others.empty()) {
        short_of(*anchor, "no other event with a different date");
        continue;
      }
      std::vector<const Event*> pair{anchor, others.front()};
      std::sort(pair.begin(), pair.end(), [](const Event* a, const Event* b) { return a->id < b->id; });
      Question q = make(Generator::EventFirst, {pair[0], pair[1]}, QuestionType::SingleChoice);
      q.prompt = "Which of these events came first?";
      const Event* first = by_date(pair[0], pair[1]) ? pair[0] : pair[1];
      const Event* second = first == pair[0] ? pair[1] : pair[0];
      for (const Event* e : pair) q.choices.push_back(Choice{e->title, e == first});
      // Titles are sentences with a capital: each gets a sentence of its own.
      q.explanation = "First: " + dated(*first) + ". Then: " + dated(*second) + ".";
      add(std::move(q));
    }
  }

  // ---- actor_match, event_actor ----------------------------------------------------------
  void actor_match(const GeneratorConfig& cfg) {
    const auto size = static_cast<std::size_t>(cfg.size);
    for (const Actor* anchor : anchor_order(m_bank.facts.actors, Generator::ActorMatch)) {
      std::vector<Ranked<Actor>> ranked;
      for (const auto& a : m_bank.facts.actors) {
        if (a.id == anchor->id) continue;
        ranked.push_back({&a, pair_score(anchor->id, a.id, a.kind == anchor->kind ? 1.0 : kOtherKindPenalty)});
      }
      sort_ranked(ranked);
      std::vector<const Actor*> group{anchor};
      for (const auto& r : ranked) {
        if (group.size() == size) break;
        const bool clash = std::any_of(group.begin(), group.end(), [&](const Actor* g) {
          return g->name == r.fact->name || g->description == r.fact->description;
        });
        if (!clash) group.push_back(r.fact);
      }
      if (group.size() < size) {
        short_of(*anchor, "fewer than " + std::to_string(size - 1) + " other actors with names and descriptions of their own");
        continue;
      }
      std::sort(group.begin(), group.end(), [](const Actor* a, const Actor* b) { return a->id < b->id; });
      Question q = make(Generator::ActorMatch, std::vector<const FactBase*>(group.begin(), group.end()), QuestionType::Matching);
      q.prompt = "Match each actor to its description.";
      for (std::size_t i = 0; i < group.size(); ++i) {
        q.pairs.push_back(MatchPair{group[i]->name, group[i]->description});
        // A sentence per actor: descriptions may hold ';' themselves.
        q.explanation += (i == 0 ? "" : " ") + group[i]->name + ": " + without_full_stop(group[i]->description) + ".";
      }
      add(std::move(q));
    }
  }

  void event_actor() {
    for (const Event* e : anchor_order(m_bank.facts.events, Generator::EventActor)) {
      if (e->actors.empty()) continue;
      // The answer: an actor of the event whose name the title does not give away.
      std::vector<Ranked<Actor>> own;
      for (const auto& id : e->actors) {
        const auto it = m_actors.find(id);
        if (it != m_actors.end()) own.push_back({it->second, pair_score(e->id, id)});
      }
      sort_ranked(own);
      const Actor* answer = nullptr;
      for (const auto& r : own) {
        if (!names_actor(e->title, *r.fact)) {
          answer = r.fact;
          break;
        }
      }
      if (answer == nullptr) {
        if (!own.empty()) short_of(*e, "every actor of the event is named in its title");
        continue;
      }
      std::vector<Ranked<Actor>> ranked;
      for (const auto& a : m_bank.facts.actors) {
        if (std::find(e->actors.begin(), e->actors.end(), a.id) != e->actors.end()) continue;
        ranked.push_back({&a, pair_score(e->id, a.id, a.kind == answer->kind ? 1.0 : kOtherKindPenalty)});
      }
      sort_ranked(ranked);
      std::vector<std::string> names{answer->name};
      for (const auto& r : ranked) {
        if (names.size() == kWantedDistractors + 1) break;
        if (std::find(names.begin(), names.end(), r.fact->name) == names.end()) names.push_back(r.fact->name);
      }
      if (names.size() < kMinDistractors + 1) {
        short_of(*e, "fewer than " + std::to_string(kMinDistractors) + " actors not involved in the event to offer as wrong answers");
        continue;
      }
      Question q = make(Generator::EventActor, {e, answer}, QuestionType::SingleChoice);
      q.prompt = "Which actor was involved in: " + without_full_stop(e->title) + "?";
      std::sort(names.begin(), names.end());
      for (const auto& n : names) q.choices.push_back(Choice{n, n == answer->name});
      // The description gets a sentence of its own: it is written as a line that starts with
      // a capital ("Russia's main security service"), so it cannot go inside another sentence.
      q.explanation = answer->name + " was involved in: " + dated(*e) + ".";
      if (!answer->description.empty()) {
        q.explanation += " " + answer->name + ": " + without_full_stop(answer->description) + ".";
      }
      if (!e->summary.empty()) q.explanation += " " + e->summary;
      add(std::move(q));
    }
  }

  // ---- term_definition, definition_term ---------------------------------------------------
  void term_questions(bool term_first) {
    const Generator g = term_first ? Generator::TermDefinition : Generator::DefinitionTerm;
    for (const Term* t : anchor_order(m_bank.facts.terms, g)) {
      std::vector<Ranked<Term>> ranked;
      for (const auto& o : m_bank.facts.terms) {
        if (o.id != t->id) ranked.push_back({&o, pair_score(t->id, o.id)});
      }
      sort_ranked(ranked);
      const auto shown = [&](const Term& x) { return term_first ? x.definition : x.term; };
      std::vector<std::string> texts{shown(*t)};
      for (const auto& r : ranked) {
        if (texts.size() == kWantedDistractors + 1) break;
        const bool same_term = r.fact->term == t->term || r.fact->definition == t->definition;
        if (!same_term && std::find(texts.begin(), texts.end(), shown(*r.fact)) == texts.end()) {
          texts.push_back(shown(*r.fact));
        }
      }
      if (texts.size() < kMinDistractors + 1) {
        short_of(*t, "fewer than " + std::to_string(kMinDistractors) + " other terms to offer as wrong answers");
        continue;
      }
      Question q = make(g, {t}, QuestionType::SingleChoice);
      q.prompt = term_first ? "What does \xE2\x80\x9C" + t->term + "\xE2\x80\x9D mean?"
                            : "Which term means: " + without_full_stop(t->definition) + "?";
      const std::string answer = texts.front();
      std::sort(texts.begin(), texts.end());
      for (const auto& x : texts) q.choices.push_back(Choice{x, x == answer});
      q.explanation = t->term + ": " + without_full_stop(t->definition) + ".";
      add(std::move(q));
    }
  }

  // ---- figure_value ----------------------------------------------------------------------
  void figure_value() {
    for (const Figure* f : anchor_order(m_bank.facts.figures, Generator::FigureValue)) {
      Question q = make(Generator::FigureValue, {f}, QuestionType::Numeric);
      // A citation at the end of `measures` stays at the end of its sentence, after the value
      // in the explanation; the unit gets a sentence of its own, never next to a citation.
      const std::string measures = without_full_stop(f->measures);
      const auto [phrase, cited] = split_trailing_citations(measures);
      q.prompt = "Give the figure: " + measures + "." + (f->unit.empty() ? "" : " Unit: " + f->unit + ".");
      q.value = f->value;
      q.tolerance = f->tolerance;
      q.unit = f->unit;
      q.explanation = capitalised(phrase) + ": " + format_number(f->value) + (f->unit.empty() ? "" : " " + f->unit) + cited + ".";
      if (f->tolerance > 0) {
        q.explanation += " Answers within " + format_number(f->tolerance) + (f->unit.empty() ? "" : " " + f->unit) +
                         " of it count.";
      }
      if (const auto it = m_events.find(f->event); !f->event.empty() && it != m_events.end()) {
        q.explanation += " Related event: " + dated(*it->second) + ".";
      }
      add(std::move(q));
    }
  }

  // ---- facts no question uses -------------------------------------------------------------
  void warn_unused() {
    for (const auto& q : m_bank.questions) m_used.insert(q.fact_ids.begin(), q.fact_ids.end());
    const auto check = [&](const FactBase& f, std::string_view kind) {
      if (m_used.count(f.id) != 0) return;
      warn(f.pos, "unused-fact", std::string(kind) + " `" + f.id + "` is used by no question",
           "turn on a generator that uses it, or name it in a question's `facts`");
    };
    for (const auto& f : m_bank.facts.events) check(f, "event");
    for (const auto& f : m_bank.facts.actors) check(f, "actor");
    for (const auto& f : m_bank.facts.terms) check(f, "term");
    for (const auto& f : m_bank.facts.figures) check(f, "figure");
  }

  const Bank& m_bank;
  std::map<std::string, const Actor*> m_actors;
  std::map<std::string, const Event*> m_events;
  GenerateResult m_result;
  std::vector<Question> m_made;           ///< questions of the running generator
  std::vector<const FactBase*> m_short;   ///< its anchors that got no question
  std::string m_short_reason;
  std::set<std::string> m_sets;           ///< generator|sorted fact ids of every question
  std::set<std::string> m_used;           ///< fact ids some question uses
  std::set<std::string> m_ids;            ///< ids of the questions made
};

}  // namespace

double pair_score(std::string_view anchor, std::string_view candidate, double penalty) {
  std::string key(anchor);
  key += '\x1f';
  key += candidate;
  // 53 high bits -> u in (0, 1): never 0, so -ln(u) is finite.
  const double u = (static_cast<double>(fnv1a64(key) >> 11) + 0.5) / 9007199254740992.0;
  return -std::log(u) * penalty;
}

GenerateResult generate_questions(const Bank& bank) { return Generation(bank).run(); }

}  // namespace casebook::core
