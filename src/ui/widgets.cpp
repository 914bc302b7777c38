#include "ui/widgets.hpp"

#include <imgui_internal.h>  // the current text wrap position

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <string>

#include "app/soft_wrap.hpp"
#include "platform/bidi.hpp"
#include "core/utf8.hpp"
#include "ui/theme.hpp"

namespace casebook::ui {

namespace {

/// Draws `text` as one or more ImGui text items, as ImGui::TextUnformatted does.
void draw_pieces(std::string_view text) {
  // Debian's ImGui 1.86 uses 16-bit indices, and one text item reserves four vertices per
  // byte: a single item over ~16 000 bytes aborts ImGui. Long text is drawn in pieces of at
  // most kMaxPiece bytes, cut after a line break if there is one, else after a space, else
  // before a UTF-8 lead byte (never inside a character).
  constexpr std::size_t kMaxPiece = 2048;
  while (text.size() > kMaxPiece) {
    std::size_t cut = text.rfind('\n', kMaxPiece - 1);
    if (cut == std::string_view::npos || cut < kMaxPiece / 2) cut = text.rfind(' ', kMaxPiece - 1);
    if (cut == std::string_view::npos || cut < kMaxPiece / 2) cut = core::utf8_cut(text, kMaxPiece) - 1;
    ImGui::TextUnformatted(text.data(), text.data() + cut + 1);
    text.remove_prefix(cut + 1);
  }
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

/// `text` with each line in drawing order (platform::display_order): right-to-left runs reversed,
/// Arabic joined. Lines stay where they are; a right-to-left paragraph is still left-aligned.
std::string display_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (;;) {
    const std::size_t end = text.find('\n');
    out += platform::display_order(text.substr(0, end));
    if (end == std::string_view::npos) break;
    out += '\n';
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace

std::string label(std::string_view text) {
  const std::size_t id = text.find("##");
  const std::string_view shown = text.substr(0, id);
  if (!platform::has_right_to_left(shown)) return std::string(text);
  std::string out = display_lines(shown);
  if (id != std::string_view::npos) out += text.substr(id);
  return out;
}

float text_width(std::string_view text) {
  return ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, -1.0f, text.data(), text.data() + text.size()).x;
}

std::string wrap_to_width(std::string_view text, float width) {
  std::string out;
  out.reserve(text.size() + 16);
  bool first = true;
  for (const std::string_view line : app::wrap_lines(text, width, text_width)) {
    if (!first) out += '\n';
    out += line;
    first = false;
  }
  return out;
}

void unformatted_text(std::string_view text) {
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float wrap_pos = window->DC.TextWrapPos;
  if (wrap_pos < 0.0f) {
    draw_pieces(platform::has_right_to_left(text) ? display_lines(text) : text);
    return;
  }
  // A wrap position is in force: our own line breaks (at spaces only), drawn unwrapped; lines
  // are broken in reading order, then each is put in drawing order.
  std::string lines = wrap_to_width(text, ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos));
  if (platform::has_right_to_left(lines)) lines = display_lines(lines);
  ImGui::PushTextWrapPos(-1.0f);
  draw_pieces(lines);
  ImGui::PopTextWrapPos();
}

std::string fit_text(const std::string& text, float room) {
  if (text_width(text) <= room) return text;
  // The most characters that fit with the "…": width grows with the characters kept.
  const auto cut = [&](std::size_t keep) { return text.substr(0, core::utf8_offset(text, keep)) + "…"; };
  std::size_t lo = 0;  // fits (0: nothing kept)
  std::size_t hi = core::code_point_count(text);  // the whole text does not fit
  while (hi - lo > 1) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (text_width(cut(mid)) <= room) lo = mid;
    else hi = mid;
  }
  return lo > 0 ? cut(lo) : std::string();
}

void wrapped_text(std::string_view text) {
  // Respect a wrap position pushed by an enclosing panel; otherwise wrap at the edge.
  const bool outer = ImGui::GetCurrentWindow()->DC.TextWrapPos >= 0.0f;
  if (!outer) ImGui::PushTextWrapPos(0.0f);
  unformatted_text(text);
  if (!outer) ImGui::PopTextWrapPos();
}

void wrapped_text(std::string_view text, const ImVec4& color) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  wrapped_text(text);
  ImGui::PopStyleColor();
}

void hint_text(std::string_view text) { wrapped_text(text, kColorMuted); }

void draw_sync_status(const app::SyncStatusView& sync) {
  if (!sync.configured || sync.line.empty()) return;
  ImGui::Dummy(ImVec2(0, 0.25f * ImGui::GetFontSize()));
  wrapped_text(sync.line, sync.failed ? kColorNotice : kColorMuted);
}

void text_in(ImFont* font, std::string_view text, const ImVec4* color) {
  if (font != nullptr) ImGui::PushFont(font);
  if (color != nullptr) ImGui::PushStyleColor(ImGuiCol_Text, *color);
  unformatted_text(text);
  if (color != nullptr) ImGui::PopStyleColor();
  if (font != nullptr) ImGui::PopFont();
}

void same_line_if_fits(const char* label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float w = ImGui::CalcTextSize(label).x + 2.0f * style.FramePadding.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + w <= right) ImGui::SameLine();
}

bool styled_button(const char* label, const ImVec2& size, bool primary, bool enabled) {
  int colors = 0;
  if (primary) {
    ImGui::PushStyleColor(ImGuiCol_Button, kColorAccent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, detail::g_palette.accent_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, detail::g_palette.accent_active);
    ImGui::PushStyleColor(ImGuiCol_Text, detail::g_palette.on_accent);
    colors = 4;
  }
  if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
  const bool clicked = ImGui::Button(label, size);
  if (!enabled) ImGui::PopStyleVar();
  ImGui::PopStyleColor(colors);
  return clicked && enabled;
}

void begin_column(const char* id, float max_em, float reserve_bottom) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = std::min(avail, max_em * ImGui::GetFontSize());
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - width) * 0.5f));
  const float height = std::max(1.0f, ImGui::GetContentRegionAvail().y - reserve_bottom);
  ImGui::BeginChild(id, ImVec2(width, height), false, ImGuiWindowFlags_NoSavedSettings);
}

void end_column() { ImGui::EndChild(); }

int typed_digit() {
  const ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    const ImWchar c = io.InputQueueCharacters[i];
    if (c >= '1' && c <= '9') return c - '0';
  }
  return 0;
}

bool typed_letter(char c) {
  const ImGuiIO& io = ImGui::GetIO();
  const int lower = std::tolower(static_cast<unsigned char>(c));
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    const ImWchar t = io.InputQueueCharacters[i];
    if (t < 128 && std::tolower(static_cast<int>(t)) == lower) return true;
  }
  return false;
}

namespace {
bool pressed(ImGuiKey_ k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); }
}  // namespace

bool enter_pressed() {
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
}
void cursor_to_end_once(ImGuiInputTextCallbackData* data, bool& to_end) {
  if (!to_end) return;
  data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
  to_end = false;
}

void scroll_keys(ScrollArrows arrows) {
  const float page = 0.8f * ImGui::GetWindowHeight();
  const float lines = 3.0f * ImGui::GetTextLineHeightWithSpacing();
  if (pressed(ImGuiKey_PageDown)) ImGui::SetScrollY(ImGui::GetScrollY() + page);
  if (pressed(ImGuiKey_PageUp)) ImGui::SetScrollY(ImGui::GetScrollY() - page);
  if (pressed(ImGuiKey_Home)) ImGui::SetScrollY(0.0f);
  if (pressed(ImGuiKey_End)) ImGui::SetScrollY(ImGui::GetScrollMaxY());
  if (arrows == ScrollArrows::UpDown) {
    if (pressed(ImGuiKey_DownArrow)) ImGui::SetScrollY(ImGui::GetScrollY() + lines);
    if (pressed(ImGuiKey_UpArrow)) ImGui::SetScrollY(ImGui::GetScrollY() - lines);
  }
}

bool escape_pressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false); }
bool up_pressed() { return pressed(ImGuiKey_UpArrow); }
bool down_pressed() { return pressed(ImGuiKey_DownArrow); }
bool left_pressed() { return pressed(ImGuiKey_LeftArrow); }
bool right_pressed() { return pressed(ImGuiKey_RightArrow); }
bool tab_pressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab), false); }

}  // namespace casebook::ui
