// core/hash.hpp: FNV-1a and splitmix64 against their published reference values.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "core/hash.hpp"

namespace casebook::core {
namespace {

TEST(Fnv1a64, MatchesThePublishedTestVectors) {
  // Landon Curt Noll's FNV test suite (test_fnv.c, FNV-1a 64).
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
  EXPECT_EQ(kFnv1a64OffsetBasis, 14695981039346656037ULL);
  EXPECT_EQ(kFnv1a64Prime, 1099511628211ULL);
}

TEST(Fnv1a64, ContinuesAHashAndReadsBytesUnsigned) {
  EXPECT_EQ(fnv1a64("bar", fnv1a64("foo")), fnv1a64("foobar"));
  // A byte >= 0x80 is XORed as 0..255, never sign-extended.
  std::uint64_t h = kFnv1a64OffsetBasis;
  h ^= 0xC3U;
  h *= kFnv1a64Prime;
  EXPECT_EQ(fnv1a64("\xC3"), h);
  static_assert(fnv1a64("a") == 0xaf63dc4c8601ec8cULL, "usable at compile time");
}

TEST(Splitmix64, MatchesVignasReferenceOutputs) {
  // https://prng.di.unimi.it/splitmix64.c seeded with 1234567 (the sequence quoted by its
  // ports' tests), and with 0.
  std::uint64_t state = 1234567;
  EXPECT_EQ(splitmix64(state), 6457827717110365317ULL);
  EXPECT_EQ(splitmix64(state), 3203168211198807973ULL);
  EXPECT_EQ(splitmix64(state), 9817491932198370423ULL);
  EXPECT_EQ(state, 1234567 + 3 * kSplitmix64Gamma);
  state = 0;
  EXPECT_EQ(splitmix64(state), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(splitmix64(state), 0x6e789e6aa1b965f4ULL);
}

TEST(Splitmix64, MixIsTheOutputOfTheAdvancedState) {
  std::uint64_t state = 42;
  const std::uint64_t first = splitmix64(state);
  EXPECT_EQ(splitmix64_mix(42 + kSplitmix64Gamma), first);
  EXPECT_EQ(splitmix64_mix(0), 0U);  // the mix is a bijection that fixes 0
}

}  // namespace
}  // namespace casebook::core
