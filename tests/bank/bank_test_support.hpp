// Helpers shared by the bank tests: reading a fixture whole, and listing a load's diagnostics.
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bank/loader.hpp"

namespace casebook::test {

/// The bytes of the file at `p` ("" when it cannot be read).
inline std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every diagnostic of `r`, one formatted line each (for failure messages).
inline std::string dump(const bank::LoadResult& r) {
  std::string s;
  for (const auto& d : r.diagnostics) s += core::format_diagnostic(d) + "\n";
  return s;
}

}  // namespace casebook::test
