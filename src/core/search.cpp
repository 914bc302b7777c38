#include "core/search.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/grading.hpp"
#include "core/number.hpp"
#include "core/question.hpp"
#include "core/utf8.hpp"
#include "core/text.hpp"

namespace casebook::core {

namespace {

constexpr std::string_view kFields = "bank, topic, type, is, prop, rated, flag";
constexpr std::string_view kIsValues = "new, learning, review, due, suspended, buried, leech, flagged";
constexpr std::string_view kProps = "r, s, d, lapses, reps, due";
constexpr std::string_view kTypes =
    "single_choice, multiple_response, true_false, short_answer, numeric, ordering, matching, dilemma";

/// Splits `pattern` on '*'. A pattern without '*' gives one piece.
std::vector<std::string> split_stars(std::string_view pattern) {
  std::vector<std::string> pieces(1);
  for (const char c : pattern) {
    if (c == '*') {
      pieces.emplace_back();
    } else {
      pieces.back() += c;
    }
  }
  return pieces;
}

/// Whether `text` matches pieces joined by '*': anywhere in it (anchored = false) or the
/// whole of it (anchored = true).
bool glob(const std::vector<std::string>& pieces, std::string_view text, bool anchored) {
  std::size_t from = 0, to = text.size();
  std::size_t first = 0, last = pieces.size();
  if (anchored) {
    if (pieces.size() == 1) return text == pieces[0];
    if (!text.starts_with(pieces.front()) || !text.ends_with(pieces.back())) return false;
    if (pieces.front().size() + pieces.back().size() > text.size()) return false;
    from = pieces.front().size();
    to = text.size() - pieces.back().size();
    first = 1;
    last = pieces.size() - 1;
  }
  const std::string_view region = text.substr(from, to - from);
  std::size_t pos = 0;
  for (std::size_t i = first; i < last; ++i) {
    pos = region.find(pieces[i], pos);
    if (pos == std::string_view::npos) return false;
    pos += pieces[i].size();
  }
  return true;
}

enum class Op { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };

bool compare(double a, Op op, double b) {
  switch (op) {
    case Op::Less: return a < b;
    case Op::LessEqual: return a <= b;
    case Op::Greater: return a > b;
    case Op::GreaterEqual: return a >= b;
    case Op::Equal: return a == b;
    case Op::NotEqual: return a != b;
  }
  return false;
}

constexpr std::string_view kOpNames[] = {"<", "<=", ">", ">=", "=", "!="};

}  // namespace

struct Search::Node {
  enum class Kind { All, And, Or, Not, Word, Bank, Topic, Type, Is, Prop, Rated, Flag };
  Kind kind = Kind::All;
  std::vector<Node> kids;
  std::vector<std::string> pieces;  ///< Word, Bank, Topic: the pattern split on '*'
  std::string value;                ///< Type, Is, Prop (its key)
  Op op = Op::Equal;                ///< Prop
  double number = 0.0;              ///< Prop, Rated, Flag

  [[nodiscard]] bool matches(const SearchCard& c) const;
  [[nodiscard]] std::string describe() const;
};

bool Search::Node::matches(const SearchCard& c) const {
  switch (kind) {
    case Kind::All: return true;
    case Kind::And:
      return std::all_of(kids.begin(), kids.end(), [&](const Node& n) { return n.matches(c); });
    case Kind::Or:
      return std::any_of(kids.begin(), kids.end(), [&](const Node& n) { return n.matches(c); });
    case Kind::Not: return !kids[0].matches(c);
    case Kind::Word: return glob(pieces, c.text, false);
    case Kind::Bank: return glob(pieces, c.bank, true);
    case Kind::Topic:
      return std::any_of(c.topics.begin(), c.topics.end(),
                         [&](const std::string& t) { return glob(pieces, t, true); });
    case Kind::Type: return c.type == value;
    case Kind::Is:
      if (value == "new") return c.state == CardState::New;
      if (value == "learning") return is_learning(c.state);
      if (value == "review") return c.state == CardState::Review || c.state == CardState::Relearning;
      if (value == "due") return c.due;
      if (value == "suspended") return c.suspended;
      if (value == "buried") return c.buried;
      if (value == "leech") return c.leech;
      return c.flag != 0;  // flagged
    case Kind::Prop: {
      if (value == "lapses") return compare(c.lapses, op, number);
      if (value == "reps") return compare(c.reps, op, number);
      if (c.state == CardState::New) return false;  // no memory state yet
      if (value == "r") return c.retrievability && compare(*c.retrievability, op, number);
      if (value == "s") return compare(c.stability, op, number);
      if (value == "d") return compare(c.difficulty, op, number);
      return c.due_in_days && compare(static_cast<double>(*c.due_in_days), op, number);  // due
    }
    case Kind::Rated: return c.rated_days_ago && *c.rated_days_ago < static_cast<std::int64_t>(number);
    case Kind::Flag: return c.flag == static_cast<int>(number);
  }
  return false;
}

std::string Search::Node::describe() const {
  auto joined = [&] {
    std::string s;
    for (std::size_t i = 0; i < pieces.size(); ++i) s += (i ? "*" : "") + pieces[i];
    return "\"" + s + "\"";
  };
  auto list = [&](const char* name) {
    std::string s = std::string("(") + name;
    for (const Node& k : kids) s += " " + k.describe();
    return s + ")";
  };
  switch (kind) {
    case Kind::All: return "(all)";
    case Kind::And: return list("and");
    case Kind::Or: return list("or");
    case Kind::Not: return list("not");
    case Kind::Word: return "(word " + joined() + ")";
    case Kind::Bank: return "(bank " + joined() + ")";
    case Kind::Topic: return "(topic " + joined() + ")";
    case Kind::Type: return "(type " + value + ")";
    case Kind::Is: return "(is " + value + ")";
    case Kind::Prop:
      return "(prop " + value + " " + std::string(kOpNames[static_cast<int>(op)]) + " " + format_shortest(number) + ")";
    case Kind::Rated: return "(rated " + format_shortest(number) + ")";
    case Kind::Flag: return "(flag " + format_shortest(number) + ")";
  }
  return "";
}

std::optional<int> flag_from_name(std::string_view name) {
  const std::string n = ascii_lower(name);
  for (int i = 0; i < 8; ++i) {
    if (n == kFlagNames[i] || (n.size() == 1 && n[0] == static_cast<char>('0' + i))) return i;
  }
  return std::nullopt;
}

std::string fold_search_text(std::string_view text) { return normalize_answer_text(text); }

SearchError::SearchError(int column, const std::string& message)
    : std::runtime_error("column " + std::to_string(column) + ": " + message), m_column(column), m_problem(message) {}

namespace {

using Node = Search::Node;
using Kind = Node::Kind;

Node make(Kind k) {
  Node n;
  n.kind = k;
  return n;
}

struct Token {
  enum class Type { Open, Close, Or, And, Minus, Term, End };
  Type type = Type::End;
  std::string text;     ///< Term: its text with quotes removed
  bool quoted = false;  ///< Term: wholly in quotes (never a field)
  std::size_t offset = 0;        ///< byte offset in the query
  std::size_t value_offset = 0;  ///< Term: byte offset just after its first ':' (for messages)
};

class Parser {
 public:
  explicit Parser(std::string_view q) : m_q(q) { tokenize(); }

  Node parse() {
    if (m_tokens.size() == 1) return make(Kind::All);  // only End: every card
    Node n = parse_or();
    const Token& t = m_tokens[m_pos];
    if (t.type == Token::Type::Close) fail(t.offset, "\")\" has no matching \"(\"; remove it or add \"(\" before it");
    return n;
  }

 private:
  [[nodiscard]] int column(std::size_t offset) const {
    return static_cast<int>(code_point_count(m_q.substr(0, offset))) + 1;
  }
  [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
    throw SearchError(column(offset), message);
  }

  void tokenize() {
    std::size_t i = 0;
    while (i < m_q.size()) {
      const char c = m_q[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i;
      } else if (c == '(' || c == ')') {
        m_tokens.push_back({c == '(' ? Token::Type::Open : Token::Type::Close, {}, false, i, 0});
        ++i;
      } else if (c == '-' && i + 1 < m_q.size() && m_q[i + 1] != ' ') {
        m_tokens.push_back({Token::Type::Minus, {}, false, i, 0});
        ++i;
      } else {
        i = read_term(i);
      }
    }
    m_tokens.push_back({Token::Type::End, {}, false, m_q.size(), 0});
  }

  /// One term from `start`: up to white space or a parenthesis outside quotes.
  std::size_t read_term(std::size_t start) {
    Token t{Token::Type::Term, {}, m_q[start] == '"', start, 0};
    std::size_t i = start;
    while (i < m_q.size()) {
      const char c = m_q[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')') break;
      if (c == '"') {
        const std::size_t close = m_q.find('"', i + 1);
        if (close == std::string_view::npos) fail(i, "the quote opened here is not closed; add a closing \"");
        t.text.append(m_q.substr(i + 1, close - i - 1));
        i = close + 1;
        continue;
      }
      if (c == ':' && t.value_offset == 0) t.value_offset = i + 1;
      t.text += c;
      ++i;
    }
    if (t.quoted && i != m_q.find('"', start + 1) + 1) t.quoted = false;  // "a"b: not wholly quoted
    const std::string lower = ascii_lower(t.text);
    if (!t.quoted && lower == "or") t.type = Token::Type::Or;
    if (!t.quoted && lower == "and") t.type = Token::Type::And;
    m_tokens.push_back(std::move(t));
    return i;
  }

  Node parse_or() {
    Node first = parse_and();
    if (m_tokens[m_pos].type != Token::Type::Or) return first;
    Node n = make(Kind::Or);
    n.kids.push_back(std::move(first));
    while (m_tokens[m_pos].type == Token::Type::Or) {
      const Token& op = m_tokens[m_pos++];
      if (!starts_term(m_tokens[m_pos].type)) fail(op.offset, "\"or\" needs a term after it; add one or remove \"or\"");
      n.kids.push_back(parse_and());
    }
    return n;
  }

  static bool starts_term(Token::Type t) {
    return t == Token::Type::Term || t == Token::Type::Minus || t == Token::Type::Open;
  }

  Node parse_and() {
    Node n = make(Kind::And);
    for (;;) {
      const Token& t = m_tokens[m_pos];
      if (t.type == Token::Type::And) {
        ++m_pos;
        if (n.kids.empty() || !starts_term(m_tokens[m_pos].type)) {
          fail(t.offset, "\"and\" needs a term on both sides; add one or remove \"and\"");
        }
        continue;
      }
      if (!starts_term(t.type)) break;
      n.kids.push_back(parse_unary());
    }
    if (n.kids.empty()) {
      const Token& t = m_tokens[m_pos];
      if (t.type == Token::Type::Or) fail(t.offset, "\"or\" needs a term before it; add one or remove \"or\"");
      fail(t.offset, "a term is missing here; add a word or a field such as is:due");
    }
    if (n.kids.size() == 1) return std::move(n.kids[0]);
    return n;
  }

  Node parse_unary() {
    const Token& t = m_tokens[m_pos++];
    if (t.type == Token::Type::Minus) {
      if (!starts_term(m_tokens[m_pos].type)) fail(t.offset, "\"-\" needs a term right after it, as in -is:suspended");
      Node n = make(Kind::Not);
      n.kids.push_back(parse_unary());
      return n;
    }
    if (t.type == Token::Type::Open) {
      if (m_tokens[m_pos].type == Token::Type::Close) {
        fail(t.offset, "the parentheses are empty; put a term inside or remove them");
      }
      Node n = parse_or();
      if (m_tokens[m_pos].type != Token::Type::Close) fail(t.offset, "\"(\" is not closed; add \")\" after its terms");
      ++m_pos;
      return n;
    }
    return term(t);
  }

  Node term(const Token& t) const {
    const std::size_t colon = t.text.find(':');
    if (t.quoted || colon == std::string::npos) return word(t);
    const std::string field = ascii_lower(t.text.substr(0, colon));
    const std::string value = t.text.substr(colon + 1);
    const std::size_t at = t.value_offset;
    if (field != "bank" && field != "topic" && field != "type" && field != "is" && field != "prop" &&
        field != "rated" && field != "flag") {
      fail(t.offset, "unknown field \"" + field + ":\"; use one of " + std::string(kFields) +
                         ", or put the term in quotes to search for the text \"" + t.text + "\"");
    }
    if (value.empty()) fail(at, "\"" + field + ":\" needs a value right after the colon, with no space");
    if (field == "bank" || field == "topic") {
      Node n = make(field == "bank" ? Kind::Bank : Kind::Topic);
      n.pieces = split_stars(ascii_lower(value));
      return n;
    }
    if (field == "type") return type_node(value, at);
    if (field == "is") return is_node(value, at);
    if (field == "prop") return prop_node(value, at);
    if (field == "rated") return rated_node(value, at);
    const auto flag = flag_from_name(value);
    if (!flag) fail(at, "unknown flag \"" + value + "\"; use 0..7 or none, red, orange, green, blue, pink, turquoise, purple");
    Node n = make(Kind::Flag);
    n.number = *flag;
    return n;
  }

  Node word(const Token& t) const {
    Node n = make(Kind::Word);
    bool any = false;
    for (const std::string& piece : split_stars(t.text)) {
      n.pieces.push_back(fold_search_text(piece));
      any = any || !n.pieces.back().empty();
    }
    if (!any) fail(t.offset, "\"" + t.text + "\" has no letters or digits to search for; remove it");
    return n;
  }

  Node type_node(const std::string& value, std::size_t at) const {
    const std::string v = ascii_lower(value);
    if (!question_type_from_string(v)) fail(at, "unknown question type \"" + value + "\"; use one of " + std::string(kTypes));
    Node n = make(Kind::Type);
    n.value = v;
    return n;
  }

  Node is_node(const std::string& value, std::size_t at) const {
    const std::string v = ascii_lower(value);
    static constexpr std::string_view kAll[] = {"new", "learning", "review", "due", "suspended", "buried", "leech", "flagged"};
    if (std::find(std::begin(kAll), std::end(kAll), v) == std::end(kAll)) {
      fail(at, "unknown state \"is:" + value + "\"; use one of " + std::string(kIsValues));
    }
    Node n = make(Kind::Is);
    n.value = v;
    return n;
  }

  Node prop_node(const std::string& value, std::size_t at) const {
    const std::size_t op_at = value.find_first_of("<>=!");
    const std::string key = ascii_lower(value.substr(0, op_at));
    if (key != "r" && key != "s" && key != "d" && key != "lapses" && key != "reps" && key != "due") {
      fail(at, "unknown property \"" + value.substr(0, op_at) + "\"; use one of " + std::string(kProps) +
                   ", as in prop:r<0.8");
    }
    if (op_at == std::string::npos) {
      fail(at + value.size(), "prop:" + key + " needs a comparison and a number, as in prop:" + key + "<3");
    }
    std::size_t len = 1;
    Op op = Op::Equal;
    const std::string_view rest = std::string_view(value).substr(op_at);
    if (rest.starts_with("<=")) op = Op::LessEqual, len = 2;
    else if (rest.starts_with(">=")) op = Op::GreaterEqual, len = 2;
    else if (rest.starts_with("!=")) op = Op::NotEqual, len = 2;
    else if (rest.starts_with("<")) op = Op::Less;
    else if (rest.starts_with(">")) op = Op::Greater;
    else if (rest.starts_with("=")) op = Op::Equal;
    else fail(at + op_at, "\"!\" must be followed by \"=\"; use < <= > >= = or !=");
    const std::string number_text = value.substr(op_at + len);
    const auto number = parse_double(number_text);
    if (!number || !std::isfinite(*number)) {
      fail(at + op_at + len, "prop:" + key + " needs a number after \"" + std::string(kOpNames[static_cast<int>(op)]) +
                                 "\", got \"" + number_text + "\"; write it with a decimal point, as in 0.8");
    }
    if (key == "r" && (*number < 0 || *number > 1)) {
      fail(at + op_at + len, "retrievability is a probability from 0 to 1; write prop:r<0.8 for 80 %");
    }
    Node n = make(Kind::Prop);
    n.value = key;
    n.op = op;
    n.number = *number;
    return n;
  }

  Node rated_node(const std::string& value, std::size_t at) const {
    const auto days = parse_double(value);
    if (!days || *days != std::floor(*days) || *days < 1 || *days > 36500) {
      fail(at, "rated: needs a whole number of days from 1 (today) to 36500, as in rated:7; got \"" + value + "\"");
    }
    Node n = make(Kind::Rated);
    n.number = *days;
    return n;
  }

  std::string_view m_q;
  std::vector<Token> m_tokens;
  std::size_t m_pos = 0;
};

}  // namespace

Search::Search(std::string_view query) : m_root(std::make_unique<Node>(Parser(query).parse())) {}
Search::~Search() = default;
Search::Search(Search&&) noexcept = default;
Search& Search::operator=(Search&&) noexcept = default;

bool Search::matches(const SearchCard& card) const { return m_root->matches(card); }
std::string Search::describe() const { return m_root->describe(); }

}  // namespace casebook::core
