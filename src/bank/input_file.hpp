// The one bounded reader of input files: banks, GIFT/Aiken/CSV question files, review logs and
// learners' JSON reports are read whole through it, so a folder, a pipe, /dev/zero or a file
// larger than its kind may be is refused with a clear message before any parsing.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace casebook::bank {

/// What an input file is: the noun used in messages and the largest size read (bytes).
struct InputKind {
  std::string_view noun;     ///< "bank file", "question file", "review log", "learner report"
  std::uintmax_t max_bytes;  ///< larger files are refused (`file-too-large`)
  std::string_view split;    ///< what to do with a larger one, e.g. "split it into several banks"
};

inline constexpr std::uintmax_t kMiB = 1024u * 1024u;
/// A bank: a few hundred kilobytes in practice (docs/bank-format.md).
inline constexpr InputKind kBankInput{"bank file", 16 * kMiB, "split it into several banks"};
/// A GIFT, Aiken or CSV file to import; its bank must also stay under kBankInput (docs/import.md).
inline constexpr InputKind kQuestionInput{"question file", 16 * kMiB, "split it into several files"};
/// A review-log CSV (optimize, evaluate, replay): about 60 bytes a review, so ~4 million reviews.
inline constexpr InputKind kReviewLogInput{"review log", 256 * kMiB, "optimize on a part of the log"};
/// A learner's JSON report read by `class-report` (docs/class-report.md).
inline constexpr InputKind kLearnerReportInput{"learner report", 64 * kMiB, "export the report again"};

/// A file read whole, or why not.
struct InputText {
  std::string text;                          ///< the bytes as stored (empty when `problem` is set)
  std::optional<core::Diagnostic> problem;   ///< an error at line 0 naming the file, when refused
};

/// Reads `path` whole when it is an ordinary file (symbolic links followed) of at most
/// `kind.max_bytes` bytes. Never blocks on a pipe or device and never reads more than
/// max_bytes + 1 bytes, however large the file claims or grows to be; memory is the file's
/// size. Refusals are error diagnostics at line 0: `missing-path` (no such file), `unreadable-file`
/// (a folder; a pipe, socket or device; a loop of symbolic links; no permission; a read
/// error) and `file-too-large`. Never throws except std::bad_alloc.
[[nodiscard]] InputText read_input_file(const std::string& path, const InputKind& kind);

}  // namespace casebook::bank
