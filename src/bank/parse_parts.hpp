// Internal to the bank loader: a large bank's TOML parsed in two parts on two threads, giving
// the same tree (values, keys, source lines and columns) as one toml::parse of the whole text.
#pragma once
#include <toml++/toml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace casebook::bank::detail {

/// Text from this size on (bytes) is parsed in two parts when the machine has two cores; below
/// it a thread costs more than it saves (docs/performance.md, "Loading a bank").
inline constexpr std::size_t kParsePartsBytes = 128 * 1024;

/// Where `text` may be cut in two for parse_in_parts: the byte offset of a line `[[name]]`
/// (a bare name, such as [[event]]) at or after the middle of the text, or nullopt. The cut is
/// only a guess (it may fall inside a multi-line string); parse_in_parts checks it.
[[nodiscard]] std::optional<std::size_t> find_parts_cut(std::string_view text);

/// Parses `text` (the file `path`) as toml::parse(text, path) would, but in two parts on two
/// threads (one after the other when no thread can be started): the text before find_parts_cut and the text from it (preceded by as many line
/// breaks as the first part has, so every source line and column is the whole file's). Each
/// part is checked by find_overlong_key and find_unsafe_toml before toml++ sees it. The second
/// part's array of tables is appended to the first part's and its other top-level tables
/// are added. Returns nullopt, and the caller parses the whole text the usual way, whenever
/// the result could differ from that: text shorter than `min_bytes` or a one-core machine
/// (unless `force`), no cut, a part that a scan refuses or toml++ cannot parse (so every
/// diagnostic comes from the usual way), an array before the cut written inline or a table
/// named in both parts. Never throws except std::bad_alloc.
[[nodiscard]] std::optional<toml::table> parse_in_parts(std::string_view text, const std::string& path,
                                                        std::size_t min_bytes = kParsePartsBytes, bool force = false);

}  // namespace casebook::bank::detail
