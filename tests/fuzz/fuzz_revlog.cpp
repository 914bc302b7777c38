// libFuzzer harness: the review-log CSV reader (optimize, evaluate, replay) and the training
// items built from what it reads. Bad input is a CsvError naming its line, never a crash.
#include <cstdint>
#include <string_view>

#include "core/revlog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace casebook::core;
  try {
    auto parsed = revlog::parse_csv(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.csv");
    (void)revlog::build_items(std::move(parsed.entries), DayClock{"UTC", 4});
  } catch (const revlog::CsvError&) {
  }
  return 0;
}
