// libFuzzer harness: the bank loader (TOML through toml++ 3.3 and the format checks), and the
// citations of what it loads rendered for display. Any input must give diagnostics, never a
// crash, a sanitizer report or a hang.
#include "bank/loader.hpp"
#include "core/citation.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto loaded = casebook::bank::load_bank_text(std::string(casebook::fuzz::text_of(data, size)), "fuzz.toml");
  if (loaded.bank) {
    for (const auto& q : loaded.bank->questions) (void)casebook::core::render_citations(q.prompt, loaded.bank->sources);
  }
  return 0;
}
