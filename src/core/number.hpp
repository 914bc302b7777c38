// Numbers as text, the same under every locale (std::to_chars / std::from_chars, never printf,
// strtod or iostreams, whose decimal point follows LC_NUMERIC or the global C++ locale).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casebook::core {

/// The shortest decimal text that reads back as exactly `x` (std::to_chars without a format:
/// fixed or scientific, whichever is shorter, e.g. "0.9", "45.5", "1e+21"). "-0" is written
/// "0"; non-finite values as "nan", "inf", "-inf".
[[nodiscard]] std::string format_shortest(double x);

/// `x` with `digits` significant digits, as printf's "%.<digits>g" in the "C" locale
/// ("0.212", "1.7e+09"; trailing zeros dropped).
[[nodiscard]] std::string format_significant(double x, int digits);

/// `x` with exactly `decimals` digits after the point, as printf's "%.<decimals>f" in the "C"
/// locale, correctly rounded ("0.500000" for 0.5 and 6). No thousands separators.
[[nodiscard]] std::string format_fixed(double x, int decimals);

/// format_fixed without trailing zeros after the point, and without the point when nothing
/// follows it: 2.10 with 2 decimals -> "2.1", 2.0 -> "2", 33.333333 with 5 -> "33.33333".
[[nodiscard]] std::string format_trimmed(double x, int decimals);

/// A whole number with ',' between groups of three digits: 1700000000 -> "1,700,000,000",
/// -1234 -> "-1,234".
[[nodiscard]] std::string format_grouped(std::int64_t n);

/// `x` written as the text around it writes numbers, for feedback that quotes a question's
/// number (`written_in`: the question's prompt and explanation). A whole number of 1000 or
/// more is written with ',' between groups of three (format_grouped) when `written_in` has
/// that very form ("10,000"), or has any number grouped that way and not this one plain;
/// plainly ("2016") when `written_in` has it plainly, or groups no number and it is below
/// 10,000 (years); other numbers as format_shortest. 10000 with "a fine of 10,000 roubles"
/// -> "10,000"; 2016 with "in 2016" -> "2016"; 45.5 -> "45.5".
[[nodiscard]] std::string format_as_written(double x, std::string_view written_in);

/// The finite number `text` spells exactly (std::from_chars, general format: "50", "-2.5",
/// "1e-3"; a leading '+' is allowed; no spaces, no hexadecimal, no "inf" or "nan"). nullopt for
/// anything else, including a value out of the range of double.
[[nodiscard]] std::optional<double> parse_double(std::string_view text);

}  // namespace casebook::core
