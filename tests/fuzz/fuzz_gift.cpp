// libFuzzer harness: the GIFT import. Any input gives questions and diagnostics, never a crash;
// and the bank made of the questions must load back (what `casebook import` writes).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto result = casebook::interchange::import_gift(casebook::fuzz::text_of(data, size), "fuzz.gift", {});
  casebook::fuzz::expect_loadable(result);
  return 0;
}
