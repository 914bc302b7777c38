// Text helpers of the question generators (core/generate_text.hpp).
#include "core/generate_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/citation.hpp"
#include "core/number.hpp"

namespace casebook::core {

namespace {

std::string lower_ascii(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

std::string without_full_stop(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

bool mentions(const std::string& text, const std::string& name) {
  if (name.empty()) return false;
  const std::string t = lower_ascii(text);
  const std::string n = lower_ascii(name);
  const auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) & 0x80) != 0;
  };
  for (std::size_t at = t.find(n); at != std::string::npos; at = t.find(n, at + 1)) {
    const bool before = at == 0 || !is_word(t[at - 1]);
    const bool after = at + n.size() >= t.size() || !is_word(t[at + n.size()]);
    if (before && after) return true;
  }
  return false;
}

bool names_actor(const std::string& text, const Actor& actor) {
  const auto named = [&](const std::string& name) {
    if (mentions(text, name)) return true;
    if (actor.kind != ActorKind::Person) return false;
    const std::size_t space = name.find_last_of(' ');
    return space != std::string::npos && mentions(text, name.substr(space + 1));
  };
  return named(actor.name) || std::any_of(actor.aliases.begin(), actor.aliases.end(), named);
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
  return format_significant(v, 6);
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
