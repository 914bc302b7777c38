// xAPI 1.0.3 statements ("answered" one question per review) with deterministic, name-based
// (version 5) statement ids, so exporting the same reviews twice is idempotent at an LRS.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

#include "core/utf8.hpp"
#include "report/report.hpp"
#include "report/text.hpp"

namespace casebook::report {
namespace {

using Json = nlohmann::ordered_json;

/// Where Casebook's own IRIs live; `.invalid` (RFC 6761) never resolves to anyone's server.
constexpr std::string_view kIriBase = "https://casebook.invalid/xapi";
/// The fixed namespace of every statement id (a random v4 UUID chosen once for Casebook).
constexpr std::string_view kStatementNamespace = "3f0f9b52-6a4e-4c1d-9f3b-2d8e61c7a915";

/// SHA-1 digest of `data` (FIPS 180-4, section 6.1).
std::array<std::uint8_t, 20> sha1(const std::string& data) {
  std::array<std::uint32_t, 5> h = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
  std::string msg = data;
  const std::uint64_t bit_length = static_cast<std::uint64_t>(data.size()) * 8u;
  msg.push_back(static_cast<char>(0x80));
  while (msg.size() % 64 != 56) msg.push_back('\0');
  for (int i = 7; i >= 0; --i) msg.push_back(static_cast<char>((bit_length >> (i * 8)) & 0xFFu));
  const auto rotl = [](std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
  for (std::size_t block = 0; block < msg.size(); block += 64) {
    std::array<std::uint32_t, 80> w{};
    for (std::size_t t = 0; t < 16; ++t) {
      for (std::size_t b = 0; b < 4; ++b) {
        w[t] = (w[t] << 8) | static_cast<std::uint8_t>(msg[block + t * 4 + b]);
      }
    }
    for (std::size_t t = 16; t < 80; ++t) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (std::size_t t = 0; t < 80; ++t) {
      std::uint32_t f = 0, k = 0;
      if (t < 20) {
        f = (b & c) | (~b & d), k = 0x5A827999u;
      } else if (t < 40) {
        f = b ^ c ^ d, k = 0x6ED9EBA1u;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDCu;
      } else {
        f = b ^ c ^ d, k = 0xCA62C1D6u;
      }
      const std::uint32_t temp = rotl(a, 5) + f + e + k + w[t];
      e = d, d = c, c = rotl(b, 30), b = a, a = temp;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
  }
  std::array<std::uint8_t, 20> out{};
  for (std::size_t i = 0; i < 20; ++i) out[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// `text` percent-encoded for an IRI path segment: RFC 3986 unreserved characters and '/'
/// stay, every other byte becomes %XX.
std::string percent_encode(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/') {
      out.push_back(ch);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

/// An ISO 8601 duration of `ms` milliseconds in seconds, e.g. 4200 -> "PT4.2S".
std::string iso_duration(std::int64_t ms) {
  if (ms < 0) ms = 0;
  std::string text = fmt::format("{}.{:03}", ms / 1000, ms % 1000);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return "PT" + text + "S";
}

}  // namespace

std::string uuid_v5(const std::string& name_space, const std::string& name) {
  std::string bytes;
  for (std::size_t i = 0; i < name_space.size(); ++i) {
    if (name_space[i] == '-') continue;
    const int hi = hex_value(name_space[i]);
    const int lo = i + 1 < name_space.size() ? hex_value(name_space[i + 1]) : -1;
    if (hi < 0 || lo < 0) throw std::invalid_argument("not a UUID: " + name_space);
    bytes.push_back(static_cast<char>(hi * 16 + lo));
    ++i;
  }
  if (bytes.size() != 16) throw std::invalid_argument("not a UUID: " + name_space);
  std::array<std::uint8_t, 20> digest = sha1(bytes + name);
  digest[6] = static_cast<std::uint8_t>((digest[6] & 0x0Fu) | 0x50u);  // version 5
  digest[8] = static_cast<std::uint8_t>((digest[8] & 0x3Fu) | 0x80u);  // RFC 4122 variant
  std::string out;
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out += fmt::format("{:02x}", digest[i]);
  }
  return out;
}

std::string xapi_interaction_type(const std::string& question_type) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {"single_choice", "choice"},  {"multiple_response", "choice"}, {"true_false", "true-false"},
      {"short_answer", "fill-in"},  {"numeric", "numeric"},          {"ordering", "sequencing"},
      {"matching", "matching"},     {"dilemma", "long-fill-in"}};
  const auto it = kTypes.find(question_type);
  return it == kTypes.end() ? "other" : it->second;
}

void write_xapi(const ReportInput& in, std::ostream& out) {
  std::map<std::string, const CardEntry*> cards;
  for (const CardEntry& c : in.cards) cards.emplace(c.card_key, &c);
  Json statements = Json::array();
  for (const core::ReviewRecord& r : in.reviews) {
    const auto found = cards.find(r.card_key);
    const CardEntry* card = found == cards.end() ? nullptr : found->second;
    const std::string language = card != nullptr && !card->language.empty() ? card->language : "und";
    const std::string learner = r.learner.empty() ? in.learner : r.learner;

    Json s;
    // The review's identity: who, which card, when (ms). Re-exports give the same id.
    s["id"] = uuid_v5(std::string(kStatementNamespace),
                      core::valid_utf8(learner) + "\n" + core::valid_utf8(r.card_key) + "\n" +
                          std::to_string(r.reviewed_at));
    s["actor"] = {{"objectType", "Agent"},
                  {"account", {{"homePage", std::string(kIriBase) + "/learners"}, {"name", learner}}}};
    s["verb"] = {{"id", "http://adlnet.gov/expapi/verbs/answered"}, {"display", {{"en-US", "answered"}}}};
    Json definition;
    definition["name"] = {{language, card != nullptr && !card->prompt.empty() ? card->prompt : r.card_key}};
    definition["type"] = "http://adlnet.gov/expapi/activities/cmi.interaction";
    definition["interactionType"] = xapi_interaction_type(card != nullptr ? card->question_type : "");
    s["object"] = {{"objectType", "Activity"},
                   {"id", std::string(kIriBase) + "/cards/" + percent_encode(r.card_key)},
                   {"definition", std::move(definition)}};
    s["result"] = {{"response", r.answer}, {"success", r.correct}, {"duration", iso_duration(r.response_ms)}};
    s["context"] = {{"platform", "Casebook"},
                    {"language", language},
                    {"extensions", {{std::string(kIriBase) + "/extensions/rating",
                                     std::string(core::to_string(r.rating))}}}};
    s["timestamp"] = core::format_iso_utc(r.reviewed_at);
    statements.push_back(std::move(s));
  }
  out << statements.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace casebook::report
