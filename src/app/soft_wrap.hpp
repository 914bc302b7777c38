// Word wrapping at spaces only, shared by every wrapped text of the window (ui::wrapped_text:
// Dear ImGui 1.86's own wrap may break after '.' and ',', which cut "0.10327" in two) and by
// the text box that does not wrap by itself (ImGui 1.86's multi-line input, ui::WrapBox):
// that box shows the learner's text with some spaces turned into line breaks.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::app {

/// The width of a run of bytes (e.g. pixels in the current font). The widths of adjacent runs
/// are taken to add up to the width of both (true of a font without kerning, as ImGui's).
using Measure = std::function<float(std::string_view)>;

/// `text` as lines no wider than `width` (as `measure` gives widths), for display. A line
/// breaks only at a space (the last one before the word that would overflow; that space ends
/// the line and belongs to neither) and at a '\n' (two in a row give an empty line), so
/// "0.10327", "3.5x", "1,000" and "example.org/a,b" are never split. A word wider than the
/// whole line starts a line of its own and, as a last resort, is cut between characters (never
/// inside a UTF-8 sequence; at least one character a line). Always at least one line; the
/// lines are views into `text`. Linear: each byte is measured at most three times.
[[nodiscard]] std::vector<std::string_view> wrap_lines(std::string_view text, float width, const Measure& measure);

/// A text as a wrapping box shows it: `shown` is the learner's text except that the bytes at
/// the offsets in `soft` (ascending) are '\n' where the learner's text has a space. A soft
/// break replaces one byte with one byte, so offsets (and the box's cursor) never move.
struct SoftWrapped {
  std::string shown;
  std::vector<std::size_t> soft;
  friend bool operator==(const SoftWrapped&, const SoftWrapped&) = default;
};

/// The learner's text of `w`: its soft breaks back to spaces (hard line breaks stay).
[[nodiscard]] std::string unwrap(const SoftWrapped& w);

/// `text` (the learner's: hard line breaks kept) wrapped as wrap_lines wraps it, except that a
/// word wider than the whole line stays whole on its own line (a soft break can only replace a
/// space): each space at which a line breaks becomes a soft break.
[[nodiscard]] SoftWrapped soft_wrap(std::string_view text, float width, const Measure& measure);

/// After an edit turned `before.shown` into `after` (one changed run, as typing, deleting or
/// pasting makes): the soft breaks before the first changed byte and after the last one
/// (shifted by the change in length); breaks inside the changed run are gone.
[[nodiscard]] SoftWrapped follow_edit(const SoftWrapped& before, std::string_view after);

}  // namespace casebook::app
