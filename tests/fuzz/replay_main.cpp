// A main() for the fuzz harnesses when built without libFuzzer (GCC, the release and asan
// presets): runs every seed file given (files or folders), then a fixed number of seeded
// mutations of them, so the suite's short fuzz runs are deterministic and take seconds.
// Usage: fuzz_X [--mutations N] [--seed S] PATH...
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void run(const std::string& input) {
  (void)LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

/// Fragments that matter to the readers: TOML structure, the toml++ 3.3 shapes, GIFT and CSV
/// syntax, citations, non-ASCII characters (U+00A7, U+3001, U+FEFE, NBSP) and control characters.
constexpr std::array<std::string_view, 28> kTokens = {
    "[[",     "]]",       "\n",     "\r\n",   "\"\"\"", "'''",       "\\",     "\\\n",  "=",      "\"",
    "[",      "{",        "}",      ",",      "#",      "\xC2\xA7",  "\xE3\x80\x81", "\xEF\xBB\xBE", "\xC2\xA0",
    "::",     "~",        "%50%",   "[@",     "\x1B[31m", "\t",      "1e309",  "-",      "ANSWER: "};

/// One mutation of `s` drawn from `state` (byte flips, inserted tokens, cuts and copies).
std::string mutate(std::string s, std::uint64_t& state) {
  const auto next = [&] { return casebook::core::splitmix64(state); };
  const int ops = 1 + static_cast<int>(next() % 4);
  for (int k = 0; k < ops; ++k) {
    const std::size_t at = s.empty() ? 0 : next() % (s.size() + 1);
    switch (next() % 5) {
      case 0:
        if (!s.empty() && at < s.size()) s[at] = static_cast<char>(next() & 0xFF);
        break;
      case 1: s.insert(at, kTokens[next() % kTokens.size()]); break;
      case 2: s.erase(at, next() % 16); break;
      case 3: {
        const std::size_t len = std::min<std::size_t>(s.size() - std::min(at, s.size()), next() % 64);
        s.insert(next() % (s.size() + 1), s.substr(at, len));
        break;
      }
      default: s.resize(at); break;
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mutations = 0;
  std::uint64_t seed = 1;
  std::vector<std::string> seeds;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--mutations" && i + 1 < argc) {
      mutations = std::stoul(argv[++i]);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::stoull(argv[++i]);
    } else if (fs::is_directory(arg)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::recursive_directory_iterator(arg)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) seeds.push_back(slurp(f));
    } else if (fs::is_regular_file(arg)) {
      seeds.push_back(slurp(arg));
    }  // a seed folder that is absent (../shared) is skipped
  }
  if (seeds.empty()) seeds.emplace_back();
  for (const auto& s : seeds) run(s);
  std::uint64_t state = seed;
  for (std::size_t m = 0; m < mutations; ++m) {
    run(mutate(seeds[casebook::core::splitmix64(state) % seeds.size()], state));
  }
  std::cout << "ran " << seeds.size() << " seeds and " << mutations << " mutations\n";
  return 0;
}
