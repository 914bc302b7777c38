#include "app/soft_wrap.hpp"

#include <algorithm>

namespace casebook::app {

std::string unwrap(const SoftWrapped& w) {
  std::string out = w.shown;
  for (const std::size_t i : w.soft) {
    if (i < out.size() && out[i] == '\n') out[i] = ' ';
  }
  return out;
}

SoftWrapped soft_wrap(std::string_view text, float width, const std::function<float(std::string_view)>& measure) {
  SoftWrapped out{std::string(text), {}};
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t hard = text.find('\n', begin);
    const std::size_t end = hard == std::string_view::npos ? text.size() : hard;
    std::size_t line_start = begin;
    std::size_t last_space = std::string_view::npos;
    for (std::size_t i = begin; i <= end; ++i) {
      if (i != end && text[i] != ' ') continue;
      // A word ends at i: does the line up to here still fit?
      if (last_space != std::string_view::npos && measure(text.substr(line_start, i - line_start)) > width) {
        out.soft.push_back(last_space);
        out.shown[last_space] = '\n';
        line_start = last_space + 1;
      }
      last_space = i != end ? i : std::string_view::npos;
    }
    if (hard == std::string_view::npos) break;
    begin = hard + 1;
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
