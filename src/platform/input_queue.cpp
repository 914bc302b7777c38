#include "platform/input_queue.hpp"

#include <algorithm>

namespace casebook::platform {
namespace {

/// What one frame has been given so far.
struct FrameSoFar {
  std::vector<int> keys_changed, buttons_changed;
  int actions = 0;                ///< key presses (not modifiers), lone characters, mouse presses
  int commands = 0;               ///< Command key presses and mouse-button presses
  bool command_event = false;     ///< a Command key event or mouse-button press was given
  bool after_text_press = false;  ///< the last event given was a Text key press

  static bool has(const std::vector<int>& v, int code) {
    return std::find(v.begin(), v.end(), code) != v.end();
  }

  /// True when `e` can join this frame without hiding an earlier event.
  [[nodiscard]] bool admits(const InputEvent& e, bool text_input) const {
    using Kind = InputEvent::Kind;
    using Role = InputEvent::Role;
    switch (e.kind) {
      case Kind::Key: {
        if (has(keys_changed, e.code) && !(text_input && e.role == Role::Text)) return false;
        // A modifier changing after a press would change what that press means (Ctrl+S
        // seen as S when Ctrl comes up in the same frame).
        if (e.role == Role::Modifier) return text_input ? commands == 0 : actions == 0;
        if (!e.down) return true;
        if (text_input) return e.role == Role::Text || commands == 0;
        return actions == 0;
      }
      case Kind::Char:
        if (text_input) return !command_event;
        return after_text_press || actions == 0;
      case Kind::MouseButton:
        if (has(buttons_changed, e.code)) return false;
        if (!e.down) return true;
        return text_input ? commands == 0 : actions == 0;
    }
    return false;
  }

  void add(const InputEvent& e) {
    using Kind = InputEvent::Kind;
    using Role = InputEvent::Role;
    bool text_press = false;
    switch (e.kind) {
      case Kind::Key:
        keys_changed.push_back(e.code);
        if (e.role == Role::Command) command_event = true;
        if (e.down && e.role != Role::Modifier) {
          ++actions;
          if (e.role == Role::Command) ++commands;
          text_press = e.role == Role::Text;
        }
        break;
      case Kind::Char:
        if (!after_text_press) ++actions;
        break;
      case Kind::MouseButton:
        buttons_changed.push_back(e.code);
        if (e.down) {
          ++actions;
          ++commands;
          command_event = true;
        }
        break;
    }
    after_text_press = text_press;
  }
};

}  // namespace

std::vector<InputEvent> InputQueue::take_frame(bool text_input) {
  std::vector<InputEvent> out;
  FrameSoFar frame;
  while (!m_events.empty() && frame.admits(m_events.front(), text_input)) {
    frame.add(m_events.front());
    out.push_back(m_events.front());
    m_events.pop_front();
  }
  return out;
}

}  // namespace casebook::platform
