// Question generators over the fact tables of a format-2 bank (core/generate.hpp).
#include "core/generate.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <iterator>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/beside.hpp"
#include "core/generate_pick.hpp"
#include "core/generate_text.hpp"
#include "core/time.hpp"

namespace casebook::core {

namespace {

/// Wrong answers a single-choice question wants, and the fewest it may have.
constexpr std::size_t kWantedDistractors = 3;
constexpr std::size_t kMinDistractors = 2;
/// Other events' dates event_date considers on each side of the true date.
constexpr std::size_t kNearDates = 6;

/// Runs generators one at a time (one lane of generate_questions) over shared FactIndexes.
class Generation {
 public:
  /// `spare_core`: a second core no other lane uses (then actor_match may use it).
  Generation(const FactIndexes& ix, bool spare_core) : m_ix(ix), m_bank(ix.bank), m_spare_core(spare_core) {
    m_dated.resize(ix.bank.facts.events.size());
  }

  /// Runs generator `g` (enabled in the bank): its questions, diagnostics and repeats; sets
  /// the flags of the facts they use in `used` (by FactIndexes::fact_index, fact_count() + 1
  /// of them: the last for a fact not of the bank).
  GenerateResult run(Generator g, std::vector<char>& used) {
    const GeneratorConfig& cfg = m_bank.generators[g];
    m_result = GenerateResult{};
    m_used = &used;
    m_kept_facts.clear();
    m_kept_ends.clear();
    // Questions are made in place: room for as many as the generator can make (a Question is
    // about 1 kB; growing would move them all).
    const std::size_t most = most_questions(g);
    m_result.questions.reserve(most);
    m_sets.clear();  // sets are per generator
    m_sets.reserve(most);
    m_ids.clear();  // ids name their generator: two generators never make the same id
    if (m_ix.dotted_ids) m_ids.reserve(most);
    m_short.clear();
    m_short_reason.clear();
    switch (g) {
      case Generator::EventDate: event_date(cfg); break;
      case Generator::EventOrder: event_order(cfg); break;
      case Generator::EventFirst: event_first(cfg); break;
      case Generator::ActorMatch: actor_match(cfg); break;
      case Generator::EventActor: event_actor(); break;
      case Generator::TermDefinition: term_questions(true); break;
      case Generator::DefinitionTerm: term_questions(false); break;
      case Generator::FigureValue: figure_value(); break;
    }
    finish(g, cfg);
    return std::move(m_result);
  }

 private:
  void warn(const SourcePos& at, std::string code, std::string message, std::string hint) {
    m_result.diagnostics.push_back(
        Diagnostic{file_of(at, m_bank.path), at.line, at.column, Severity::Warning, std::move(code),
                   std::move(message), std::move(hint)});
  }

  /// The most questions generator `g` can make: one per anchor fact (event_actor: per
  /// role; a term at most once per direction).
  std::size_t most_questions(Generator g) const {
    const Facts& f = m_bank.facts;
    switch (g) {
      case Generator::EventDate:
      case Generator::EventOrder:
      case Generator::EventFirst: return f.events.size();
      case Generator::ActorMatch: return f.actors.size();
      case Generator::EventActor: {
        std::size_t roles = 0;
        for (const auto& e : f.events) roles += e.roles.size();
        return roles;
      }
      case Generator::TermDefinition:
      case Generator::DefinitionTerm: return f.terms.size();
      case Generator::FigureValue: return f.figures.size();
    }
    return 0;
  }

  /// make() of a few facts given in braces (on the stack).
  Question* make(Generator g, std::initializer_list<const FactBase*> facts, QuestionType type) {
    return make(g, std::span<const FactBase* const>(facts.begin(), facts.size()), type);
  }

  /// Starts a question of generator `g` on `facts` (the first is the anchor: its place and
  /// source) at the end of m_result.questions, and returns it for the generator to write its
  /// text; nullptr when it is not kept (see keep()), before any text is written.
  Question* make(Generator g, std::span<const FactBase* const> facts, QuestionType type) {
    Question& q = m_result.questions.emplace_back();
    q.type = type;
    q.generator = to_string(g);
    std::size_t id_size = 4 + q.generator.size();
    for (const FactBase* f : facts) id_size += 1 + f->id.size();
    q.id.reserve(id_size);
    q.id.append("gen.").append(q.generator);
    q.fact_ids.reserve(facts.size());
    std::size_t topics = 0;
    std::size_t paragraph_count = 0;
    for (const FactBase* f : facts) {
      topics += f->topics.size();
      paragraph_count += f->source.paragraphs.size();
    }
    q.topics.reserve(topics);
    q.source.paragraphs.reserve(paragraph_count);
    for (const FactBase* f : facts) {
      q.id.append(".").append(f->id);
      q.fact_ids.push_back(f->id);
      for (const auto& t : f->topics) {
        if (std::find(q.topics.begin(), q.topics.end(), t) == q.topics.end()) q.topics.push_back(t);
      }
    }
    q.pos = facts.front()->pos;
    q.source.source_id = facts.front()->source.source_id;
    // The paragraphs of every fact of that source, sorted and each once.
    auto& paragraphs = q.source.paragraphs;
    for (const FactBase* f : facts) {
      if (f->source.source_id == q.source.source_id) {
        paragraphs.insert(paragraphs.end(), f->source.paragraphs.begin(), f->source.paragraphs.end());
      }
    }
    std::sort(paragraphs.begin(), paragraphs.end());
    paragraphs.erase(std::unique(paragraphs.begin(), paragraphs.end()), paragraphs.end());
    if (!keep(q, facts)) {
      m_result.questions.pop_back();
      return nullptr;
    }
    m_kept_facts.insert(m_kept_facts.end(), facts.begin(), facts.end());
    m_kept_ends.push_back(m_kept_facts.size());
    return &q;
  }

  /// Appends " [@id]" naming `f`'s source to `text` when it differs from the question's own
  /// (the card's locator names only its first fact's source), else nothing.
  static void append_cite_other(std::string& text, const FactBase& f, const Question& q) {
    if (f.source.source_id.empty() || f.source.source_id == q.source.source_id) return;
    text.append(" [@").append(f.source.source_id).append("]");
  }

  /// Whether to keep a question (its id, generator and facts set): not when the running
  /// generator made one on the same set of facts already, or a hand-written question names
  /// the same facts (then it is listed in `repeated`). Group questions name their facts in id
  /// order, so a set has one id whichever anchor found it.
  bool keep(const Question& q, std::span<const FactBase* const> facts) {
    const auto [set, fresh] = m_sets.insert(fact_set_key(q.fact_ids));
    if (!fresh) return false;
    if (const auto hand = m_ix.hand.empty() ? m_ix.hand.end() : m_ix.hand.find(*set); hand != m_ix.hand.end()) {
      m_result.repeated.push_back(RepeatedQuestion{q.id, hand->second, q.pos});
      for (const FactBase* f : facts) mark_used(*f);
      return false;
    }
    // Fact ids with dots could spell the same question id from different facts ("a.b"+"c",
    // "a"+"b.c"). The loader refuses such ids; a bank built in code is checked here. Without
    // dots an id names one list of facts, whose set m_sets has just found new.
    if (m_ix.dotted_ids && !m_ids.insert(q.id).second) {
      warn(q.pos, "duplicate-id", "generated question id `" + q.id + "` would be used twice",
           "fact ids may not contain '.' (ids of generated questions join them with '.'); use '-' instead");
      return false;
    }
    return true;
  }

  void mark_used(const FactBase& f) { (*m_used)[m_ix.fact_index(f)] = 1; }

  /// Notes that `fact` got no question for want of distractors or partners.
  void short_of(const FactBase& fact, std::string reason) {
    m_short.push_back(&fact);
    if (m_short_reason.empty()) m_short_reason = std::move(reason);
  }

  /// Applies `count` to the questions the generator made, and warns about a shortfall.
  void finish(Generator g, const GeneratorConfig& cfg) {
    const std::string name = to_string(g);
    auto& questions = m_result.questions;
    if (cfg.count && questions.size() > *cfg.count) {
      questions.erase(questions.begin() + static_cast<std::ptrdiff_t>(*cfg.count), questions.end());
    }
    const bool made_any = !questions.empty();
    // The facts of the questions kept: those of the first questions.size() made.
    const std::size_t facts_kept = made_any ? m_kept_ends[questions.size() - 1] : 0;
    for (std::size_t i = 0; i < facts_kept; ++i) mark_used(*m_kept_facts[i]);
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
           short_of_hint(g));
    } else if (cfg.listed && !made_any && m_short.empty()) {
      warn(cfg.pos, "generator-unused", "generator `" + name + "` made no question: the bank has no facts it can use",
           "add the facts it needs (docs/bank-format.md), or remove it from [generators]");
    }
  }

  // ---- event_date ----------------------------------------------------------------------
  void event_date(const GeneratorConfig& cfg) {
    for (const Event* e : anchor_order(m_bank.facts.events, Generator::EventDate)) {
      const std::string_view title = without_full_stop(e->title);
      const std::string_view when = e->date.precision == DatePrecision::Year || cfg.style == DateStyle::Year
                                        ? "In which year"
                                    : e->date.precision == DatePrecision::Month ? "In which month and year"
                                                                                 : "On which date";
      Question* made = make(Generator::EventDate, {e}, cfg.style == DateStyle::Year ? QuestionType::Numeric
                                                                                    : QuestionType::SingleChoice);
      if (made == nullptr) continue;
      Question& q = *made;
      q.prompt.reserve(when.size() + title.size() + 20);
      q.prompt.append(when).append(" did this happen: ").append(title).append("?");
      const std::string date = to_display(e->date);
      q.explanation.reserve(title.size() + date.size() + e->summary.size() + 6);
      q.explanation.append(title).append(" (").append(date).append(").");
      if (!e->summary.empty()) q.explanation.append(" ").append(e->summary);
      if (cfg.style == DateStyle::Year) {
        q.value = e->date.year;
        continue;
      }
      std::vector<FactDate> dates = m_ix.dates.distractor_dates(*e, kNearDates, kWantedDistractors);
      dates.push_back(e->date);
      std::sort(dates.begin(), dates.end(), [](const FactDate& a, const FactDate& b) { return compare_dates(a, b) < 0; });
      q.choices.reserve(dates.size());
      for (const auto& d : dates) q.choices.push_back(Choice{to_display(d), d == e->date});
    }
  }

  // ---- event_order, event_first ----------------------------------------------------------
  static bool by_date(const Event* a, const Event* b) { return compare_dates(a->date, b->date) < 0; }

  /// "Title (12 May 2016)" of a bank event, written once per event.
  const std::string& dated(const Event& e) {
    std::string& d = m_dated[static_cast<std::size_t>(&e - m_bank.facts.events.data())];
    if (d.empty()) d.assign(without_full_stop(e.title)).append(" (").append(to_display(e.date)).append(")");
    return d;
  }

  void event_order(const GeneratorConfig& cfg) {
    const auto size = static_cast<std::size_t>(cfg.size);
    for (const Event* anchor : anchor_order(m_bank.facts.events, Generator::EventOrder)) {
      std::vector<const Event*> group{anchor};
      group.reserve(size);
      for (const Event* c : m_ix.dates.partners(*anchor, cfg.min_gap_days)) {
        if (group.size() == size) break;
        const bool clash = std::any_of(group.begin(), group.end(), [&](const Event* g) {
          const std::int64_t gap = m_ix.dates.gap_days(*g, *c);  // 0 exactly when compare_dates is 0
          return gap == 0 || gap < cfg.min_gap_days || m_ix.dates.same_title(*g, *c);
        });
        if (!clash) group.push_back(c);
      }
      if (group.size() < size) {
        short_of(*anchor, "fewer than " + std::to_string(size - 1) + " other events at least " + std::to_string(cfg.min_gap_days) +
                              " days from it and from each other among its nearest in date (" + std::to_string(kDateWindow) + " on each side)");
        continue;
      }
      // The id names the set, whichever anchor found it: see keep().
      std::sort(group.begin(), group.end(), [](const Event* a, const Event* b) { return a->id < b->id; });
      m_group_facts.assign(group.begin(), group.end());
      Question* made = make(Generator::EventOrder, m_group_facts, QuestionType::Ordering);
      if (made == nullptr) continue;
      Question& q = *made;
      std::sort(group.begin(), group.end(), by_date);
      q.prompt = "Put these events in chronological order, earliest first.";
      q.items.reserve(group.size());
      std::size_t length = 0;
      for (const Event* e : group) length += dated(*e).size() + 8;
      q.explanation.reserve(length);
      for (std::size_t i = 0; i < group.size(); ++i) {
        q.items.push_back(group[i]->title);
        if (i != 0) q.explanation += ' ';
        q.explanation.append(std::to_string(i + 1)).append(". ").append(dated(*group[i]));
        append_cite_other(q.explanation, *group[i], q);
        q.explanation += '.';
      }
    }
  }

  void event_first(const GeneratorConfig& cfg) {
    for (const Event* anchor : anchor_order(m_bank.facts.events, Generator::EventFirst)) {
      const auto& others = m_ix.dates.partners(*anchor, cfg.min_gap_days);
      if (others.empty()) {
        short_of(*anchor, "no other event at least " + std::to_string(cfg.min_gap_days) + " days from it");
        continue;
      }
      std::vector<const Event*> pair{anchor, others.front()};
      std::sort(pair.begin(), pair.end(), [](const Event* a, const Event* b) { return a->id < b->id; });
      Question* made = make(Generator::EventFirst, {pair[0], pair[1]}, QuestionType::SingleChoice);
      if (made == nullptr) continue;
      Question& q = *made;
      q.prompt = "Which of these events came first?";
      const Event* first = by_date(pair[0], pair[1]) ? pair[0] : pair[1];
      const Event* second = first == pair[0] ? pair[1] : pair[0];
      for (const Event* e : pair) q.choices.push_back(Choice{e->title, e == first});
      // Titles are sentences with a capital: each gets a sentence of its own.
      q.explanation.append("First: ").append(dated(*first));
      append_cite_other(q.explanation, *first, q);
      q.explanation.append(". Then: ").append(dated(*second));
      append_cite_other(q.explanation, *second, q);
      q.explanation += '.';
    }
  }

  // ---- actor_match, event_actor ----------------------------------------------------------
  void actor_match(const GeneratorConfig& cfg) {
    const auto size = static_cast<std::size_t>(cfg.size);
    const auto anchors = anchor_order(m_bank.facts.actors, Generator::ActorMatch);
    // Finding the groups reads only the shared indexes: on the spare core, in two halves.
    auto groups = actor_groups(m_ix, anchors, size, m_spare_core && anchors.size() >= kParallelEvents);
    for (std::size_t k = 0; k < anchors.size(); ++k) {
      const Actor* anchor = anchors[k];
      std::vector<const Actor*>& group = groups[k];
      if (group.size() < size) {
        short_of(*anchor, "fewer than " + std::to_string(size - 1) + " other actors with names and descriptions of their own");
        continue;
      }
      std::sort(group.begin(), group.end(), [](const Actor* a, const Actor* b) { return a->id < b->id; });
      m_group_facts.assign(group.begin(), group.end());
      Question* made = make(Generator::ActorMatch, m_group_facts, QuestionType::Matching);
      if (made == nullptr) continue;
      Question& q = *made;
      q.prompt = "Match each actor to its description.";
      for (std::size_t i = 0; i < group.size(); ++i) {
        q.pairs.push_back(MatchPair{group[i]->name, group[i]->description});
        // A sentence per actor: descriptions may hold ';' themselves.
        if (i != 0) q.explanation += ' ';
        q.explanation.append(group[i]->name).append(": ").append(without_full_stop(group[i]->description));
        append_cite_other(q.explanation, *group[i], q);
        q.explanation += '.';
      }
    }
  }

  /// The ids of every actor with a part in `e`: its `actors` and the actors of its roles (a
  /// handful: a list is cheaper than a hash set).
  static std::vector<std::string_view> involved(const Event& e) {
    std::vector<std::string_view> ids;
    ids.reserve(e.actors.size() + e.roles.size());
    ids.assign(e.actors.begin(), e.actors.end());
    for (const auto& r : e.roles) ids.push_back(r.actor);
    return ids;
  }

  /// names_actor(text, a) for `lowered` == lower_ascii(text), with a's words prepared once.
  bool names(std::string_view lowered, const Actor& a) const {
    const auto& words = m_ix.actor_words[static_cast<std::size_t>(&a - m_bank.facts.actors.data())];
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return mentions_lowered(lowered, w); });
  }

  void event_actor() {
    for (const Event* e : anchor_order(m_bank.facts.events, Generator::EventActor)) {
      if (e->roles.empty()) continue;  // only roles are asked: "involved" is too vague to teach
      const auto in_event = involved(*e);
      const std::string title = lower_ascii(e->title);
      bool askable = false;
      bool made = false;
      std::string reason;
      std::string ring_key;
      for (const EventRole& role : e->roles) {
        const auto it = m_ix.actors.find(role.actor);
        if (it == m_ix.actors.end()) continue;
        const Actor& answer = *it->second;
        if (names(title, answer)) continue;  // the title gives the answer away
        askable = true;
        // Wrong answers: actors of the same kind with no part in the event, not named in its
        // title, names of a length like the answer's.
        const auto keep = [&](const Actor& a) {
          return std::find(in_event.begin(), in_event.end(), a.id) == in_event.end() && a.name != answer.name &&
                 !names(title, a);
        };
        const PairScorer scorer(e->id);
        ring_key.assign(e->id).append("\x1f").append(role.role);
        std::vector<const Actor*>& near = m_near_actors;
        m_ix.ring_kind[static_cast<std::size_t>(answer.kind)].walk(ring_key, kRingWindow, keep, near);
        std::vector<Ranked<Actor>>& ranked = m_ranked_actors;
        ranked.clear();
        for (const Actor* a : near) ranked.push_back({a, scorer.score(a->id, length_penalty(answer.name, a->name))});
        sort_ranked(ranked);
        std::vector<std::string_view>& names = m_names;
        names.assign(1, answer.name);
        for (const auto& r : ranked) {
          if (names.size() == kWantedDistractors + 1) break;
          if (std::find(names.begin(), names.end(), r.fact->name) == names.end()) names.push_back(r.fact->name);
        }
        if (names.size() < kMinDistractors + 1) {
          reason = "fewer than " + std::to_string(kMinDistractors) + " actors of the same kind (" + to_string(answer.kind) +
                   ") with no part in the event to offer as wrong answers";
          continue;
        }
        made = true;  // also when not kept (a repeat): the event has its question
        Question* started = make(Generator::EventActor, {e, &answer}, QuestionType::SingleChoice);
        if (started == nullptr) continue;
        Question& q = *started;
        const std::string_view verb = without_full_stop(role.role);
        const std::string& when = dated(*e);
        q.prompt.reserve(when.size() + verb.size() + 32);
        q.explanation.reserve(2 * answer.name.size() + verb.size() + when.size() + answer.description.size() +
                              e->summary.size() + 40);
        q.prompt.append(when).append(". ").append(which_actor(answer.kind)).append(" ").append(verb).append("?");
        std::sort(names.begin(), names.end());
        q.choices.reserve(names.size());
        for (const auto n : names) q.choices.push_back(Choice{std::string(n), n == answer.name});
        // The description gets a sentence of its own: it is written as a line that starts with
        // a capital ("Russia's main security service"), so it cannot go inside another sentence.
        q.explanation.append(capitalised(answer.name)).append(" ").append(verb).append(". Event: ").append(dated(*e)).append(".");
        if (!answer.description.empty()) {
          q.explanation.append(" ").append(answer.name).append(": ").append(without_full_stop(answer.description));
          append_cite_other(q.explanation, answer, q);
          q.explanation += '.';
        }
        if (!e->summary.empty()) q.explanation.append(" ").append(e->summary);
      }
      if (!askable) {
        short_of(*e, "its title names the actor of each of its roles");
      } else if (!made) {
        short_of(*e, reason);
      }
    }
  }

  // ---- term_definition, definition_term ---------------------------------------------------
  void term_questions(bool term_first) {
    const Generator g = term_first ? Generator::TermDefinition : Generator::DefinitionTerm;
    const Generator other = term_first ? Generator::DefinitionTerm : Generator::TermDefinition;
    const bool one_way = !m_bank.generators.terms_both_ways && m_bank.generators[other].enabled;
    for (const Term* t : anchor_order(m_bank.facts.terms, g)) {
      if (one_way && !term_direction(*t, g)) continue;
      const auto shown = [&](const Term& x) -> const std::string& { return term_first ? x.definition : x.term; };
      const auto keep = [&](const Term& o) {
        return o.id != t->id && o.term != t->term && o.definition != t->definition;
      };
      const PairScorer scorer(t->id);
      std::vector<Ranked<Term>> ranked;
      for (const Term* o : m_ix.ring_terms.walk(t->id, kRingWindow, keep)) {
        ranked.push_back({o, scorer.score(o->id, length_penalty(shown(*t), shown(*o)))});
      }
      sort_ranked(ranked);
      std::vector<std::string> texts{shown(*t)};
      for (const auto& r : ranked) {
        if (texts.size() == kWantedDistractors + 1) break;
        if (std::find(texts.begin(), texts.end(), shown(*r.fact)) == texts.end()) texts.push_back(shown(*r.fact));
      }
      if (texts.size() < kMinDistractors + 1) {
        short_of(*t, "fewer than " + std::to_string(kMinDistractors) + " other terms to offer as wrong answers");
        continue;
      }
      Question* made = make(g, {t}, QuestionType::SingleChoice);
      if (made == nullptr) continue;
      Question& q = *made;
      q.prompt = term_first ? "What does \xE2\x80\x9C" + t->term + "\xE2\x80\x9D mean?"
                            : "Which term means: " + std::string(without_full_stop(t->definition)) + "?";
      const std::string answer = texts.front();
      std::sort(texts.begin(), texts.end());
      for (const auto& x : texts) q.choices.push_back(Choice{x, x == answer});
      q.explanation = t->term + ": " + std::string(without_full_stop(t->definition)) + ".";
    }
  }

  // ---- figure_value ----------------------------------------------------------------------
  void figure_value() {
    for (const Figure* f : anchor_order(m_bank.facts.figures, Generator::FigureValue)) {
      Question* made = make(Generator::FigureValue, {f}, QuestionType::Numeric);
      if (made == nullptr) continue;
      Question& q = *made;
      // A citation at the end of `measures` stays at the end of its sentence, after the value
      // in the explanation; the unit gets a sentence of its own, never next to a citation.
      const std::string measures(without_full_stop(f->measures));
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
      if (const auto it = m_ix.events.find(f->event); !f->event.empty() && it != m_ix.events.end()) {
        q.explanation.append(" Related event: ").append(dated(*it->second));
        append_cite_other(q.explanation, *it->second, q);
        q.explanation += '.';
      }
    }
  }

  const FactIndexes& m_ix;  ///< shared, read-only while the lanes run
  const Bank& m_bank;
  const bool m_spare_core;
  std::vector<std::string> m_dated;      ///< dated() of each bank event, by index ("" until asked)
  GenerateResult m_result;               ///< of the running generator
  std::vector<char>* m_used = nullptr;  ///< flags of the facts some question uses (see run())
  std::vector<const FactBase*> m_group_facts;  ///< a group's facts, for make()
  // Room event_actor reuses from role to role.
  std::vector<const Actor*> m_near_actors;
  std::vector<Ranked<Actor>> m_ranked_actors;
  std::vector<std::string_view> m_names;
  std::vector<const FactBase*> m_kept_facts;  ///< the facts of the running generator's questions, in turn ...
  std::vector<std::size_t> m_kept_ends;       ///< ... where each question's end in m_kept_facts
  std::vector<const FactBase*> m_short;  ///< its anchors that got no question
  std::string m_short_reason;
  std::unordered_set<std::string> m_sets;  ///< sorted fact ids of the running generator's questions
  std::unordered_set<std::string> m_ids;   ///< ids of its questions (only with m_ix.dotted_ids)
};

}  // namespace

double pair_score(std::string_view anchor, std::string_view candidate, double penalty) {
  return PairScorer(anchor).score(candidate, penalty);
}

GenerateResult generate_questions(const Bank& bank, bool parallel) {
  FactIndexes ix(bank);
  std::array<GenerateResult, kGeneratorCount> made;  // by generator, in kAllGenerators order
  // Flags of the facts some generated question uses, one vector per lane (see Generation::run).
  std::array<std::vector<char>, 2> used;
  // With enough events to be worth a thread, two lanes take the generators in turn, the
  // costliest first (the date-partner and role generators, then those with one fact per
  // question), so they finish about together. Each generator writes only its own slot and
  // flags, so the result does not depend on which lane ran it.
  const bool cores = parallel && std::thread::hardware_concurrency() > 1;
  const bool two = cores && bank.facts.events.size() >= kParallelEvents;
  rank_partners(ix.dates, bank, two);  // the index is read-only while the lanes run
  static constexpr std::array<Generator, kGeneratorCount> kCostliestFirst{
      Generator::EventOrder,     Generator::EventFirst,     Generator::EventActor, Generator::ActorMatch,
      Generator::EventDate,      Generator::TermDefinition, Generator::DefinitionTerm, Generator::FigureValue};
  std::atomic<std::size_t> next{0};
  const auto lane = [&](std::size_t which) {
    Generation gen(ix, cores && !two);
    used[which].assign(ix.fact_count() + 1, 0);
    for (std::size_t k = next++; k < kCostliestFirst.size(); k = next++) {
      const Generator g = kCostliestFirst[k];
      if (!bank.generators[g].enabled) continue;
      const auto slot = static_cast<std::size_t>(std::find(kAllGenerators.begin(), kAllGenerators.end(), g) - kAllGenerators.begin());
      made[slot] = gen.run(g, used[which]);
    }
  };
  if (two) {
    auto second = start_beside([&] { lane(1); });
    lane(0);
    finish_beside(second);
  } else {
    lane(0);
  }
  GenerateResult out;
  std::size_t total = 0;
  for (const auto& m : made) total += m.questions.size();
  out.questions.reserve(total);
  for (auto& m : made) {
    std::move(m.questions.begin(), m.questions.end(), std::back_inserter(out.questions));
    std::move(m.diagnostics.begin(), m.diagnostics.end(), std::back_inserter(out.diagnostics));
    std::move(m.repeated.begin(), m.repeated.end(), std::back_inserter(out.repeated));
  }
  // Facts no question uses: flagged by a lane, or named by a question of the bank.
  std::unordered_set<std::string_view> named;
  for (const auto& q : bank.questions) named.insert(q.fact_ids.begin(), q.fact_ids.end());
  const auto flagged = [&](const FactBase& f) {
    const std::size_t i = ix.fact_index(f);
    return std::any_of(used.begin(), used.end(), [&](const std::vector<char>& u) { return i < u.size() && u[i] != 0; });
  };
  const auto check = [&](const FactBase& f, std::string_view kind) {
    if (flagged(f) || named.count(f.id) != 0) return;
    out.diagnostics.push_back(Diagnostic{file_of(f.pos, bank.path), f.pos.line, f.pos.column,
                                         Severity::Warning, "unused-fact",
                                         std::string(kind) + " `" + f.id + "` is used by no question",
                                         "turn on a generator that uses it, or name it in a question's `facts`"});
  };
  for (const auto& f : bank.facts.events) check(f, "event");
  for (const auto& f : bank.facts.actors) check(f, "actor");
  for (const auto& f : bank.facts.terms) check(f, "term");
  for (const auto& f : bank.facts.figures) check(f, "figure");
  return out;
}

}  // namespace casebook::core
