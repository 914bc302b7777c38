// Fact tables of a format-2 bank ([[event]], [[actor]], [[term]], [[figure]]) and the
// per-bank settings of the question generators (core/generate.hpp). Pure data: the TOML
// reader lives in bank/.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_pos.hpp"

namespace casebook::core {

/// How much of a date is known: only the year, the month, or the day.
enum class DatePrecision { Year, Month, Day };

/// A calendar date known to `precision` (proleptic Gregorian; month and day are 0 when not
/// known). Built by parse_fact_date, so it is always a real date.
struct FactDate {
  int year = 0;
  int month = 0;  ///< 1..12 for Month and Day precision, else 0
  int day = 0;    ///< 1..31 for Day precision, else 0
  DatePrecision precision = DatePrecision::Year;

  friend bool operator==(const FactDate&, const FactDate&) = default;
};

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (year 1..9999, a real month and day, leap years
/// counted). nullopt for anything else, e.g. "2016-13", "2016-02-30", "16" or "2016-5".
[[nodiscard]] std::optional<FactDate> parse_fact_date(std::string_view text);

/// The date as written in a bank: "2016", "2016-05" or "2016-05-12".
[[nodiscard]] std::string to_iso(const FactDate& d);

/// The date for a learner, in English: "2016", "May 2016" or "12 May 2016".
[[nodiscard]] std::string to_display(const FactDate& d);

/// `d` cut to precision `p` (a coarser or equal one; a finer `p` leaves `d` unchanged).
[[nodiscard]] FactDate truncate(const FactDate& d, DatePrecision p);

/// Compares `a` and `b` at the coarser of their two precisions: negative when `a` is earlier,
/// 0 when they cannot be told apart (e.g. "2016" and "2016-05"), positive when later.
[[nodiscard]] int compare_dates(const FactDate& a, const FactDate& b);

/// Whole months from `a` to `b`, counting only year and month (0 when the same month).
[[nodiscard]] int months_between(const FactDate& a, const FactDate& b);

/// The first day of the period `d` names (1 January for a year, the 1st for a month), as days
/// since 1970-01-01 (proleptic Gregorian; negative before 1970).
[[nodiscard]] std::int64_t first_day(const FactDate& d);

/// Days between `a` and `b` compared at the coarser of their precisions: the distance between
/// the first days of the two periods ("2016" and "2017-03" are 366 days apart: 1 Jan 2016 to
/// 1 Jan 2017). Always >= 0; 0 exactly when compare_dates(a, b) == 0.
[[nodiscard]] std::int64_t gap_days(const FactDate& a, const FactDate& b);

enum class ActorKind { Person, Agency, Company, Group, State };

/// TOML spelling of a kind ("person", ...) and its inverse (nullopt when unknown).
[[nodiscard]] std::string to_string(ActorKind k);
[[nodiscard]] std::optional<ActorKind> actor_kind_from_string(std::string_view s);

/// Fields every fact has: its id (unique among all facts of the bank, as question ids are),
/// the source it comes from, optional topic ids, and where its table starts in the file.
struct FactBase {
  std::string id;
  SourceLocator source;
  std::vector<std::string> topics;
  SourcePos pos;
};

/// One actor's part in an event (`roles = [{ actor = "mvd", role = "made the arrests" }]`):
/// the role completes the question "Which agency ...?" / "Who ...?".
struct EventRole {
  std::string actor;  ///< id of an [[actor]]
  std::string role;   ///< a verb phrase: "made the arrests", "was the target of the attack"
};

/// `[[event]]`: something that happened on a date.
struct Event : FactBase {
  FactDate date;
  std::string title;    ///< a short sentence, e.g. "The FSB arrests members of the Lurk group"
  std::string summary;  ///< one or two sentences
  std::vector<std::string> actors;  ///< ids of [[actor]] entries involved (roles' actors included)
  std::vector<EventRole> roles;     ///< what some of them did: event_actor asks about these
  std::string place;    ///< may be empty
};

/// `[[actor]]`: a person or an organisation.
struct Actor : FactBase {
  std::string name;
  ActorKind kind = ActorKind::Person;
  std::string description;           ///< one line
  std::vector<std::string> aliases;  ///< other names, including in the original script
};

/// `[[term]]`: a term and its definition.
struct Term : FactBase {
  std::string term;
  std::string definition;
};

/// `[[figure]]`: a number, its unit and what it measures.
struct Figure : FactBase {
  double value = 0.0;
  std::string unit;
  std::string measures;    ///< e.g. "how much the Lurk group stole from Russian banks"
  double tolerance = 0.0;  ///< answers within value ± tolerance are right
  std::string event;       ///< optional id of a related [[event]]
};

/// Every fact table of a bank, each in file order.
struct Facts {
  std::vector<Event> events;
  std::vector<Actor> actors;
  std::vector<Term> terms;
  std::vector<Figure> figures;

  [[nodiscard]] bool empty() const {
    return events.empty() && actors.empty() && terms.empty() && figures.empty();
  }
};

/// A generated question that was not made because a hand-written question names the same
/// set of facts in its `facts` (it would repeat that card).
struct RepeatedQuestion {
  std::string generated_id;    ///< e.g. "gen.event_actor.lurk-arrests.mvd"
  std::string handwritten_id;  ///< the hand-written question that covers it
  SourcePos pos;               ///< where the generated question's first fact is written
};

/// The question generators, in the order they are documented and run.
enum class Generator {
  EventDate,       ///< "event_date": when did this event happen (choice or numeric year)
  EventOrder,      ///< "event_order": put 3..5 events in chronological order
  EventFirst,      ///< "event_first": which of two events came first
  ActorMatch,      ///< "actor_match": match actors to their descriptions
  EventActor,      ///< "event_actor": which actor played one of the event's roles
  TermDefinition,  ///< "term_definition": which definition a term has
  DefinitionTerm,  ///< "definition_term": which term a definition defines
  FigureValue      ///< "figure_value": the value of a figure (numeric)
};
inline constexpr std::size_t kGeneratorCount = 8;
inline constexpr std::array<Generator, kGeneratorCount> kAllGenerators{
    Generator::EventDate,  Generator::EventOrder,     Generator::EventFirst,     Generator::ActorMatch,
    Generator::EventActor, Generator::TermDefinition, Generator::DefinitionTerm, Generator::FigureValue};

/// TOML spelling of a generator ("event_date", ...) and its inverse (nullopt when unknown).
[[nodiscard]] std::string to_string(Generator g);
[[nodiscard]] std::optional<Generator> generator_from_string(std::string_view s);

/// How event_date asks: four plausible dates to choose from, or the year typed as a number.
enum class DateStyle { Choice, Year };

/// Smallest and largest group for event_order and actor_match (`size`), and the default.
inline constexpr int kMinGroupSize = 3;
inline constexpr int kMaxGroupSize = 5;
inline constexpr int kDefaultGroupSize = 4;

/// event_order and event_first: the fewest days (gap_days) between two events asked against
/// each other (`min_gap_days`), by default about three months, so that a card asks about the
/// order of things rather than about days; the largest value allowed.
inline constexpr int kDefaultMinGapDays = 90;
inline constexpr int kMaxMinGapDays = 36500;

/// The settings of one generator in a bank's `[generators]` table.
struct GeneratorConfig {
  bool enabled = true;               ///< default: on (it runs when the bank has its facts)
  std::optional<std::size_t> count;  ///< at most this many questions; none: every one it can make
  int size = kDefaultGroupSize;      ///< event_order, actor_match: items per question
  DateStyle style = DateStyle::Choice;  ///< event_date only
  int min_gap_days = kDefaultMinGapDays;  ///< event_order, event_first: see kDefaultMinGapDays
  bool listed = false;               ///< written in [generators] (else all defaults)
  SourcePos pos;                     ///< where it is written (the [generators] entry), if listed
};

/// The `[generators]` table: one entry per generator, indexed by Generator.
struct GeneratorSettings {
  std::array<GeneratorConfig, kGeneratorCount> configs{};
  /// `terms_both_ways = true`: every term is asked both ways (term_definition and
  /// definition_term). By default a term is asked one way only: by the one of the two that is
  /// enabled, or, when both are, by one of them chosen per term by a stable hash of its id.
  bool terms_both_ways = false;
  SourcePos pos;  ///< where [generators] is written (line 0 when absent)

  [[nodiscard]] const GeneratorConfig& operator[](Generator g) const {
    return configs[static_cast<std::size_t>(g)];
  }
  [[nodiscard]] GeneratorConfig& operator[](Generator g) { return configs[static_cast<std::size_t>(g)]; }
};

}  // namespace casebook::core
