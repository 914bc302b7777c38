// Schema of the progress database as an ordered list of migration steps (internal to
// storage). Step k takes the schema from user_version k-1 to k, in its own transaction.
#pragma once
#include <cstdint>
#include <span>

namespace casebook::storage::detail {

/// `PRAGMA application_id` of every Casebook progress database: "CSKB" as big-endian ASCII.
inline constexpr std::int32_t kApplicationId = 0x43534B42;

/// One schema step: SQL that takes user_version `version - 1` to `version`.
struct Migration {
  int version;              ///< user_version after this step (1, 2, ...)
  const char* description;  ///< for error messages and docs
  const char* sql;          ///< one or more statements, run inside the step's transaction
};

/// Every step in order; the last one's version is the schema this build writes.
[[nodiscard]] std::span<const Migration> migrations();

}  // namespace casebook::storage::detail
