// Text helpers shared by the report writers (internal to report): XLSX cell text, escaping
// for CSV and HTML (numbers: core/number.hpp).
#pragma once
#include <locale>
#include <ostream>
#include <string>
#include <string_view>

#include "core/number.hpp"
#include "core/time.hpp"

namespace casebook::report::detail {

/// `text` as valid UTF-8 (core::valid_utf8) with every control character but tab, LF and CR
/// shown as a visible symbol (core::show_control_characters: ESC becomes U+241B): a learner's
/// answer or a bank's text never puts a raw control character into a report (HTML and XML
/// forbid them; in a CSV or a terminal they garble the display).
[[nodiscard]] std::string visible_text(std::string_view text);

/// libxlsxwriter's limit on one string cell, in bytes (Excel's is 32,767 characters, which
/// are never fewer).
inline constexpr std::size_t kMaxCellBytes = 32767;
/// What ends a cell that was cut to kMaxCellBytes.
inline constexpr std::string_view kCellCutMarker = " [\u2026 cut: a spreadsheet cell holds 32,767 characters; the JSON report has the whole text]";

/// Text for one XLSX string cell as libxlsxwriter must be given it: visible_text (valid
/// UTF-8, control characters shown); each literal "_xHHHH_" (one to four hex digits) written as
/// "_x005F_xHHHH_" so that a spreadsheet shows it as typed instead of decoding it (ECMA-376
/// Part 1, 22.9.2.19; libxlsxwriter 1.1 escapes control characters but not this); and, when longer than kMaxCellBytes, cut at a
/// character boundary and ended with kCellCutMarker (`*cut` set to true).
[[nodiscard]] std::string xlsx_cell_text(std::string_view text, bool* cut = nullptr);

/// A CSV field per RFC 4180: quoted (with quotes doubled) when it contains a comma, a quote,
/// CR or LF. The text is visible_text (UTF-8 repaired, control characters shown).
[[nodiscard]] std::string csv_field(std::string_view text);

/// A CSV field for free text from a bank or learner: like csv_field, but a cell that starts
/// with = + - @ TAB or CR gets a leading apostrophe so spreadsheets do not run it as a
/// formula (OWASP "CSV injection" advice). Never used for numeric columns.
[[nodiscard]] std::string csv_text_field(std::string_view text);

/// `text` escaped for HTML element content and quoted attribute values: & < > " ' become
/// entities. The text is visible_text (UTF-8 repaired, control characters shown).
[[nodiscard]] std::string html_escape(std::string_view text);

/// Streams numbers into `out` the same under any locale: imbues `out` with the "C" locale for
/// the guard's life and then restores the stream's own (a German locale would otherwise write
/// 1234 as "1.234"). The HTML writers stream counts directly.
class ClassicLocaleGuard {
 public:
  explicit ClassicLocaleGuard(std::ostream& out) : m_out(out), m_old(out.imbue(std::locale::classic())) {}
  ~ClassicLocaleGuard() { m_out.imbue(m_old); }
  ClassicLocaleGuard(const ClassicLocaleGuard&) = delete;
  ClassicLocaleGuard& operator=(const ClassicLocaleGuard&) = delete;

 private:
  std::ostream& m_out;
  std::locale m_old;
};

/// The bank id and question id of a card key "<bank id>/<question id>" (split at the first
/// '/'); the whole key as question id when there is no '/'.
struct KeyParts {
  std::string bank_id;
  std::string question_id;
};
[[nodiscard]] KeyParts split_card_key(std::string_view key);

}  // namespace casebook::report::detail
