// What the fuzz harnesses share: the input as text, and a check that an importer's bank is one
// the loader accepts (an import never writes a bank Casebook would refuse).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "bank/loader.hpp"
#include "core/diagnostic.hpp"
#include "interchange/interchange.hpp"

namespace casebook::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Aborts (a finding) when `result` has questions whose TOML the loader refuses, printing why.
inline void expect_loadable(const interchange::ImportResult& result) {
  if (result.bank.questions.empty()) return;
  const std::string toml = interchange::write_bank_toml(result.bank);
  const bank::LoadResult loaded = bank::load_bank_text(toml, "imported.toml");
  if (loaded.bank && loaded.bank->questions.size() == result.bank.questions.size()) return;
  std::cerr << "the imported bank does not load back:\n";
  for (const auto& d : loaded.diagnostics) std::cerr << core::format_diagnostic(d) << "\n";
  std::cerr << "---- TOML ----\n" << toml << "\n";
  std::abort();
}

}  // namespace casebook::fuzz
