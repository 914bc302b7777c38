// Inline citations in bank prose: finds Pandoc-like `[@id]` / `[@a; @b]` markers that cite
// `[[source]]` entries, and renders a text for display with each marker replaced by a short
// form of the cited sources, e.g. "(RFE/RL, 2019)". Pure: no TOML, no UI.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/question.hpp"

namespace casebook::core {

/// One cited id inside a marker.
struct CitedId {
  std::string id;
  std::size_t offset = 0;  ///< byte offset of the id's `@` in the scanned text
};

/// One `[@...]` marker found in a text. A marker starts at every `[@`; it is well formed
/// when it reads `[@id]` or `[@id1; @id2; ...]` (spaces allowed around `;` and before `]`),
/// each id made of ASCII letters, digits, '-', '_' or '.', starting with a letter or digit.
struct CitationMarker {
  std::size_t offset = 0;    ///< byte offset of the opening `[`
  std::size_t length = 0;    ///< bytes up to and including `]`; for a malformed marker, the
                             ///< bytes read before the problem (at least 2, the `[@`)
  std::vector<CitedId> ids;  ///< the ids in order (those read before a problem, if malformed)
  std::string problem;       ///< empty when well formed; otherwise what is wrong, one phrase
  std::string hint;          ///< for a malformed marker: how to write it

  [[nodiscard]] bool ok() const { return problem.empty(); }
};

/// Every citation marker in `text`, in order of their byte offsets. Never throws; a text
/// without `[@` gives an empty list. Offsets are bytes (UTF-8), for diagnostics.
[[nodiscard]] std::vector<CitationMarker> find_citations(std::string_view text);

/// The short form of a source used in rendered citations: `source.short_form` (the TOML
/// key `short`) trimmed, when not blank; otherwise derived from `citation`: its first
/// comma-separated part (outside double quotes; quotes stripped when the citation starts
/// with a quoted title; a final full stop dropped; cut at a word boundary to at most 40
/// code points with "…"), then ", " and the last year (a standalone 4-digit number from
/// 1000 to 2999 outside double quotes) when there is one and the name does not already
/// end with it. An empty citation gives the id.
/// Example: "Andrei Soldatov, \"Title\", The Moscow Times, 14 May 2021." -> "Andrei Soldatov, 2021".
[[nodiscard]] std::string short_citation(const Source& source);

/// The citation with its locator, for the study screen: the source as a reader knows it
/// (short_citation: the bank's own `short`, else derived from the citation), then ", ¶N"
/// ("¶9, 11"; "¶12–13" for several consecutive paragraphs; sorted, duplicates dropped;
/// nothing when `paragraphs` is empty).
/// Example: source with short = "Soldatov, 2021" and {12} -> "Soldatov, 2021, ¶12".
[[nodiscard]] std::string locator_citation(const Source& source, const std::vector<int>& paragraphs);

/// The citation under a card's answer: locator_citation of the card's source (its id when
/// the bank has no such source), preceded by "Outside the article: " when the bank names an
/// `article` (BankInfo::article) and the card cites another source.
/// Example: "Outside the article: Reuters, 2021".
[[nodiscard]] std::string card_citation(const Bank& bank, const Question& q);

/// `text` with each well-formed marker replaced by "(" + the short forms of its sources
/// joined by "; " + ")"; an id that names none of `sources` is shown as the id itself.
/// Malformed markers are left as written (the loader refuses such banks anyway).
/// Example: "in 2016 [@a; @b]." -> "in 2016 (Owen, 2016; RFE/RL, 2019)."
[[nodiscard]] std::string render_citations(std::string_view text, const std::vector<Source>& sources);

}  // namespace casebook::core
