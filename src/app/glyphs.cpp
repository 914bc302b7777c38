#include "app/glyphs.hpp"

#include <set>
#include <string_view>

#include "core/citation.hpp"

namespace casebook::app {

namespace {

/// Appends the code points of valid UTF-8 sequences in `s` to `out` (invalid bytes skipped).
void collect_code_points(std::string_view s, std::set<char32_t>& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
      len = 1;
      cp = b0;
    } else if ((b0 & 0xE0) == 0xC0) {
      len = 2;
      cp = b0 & 0x1Fu;
    } else if ((b0 & 0xF0) == 0xE0) {
      len = 3;
      cp = b0 & 0x0Fu;
    } else if ((b0 & 0xF8) == 0xF0) {
      len = 4;
      cp = b0 & 0x07u;
    } else {
      ++i;
      continue;
    }
    if (i + static_cast<std::size_t>(len) > s.size()) break;
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((b & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (b & 0x3Fu);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!ok || cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      ++i;
      continue;
    }
    out.insert(cp);
    i += static_cast<std::size_t>(len);
  }
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
