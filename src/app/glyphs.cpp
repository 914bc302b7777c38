#include "app/glyphs.hpp"

#include <set>
#include <string_view>

#include "core/citation.hpp"
#include "core/utf8.hpp"

namespace casebook::app {

namespace {

/// Adds the code points of the well-formed characters of `s` to `out`.
void collect_code_points(std::string_view s, std::set<char32_t>& out) {
  for (const char32_t cp : core::decode_utf8(s, core::InvalidUtf8::Skip)) out.insert(cp);
}

}  // namespace

std::vector<char32_t> used_code_points(const Library& library, const std::vector<std::string>& extra) {
  std::set<char32_t> cps;
  auto add = [&cps](const std::string& s) { collect_code_points(s, cps); };
  for (const auto& load : library.loads()) {
    if (!load.bank) continue;
    const core::Bank& b = *load.bank;
    add(b.info.id);
    add(b.info.title);
    add(b.info.version);
    add(b.info.language);
    add(b.info.licence);
    add(b.info.description);
    for (const auto& a : b.info.authors) add(a);
    for (const auto& s : b.sources) {
      add(s.id);
      add(s.citation);
      add(s.url);
      add(core::short_citation(s));  // what rendered [@id] citations show
    }
    for (const auto& t : b.topics) {
      add(t.id);
      add(t.title);
    }
    for (const auto& q : b.questions) {
      add(q.id);
      add(q.prompt);
      add(q.explanation);
      add(q.source.source_id);
      for (const auto& t : q.topics) add(t);
      for (const auto& c : q.choices) add(c.text);
      for (const auto& s : q.accepted) add(s);
      add(q.unit);
      for (const auto& s : q.items) add(s);
      for (const auto& p : q.pairs) {
        add(p.left);
        add(p.right);
      }
      add(q.scenario);
      for (const auto& p : q.positions) {
        add(p.id);
        add(p.title);
        for (const auto& a : p.arguments) add(a);
      }
      for (const auto& r : q.rubric) add(r);
      add(q.model_answer);
    }
  }
  for (const auto& s : extra) add(s);
  // Characters the app itself puts on screen (citations).
  add("\xC2\xB6\xE2\x80\x93");  // ¶ –
  return {cps.begin(), cps.end()};
}

}  // namespace casebook::app
