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

std::optional<double> parse_double(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double v = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace casebook::core
