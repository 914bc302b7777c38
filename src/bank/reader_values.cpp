// BankReader's generic value readers: keys allowed in a table, required and typed values,
// lists of strings, ids and their uniqueness, repeats and characters the app cannot show.
#include "bank/reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "bank/suggest.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"

namespace casebook::bank::detail {

void BankReader::keep(Diagnostic d) {
  if (full(d.severity)) {
    ++(d.severity == Severity::Error ? m_dropped_errors : m_dropped_warnings);
    return;
  }
  ++(d.severity == Severity::Error ? m_errors : m_warnings);
  m_diags.push_back(std::move(d));
}

std::optional<std::string> BankReader::suggest(std::string_view word, const std::vector<std::string_view>& candidates,
                                               Severity severity) const {
  if (full(severity)) return std::nullopt;
  return closest_word(word, candidates);
}

void BankReader::note_dropped() {
  const auto note = [&](Severity severity, std::size_t shown, std::size_t dropped, std::string_view what,
                        std::string_view code) {
    if (dropped == 0) return;
    const std::string noun(what);
    m_diags.push_back(Diagnostic{m_path, 0, 0, severity, std::string(code),
                                 "too many " + noun + "s: only the first " + std::to_string(shown) + " are shown; " +
                                     std::to_string(dropped) + " more were left out",
                                 "fix the " + noun + "s shown first, then validate the file again"});
  };
  note(Severity::Error, m_errors, m_dropped_errors, "error", kTooManyErrors);
  note(Severity::Warning, m_warnings, m_dropped_warnings, "warning", kTooManyWarnings);
}

bool BankReader::misplaced_subtable(const toml::parse_error& e) {
  // toml++ says "cannot redefine existing table 'question' as array-of-tables" at the first
  // [[question]] when a [[question.position]] above it already made `question` a table.
  std::string_view what = e.description();  // after "Error while parsing table header: "
  static constexpr std::string_view kStart = "cannot redefine existing table '";
  static constexpr std::string_view kEnd = "' as array-of-tables";
  const std::size_t start = what.find(kStart);
  if (start == std::string_view::npos || !what.ends_with(kEnd)) return false;
  what = what.substr(start + kStart.size());
  const std::string name = core::trim_ascii_space(what.substr(0, what.size() - kEnd.size()));
  const Where at = where_of(e.source());
  if (name.empty() || !std::all_of(name.begin(), name.end(), is_bare_key_char) || at.line < 1 ||
      static_cast<std::size_t>(at.line) > m_line_starts.size()) {
    return false;  // a dotted or quoted name: toml++'s own message
  }
  // The text above the error parses (toml++ stopped at its first error): there `name` is a
  // table made implicitly by the header of its first sub-table, which has that header's place.
  const std::string_view above = m_text.substr(0, m_line_starts[static_cast<std::size_t>(at.line) - 1]);
  toml::table root;
  try {
    root = toml::parse(above, m_path);
  } catch (const toml::parse_error&) {
    return false;
  }
  const toml::table* parent = root[name].as_table();
  if (parent == nullptr || parent->empty()) return false;
  const toml::node* first = nullptr;  // the sub-table whose header made `name`
  std::string_view first_key;
  for (const auto& [key, node] : *parent) {
    const toml::node* table = node.is_array_of_tables() ? node.as_array()->get(0) : &node;
    if (table == nullptr || !table->is_table()) return false;  // `name` has keys of its own: written explicitly
    if (table->source().begin == parent->source().begin) {
      first = &node;
      first_key = key.str();
    }
  }
  if (first == nullptr) return false;  // an explicit [name] table
  const auto header_line = static_cast<std::size_t>(parent->source().begin.line);
  const std::size_t line_start = m_line_starts[header_line - 1];
  std::size_t indent = 0;
  while (line_start + indent < m_text.size() && (m_text[line_start + indent] == ' ' || m_text[line_start + indent] == '\t')) ++indent;
  const bool array = first->is_array_of_tables();
  const std::string shown = (array ? "[[" : "[") + name + "." + std::string(first_key) + (array ? "]]" : "]");
  const bool dilemma = name == "question" && (first_key == "position" || first_key == "case");
  error(Where{static_cast<int>(header_line), static_cast<int>(indent) + 1}, "toml-syntax",
        shown + " comes before any [[" + name + "]]: it must follow the [[" + name + "]]" +
            (dilemma ? " (dilemma)" : "") + " table it belongs to",
        "move it below its [[" + name + "]] table" +
            (dilemma ? std::string(", whose type is \"dilemma\"") : std::string()));
  return true;
}

void BankReader::syntax_error(const toml::parse_error& e) {
  if (misplaced_subtable(e)) return;
  std::string what(e.description());
  // toml++ says "Error while parsing key-value pair: <detail>"; keep the detail.
  static constexpr std::string_view kPrefix = "Error while parsing ";
  if (what.rfind(kPrefix, 0) == 0) {
    const std::size_t colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
  }
  std::string hint = "fix the TOML syntax here (TOML 1.0: quotes, brackets, commas, one key per line)";
  if (what.find("nested value depth") != std::string::npos) {
    hint = "nest lists and tables less deeply; a bank needs at most 3 levels";
  } else if (what.find("redefine") != std::string::npos) {
    hint = "each key may appear once per table; remove or rename the second one";
  } else if (what.find("after '\\r'") != std::string::npos) {
    hint = "the file ends its lines with a lone carriage return (CR, as old Mac files do): save it with LF or CRLF line endings";
  } else if (what.find("control characters") != std::string::npos) {
    // The character toml++ stopped at: a line break ends a "..." string too early; any other
    // control character (NUL, ESC, ...) is in the text itself.
    const Where at = where_of(e.source());
    const char c = at.line >= 1 && static_cast<std::size_t>(at.line) <= m_line_starts.size() ? char_at(at) : '\n';
    if (c == '\n' || c == '\r') {
      hint = "a \"...\" string must end on its line: close the quote, or use \"\"\"...\"\"\" for text on several lines";
    } else {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      hint = std::string("remove the invisible control character ") + code + (c == '\0' ? " (NUL)" : "") +
             " here; if the text needs it, write an escape such as \\t or \\u0007";
    }
  } else if (what.find("UTF-8") != std::string::npos || what.find("utf-8") != std::string::npos) {
    // toml++ places this error at the character before the bad byte (everything before it
    // was read as UTF-8): the first ill-formed byte from that line on is the one, named with
    // its value.
    const Where reported = where_of(e.source());
    const bool known = reported.line >= 1 && static_cast<std::size_t>(reported.line) <= m_line_starts.size();
    for (std::size_t at = known ? m_line_starts[static_cast<std::size_t>(reported.line) - 1] : 0; at < m_text.size();) {
      const core::Utf8Char c = core::decode_utf8_at(m_text, at);
      if (!c.valid) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(m_text[at])));
        error(where_in_text(at), "toml-syntax",
              std::string("invalid UTF-8: the byte ") + byte + " does not make a character here",
              "save the file as UTF-8 (an editor's 'Save with encoding: UTF-8'), or retype the character here");
        return;
      }
      at += c.length;
    }
    hint = "save the file as UTF-8";
  }
  error(where_of(e.source()), "toml-syntax", "invalid TOML: " + what, hint);
}

void BankReader::check_keys(const toml::table& t, const std::vector<std::string_view>& allowed,
                            const Context& ctx, const std::vector<std::string_view>& other_type_keys,
                            const std::vector<std::string_view>& format2_keys) {
  for (const auto& [key, value] : t) {
    const std::string_view k = key.str();
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    const Where at = where_of(key.source());
    const auto near = suggest(k, allowed);
    const std::string did_you_mean = near ? "did you mean " + ticked(*near) + "?" : std::string();
    if (near && t.get(*near) == nullptr) m_misspelt.emplace_back(&t, *near);
    if (std::find(format2_keys.begin(), format2_keys.end(), k) != format2_keys.end()) {
      const std::string shown = k == "generators" ? "[generators]"
                                : k == "facts"    ? "`facts`"
                                                  : "[[" + std::string(k) + "]]";
      error(at, "needs-format-2", shown + " needs bank format 2",
            "set `format = 2` in [bank] to use fact tables and generators (docs/bank-format.md)");
      continue;
    }
    if (std::find(other_type_keys.begin(), other_type_keys.end(), k) != other_type_keys.end()) {
      std::string hint = "remove " + ticked(k) + ", or change `type`";
      if (near) hint += "; " + did_you_mean;
      error(at, "key-not-for-type",
            ticked(k) + " does not apply to a " + (m_type ? core::to_string(*m_type) : "") + " question", hint);
      continue;
    }
    error(at, "unknown-key", "unknown key " + ticked(k) + " in " + ctx.name,
          near ? did_you_mean : "the keys allowed here are " + join_quoted(allowed));
  }
}

char BankReader::char_at(Where at) const {
  const auto line = static_cast<std::size_t>(at.line);
  const std::size_t start = m_line_starts[line - 1];
  const std::size_t end = line < m_line_starts.size() ? m_line_starts[line] : m_text.size();
  const std::string_view text = m_text.substr(start, end - start);
  const std::size_t offset = core::utf8_offset(text, static_cast<std::size_t>(std::max(at.column, 1) - 1));
  return offset < text.size() ? text[offset] : '\n';
}

const toml::node* BankReader::require(const toml::table& t, std::string_view key, const Context& ctx) {
  const toml::node* n = t.get(key);
  const auto misspelt = [&] {
    return std::any_of(m_misspelt.begin(), m_misspelt.end(), [&](const auto& m) { return m.first == &t && m.second == key; });
  };
  if (n == nullptr && !misspelt()) {
    error(ctx.at, "missing-key", ctx.name + " has no " + ticked(key), "add `" + example(key, m_type) + "`");
  }
  return n;
}

void BankReader::wrong_type(const toml::node& n, std::string_view key, std::string_view expected) {
  error(where_of(n), "wrong-type", ticked(key) + " must be " + std::string(expected) + ", not " + type_name(n),
        "write it like `" + example(key, m_type) + "`");
}

std::optional<Located> BankReader::get_string(const toml::table& t, std::string_view key, const Context& ctx,
                                              Need need, IfEmpty if_empty) {
  const toml::node* n = need == Need::Required ? require(t, key, ctx) : t.get(key);
  if (n == nullptr) return std::nullopt;
  const auto* s = n->as_string();
  if (s == nullptr) {
    wrong_type(*n, key, "a string");
    return std::nullopt;
  }
  Located out{reflow(s->get()), where_of(*n)};
  warn_unrenderable(out);
  if (core::is_blank(out.text)) {
    if (if_empty == IfEmpty::Error) {
      error(out.at, "empty-value", ticked(key) + " is empty in " + ctx.name, "write the text between the quotes");
    } else if (if_empty == IfEmpty::Warn) {
      warning(out.at, "empty-" + std::string(key), ticked(key) + " is empty in " + ctx.name,
              "say why the answer is right, in your own words, and where the source says so");
    }
  }
  return out;
}

std::optional<double> BankReader::get_number(const toml::table& t, std::string_view key, const Context& ctx,
                                             Need need) {
  const toml::node* n = need == Need::Required ? require(t, key, ctx) : t.get(key);
  if (n == nullptr) return std::nullopt;
  double v = 0.0;
  if (const auto* i = n->as_integer()) {
    v = static_cast<double>(i->get());
  } else if (const auto* f = n->as_floating_point()) {
    v = f->get();
  } else {
    wrong_type(*n, key, "a number");
    return std::nullopt;
  }
  if (!std::isfinite(v)) {
    error(where_of(*n), "bad-number", ticked(key) + " must be a finite number", "write a plain number such as 50 or 2.5");
    return std::nullopt;
  }
  return v;
}

std::optional<std::vector<Located>> BankReader::get_strings(const toml::table& t, std::string_view key,
                                                            const Context& ctx, Need need, std::size_t min_count,
                                                            std::string_view too_few_code, std::string_view what) {
  const toml::node* n = need == Need::Required ? require(t, key, ctx) : t.get(key);
  if (n == nullptr) return std::nullopt;
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    wrong_type(*n, key, "a list of strings");
    return std::nullopt;
  }
  std::vector<Located> out;
  bool ok = true;
  for (const auto& element : *arr) {
    const auto* s = element.as_string();
    if (s == nullptr) {
      error(where_of(element), "wrong-type",
            "each entry of " + ticked(key) + " must be a string, not " + type_name(element),
            "put the text in double quotes, e.g. `" + example(key, m_type) + "`");
      ok = false;
      continue;
    }
    if (core::is_blank(s->get())) {
      error(where_of(element), "empty-value", "an entry of " + ticked(key) + " is empty in " + ctx.name,
            "write the text, or remove the empty entry");
      ok = false;
      continue;
    }
    out.push_back(Located{reflow(s->get()), where_of(element)});
    warn_unrenderable(out.back());
  }
  if (!ok) return std::nullopt;
  if (out.size() < min_count) {
    too_few(where_of(*n), too_few_code, ctx, out.size(), min_count, what, "add " + std::string(what) + "s to " + ticked(key));
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> BankReader::get_id(const toml::table& t, const Context& ctx) {
  auto id = get_string(t, "id", ctx, Need::Required);
  if (!id || core::is_blank(id->text)) return std::nullopt;
  if (!is_plain_id(id->text)) {
    error(id->at, "bad-id", "id " + ticked(id->text) + " in " + ctx.name + " has characters ids may not use",
          "use ASCII letters, digits, '-', '_' or '.', e.g. `" + slug(id->text) + "`");
    // Still returned, so that references to it do not add errors of their own.
  }
  return id->text;
}

/// The list of tables under `key` (`[[key]]`), or nullptr after reporting its wrong shape.
const toml::array* BankReader::get_tables(const toml::node& n, std::string_view key) {
  const auto* arr = n.as_array();
  if (arr == nullptr) {
    error(where_of(n), "wrong-type", ticked(key) + " must be a list of tables, not " + type_name(n),
          "write each one as a [[" + std::string(key) + "]] table (two brackets)");
    return nullptr;
  }
  for (const auto& element : *arr) {
    if (!element.is_table()) {
      error(where_of(element), "wrong-type",
            "each entry of " + ticked(key) + " must be a table, not " + type_name(element),
            "write each one as a [[" + std::string(key) + "]] table (two brackets)");
    }
  }
  return arr;
}

void BankReader::note_id(std::map<std::string, int>& seen, const std::string& id, Where at, std::string_view what,
                         std::string_view scope, std::string_view hint) {
  if (const auto [it, fresh] = seen.emplace(id, at.line); !fresh) {
    error(at, "duplicate-id",
          std::string(what) + " id " + ticked(id) + " is used twice" + std::string(scope) + " (first at line " +
              std::to_string(it->second) + ")",
          std::string(hint));
  }
}

void BankReader::warn_unrenderable(const Located& v) {
  // Printable ASCII, tab and line feed need no look: most text, checked byte by byte only.
  if (std::all_of(v.text.begin(), v.text.end(), [](char c) { return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t'; })) {
    return;
  }
  bool wide = false;
  bool control = false;
  for (std::size_t i = 0; i < v.text.size() && !(wide && control);) {
    const core::Utf8Char c = core::decode_utf8_at(v.text, i);
    const char32_t cp = c.code_point;
    if (c.valid && cp > 0xFFFF && !wide) {
      wide = true;
      warning(v.at, "unrenderable-character",
              "the text has a character above U+FFFF (" + v.text.substr(i, c.length) +
                  ") that the app cannot display or let a learner type",
              "write it in words or leave it out (emoji and rare CJK or maths letters)");
    }
    // C0 controls but tab and line breaks (a CR before LF is a CRLF line end), DEL, C1 controls:
    // invisible on screen, and an escape sequence when printed to a terminal.
    const bool crlf = cp == U'\r' && i + 1 < v.text.size() && v.text[i + 1] == '\n';
    const bool is_control = c.valid && ((cp < 0x20 && cp != U'\n' && cp != U'\t' && !crlf) || (cp >= 0x7F && cp <= 0x9F));
    if (is_control && !control) {
      control = true;
      static constexpr char kHex[] = "0123456789ABCDEF";
      const std::string code = std::string("U+00") + kHex[(cp >> 4) & 0xF] + kHex[cp & 0xF];
      warning(v.at, "control-character",
              "the text has a control character (" + code +
                  ") that the app shows as nothing and that would garble a terminal",
              "delete it (an escape such as \\u001b or \\r written in the string); write a line break as a "
              "real line break");
    }
    i += c.length;
  }
}

void BankReader::warn_repeats(const std::vector<Located>& values, std::string_view what) {
  // Short lists (ids of an event's actors, choices) are compared pairwise, without a hash map.
  constexpr std::size_t kShort = 16;
  std::unordered_map<std::string_view, std::size_t> first;  // text -> index of its first use
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::size_t earliest = i;
    if (values.size() <= kShort) {
      for (std::size_t j = 0; j < i && earliest == i; ++j) earliest = values[j].text == values[i].text ? j : i;
    } else {
      earliest = first.emplace(values[i].text, i).first->second;
    }
    if (earliest == i) continue;
    const Located& earlier = values[earliest];
    warning(values[i].at, "repeated-choice",
            std::string(what) + " " + ticked(values[i].text) + " is repeated (first at line " +
                std::to_string(earlier.at.line) + ", column " + std::to_string(earlier.at.column) + ")",
            "remove the repeat");
  }
}

namespace {

/// `text` in TOML escapes, so that what differs between look-alikes shows: every character
/// outside printable ASCII as \uXXXX (or \UXXXXXXXX), a double space as it is.
std::string escaped(std::string_view text) {
  std::string out;
  for (const char32_t cp : core::decode_utf8(text, core::InvalidUtf8::Replace)) {
    if (cp >= 0x20 && cp < 0x7F && cp != '\\' && cp != '"') {
      out += static_cast<char>(cp);
      continue;
    }
    char buf[16];
    if (cp == '\\' || cp == '"') {
      std::snprintf(buf, sizeof buf, "\\%c", static_cast<char>(cp));
    } else {
      std::snprintf(buf, sizeof buf, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", static_cast<unsigned>(cp));
    }
    out += buf;
  }
  return out;
}

}  // namespace

void BankReader::warn_look_alikes(const std::vector<Located>& values, std::string_view what) {
  std::vector<std::string> seen;
  seen.reserve(values.size());
  for (const auto& v : values) seen.push_back(core::as_seen(v.text));
  for (std::size_t i = 0; i < values.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (values[j].text == values[i].text) break;  // an exact repeat: warn_repeats says so
      if (seen[j] != seen[i]) continue;
      warning(values[i].at, "look-alike-choice",
              std::string(what) + " " + ticked(values[i].text) + " looks the same on screen as " + ticked(values[j].text) +
                  " (line " + std::to_string(values[j].at.line) + ", column " + std::to_string(values[j].at.column) +
                  ") but is written differently: \"" + escaped(values[i].text) + "\" against \"" + escaped(values[j].text) +
                  "\" (Unicode composition, invisible characters or spacing)",
              "write both the same way, or make them differ in words a learner can see");
      break;
    }
  }
}

std::vector<std::string> BankReader::read_refs(const toml::table& t, std::string_view key, const Context& ctx,
                                               const std::vector<std::string_view>& known, std::string_view code,
                                               std::string_view what) {
  std::vector<std::string> out;
  auto refs = get_strings(t, key, ctx, Need::Optional, 0, "", what);
  if (!refs) return out;
  for (const auto& r : *refs) {
    out.push_back(r.text);
    if (std::binary_search(known.begin(), known.end(), std::string_view(r.text))) continue;
    const auto near = suggest(r.text, known);
    error(r.at, std::string(code), std::string(what) + " " + ticked(r.text) + " in " + ctx.name + " does not exist",
          near ? "did you mean " + ticked(*near) + "?"
               : what == "fact" ? std::string("write the id of an [[event]], [[actor]], [[term]] or [[figure]]")
                                : "write the id of an [[" + std::string(what) + "]]");
  }
  warn_repeats(*refs, what);
  return out;
}

}  // namespace casebook::bank::detail
