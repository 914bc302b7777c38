// BCP 47 language tags (RFC 5646): a syntax check of the tags banks declare, with a
// suggestion for the usual slips ("en_US" for "en-US").
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace casebook::core {

/// True when `tag` is a well-formed BCP 47 language tag (RFC 5646 section 2.1: the
/// `langtag` production, a private-use tag "x-...", or one of the grandfathered tags);
/// case-insensitive, as the RFC says. Well-formed is not "registered": "qq-ZZ" passes.
[[nodiscard]] bool is_bcp47_tag(std::string_view tag);

/// A well-formed tag close to `tag` when `tag` is not one: '_' and spaces turned into '-'
/// and each subtag in its conventional case ("en_us" -> "en-US", "zh_hant_tw" ->
/// "zh-Hant-TW"); nullopt when there is none.
[[nodiscard]] std::optional<std::string> suggest_bcp47_tag(std::string_view tag);

}  // namespace casebook::core
