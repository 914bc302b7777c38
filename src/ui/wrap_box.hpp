// A multi-line text box that wraps words at its edge (Dear ImGui 1.86's own does not): the
// learner's text is kept apart from the soft line breaks shown (app/soft_wrap.hpp).
#pragma once
#include <imgui.h>

#include <string>

#include "app/soft_wrap.hpp"

namespace casebook::ui {

class WrapBox {
 public:
  /// Replaces the text (the learner's, without soft breaks).
  void set_text(const std::string& text);
  /// The learner's text: soft breaks back to spaces, typed line breaks kept.
  [[nodiscard]] std::string text() const { return app::unwrap(m_wrapped); }
  /// Draws the box (`size` as ImGui::InputTextMultiline; `flags` are passed on). Returns what
  /// InputTextMultiline returns (true on Ctrl+Enter with EnterReturnsTrue).
  bool draw(const char* id, const ImVec2& size, ImGuiInputTextFlags flags = 0);
  /// The box has the keyboard.
  [[nodiscard]] bool active() const { return m_active; }
  /// Call with ImGui::SetKeyboardFocusHere() before draw(): the cursor goes to the end of the
  /// text when the box takes the keyboard (ImGui would put it at the start), so what the
  /// learner types next follows what is there.
  void cursor_to_end() { m_to_end = true; }

 private:
  static int on_edit(ImGuiInputTextCallbackData* data);
  /// Soft breaks again for the learner's text at `m_width`.
  void rewrap();

  app::SoftWrapped m_wrapped;  ///< what the box shows, and where its soft breaks are
  std::string m_buffer;         ///< the widget's buffer (= m_wrapped.shown between frames)
  float m_width = 0;            ///< room for text inside the box, pixels
  bool m_active = false;
  bool m_to_end = false;        ///< move the cursor to the end on the next edit callback
};

}  // namespace casebook::ui
