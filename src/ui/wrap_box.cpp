#include "ui/wrap_box.hpp"

#include <imgui_stdlib.h>

#include <cstring>

#include "ui/widgets.hpp"

namespace casebook::ui {

void WrapBox::set_text(const std::string& text) {
  m_wrapped = app::SoftWrapped{text, {}};
  rewrap();
}

void WrapBox::rewrap() {
  if (m_width > 0) m_wrapped = app::soft_wrap(app::unwrap(m_wrapped), m_width, text_width);
  m_buffer = m_wrapped.shown;
}

int WrapBox::on_edit(ImGuiInputTextCallbackData* data) {
  auto* box = static_cast<WrapBox*>(data->UserData);
  cursor_to_end_once(data, box->m_to_end);
  const std::string_view now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  if (now != box->m_wrapped.shown) box->m_wrapped = app::follow_edit(box->m_wrapped, now);
  const app::SoftWrapped wrapped = app::soft_wrap(app::unwrap(box->m_wrapped), box->m_width, text_width);
  if (wrapped.shown != now) {
    // Same length (a soft break swaps one byte): the cursor and selection stay put.
    std::memcpy(data->Buf, wrapped.shown.data(), wrapped.shown.size());
    data->BufDirty = true;
  }
  box->m_wrapped = wrapped;
  return 0;
}

bool WrapBox::draw(const char* id, const ImVec2& size, ImGuiInputTextFlags flags) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float outer = size.x < 0 ? ImGui::GetContentRegionAvail().x + size.x + 1 : size.x;
  const float width = outer - 2 * style.FramePadding.x - style.ScrollbarSize - 2;
  if (!m_active) {
    // Between edits the box's buffer is ours: take in what the last frame left, and wrap
    // again when the room changed.
    if (m_buffer != m_wrapped.shown) m_wrapped = app::follow_edit(m_wrapped, m_buffer);
    if (width != m_width || m_buffer != m_wrapped.shown) {
      m_width = width;
      rewrap();
    }
  }
  m_width = width;
  const bool result = ImGui::InputTextMultiline(id, &m_buffer, size, flags | ImGuiInputTextFlags_CallbackAlways,
                                                &WrapBox::on_edit, this);
  m_active = ImGui::IsItemActive();
  return result;
}

}  // namespace casebook::ui
