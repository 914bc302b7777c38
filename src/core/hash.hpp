// The two non-cryptographic hashes Casebook relies on for reproducible pseudo-random choices:
// FNV-1a (64 bit) of text, and splitmix64. Their values are pinned by tests: the session's
// shuffles and order, the scheduler's fuzz, the generators' rendezvous hashing and the
// simulator's and optimizer's seeds all depend on them bit for bit.
#pragma once
#include <cstdint>
#include <string_view>

namespace casebook::core {

/// FNV-1a 64-bit offset basis and prime (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/).
inline constexpr std::uint64_t kFnv1a64OffsetBasis = 14695981039346656037ULL;
inline constexpr std::uint64_t kFnv1a64Prime = 1099511628211ULL;

/// FNV-1a, 64 bits, of the bytes of `bytes`, continuing from `hash` (the offset basis for a
/// fresh hash): fnv1a64("") = 0xcbf29ce484222325, fnv1a64("a") = 0xaf63dc4c8601ec8c.
[[nodiscard]] constexpr std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = kFnv1a64OffsetBasis) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnv1a64Prime;
  }
  return hash;
}

/// splitmix64's increment (2^64 / golden ratio, odd).
inline constexpr std::uint64_t kSplitmix64Gamma = 0x9E3779B97F4A7C15ULL;

/// splitmix64's output function (Steele, Lea, Flood 2014, "Fast splittable pseudorandom number
/// generators"; constants from Vigna's public-domain reference, https://prng.di.unimi.it/splitmix64.c):
/// a bijective mix of the 64-bit state `z`.
[[nodiscard]] constexpr std::uint64_t splitmix64_mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// The next splitmix64 output: advances `state` by kSplitmix64Gamma and mixes it. Seeded with
/// 0, the first outputs are 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4.
[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  state += kSplitmix64Gamma;
  return splitmix64_mix(state);
}

}  // namespace casebook::core
