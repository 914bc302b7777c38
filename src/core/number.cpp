// Locale-independent number text (see number.hpp).
#include "core/number.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace casebook::core {

namespace {

/// Non-finite values as text, or nullopt for a finite one.
std::optional<std::string> non_finite(double x) {
  if (std::isnan(x)) return std::string("nan");
  if (std::isinf(x)) return std::string(x < 0 ? "-inf" : "inf");
  return std::nullopt;
}

/// std::to_chars into a buffer large enough for any double with up to 64 decimals
/// (DBL_MAX has 309 digits before the point).
template <typename... Format>
std::string to_chars_text(double x, Format... format) {
  std::array<char, 400> buf{};
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), x, format...);
  return std::string(buf.data(), res.ec == std::errc() ? res.ptr : buf.data());
}

}  // namespace

std::string format_shortest(double x) {
  if (auto text = non_finite(x)) return *text;
  if (x == 0.0) x = 0.0;  // no "-0"
  return to_chars_text(x);
}

std::string format_significant(double x, int digits) {
  if (auto text = non_finite(x)) return *text;
  return to_chars_text(x, std::chars_format::general, digits < 1 ? 1 : digits);
}

std::string format_fixed(double x, int decimals) {
  if (auto text = non_finite(x)) return *text;
  return to_chars_text(x, std::chars_format::fixed, decimals < 0 ? 0 : (decimals > 64 ? 64 : decimals));
}

std::string format_trimmed(double x, int decimals) {
  std::string s = format_fixed(x, decimals);
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_grouped(std::int64_t n) {
  std::array<char, 24> buf{};
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  const std::string_view all(buf.data(), static_cast<std::size_t>(res.ptr - buf.data()));
  const std::string_view digits = n < 0 ? all.substr(1) : all;
  std::string out = n < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Whether `text` has `number` as a whole number: not inside a longer run of digits,
/// separators or a decimal part ("10,000" is not in "110,000" nor in "10,000.5").
bool has_number(std::string_view text, std::string_view number) {
  for (std::size_t at = text.find(number); at != std::string_view::npos; at = text.find(number, at + 1)) {
    const bool before = at > 0 && (is_digit(text[at - 1]) ||
                                   ((text[at - 1] == ',' || text[at - 1] == '.') && at > 1 && is_digit(text[at - 2])));
    const std::size_t end = at + number.size();
    const bool after = end < text.size() && (is_digit(text[end]) || ((text[end] == ',' || text[end] == '.') &&
                                                                     end + 1 < text.size() && is_digit(text[end + 1])));
    if (!before && !after) return true;
  }
  return false;
}

/// Whether `text` writes some number with ',' between groups of three digits ("1,700").
bool groups_numbers(std::string_view text) {
  for (std::size_t i = 1; i + 3 < text.size(); ++i) {
    if (text[i] == ',' && is_digit(text[i - 1]) && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
        is_digit(text[i + 3]) && (i + 4 >= text.size() || !is_digit(text[i + 4]))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string format_as_written(double x, std::string_view written_in) {
  const bool whole = std::isfinite(x) && std::trunc(x) == x && std::fabs(x) < 9.0e15;
  if (!whole || std::fabs(x) < 1000.0) return format_shortest(x);
  const auto n = static_cast<std::int64_t>(x);
  const std::string grouped = format_grouped(n);
  const std::string plain = format_shortest(x);
  if (has_number(written_in, grouped)) return grouped;
  if (has_number(written_in, plain)) return plain;
  if (groups_numbers(written_in)) return grouped;
  return std::fabs(x) < 10000.0 ? plain : grouped;
}

std::optional<double> parse_double(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double v = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace casebook::core
