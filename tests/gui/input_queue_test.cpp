// platform::InputQueue without a window: which events each frame is given, for the bursts
// xdotool and fast typists produce (GLFW key codes; no event is ever lost or reordered).
#include "platform/input_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <random>
#include <vector>

namespace casebook::platform {

/// Prints an event as e.g. "key 83 down", "char 49", "mouse 0 up" in gtest failures.
void PrintTo(const InputEvent& e, std::ostream* os) {
  const char* kind = e.kind == InputEvent::Kind::Key    ? "key"
                     : e.kind == InputEvent::Kind::Char ? "char"
                                                        : "mouse";
  *os << kind << ' ' << e.code;
  if (e.kind != InputEvent::Kind::Char) *os << (e.down ? " down" : " up");
}

namespace {

using Role = InputEvent::Role;

using Frames = std::vector<std::vector<InputEvent>>;

// GLFW key codes used below.
constexpr int kKey1 = 49, kKey3 = 51, kKeyA = 65, kKeyB = 66, kKeyX = 88;
constexpr int kEnter = 257, kBackspace = 259, kRight = 262, kLeft = 263, kCtrl = 341, kShift = 340;

InputEvent down(int key, Role role = Role::Command) { return InputEvent::key(key, true, role); }
InputEvent up(int key, Role role = Role::Command) { return InputEvent::key(key, false, role); }
InputEvent text_down(int key) { return down(key, Role::Text); }
InputEvent text_up(int key) { return up(key, Role::Text); }
InputEvent ch(char32_t c) { return InputEvent::character(c); }

/// Pushes `events`, then takes frames until the queue is empty.
Frames frames_of(const std::vector<InputEvent>& events, bool text_input) {
  InputQueue q;
  for (const auto& e : events) q.push(e);
  Frames out;
  while (!q.empty()) {
    out.push_back(q.take_frame(text_input));
    if (out.size() > events.size()) break;  // no progress: the test fails below
  }
  return out;
}

/// "1 3 Return" from `xdotool key --delay 0` on a choice card: each digit in its own frame
/// (a screen reads one character per frame), Enter after both.
TEST(InputQueue, DigitsInOneBurstGetAFrameEach) {
  const auto frames = frames_of({text_down(kKey1), ch('1'), text_up(kKey1), text_down(kKey3),
                                 ch('3'), text_up(kKey3), down(kEnter), up(kEnter)},
                                false);
  const Frames expected = {{text_down(kKey1), ch('1')},
                           {text_up(kKey1), text_down(kKey3), ch('3')},
                           {text_up(kKey3), down(kEnter)},
                           {up(kEnter)}};
  EXPECT_EQ(frames, expected);
}

/// A quick double Backspace in a text box: ImGui sees the key go down twice.
TEST(InputQueue, DoubleBackspaceIsTwoPresses) {
  const auto frames =
      frames_of({down(kBackspace), up(kBackspace), down(kBackspace), up(kBackspace)}, true);
  const Frames expected = {
      {down(kBackspace)}, {up(kBackspace)}, {down(kBackspace)}, {up(kBackspace)}};
  EXPECT_EQ(frames, expected);
}

/// Typing into a text box stays fast: a whole word, a doubled letter included, in one frame.
TEST(InputQueue, TextBoxTakesManyCharactersPerFrame) {
  const std::vector<InputEvent> typed = {text_down(kKeyA), ch('a'), text_up(kKeyA),
                                         text_down(kKeyX), ch('x'), text_up(kKeyX),
                                         text_down(kKeyX), ch('x'), text_up(kKeyX)};
  const auto frames = frames_of(typed, true);
  ASSERT_EQ(frames.size(), 1U);
  EXPECT_EQ(frames[0], typed);
  // The same keys with no text box: one character per frame, and a key goes down again
  // only in the frame after the one that saw it come up.
  EXPECT_EQ(frames_of(typed, false), (Frames{{text_down(kKeyA), ch('a')},
                                             {text_up(kKeyA), text_down(kKeyX), ch('x')},
                                             {text_up(kKeyX)},
                                             {text_down(kKeyX), ch('x')},
                                             {text_up(kKeyX)}}));
}

/// ImGui's text box inserts a frame's characters before it handles its keys: a character
/// typed after Backspace waits for the frame after the Backspace.
TEST(InputQueue, CharacterAfterCommandKeyWaits) {
  const auto frames = frames_of({text_down(kKeyA), ch('a'), text_up(kKeyA), down(kBackspace),
                                 up(kBackspace), text_down(kKeyB), ch('b'), text_up(kKeyB)},
                                true);
  const Frames expected = {{text_down(kKeyA), ch('a'), text_up(kKeyA), down(kBackspace)},
                           {up(kBackspace), text_down(kKeyB)},
                           {ch('b'), text_up(kKeyB)}};
  EXPECT_EQ(frames, expected);
}

/// Rolling keys (the second pressed before the first is released) and two arrows at once.
TEST(InputQueue, OneActionPerFrameWithoutTextBox) {
  EXPECT_EQ(frames_of({text_down(kKey1), ch('1'), text_down(kKey3), ch('3'), text_up(kKey1),
                       text_up(kKey3)},
                      false),
            (Frames{{text_down(kKey1), ch('1')},
                    {text_down(kKey3), ch('3'), text_up(kKey1)},
                    {text_up(kKey3)}}));
  EXPECT_EQ(frames_of({down(kLeft), down(kRight), up(kLeft), up(kRight)}, true),
            (Frames{{down(kLeft)}, {down(kRight), up(kLeft)}, {up(kRight)}}));
  // Characters with no key press (an input method) are actions of their own.
  EXPECT_EQ(frames_of({ch(U'é'), ch(U'ü')}, false), (Frames{{ch(U'é')}, {ch(U'ü')}}));
}

/// Ctrl+Enter sent at once: Enter goes down while Ctrl is down, both come up a frame later.
TEST(InputQueue, ModifierStaysDownWithItsKey) {
  const auto frames = frames_of(
      {down(kCtrl, Role::Modifier), down(kEnter), up(kEnter), up(kCtrl, Role::Modifier)}, false);
  const Frames expected = {{down(kCtrl, Role::Modifier), down(kEnter)},
                           {up(kEnter), up(kCtrl, Role::Modifier)}};
  EXPECT_EQ(frames, expected);
}

/// xdotool's ctrl+s releases Ctrl before S: Ctrl must still be down in the frame that sees S
/// go down (the settings screen saves on Ctrl+S), also when Ctrl went down a frame earlier.
/// A capital letter typed into a text box comes in the frame that sees Shift go down.
TEST(InputQueue, ModifierChangeAfterAPressWaits) {
  const InputEvent ctrl_down = down(kCtrl, Role::Modifier), ctrl_up = up(kCtrl, Role::Modifier);
  const InputEvent s_down = down(83), s_up = up(83);  // S with Ctrl held: a Command key
  for (const bool text_input : {false, true}) {
    EXPECT_EQ(frames_of({ctrl_down, s_down, ctrl_up, s_up}, text_input),
              (Frames{{ctrl_down, s_down}, {ctrl_up, s_up}}));
    InputQueue q;  // Ctrl arrives alone, the rest after a frame was drawn
    q.push(ctrl_down);
    EXPECT_EQ(q.take_frame(text_input), std::vector<InputEvent>{ctrl_down});
    for (const auto& e : {s_down, ctrl_up, s_up}) q.push(e);
    EXPECT_EQ(q.take_frame(text_input), std::vector<InputEvent>{s_down});
    EXPECT_EQ(q.take_frame(text_input), (std::vector<InputEvent>{ctrl_up, s_up}));
  }
  const std::vector<InputEvent> capital = {down(kShift, Role::Modifier), text_down(kKeyA), ch('A'),
                                           up(kShift, Role::Modifier), text_up(kKeyA)};
  EXPECT_EQ(frames_of(capital, true),
            (Frames{{capital[0], capital[1], capital[2]}, {capital[3], capital[4]}}));
}

/// A double click: each press and release in a frame of its own, at its own position.
TEST(InputQueue, DoubleClickKeepsBothClicks) {
  const auto m = [](bool d, float x) { return InputEvent::mouse_button(0, d, x, 5.0f); };
  const auto frames = frames_of({m(true, 1), m(false, 2), m(true, 3), m(false, 4)}, false);
  const Frames expected = {{m(true, 1)}, {m(false, 2)}, {m(true, 3)}, {m(false, 4)}};
  EXPECT_EQ(frames, expected);
}

/// Any sequence: every frame takes at least one event, the frames put together are the
/// sequence, no key or button changes state twice in a frame (but Text keys in a text box),
/// no second key is pressed in a frame without one, and no modifier changes after a press.
TEST(InputQueue, RandomSequencesLoseNothing) {
  std::mt19937 rng(20240611);
  const int keys[] = {kKey1, kKey3, kKeyA, kEnter, kBackspace, kShift};
  for (int round = 0; round < 400; ++round) {
    const bool text_input = round % 2 == 0;
    std::vector<InputEvent> events;
    const int n = 1 + static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) {
      const int k = keys[rng() % 6];
      const Role role = k == kShift                        ? Role::Modifier
                        : (k == kEnter || k == kBackspace) ? Role::Command
                                                           : Role::Text;
      switch (rng() % 3) {
        case 0:
          events.push_back(InputEvent::key(k, rng() % 2 == 0, role));
          break;
        case 1:
          events.push_back(ch(static_cast<char32_t>('a' + rng() % 3)));
          break;
        default:
          events.push_back(
              InputEvent::mouse_button(static_cast<int>(rng() % 2), rng() % 2 == 0, 1, 2));
          break;
      }
    }
    const auto frames = frames_of(events, text_input);
    std::vector<InputEvent> joined;
    for (const auto& f : frames) {
      ASSERT_FALSE(f.empty());
      std::vector<int> changed;
      int presses = 0;
      for (const auto& e : f) {
        joined.push_back(e);
        if (e.kind == InputEvent::Kind::Char) continue;
        const int id = e.kind == InputEvent::Kind::Key ? e.code : -1 - e.code;
        if (!(text_input && e.role == Role::Text && e.kind == InputEvent::Kind::Key)) {
          EXPECT_EQ(std::count(changed.begin(), changed.end(), id), 0) << "round " << round;
          changed.push_back(id);
        }
        if (e.kind == InputEvent::Kind::Key && e.role == Role::Modifier) {
          EXPECT_EQ(presses, 0) << "round " << round << ": a modifier changed after a press";
        }
        if (e.down && e.role != Role::Modifier && !(text_input && e.role == Role::Text)) ++presses;
      }
      EXPECT_LE(presses, 1) << "round " << round;
    }
    EXPECT_EQ(joined, events) << "round " << round;
  }
}

}  // namespace
}  // namespace casebook::platform
