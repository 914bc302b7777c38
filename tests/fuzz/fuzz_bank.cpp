// libFuzzer harness: the bank loader (TOML through toml++ 3.3 and the format checks), and the
// citations of what it loads rendered for display. Any input must give diagnostics, never a
// crash, a sanitizer report or a hang. Also differential: the parse in two parts
// (bank/parse_parts.hpp, forced at any size) either declines or gives exactly the tree, source
// regions included, that one parse of the whole text gives.
#include <toml++/toml.h>

#include <cstdlib>
#include <iostream>
#include <type_traits>

#include "bank/loader.hpp"
#include "bank/parse_parts.hpp"
#include "core/citation.hpp"
#include "fuzz_support.hpp"

namespace {

bool same_region(const toml::source_region& a, const toml::source_region& b) {
  return a.begin == b.begin && a.end == b.end;
}

/// Whether two trees have the same types, values, keys, inline-ness and source regions.
bool same_tree(const toml::node& a, const toml::node& b) {
  if (a.type() != b.type() || !same_region(a.source(), b.source())) return false;
  if (const auto* ta = a.as_table()) {
    const auto& tb = *b.as_table();
    if (ta->is_inline() != tb.is_inline() || ta->size() != tb.size()) return false;
    auto ib = tb.begin();
    for (const auto& [key, value] : *ta) {
      if (key.str() != ib->first.str() || !same_region(key.source(), ib->first.source()) || !same_tree(value, ib->second)) {
        return false;
      }
      ++ib;
    }
    return true;
  }
  if (const auto* aa = a.as_array()) {
    const auto& ab = *b.as_array();
    if (aa->size() != ab.size()) return false;
    for (std::size_t i = 0; i < aa->size(); ++i) {
      if (!same_tree((*aa)[i], ab[i])) return false;
    }
    return true;
  }
  return a.visit([&](const auto& va) {
    using V = std::remove_cvref_t<decltype(va)>;
    if constexpr (toml::is_value<V>) {
      const auto* vb = b.as<typename V::value_type>();
      return vb != nullptr && va == *vb;
    } else {
      return false;
    }
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = casebook::fuzz::text_of(data, size);
  const auto loaded = casebook::bank::load_bank_text(std::string(text), "fuzz.toml");
  if (loaded.bank) {
    for (const auto& q : loaded.bank->questions) (void)casebook::core::render_citations(q.prompt, loaded.bank->sources);
  }
  if (const auto parts = casebook::bank::detail::parse_in_parts(text, "fuzz.toml", 0, true)) {
    // Both parts passed the scans and parsed: the whole text must parse (an exception here is
    // a finding) to the same tree.
    const toml::table whole = toml::parse(text, std::string_view("fuzz.toml"));
    if (!same_tree(whole, *parts)) {
      std::cerr << "the parse in two parts differs from one parse:\n" << text << "\n";
      std::abort();
    }
  }
  return 0;
}
