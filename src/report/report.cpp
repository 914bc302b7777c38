// Report aggregation (summarize) and the text helpers the writers share.
#include "report/report.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdint>

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

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
}  // namespace

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      out.push_back(static_cast<char>(lead));
      ++i;
      continue;
    }
    // Table 3-7 of the Unicode Standard: well-formed UTF-8 byte sequences.
    std::size_t length = 0;
    unsigned char second_lo = 0x80;
    unsigned char second_hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead == 0xE0) {
      length = 3;
      second_lo = 0xA0;
    } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
      length = 3;
    } else if (lead == 0xED) {
      length = 3;
      second_hi = 0x9F;
    } else if (lead == 0xF0) {
      length = 4;
      second_lo = 0x90;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
      length = 4;
    } else if (lead == 0xF4) {
      length = 4;
      second_hi = 0x8F;
    } else {
      out.append(kReplacement);
      ++i;
      continue;
    }
    std::size_t j = 1;
    for (; j < length && i + j < n; ++j) {
      const auto b = static_cast<unsigned char>(text[i + j]);
      const unsigned char lo = j == 1 ? second_lo : 0x80;
      const unsigned char hi = j == 1 ? second_hi : 0xBF;
      if (b < lo || b > hi) break;
    }
    if (j == length) {
      out.append(text.substr(i, length));
    } else {
      out.append(kReplacement);  // the maximal ill-formed subpart becomes one U+FFFD
    }
    i += j;
  }
  return out;
}

std::string csv_field(std::string_view text) {
  std::string value = valid_utf8(text);
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
  const std::string value = valid_utf8(text);
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

std::string fixed(double value, int decimals) { return fmt::format("{:.{}f}", value, decimals); }

KeyParts split_card_key(std::string_view key) {
  const auto slash = key.find('/');
  if (slash == std::string_view::npos) return {"", std::string(key)};
  return {std::string(key.substr(0, slash)), std::string(key.substr(slash + 1))};
}

}  // namespace detail
}  // namespace casebook::report
