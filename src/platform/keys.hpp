// Key codes the screens test with ImGui::IsKeyPressed beyond ImGuiKey_ (ImGui 1.86 indexes
// io.KeysDown by the backend's codes, which are GLFW's); checked against GLFW in window.cpp.
#pragma once

namespace casebook::platform {

inline constexpr int kKeyF1 = 290;   ///< GLFW_KEY_F1
inline constexpr int kKeyF5 = 294;   ///< GLFW_KEY_F5
inline constexpr int kKeyF6 = 295;   ///< GLFW_KEY_F6 (F6 moves the keyboard focus to the workload simulator's next chart)
inline constexpr int kKeyS = 83;     ///< GLFW_KEY_S (Ctrl+S saves the settings)
inline constexpr int kKeyO = 79;     ///< GLFW_KEY_O (Ctrl+O opens the Optimize screen from the settings)
inline constexpr int kKeyB = 66;     ///< GLFW_KEY_B (Ctrl+B picks the options in the workload simulator, the bank on the Export screen)
inline constexpr int kKeyZ = 90;     ///< GLFW_KEY_Z (Ctrl+Z takes back the last rating)
inline constexpr int kKeyI = 73;     ///< GLFW_KEY_I (I opens the Import screen from Home; Ctrl+I card info)
inline constexpr int kKeyJ = 74;     ///< GLFW_KEY_J (Ctrl+J suspends or unsuspends a card)
inline constexpr int kKeyL = 76;     ///< GLFW_KEY_L (Ctrl+L picks the learner on the Export screen)
inline constexpr int kKeyR = 82;     ///< GLFW_KEY_R (Ctrl+R resets a card to new)
inline constexpr int kKeyE = 69;     ///< GLFW_KEY_E (Ctrl+E flags a card with a note)
inline constexpr int kKeyP = 80;     ///< GLFW_KEY_P (Ctrl+P: the exam plan from the workload simulator; reports a problem with a card)
inline constexpr int kKeyF = 70;     ///< GLFW_KEY_F (Ctrl+F focuses the Browser's search)
inline constexpr int kKey0 = 48;     ///< GLFW_KEY_0; GLFW_KEY_1..9 follow (Ctrl+1..7 flag a card; Ctrl+0 UI scale 100 %)
inline constexpr int kKeyEqual = 61;       ///< GLFW_KEY_EQUAL (Ctrl+= and Ctrl++ enlarge the UI)
inline constexpr int kKeyMinus = 45;       ///< GLFW_KEY_MINUS (Ctrl+- shrinks the UI)
inline constexpr int kKeyKp0 = 320;        ///< GLFW_KEY_KP_0
inline constexpr int kKeyKpSubtract = 333; ///< GLFW_KEY_KP_SUBTRACT
inline constexpr int kKeyKpAdd = 334;      ///< GLFW_KEY_KP_ADD
inline constexpr int kKeyG = 71;     ///< GLFW_KEY_G (Ctrl+G picks what the workload simulator compares with)

}  // namespace casebook::platform
