#include "app/soft_wrap.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace casebook::app {

std::string unwrap(const SoftWrapped& w) {
  std::string out = w.shown;
  for (const std::size_t i : w.soft) {
    if (i < out.size() && out[i] == '\n') out[i] = ' ';
  }
  return out;
}

namespace {

/// A line of wrapped text: bytes [begin, end) of the text.
struct Span {
  std::size_t begin = 0, end = 0;
};

/// The lines of `text` (wrap_lines), long words cut between characters when `cut_words`.
std::vector<Span> line_spans(std::string_view text, float width, const Measure& measure, bool cut_words) {
  std::vector<Span> out;
  std::size_t begin = 0;
  while (true) {
    const std::size_t hard = text.find('\n', begin);
    const std::size_t end = hard == std::string_view::npos ? text.size() : hard;
    std::size_t line_start = begin;
    float line_width = 0.0f;  // of text[line_start, pos)
    std::size_t pos = begin;
    while (pos < end) {
      std::size_t word = pos;  // the next word: [word, word_end), after the spaces from pos
      while (word < end && text[word] == ' ') ++word;
      if (word == end) break;  // spaces at the end of the line stay on it
      std::size_t word_end = word;
      while (word_end < end && text[word_end] != ' ') ++word_end;
      const float run = measure(text.substr(pos, word_end - pos));
      if (line_width + run > width && word > line_start) {
        // Break at the last space before the word: the word starts the next line.
        out.push_back({line_start, word - 1});
        line_start = word;
        line_width = measure(text.substr(word, word_end - word));
      } else {
        line_width += run;
      }
      if (cut_words && line_start == word && line_width > width) {
        // The word alone is wider than the line: cut it before the character that overflows.
        line_width = 0.0f;
        for (std::size_t c = word; c < word_end;) {
          const std::size_t n = std::min(core::decode_utf8_at(text, c).length, word_end - c);
          const float w = measure(text.substr(c, n));
          if (c > line_start && line_width + w > width) {
            out.push_back({line_start, c});
            line_start = c;
            line_width = 0.0f;
          }
          line_width += w;
          c += n;
        }
      }
      pos = word_end;
    }
    out.push_back({line_start, end});
    if (hard == std::string_view::npos) break;
    begin = hard + 1;
  }
  return out;
}

}  // namespace

std::vector<std::string_view> wrap_lines(std::string_view text, float width, const Measure& measure) {
  std::vector<std::string_view> lines;
  for (const Span& s : line_spans(text, width, measure, true)) lines.push_back(text.substr(s.begin, s.end - s.begin));
  return lines;
}

SoftWrapped soft_wrap(std::string_view text, float width, const Measure& measure) {
  SoftWrapped out{std::string(text), {}};
  for (const Span& s : line_spans(text, width, measure, false)) {
    if (s.end < text.size() && text[s.end] == ' ') {
      out.soft.push_back(s.end);
      out.shown[s.end] = '\n';
    }
  }
  return out;
}

SoftWrapped follow_edit(const SoftWrapped& before, std::string_view after) {
  const std::string_view old = before.shown;
  const std::size_t shortest = std::min(old.size(), after.size());
  std::size_t prefix = 0;
  while (prefix < shortest && old[prefix] == after[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < shortest - prefix && old[old.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
  SoftWrapped out{std::string(after), {}};
  for (const std::size_t i : before.soft) {
    std::size_t at = std::string_view::npos;
    if (i < prefix) {
      at = i;
    } else if (i >= old.size() - suffix) {
      at = i - old.size() + after.size();
    }
    if (at != std::string_view::npos && at < after.size() && after[at] == '\n') out.soft.push_back(at);
  }
  return out;
}

}  // namespace casebook::app
