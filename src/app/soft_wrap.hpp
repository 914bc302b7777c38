// Soft line breaks for a text box that does not wrap by itself (Dear ImGui 1.86's multi-line
// input): the box shows the learner's text with some spaces turned into line breaks.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::app {

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

/// `text` (the learner's: hard line breaks kept) wrapped so that no line is wider than `width`,
/// as `measure` gives the width of a run of bytes (e.g. pixels): a line breaks at the last
/// space before the word that would overflow (that space becomes the break). A word wider than
/// the whole line stays whole on its own line.
[[nodiscard]] SoftWrapped soft_wrap(std::string_view text, float width,
                                    const std::function<float(std::string_view)>& measure);

/// After an edit turned `before.shown` into `after` (one changed run, as typing, deleting or
/// pasting makes): the soft breaks before the first changed byte and after the last one
/// (shifted by the change in length); breaks inside the changed run are gone.
[[nodiscard]] SoftWrapped follow_edit(const SoftWrapped& before, std::string_view after);

}  // namespace casebook::app
