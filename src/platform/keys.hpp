// Key codes the screens test with ImGui::IsKeyPressed beyond ImGuiKey_ (ImGui 1.86 indexes
// io.KeysDown by the backend's codes, which are GLFW's); checked against GLFW in window.cpp.
#pragma once

namespace casebook::platform {

inline constexpr int kKeyF1 = 290;   ///< GLFW_KEY_F1
inline constexpr int kKeyF5 = 294;   ///< GLFW_KEY_F5
inline constexpr int kKeyS = 83;     ///< GLFW_KEY_S (Ctrl+S saves the settings)
inline constexpr int kKeyO = 79;     ///< GLFW_KEY_O (Ctrl+O opens the Optimize screen from the settings)
inline constexpr int kKeyB = 66;     ///< GLFW_KEY_B (Ctrl+B picks the options in the workload simulator)
inline constexpr int kKeyI = 73;     ///< GLFW_KEY_I (I opens the Import screen from Home)
inline constexpr int kKeyZ = 90;     ///< GLFW_KEY_Z (Ctrl+Z takes back the last rating)
inline constexpr int kKeyP = 80;     ///< GLFW_KEY_P (Ctrl+P opens the exam plan from the workload simulator)
inline constexpr int kKeyG = 71;     ///< GLFW_KEY_G (Ctrl+G picks what the workload simulator compares with)

}  // namespace casebook::platform
