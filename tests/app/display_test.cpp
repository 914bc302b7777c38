// Display settings (issue 12): the scale steps of Ctrl+Plus / Ctrl+Minus / Ctrl+0, the file
// they are remembered in (round trip, bad lines named), and through the Controller: a zoom
// or a theme is saved at once and a new Controller starts with it.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "app/display.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
using casebook::test::kTestNow;
using casebook::test::TempDir;
using casebook::test::test_config;

TEST(Display, ScaleSteps) {
  EXPECT_EQ(app::step_scale(100, 1), 110);
  EXPECT_EQ(app::step_scale(100, -1), 90);
  EXPECT_EQ(app::step_scale(100, 3), 150);
  EXPECT_EQ(app::step_scale(200, 1), 200);
  EXPECT_EQ(app::step_scale(75, -1), 75);
  EXPECT_EQ(app::step_scale(75, 100), 200);
  EXPECT_EQ(app::step_scale(160, 1), 175);  // between steps: the next one up
  EXPECT_EQ(app::step_scale(160, -1), 150);
  EXPECT_EQ(app::step_scale(175, 0), 100);
}

TEST(Display, FileRoundTripAndProblems) {
  const app::DisplaySettings s{150, app::Theme::Dark};
  std::vector<std::string> problems;
  EXPECT_EQ(app::parse_display(app::display_text(s), problems), s);
  EXPECT_TRUE(problems.empty());
  const auto bad = app::parse_display("ui_scale = 300\ntheme=dark\n\n# note\ncolour = red\nnonsense\n", problems);
  EXPECT_EQ(bad, (app::DisplaySettings{100, app::Theme::Dark}));
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "line 1: ui_scale must be one of 75, 90, 100, 110, 125, 150, 175, 200; got 300",
                          "line 5: unknown setting \"colour\" (known: ui_scale, theme)",
                          "line 6: expected key = value, got \"nonsense\""}));
}

TEST(Display, RememberedThroughTheController) {
  TempDir dir;
  auto now = std::make_shared<casebook::core::TimestampMs>(kTestNow);
  app::AppConfig config = test_config(dir.file("db.sqlite3"), now);
  config.display_path = dir.file("config/casebook/display.conf");
  {
    app::Controller c(config);
    EXPECT_EQ(c.display().settings, app::DisplaySettings{});
    const auto revision = c.display().revision;
    c.dispatch(app::ZoomUi{1});
    c.dispatch(app::ZoomUi{1});
    c.dispatch(app::SetTheme{app::Theme::Dark});
    EXPECT_EQ(c.display().settings, (app::DisplaySettings{125, app::Theme::Dark}));
    EXPECT_EQ(c.display().revision, revision + 3);
    c.dispatch(app::Navigate{app::Screen::Settings});  // on any screen
    c.dispatch(app::ZoomUi{-1});
    EXPECT_EQ(c.display().settings.scale_percent, 110);
  }
  std::ifstream in(config.display_path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "# Casebook display settings (written by the app)\nui_scale = 110\ntheme = dark\n");
  {
    app::Controller again(config);
    EXPECT_EQ(again.display().settings, (app::DisplaySettings{110, app::Theme::Dark}));
    again.dispatch(app::ZoomUi{0});
    EXPECT_EQ(again.display().settings.scale_percent, 100);
  }
  // A file with a bad line: the rest applies and the status line says what was wrong.
  std::ofstream(config.display_path) << "ui_scale = 125\ntheme = purple\n";
  app::Controller third(config);
  EXPECT_EQ(third.display().settings, (app::DisplaySettings{125, app::Theme::System}));
  EXPECT_EQ(third.message(), "Display settings: " + config.display_path + ": line 2: theme must be system, light or dark; got purple");
}
