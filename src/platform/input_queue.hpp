// An ordered queue of key, character and mouse-button events between the window system and
// ImGui 1.86, which samples key state once per frame: each frame gets only the events it
// can see without losing any (see InputQueue::take_frame). Pure: no GLFW, no ImGui.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

namespace casebook::platform {

/// One input event in the order the window system reported it.
struct InputEvent {
  enum class Kind : std::uint8_t { Key, Char, MouseButton };
  /// How a key acts. Text: a printable key without Ctrl/Alt/Super, whose effect in a text box
  /// is its character; Modifier: Shift, Ctrl, Alt, Super; Command: every other key (Enter,
  /// Backspace, arrows, F-keys, and printable keys with Ctrl/Alt/Super), read by its state.
  enum class Role : std::uint8_t { Text, Modifier, Command };

  Kind kind = Kind::Key;
  int code = 0;               ///< key code (GLFW), Unicode scalar value, or mouse button index
  bool down = false;          ///< Key, MouseButton: pressed (true) or released
  Role role = Role::Command;  ///< Key only
  float x = 0.0f, y = 0.0f;   ///< MouseButton: cursor position, screen coordinates

  [[nodiscard]] static InputEvent key(int code, bool down, Role role) {
    return {Kind::Key, code, down, role, 0.0f, 0.0f};
  }
  [[nodiscard]] static InputEvent character(char32_t c) {
    return {Kind::Char, static_cast<int>(c), false, Role::Text, 0.0f, 0.0f};
  }
  [[nodiscard]] static InputEvent mouse_button(int button, bool down, float x, float y) {
    return {Kind::MouseButton, button, down, Role::Command, x, y};
  }
  friend bool operator==(const InputEvent&, const InputEvent&) = default;
};

/// Holds input events until a frame can take them. Not thread-safe (GLFW calls back on the
/// main thread, inside glfwPollEvents).
class InputQueue {
 public:
  /// Appends `e` (events are never dropped or reordered).
  void push(const InputEvent& e) { m_events.push_back(e); }

  /// Removes and returns, in order, the longest prefix of the queue the next frame can be
  /// given without losing an event. Feeding stops before:
  /// - a second state change of the same key or mouse button in this frame (ImGui would see
  ///   only the last state), except Text keys while a text box has focus (their characters
  ///   carry their effect there);
  /// - with `text_input` false (the screens read at most one key or character per frame):
  ///   a second action, an action being a key press (not a modifier), a character that does
  ///   not belong to the key press just before it, or a mouse-button press; and a modifier
  ///   event after an action (it would change what the action means: Ctrl+S read as S);
  /// - with `text_input` true (a text box has keyboard focus: characters flow freely): a
  ///   character after a Command key event or a mouse-button press of this frame (ImGui's
  ///   text box handles characters before keys); a second Command key press or mouse-button
  ///   press; and a modifier event after one of those.
  /// The first event is always taken, so every call makes progress while the queue is not
  /// empty.
  [[nodiscard]] std::vector<InputEvent> take_frame(bool text_input);

  [[nodiscard]] bool empty() const { return m_events.empty(); }
  [[nodiscard]] std::size_t size() const { return m_events.size(); }

 private:
  std::deque<InputEvent> m_events;
};

}  // namespace casebook::platform
