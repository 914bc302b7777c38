// The fixed report inputs behind the golden files of tests/report (shared by the GoogleTest
// suite and report_fixture_writer, which writes every format for the Python, Node and browser checks).
#pragma once
#include <optional>
#include <string>

#include "report/report.hpp"

namespace casebook::report::testing {

inline constexpr core::TimestampMs kNow = 1'717'243'200'000;  // 2024-06-01T12:00:00.000Z
inline constexpr core::TimestampMs kHour = 3'600'000;
inline constexpr core::TimestampMs kDay = 24 * kHour;

inline const std::string kScript = "<script>alert(1)</script>";
inline const std::string kHyperlink = "=HYPERLINK(\"http://evil.example/?x=1\",\"click me\")";
inline const std::string kHostilePrompt = kScript + " & \"double\", 'single', commas,\nsecond line";
inline const std::string kCyrillic = "Какое ведомство задержало группу «Lurk»? 🕵️‍♀️";
inline const std::string kRtl = "מה שם הקבוצה? ما اسم المجموعة؟";

/// A schedule with every field given.
core::CardSchedule schedule(core::CardState state, double stability, double difficulty, core::TimestampMs due,
                            std::optional<core::TimestampMs> last, std::int64_t days, int steps, int reps,
                            int lapses);
/// A card of bank `bank` with the given texts and state.
CardEntry card(const std::string& bank, const std::string& question, const std::string& title,
               const std::string& prompt, const std::string& type, core::CardSchedule s, double r);
/// A review by the hostile learner name used in every fixture.
core::ReviewRecord review(std::int64_t id, const std::string& key, core::TimestampMs at, core::Rating rating,
                          bool correct, const std::string& answer, std::int64_t response_ms,
                          core::CardSchedule before, core::CardSchedule after);

/// The bytes of the file at `path` ("" when it cannot be read).
std::string read_file(const std::string& path);
/// Compares `actual` with tests/report/golden/<name> (a GoogleTest failure naming the first
/// differing byte); with CASEBOOK_UPDATE_GOLDEN=1 rewrites the golden file first.
void expect_golden(const std::string& name, const std::string& actual);

/// Five cards (hostile, Cyrillic, RTL, emoji texts) and six reviews: the v1 golden input.
ReportInput fixed_input();
/// fixed_input plus topics, languages, bank versions, answer keys, a suspended card, a card
/// not started, a retired leech card and reviews of cards in Review state (young and mature)
/// spread over weeks, for the figures, XLSX, PDF and xAPI outputs.
ReportInput rich_input();
/// Text that looks like OOXML escapes ("_x0041_") and an answer of 40,000 two-byte
/// characters, longer than a spreadsheet cell holds: the XLSX edge cases.
ReportInput edge_input();
/// One card of each question type (with its core::Question) and one review of each, for the
/// xAPI interaction details.
ReportInput typed_input();

}  // namespace casebook::report::testing
