// The text helpers the report writers share (report/text.hpp).
#include "report/report.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "report/text.hpp"

namespace casebook::report {

namespace detail {

namespace {

/// True when `text` at `i` starts "_x", one to four hex digits and "_": the OOXML escape of a
/// UTF-16 code unit (ECMA-376 says four digits, which Excel decodes; LibreOffice also decodes
/// shorter ones such as "_x4_").
bool looks_like_ooxml_escape(std::string_view text, std::size_t i) {
  if (i + 4 > text.size() || text[i] != '_' || text[i + 1] != 'x') return false;
  std::size_t k = i + 2;
  while (k < text.size() && k < i + 6 && std::isxdigit(static_cast<unsigned char>(text[k])) != 0) ++k;
  return k > i + 2 && k < text.size() && text[k] == '_';
}

}  // namespace

std::string visible_text(std::string_view text) {
  const std::string value = core::valid_utf8(text);
  // Control characters become visible symbols (core::show_control_characters), except CR,
  // which that maps too but a CRLF line break in a text must keep.
  std::string out;
  out.reserve(value.size());
  std::size_t from = 0;
  for (std::size_t cr = value.find('\r'); ; cr = value.find('\r', from)) {
    out += core::show_control_characters(std::string_view(value).substr(from, cr == std::string::npos ? std::string::npos : cr - from));
    if (cr == std::string::npos) break;
    out += '\r';
    from = cr + 1;
  }
  return out;
}

std::string xlsx_cell_text(std::string_view text, bool* cut) {
  if (cut != nullptr) *cut = false;
  // Most cells are short printable ASCII without an underscore: nothing to escape or cut.
  if (text.size() <= kMaxCellBytes &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7e && c != '_'; })) {
    return std::string(text);
  }
  const std::string value = visible_text(text);
  std::string out;
  out.reserve(std::min(value.size() + 16, kMaxCellBytes));
  const std::size_t room = kMaxCellBytes - kCellCutMarker.size();
  std::size_t fits = 0;  // bytes of `out` that fit with the marker after them
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t next = i + core::decode_utf8_at(value, i).length;
    // "_x0041_" would show as "A": its underscore is written as the escape "_x005F_".
    const std::string_view piece(value.data() + i, next - i);
    const bool protect = looks_like_ooxml_escape(value, i);
    const std::size_t grow = piece.size() + (protect ? 6 : 0);
    if (out.size() + grow <= room) fits = out.size() + grow;
    if (out.size() + grow > kMaxCellBytes) {
      out.resize(fits);
      out += kCellCutMarker;
      if (cut != nullptr) *cut = true;
      return out;
    }
    if (protect) out += "_x005F";
    out += piece;
    i = next;
  }
  return out;
}

std::string csv_field(std::string_view text) {
  std::string value = visible_text(text);
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string csv_text_field(std::string_view text) {
  if (!text.empty()) {
    switch (text.front()) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r':
        return csv_field("'" + std::string(text));
      default:
        break;
    }
  }
  return csv_field(text);
}

std::string html_escape(std::string_view text) {
  const std::string value = visible_text(text);
  std::string out;
  out.reserve(value.size() + value.size() / 8);
  for (const char c : value) {
    switch (c) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      case '"': out.append("&quot;"); break;
      case '\'': out.append("&#39;"); break;
      default: out.push_back(c); break;
    }
  }
  return out;
}


KeyParts split_card_key(std::string_view key) {
  const auto slash = key.find('/');
  if (slash == std::string_view::npos) return {"", std::string(key)};
  return {std::string(key.substr(0, slash)), std::string(key.substr(slash + 1))};
}

}  // namespace detail
}  // namespace casebook::report
