// Report aggregation (summarize) and the text helpers the writers share.
#include "report/report.hpp"

#include <chrono>
#include <cstdint>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "report/text.hpp"

namespace casebook::report {

Summary summarize(const ReportInput& in) {
  Summary s;
  double retrievability_sum = 0.0;
  int reviewed_cards = 0;
  for (const CardEntry& c : in.cards) {
    ++s.cards;
    switch (c.schedule.state) {
      case core::CardState::New: ++s.new_cards; break;
      case core::CardState::Learning: ++s.learning; break;
      case core::CardState::Review: ++s.review; break;
      case core::CardState::Relearning: ++s.relearning; break;
    }
    if (c.schedule.state != core::CardState::New) {
      ++reviewed_cards;
      retrievability_sum += c.retrievability;
      if (c.schedule.due <= in.generated_at) ++s.due_now;
    }
  }
  for (const core::ReviewRecord& r : in.reviews) {
    ++s.reviews;
    if (r.correct) ++s.correct;
  }
  s.accuracy = s.reviews == 0 ? 0.0 : static_cast<double>(s.correct) / s.reviews;
  s.mean_retrievability = reviewed_cards == 0 ? 0.0 : retrievability_sum / reviewed_cards;
  return s;
}

namespace detail {

/// Excel's limit on the length of one cell, in bytes here (it counts characters, which are
/// never more).
constexpr std::size_t kMaxCellBytes = 32767;

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

std::string xlsx_cell_text(std::string_view text) {
  std::string value = visible_text(text);
  value.resize(core::utf8_cut(value, kMaxCellBytes));
  return value;
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
