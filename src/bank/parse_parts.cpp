// A large bank's TOML parsed in two parts on two threads (see parse_parts.hpp). Correctness
// rests on one argument: when the first part parses alone, the cut lies between two
// top-level statements (a cut inside a string, array or inline table leaves the first part
// unterminated, which toml++ reports), and the second part starts with a `[[name]]` header.
// Parsing the whole text then differs from parsing the parts only where the second part
// refers to what the first defined: appending to `name` (allowed when the first part's
// `name` is an array made by `[[name]]` headers, whose tables are not inline) and naming a
// table the first part also has (never merged: the whole text is parsed instead). toml++
// also gives the root table and each array the source region of what it holds, up to the end
// of the text parsed: so the second part's root is kept, and the second part starts with a
// copy of the first part's first `[[name]]` line at its place, which makes its `name` array
// begin where the whole file's does; that copy's empty table is then replaced by the first
// part's tables.
#include "bank/parse_parts.hpp"

#include <algorithm>
#include <iterator>
#include <thread>
#include <utility>

#include "bank/reader.hpp"
#include "core/beside.hpp"

namespace casebook::bank::detail {

namespace {

/// The bare name of a `[[name]]` header at `at` (spaces and tabs allowed inside the
/// brackets), or "" when the line starts otherwise.
std::string_view table_array_name(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) != "[[") return {};
  std::size_t i = at + 2;
  const auto blanks = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  blanks();
  const std::size_t start = i;
  while (i < text.size() && is_bare_key_char(text[i])) ++i;
  const std::string_view name = text.substr(start, i - start);
  blanks();
  return text.substr(i, 2) == "]]" ? name : std::string_view{};
}

/// One part scanned and parsed, or nullopt when a scan refuses it or toml++ cannot parse it.
std::optional<toml::table> parse_part(std::string_view part, const std::string& path) {
  if (find_overlong_key(part) || find_unsafe_toml(part)) return std::nullopt;
  try {
    return toml::parse(part, path);
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
}

/// The offset of the first line of `text` that is the header `[[name]]` (its name bare), or
/// npos. It may lie in a multi-line string: merge() checks where it was parsed.
std::size_t first_header(std::string_view text, std::string_view name) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text.compare(at, 2, "[[") == 0 && table_array_name(text, at) == name) return at;
    at = text.find('\n', at);
    if (at == std::string_view::npos) break;
  }
  return std::string_view::npos;
}

bool same(const toml::source_region& a, const toml::source_region& b) { return a.begin == b.begin && a.end == b.end; }

/// Moves `first`'s top-level entries into `second` as one parse of both texts would have made
/// them, `first`'s tables of `name` before `second`'s (whose first table, when `copied`, is the
/// copy of the first part's first `[[name]]` line); false when that cannot be shown (see the
/// file comment), and then both may be partly moved.
bool merge(toml::table& first, toml::table& second, std::string_view name, bool copied) {
  toml::array* later = second[name].as_array();
  if (later == nullptr || later->empty()) return false;
  const auto before = first.find(name);
  if (copied != (before != first.end())) return false;
  toml::array* earlier = nullptr;
  if (copied) {
    earlier = before->second.as_array();
    if (earlier == nullptr || earlier->empty()) return false;
    const toml::table* last = earlier->back().as_table();
    if (last == nullptr || last->is_inline()) return false;  // an inline array: `name = [...]`
    const toml::table* copy = later->front().as_table();
    if (copy == nullptr || !copy->empty() || earlier->source().begin != later->source().begin ||
        !same(before->first.source(), second.find(name)->first.source())) {
      return false;  // the copied line is not where the first part's array began
    }
  }
  for (const auto& [key, node] : first) {
    if (key.str() != name && second.contains(key.str())) return false;  // a table named in both parts
  }
  if (copied) {
    later->erase(later->begin());
    later->insert(later->begin(), std::make_move_iterator(earlier->begin()), std::make_move_iterator(earlier->end()));
  }
  for (auto& [key, node] : first) {
    if (key.str() != name) second.insert(key, std::move(node));
  }
  return true;
}

}  // namespace

std::optional<std::size_t> find_parts_cut(std::string_view text) {
  for (std::size_t at = text.size() / 2; at < text.size();) {
    const std::size_t nl = text.find("\n[[", at);
    if (nl == std::string_view::npos) return std::nullopt;
    if (!table_array_name(text, nl + 1).empty()) return nl + 1;
    at = nl + 1;
  }
  return std::nullopt;
}

std::optional<toml::table> parse_in_parts(std::string_view text, const std::string& path, std::size_t min_bytes,
                                          bool force) {
  if (!force && (text.size() < min_bytes || std::thread::hardware_concurrency() < 2)) return std::nullopt;
  const auto cut = find_parts_cut(text);
  if (!cut) return std::nullopt;
  const std::string_view head = text.substr(0, *cut);
  const std::string_view name = table_array_name(text, *cut);
  // The second part keeps the whole file's line numbers: it starts with as many line breaks as
  // the first part has (toml++ skips blank lines quickly; the cut is a line start, so columns
  // need nothing), one of them replaced by the first part's first [[name]] line.
  const auto lines = [](std::string_view t) { return static_cast<std::size_t>(std::count(t.begin(), t.end(), '\n')); };
  std::string tail;
  tail.reserve(text.size() - *cut + lines(head));
  const std::size_t header = first_header(head, name);
  const bool copied = header != std::string_view::npos;
  if (copied) {
    const std::size_t above = lines(head.substr(0, header));
    const std::size_t end = head.find('\n', header);  // not npos: head ends with a line break
    tail.assign(above, '\n');
    tail.append(head.substr(header, end + 1 - header));
    tail.append(lines(head) - above - 1, '\n');
  } else {
    tail.assign(lines(head), '\n');
  }
  tail.append(text.substr(*cut));
  std::optional<toml::table> second;
  auto later = core::start_beside([&] { second = parse_part(tail, path); });
  std::optional<toml::table> first = parse_part(head, path);
  core::finish_beside(later);
  if (!first || !second || !merge(*first, *second, name, copied)) return std::nullopt;
  return second;
}

}  // namespace casebook::bank::detail
