// Text helpers of the question generators (core/generate_text.hpp).
#include "core/generate_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <system_error>
#include <cmath>
#include <cstdint>

#include "core/citation.hpp"
#include "core/number.hpp"

namespace casebook::core {

std::string lower_ascii(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string_view without_full_stop(std::string_view text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.remove_suffix(1);
  return text;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

bool mentions_lowered(std::string_view t, std::string_view n) {
  if (n.empty()) return false;
  const auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) & 0x80) != 0;
  };
  for (std::size_t at = t.find(n); at != std::string_view::npos; at = t.find(n, at + 1)) {
    const bool before = at == 0 || !is_word(t[at - 1]);
    const bool after = at + n.size() >= t.size() || !is_word(t[at + n.size()]);
    if (before && after) return true;
  }
  return false;
}

bool mentions(const std::string& text, const std::string& name) {
  return !name.empty() && mentions_lowered(lower_ascii(text), lower_ascii(name));
}

std::vector<std::string> actor_name_words(const Actor& actor) {
  std::vector<std::string> words;
  const auto add = [&](const std::string& name) {
    if (!name.empty()) words.push_back(lower_ascii(name));
    if (actor.kind != ActorKind::Person) return;
    const std::size_t space = name.find_last_of(' ');
    if (space != std::string::npos && space + 1 < name.size()) words.push_back(lower_ascii(name.substr(space + 1)));
  };
  add(actor.name);
  for (const auto& alias : actor.aliases) add(alias);
  return words;
}

bool names_actor(const std::string& text, const Actor& actor) {
  const std::string lowered = lower_ascii(text);
  const auto words = actor_name_words(actor);
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return mentions_lowered(lowered, w); });
}

std::pair<std::string, std::string> split_trailing_citations(const std::string& text) {
  std::size_t body_end = text.size();
  const auto markers = find_citations(text);
  for (auto it = markers.rbegin(); it != markers.rend(); ++it) {
    std::size_t end = body_end;
    while (end > 0 && text[end - 1] == ' ') --end;
    if (!it->ok() || it->offset + it->length != end) break;
    body_end = it->offset;
  }
  while (body_end > 0 && text[body_end - 1] == ' ') --body_end;
  if (body_end == 0) return {text, ""};  // nothing but citations: keep it whole
  return {text.substr(0, body_end), text.substr(body_end)};
}

std::string format_number(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) return format_grouped(static_cast<std::int64_t>(v));
  // Every digit the bank gives (an explanation must not round the answer), written out in
  // full rather than as "5e-04" while that stays readable.
  const double size = std::fabs(v);
  if (size < 1e-6 || size >= 1e15) return format_shortest(v);
  std::array<char, 64> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed);
  return ec == std::errc() ? std::string(buf.data(), end) : format_shortest(v);
}

std::string short_of_hint(Generator g) {
  // Events crowded in time: partners come from the nearest in date, so more events can mean fewer.
  const bool dated = g == Generator::EventOrder || g == Generator::EventFirst;
  return std::string(dated ? "lower its `min_gap_days`, add events further apart in time" : "add more facts of that kind") +
         ", or turn the generator off with `" + to_string(g) + " = false` in [generators]";
}

std::string which_actor(ActorKind kind) {
  switch (kind) {
    case ActorKind::Person: return "Who";
    case ActorKind::Agency: return "Which agency";
    case ActorKind::Company: return "Which company";
    case ActorKind::Group: return "Which group";
    case ActorKind::State: return "Which state";
  }
  return "Who";
}

}  // namespace casebook::core
