#include "interchange/common.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include "core/number.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"

namespace casebook::interchange {

std::string slugify(std::string_view text, std::size_t max_length) {
  // Decompose and drop combining marks, so "é" gives "e"; other scripts become separators.
  const std::string folded =
      core::map_utf8(text, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT);
  std::string out;
  bool pending_dash = false;
  for (const char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
    if (keep || (c >= 'A' && c <= 'Z')) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += lower;
    } else {
      pending_dash = true;
    }
  }
  if (out.size() > max_length) {
    std::size_t cut = out.rfind('-', max_length);
    if (cut == std::string::npos || cut < max_length / 2) cut = max_length;
    out.resize(cut);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out;
}

namespace {

/// Named character references worth decoding in question text (HTML 4 Latin-1 subset and
/// typography); anything else is left as written.
const std::map<std::string, std::uint32_t, std::less<>>& named_entities() {
  static const std::map<std::string, std::uint32_t, std::less<>> kEntities = {
      {"amp", '&'},     {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
      {"nbsp", 0xA0},   {"iexcl", 0xA1},   {"copy", 0xA9},    {"laquo", 0xAB},   {"raquo", 0xBB},
      {"reg", 0xAE},    {"deg", 0xB0},     {"plusmn", 0xB1},  {"middot", 0xB7},  {"iquest", 0xBF},
      {"times", 0xD7},  {"divide", 0xF7},  {"eacute", 0xE9},  {"egrave", 0xE8},  {"ecirc", 0xEA},
      {"aacute", 0xE1}, {"agrave", 0xE0},  {"acirc", 0xE2},   {"iacute", 0xED},  {"oacute", 0xF3},
      {"ocirc", 0xF4},  {"uacute", 0xFA},  {"ntilde", 0xF1},  {"ccedil", 0xE7},  {"uuml", 0xFC},
      {"ouml", 0xF6},   {"auml", 0xE4},    {"szlig", 0xDF},   {"Eacute", 0xC9},  {"Aacute", 0xC1},
      {"Oacute", 0xD3}, {"Uacute", 0xDA},  {"Ntilde", 0xD1},  {"ndash", 0x2013}, {"mdash", 0x2014},
      {"lsquo", 0x2018},{"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026},
      {"euro", 0x20AC}, {"bull", 0x2022},  {"shy", 0xAD},     {"thinsp", 0x2009},
  };
  return kEntities;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Decodes one reference starting at s[i] == '&'; returns bytes consumed (0 if none).
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out) {
  const std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 12 || semi == i + 1) return 0;
  const std::string_view name = s.substr(i + 1, semi - i - 1);
  std::uint32_t cp = 0;
  if (name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty()) return 0;
    char* end = nullptr;
    const unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (*end != '\0' || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    cp = static_cast<std::uint32_t>(v);
  } else {
    const auto it = named_entities().find(name);
    if (it == named_entities().end()) return 0;
    cp = it->second;
  }
  core::append_utf8(out, static_cast<char32_t>(cp));
  return semi - i + 1;
}

/// Collapses runs of spaces and tabs, trims each line, and keeps at most one blank line.
std::string tidy_lines(std::string_view text) {
  std::string out;
  std::string line;
  int blank_run = 0;
  auto flush = [&](bool last) {
    const std::string t = core::trim_ascii_space(line);
    line.clear();
    if (t.empty()) {
      ++blank_run;
    } else {
      if (!out.empty()) out += (blank_run > 0 ? "\n\n" : "\n");
      out += t;
      blank_run = 0;
    }
    (void)last;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      flush(false);
    } else if (c == ' ' || c == '\t' || c == '\r') {
      if (!line.empty() && line.back() != ' ') line += ' ';
    } else {
      line += c;
    }
  }
  flush(true);
  return out;
}

}  // namespace

std::string html_to_text(std::string_view html, bool* dropped_image) {
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      if (html.substr(i, 4) == "<!--") {
        const std::size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      const std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) {  // a lone '<' is text
        out += c;
        ++i;
        continue;
      }
      std::string tag = lower_ascii(html.substr(i + 1, end - i - 1));
      const bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.erase(0, 1);
      const std::size_t name_end = tag.find_first_of(" \t\r\n/");
      const std::string name = tag.substr(0, name_end);
      if (!closing && (name == "script" || name == "style")) {
        const std::size_t close = lower_ascii(html.substr(end)).find("</" + name);
        i = close == std::string::npos ? html.size() : end + close;
        continue;
      }
      if (name == "img" && dropped_image != nullptr) *dropped_image = true;
      if (name == "br" || (closing && (name == "p" || name == "div" || name == "li" || name == "tr" ||
                                       name == "h1" || name == "h2" || name == "h3"))) {
        out += '\n';
      } else if (name == "td" || name == "th") {
        out += ' ';
      }
      i = end + 1;
    } else if (c == '&') {
      const std::size_t used = decode_entity(html, i, out);
      if (used == 0) {
        out += c;
        ++i;
      } else {
        i += used;
      }
    } else if (c == '\n' || c == '\r') {
      out += ' ';  // in HTML a line break in the source is a space
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  // A no-break space from &nbsp; is layout; make it a plain space before tidying.
  std::string plain;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (static_cast<unsigned char>(out[k]) == 0xC2 && k + 1 < out.size() &&
        static_cast<unsigned char>(out[k + 1]) == 0xA0) {
      plain += ' ';
      ++k;
    } else {
      plain += out[k];
    }
  }
  return tidy_lines(plain);
}

namespace detail {

LineReader::LineReader(std::string_view text) : m_rest(text) {
  if (m_rest.substr(0, 3) == "\xEF\xBB\xBF") m_rest.remove_prefix(3);
}

bool LineReader::next(std::string_view& line) {
  if (m_rest.empty()) return false;
  const std::size_t stop = m_rest.find_first_of("\r\n");
  line = m_rest.substr(0, stop);
  std::size_t skip = stop == std::string_view::npos ? m_rest.size() : stop + 1;
  if (stop != std::string_view::npos && m_rest[stop] == '\r' && stop + 1 < m_rest.size() && m_rest[stop + 1] == '\n') ++skip;
  m_rest.remove_prefix(skip);
  ++m_line;
  return true;
}

BankBuilder::BankBuilder(std::string path, std::string format_name, const ImportOptions& options)
    : m_path(std::move(path)), m_format(std::move(format_name)), m_on_question(options.on_question) {
  const std::string file_name = std::filesystem::path(m_path).filename().string();
  core::BankInfo& info = m_result.bank.info;
  info.id = options.bank_id.empty() ? slugify(std::filesystem::path(m_path).stem().string()) : options.bank_id;
  if (info.id.empty()) info.id = "imported";
  info.title = options.title.empty() ? "Imported from " + file_name : options.title;
  info.version = "1.0.0";
  info.language = options.language.empty() ? "en" : options.language;
  info.format = 1;
  info.description = "Imported by casebook import from " + m_format + " file " + file_name +
                     "; paragraph numbers are the questions' order in that file.";
  m_result.bank.sources.push_back(
      core::Source{"imported", m_format + " file " + file_name + " (imported with casebook import)", {}, {}});
}

std::string BankBuilder::topic_id(std::string_view title) {
  std::string id = slugify(title);
  if (id.empty()) id = "topic";
  if (const auto it = m_topic_by_title.find(std::string(title)); it != m_topic_by_title.end()) return it->second;
  std::string unique = id;
  for (int k = 2; m_topic_ids.count(unique) > 0; ++k) unique = id + "-" + std::to_string(k);
  m_topic_ids.insert(unique);
  m_topic_by_title.emplace(std::string(title), unique);
  m_result.bank.topics.push_back(core::Topic{unique, std::string(title)});
  return unique;
}

void BankBuilder::add_topic(std::string_view topic_title) {
  if (!core::is_blank(topic_title)) (void)topic_id(topic_title);
}

/// Text in the bank's model (docs/bank-format.md): each line break of the imported text
/// becomes a paragraph break, because a single break in a bank string reads as a space.
std::string as_paragraphs(std::string_view text) {
  std::string out;
  std::string line;
  auto flush = [&] {
    const std::string t = core::trim_ascii_space(line);
    line.clear();
    if (t.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += t;
  };
  for (const char c : text) {
    if (c == '\n' || c == '\r') flush();
    else line += c;
  }
  flush();
  return out;
}

namespace {

/// Text in the bank's model, with every "[@" written "[ @": in a bank "[@" starts an inline
/// citation, and the imported bank has no source the marker could name. Sets `defused`.
std::string bank_text(std::string_view text, bool& defused) {
  std::string out = as_paragraphs(text);
  for (std::size_t at = out.find("[@"); at != std::string::npos; at = out.find("[@", at + 2)) {
    out.insert(at + 1, " ");
    defused = true;
  }
  return out;
}

}  // namespace

void BankBuilder::add(core::Question q, std::string_view id_hint, std::string_view topic_title) {
  bool defused = false;
  for (std::string* s : {&q.prompt, &q.explanation, &q.scenario, &q.model_answer}) *s = bank_text(*s, defused);
  for (auto& c : q.choices) c.text = bank_text(c.text, defused);
  for (auto& a : q.accepted) a = as_paragraphs(a);
  for (auto& i : q.items) i = bank_text(i, defused);
  for (auto& p : q.pairs) {
    p.left = bank_text(p.left, defused);
    p.right = bank_text(p.right, defused);
  }
  if (defused) {
    warning(q.pos.line, "citation-marker-defused",
            "`[@` would start an inline citation of a source the imported bank does not have; written as `[ @`",
            "add the [[source]] and restore the marker, or reword the text");
  }
  const std::size_t ordinal = ++m_result.imported;  // 1-based, in file order
  std::string base = slugify(core::is_blank(id_hint) ? std::string_view(q.prompt) : id_hint);
  if (base.empty()) base = "q" + std::to_string(ordinal);
  std::string id = base;
  int& k = m_next_suffix[base];  // 100,000 questions with one prompt must not cost n^2 probes
  if (k < 2) k = 2;
  for (; m_question_ids.count(id) > 0; ++k) id = base + "-" + std::to_string(k);
  m_question_ids.insert(id);
  q.id = id;
  q.source.source_id = "imported";
  q.source.paragraphs = {static_cast<int>(ordinal)};
  if (!core::is_blank(topic_title)) q.topics = {topic_id(topic_title)};
  q.pos.file = m_path;
  if (m_on_question) {
    m_on_question(q);
  } else {
    m_result.bank.questions.push_back(std::move(q));
  }
}

void BankBuilder::report(core::Severity severity, int line, int column, std::string code, std::string message,
                         std::string hint) {
  core::Diagnostic d;
  d.file = m_path;
  d.line = line;
  d.column = line > 0 ? column : 0;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  d.hint = std::move(hint);
  if (severity == core::Severity::Error) ++m_result.skipped;
  m_result.diagnostics.push_back(std::move(d));
}

void BankBuilder::error(int line, std::string code, std::string message, std::string hint) {
  report(core::Severity::Error, line, 1, std::move(code), std::move(message), std::move(hint));
}

void BankBuilder::error_at(int line, int column, std::string code, std::string message, std::string hint) {
  report(core::Severity::Error, line, column, std::move(code), std::move(message), std::move(hint));
}

void BankBuilder::warning(int line, std::string code, std::string message, std::string hint) {
  report(core::Severity::Warning, line, 1, std::move(code), std::move(message), std::move(hint));
}

ImportResult BankBuilder::finish() {
  m_result.bank.path = m_path;
  std::stable_sort(m_result.diagnostics.begin(), m_result.diagnostics.end(),
                   [](const core::Diagnostic& a, const core::Diagnostic& b) { return a.line < b.line; });
  return std::move(m_result);
}

bool check_text(std::string_view text, BankBuilder& out) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
      ++i;
      continue;
    }
    if (c < 0x20 && c != '\t' && c != '\r') {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      out.error_at(line, column, "encoding", std::string("control character ") + code +
                   " (a binary file?); nothing was imported", "save the questions as a UTF-8 text file");
      return false;
    }
    const core::Utf8Char ch = core::decode_utf8_at(text, i);
    if (!ch.valid) {
      out.error_at(line, column, "encoding", "the file is not UTF-8 here; nothing was imported",
                   "save the file as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)");
      return false;
    }
    i += ch.length;
    ++column;
  }
  return true;
}

std::optional<double> parse_finite(std::string_view s) {
  return core::parse_double(core::trim_ascii_space(s));
}

}  // namespace detail
}  // namespace casebook::interchange
