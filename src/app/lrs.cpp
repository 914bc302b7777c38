// LRS credentials (environment or an owner-only file) and the HTTP client of its statement
// resource (libcurl).
#include "app/lrs.hpp"

#include <curl/curl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>

namespace casebook::app {

namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

/// "scheme://host[:port]" of `url` (where a `more` link's path starts).
std::string origin_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto path = url.find('/', scheme + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

std::size_t collect(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

}  // namespace

std::string default_lrs_config_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && *xdg != '\0' && fs::path(xdg).is_absolute()) return (fs::path(xdg) / "casebook" / "lrs.conf").string();
  const char* home = std::getenv("HOME");
  return (fs::path(home != nullptr ? home : ".") / ".config" / "casebook" / "lrs.conf").string();
}

std::optional<LrsConfig> configured_lrs(const std::string& path) {
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) return std::nullopt;
  return load_lrs_config("", path);
}

LrsConfig load_lrs_config(const std::string& url, const std::string& path) {
  LrsConfig c;
  c.url = url;
  c.source = "none";
  const std::string file = path.empty() ? default_lrs_config_path() : path;
  struct stat st {};
  if (::stat(file.c_str(), &st) == 0) {
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
      throw std::runtime_error(file + " may be read by others (it holds the LRS password): run `chmod 600 " + file +
                               "`, or give the credentials in CASEBOOK_LRS_USER and CASEBOOK_LRS_PASSWORD");
    }
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file + ": " + std::strerror(errno));
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      const std::string text = trim(line.substr(0, line.find('#')));
      if (text.empty()) continue;
      const auto eq = text.find('=');
      const std::string key = eq == std::string::npos ? text : trim(text.substr(0, eq));
      const std::string value = eq == std::string::npos ? "" : trim(text.substr(eq + 1));
      if (eq == std::string::npos || (key != "url" && key != "user" && key != "password")) {
        throw std::runtime_error(file + ":" + std::to_string(number) + ": expected `url = ...`, `user = ...` or `password = ...`");
      }
      if (key == "url" && c.url.empty()) c.url = value;
      if (key == "user") c.user = value;
      if (key == "password") c.password = value;
    }
    c.source = file;
  }
  const char* user = std::getenv("CASEBOOK_LRS_USER");
  const char* password = std::getenv("CASEBOOK_LRS_PASSWORD");
  if (user != nullptr && password != nullptr) {
    c.user = user;
    c.password = password;
    c.source = "environment";
  }
  c.url = without_trailing_slash(c.url);
  if (c.url.empty()) throw std::runtime_error("no LRS given: use --lrs URL (or `url = ...` in " + file + ")");
  if (c.url.rfind("http://", 0) != 0 && c.url.rfind("https://", 0) != 0) {
    throw std::runtime_error("the LRS address " + c.url + " is not an http:// or https:// URL");
  }
  return c;
}

LrsClient::LrsClient(LrsConfig config, std::chrono::milliseconds timeout)
    : m_config(std::move(config)), m_timeout(timeout) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  m_curl = curl_easy_init();
  if (m_curl == nullptr) throw std::runtime_error("cannot start libcurl");
}

LrsClient::~LrsClient() { curl_easy_cleanup(static_cast<CURL*>(m_curl)); }

HttpResponse LrsClient::request(const std::string& method, const std::string& url, const std::string& body) {
  CURL* curl = static_cast<CURL*>(m_curl);
  curl_easy_reset(curl);
  HttpResponse response;
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3");
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Accept: application/json");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method != "GET") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  if (!m_config.user.empty() || !m_config.password.empty()) {
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_USERNAME, m_config.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, m_config.password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(m_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // safe on a worker thread
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  const CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  } else {
    response.error = curl_easy_strerror(rc);
  }
  curl_slist_free_all(headers);
  return response;
}

HttpResponse LrsClient::post_statements(const std::string& json_array) {
  return request("POST", m_config.url + "/statements", json_array);
}

HttpResponse LrsClient::put_statement(const std::string& id, const std::string& json) {
  return request("PUT", m_config.url + "/statements?statementId=" + id, json);
}

HttpResponse LrsClient::get_statements(const std::string& query) {
  const std::string url = query.rfind('?', 0) == 0 ? m_config.url + "/statements" + query
                          : query.rfind("http", 0) == 0 ? query
                                                         : origin_of(m_config.url) + query;
  return request("GET", url, "");
}

}  // namespace casebook::app
