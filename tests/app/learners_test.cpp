// Learners from Home (issue 12), on a real SQLite file: a name checked (trimmed, any script,
// refused when blank, with a control character or too long), switching (counts, card states,
// options and the review log are the other learner's), adding (the learner is in the file and
// their reviews are recorded under them; an existing name switches), refused during a session
// and in a read-only app, the choice remembered for the next start and overridden by
// --learner, and the names' characters in the font atlas.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/controller.hpp"
#include "app/learners.hpp"
#include "storage/progress.hpp"
#include "test_support.hpp"

namespace app = casebook::app;
namespace core = casebook::core;
namespace storage = casebook::storage;
using casebook::test::kTestNow;
using casebook::test::make_answer;
using casebook::test::TempDir;
using casebook::test::test_config;

namespace {

const std::string kBoris = "Борис";         // Cyrillic
const std::string kHana = "花子 (はなこ)";  // CJK and kana

/// Answers `n` cards right (Good) in a session over every course bank, then back to Home.
void study(app::Controller& c, const std::shared_ptr<core::TimestampMs>& now, int n) {
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.screen(), app::Screen::Study) << c.message();
  for (int i = 0; i < n && c.screen() == app::Screen::Study; ++i) {
    *now += 5000;
    c.dispatch(app::SubmitAnswer{make_answer(casebook::test::shown_question(c), true)});
    c.dispatch(app::Rate{core::Rating::Good});
    ASSERT_TRUE(c.message().empty()) << c.message();
  }
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
}

struct Counts {
  int fresh, learning, review;
  friend bool operator==(const Counts&, const Counts&) = default;
};
Counts counts(const app::HomeView& h) { return {h.new_available, h.learning_due, h.review_due}; }

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool has_code_point(const app::Controller& c, char32_t cp) {
  const auto cps = c.used_code_points();
  return std::binary_search(cps.begin(), cps.end(), cp);
}

}  // namespace

TEST(LearnerName, TrimmedAnyScriptAndRefusedWithAReason) {
  EXPECT_EQ(app::check_learner_name("  \xC2\xA0" + kBoris + "\xE3\x80\x80\t").name, kBoris);  // NBSP, ideographic space
  EXPECT_EQ(app::check_learner_name("  \xC2\xA0" + kBoris + "\xE3\x80\x80\t").problem, "");
  EXPECT_EQ(app::check_learner_name("Ann  Lee").name, "Ann  Lee");  // inner spaces kept
  EXPECT_EQ(app::check_learner_name("مريم").problem, "");
  EXPECT_EQ(app::check_learner_name(" \xE2\x80\x8B ").problem, "a name needs at least one visible character");
  EXPECT_EQ(app::check_learner_name("").problem, "a name needs at least one visible character");
  EXPECT_EQ(app::check_learner_name("Ann\nLee").problem,
            "a name cannot hold a line break, a tab or another control character");
  EXPECT_EQ(app::check_learner_name("a\x80z").problem, "a name must be valid UTF-8 text");
  EXPECT_EQ(app::check_learner_name("\xF0\x9E\xA4\x80").problem,  // U+1E900, an Adlam letter
            "a name cannot hold a character above U+FFFF (an emoji, or a letter of a script such as Adlam): "
            "the window cannot draw it");
  EXPECT_EQ(app::check_learner_name("\xEF\xBF\xBD Ann").problem, "");  // U+FFFD is the last that can be drawn
  std::string longest;
  for (int i = 0; i < 64; ++i) longest += "字";
  EXPECT_EQ(app::check_learner_name(longest).problem, "");
  EXPECT_EQ(app::check_learner_name(longest + "字").problem, "a name has at most 64 characters (this one has 65)");
}

TEST(LearnerMemory, FileRoundTripForOneProgressFile) {
  TempDir dir;
  const std::string db = dir.file("progress.sqlite3");
  const std::string path = dir.file("config/casebook/learner.conf");
  EXPECT_EQ(app::load_remembered_learner(path, db), std::nullopt);  // no file yet
  app::remember_learner(path, db, kHana);
  EXPECT_EQ(read_text(path), "# Casebook: the learner chosen last on Home (written by the app)\nprogress = " +
                                 std::filesystem::weakly_canonical(db).string() + "\nlearner = " + kHana + "\n");
  EXPECT_EQ(app::load_remembered_learner(path, db), kHana);
  EXPECT_EQ(app::load_remembered_learner(path, dir.file("sub/../progress.sqlite3")), kHana);  // the same file
  EXPECT_EQ(app::load_remembered_learner(path, dir.file("other.sqlite3")), std::nullopt);
  EXPECT_EQ(app::load_remembered_learner("", db), std::nullopt);
}

TEST(Learners, AddAndSwitchUseTheOtherLearnersStatesOptionsAndCounts) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  const app::AppConfig config = test_config(dir.file("db.sqlite3"), now);
  app::Controller c(config);
  const Counts fresh = counts(c.home());
  EXPECT_EQ(c.home().learners, std::vector<std::string>{"alice"});
  // alice: 2 cards studied, new cards per day 5.
  c.dispatch(app::Navigate{app::Screen::Settings});
  core::StudyOptions o = c.study_options();
  o.new_cards_per_day = 5;
  c.dispatch(app::SaveOptions{o, ""});
  c.dispatch(app::Back{});
  study(c, now, 2);
  const Counts alice = counts(c.home());
  ASSERT_NE(alice, fresh);

  c.dispatch(app::AddLearner{"  " + kBoris + " "});
  EXPECT_EQ(c.message(), "Learner " + kBoris + " added: now studying as " + kBoris + ".");
  EXPECT_EQ(c.config().learner, kBoris);
  EXPECT_EQ(c.home().learner, kBoris);
  EXPECT_EQ(c.home().learners, (std::vector<std::string>{"alice", kBoris}));  // byte order
  EXPECT_EQ(counts(c.home()), fresh);  // nothing studied, the default options
  EXPECT_EQ(c.study_options().new_cards_per_day, 20);
  EXPECT_EQ(c.settings().learner_options.new_cards_per_day, 20);
  study(c, now, 1);
  {
    storage::Progress file(config.db_path, storage::Progress::Access::ReadOnly);
    EXPECT_EQ(file.learners(), (std::vector<std::string>{"alice", kBoris}));
    const auto log = file.review_log(kBoris);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].learner, kBoris);
    EXPECT_EQ(file.card_states(kBoris).size(), 1u);
    EXPECT_EQ(file.review_log("alice").size(), 2u);
  }
  const Counts boris = counts(c.home());

  c.dispatch(app::SwitchLearner{"alice"});
  EXPECT_EQ(c.message(), "Now studying as alice.");
  EXPECT_EQ(c.home().learner, "alice");
  EXPECT_EQ(counts(c.home()), alice);
  EXPECT_EQ(c.study_options().new_cards_per_day, 5);
  // Adding a name the file has switches to that learner.
  c.dispatch(app::AddLearner{kBoris});
  EXPECT_EQ(c.message(), kBoris + " is a learner of this file already: now studying as " + kBoris + ".");
  EXPECT_EQ(counts(c.home()), boris);
  EXPECT_EQ(c.home().learners.size(), 2u);
  // Refused names and unknown learners change nothing.
  c.dispatch(app::AddLearner{" \t "});
  EXPECT_EQ(c.message(), "No learner added: a name needs at least one visible character.");
  c.dispatch(app::SwitchLearner{"zed"});
  EXPECT_EQ(c.message(), "There is no learner named \"zed\" in this progress file.");
  EXPECT_EQ(c.config().learner, kBoris);
  EXPECT_EQ(storage::Progress(config.db_path, storage::Progress::Access::ReadOnly).learners().size(), 2u);
}

TEST(Learners, RefusedDuringASessionAndOffHome) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::Controller c(test_config(dir.file("db.sqlite3"), now));
  c.dispatch(app::StartSession{});
  ASSERT_EQ(c.screen(), app::Screen::Study);
  c.dispatch(app::AddLearner{kBoris});
  EXPECT_EQ(c.message(), "Finish the session or the exam, then switch learners on Home.");
  EXPECT_EQ(c.screen(), app::Screen::Study);
  EXPECT_EQ(c.config().learner, "alice");
  c.dispatch(app::LeaveSession{});
  c.dispatch(app::GoHome{});
  c.dispatch(app::Navigate{app::Screen::Exam});
  ASSERT_EQ(c.screen(), app::Screen::Exam);
  c.dispatch(app::SwitchLearner{"alice"});
  EXPECT_EQ(c.message(), "Finish the session or the exam, then switch learners on Home.");
  c.dispatch(app::Back{});
  EXPECT_EQ(c.home().learners, std::vector<std::string>{"alice"});  // nothing was added
}

TEST(Learners, RefusedInAReadOnlyApp) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::AppConfig config = test_config(dir.file("db.sqlite3"), now);
  config.learner_memory_path = dir.file("learner.conf");
  {
    app::Controller c(config);
    c.dispatch(app::AddLearner{kBoris});
    c.dispatch(app::SwitchLearner{"alice"});
  }
  std::filesystem::remove(config.learner_memory_path);
  config.read_only = true;
  config.read_only_reason = "Another Casebook has this progress file open.";
  app::Controller c(config);
  EXPECT_EQ(c.home().learners, (std::vector<std::string>{"alice", kBoris}));
  c.dispatch(app::SwitchLearner{kBoris});
  EXPECT_EQ(c.message().rfind("Read-only: Another Casebook has this progress file open.", 0), 0u) << c.message();
  c.dispatch(app::AddLearner{kHana});
  EXPECT_EQ(c.message().rfind("Read-only: ", 0), 0u) << c.message();
  EXPECT_EQ(c.config().learner, "alice");
  EXPECT_EQ(storage::Progress(config.db_path, storage::Progress::Access::ReadOnly).learners(),
            (std::vector<std::string>{"alice", kBoris}));
  EXPECT_FALSE(std::filesystem::exists(config.learner_memory_path));
}

TEST(Learners, TheChoiceIsRememberedAndAGivenLearnerWins) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::AppConfig config = test_config(dir.file("db.sqlite3"), now);  // learner "alice"
  config.learner_memory_path = dir.file("config/casebook/learner.conf");
  Counts hana{};
  {
    app::Controller c(config);
    c.dispatch(app::AddLearner{kHana});
    study(c, now, 1);
    hana = counts(c.home());
  }
  EXPECT_EQ(app::load_remembered_learner(config.learner_memory_path, config.db_path), kHana);
  {
    app::Controller again(config);  // started without --learner
    EXPECT_EQ(again.config().learner, kHana);
    EXPECT_EQ(again.home().learner, kHana);
    EXPECT_EQ(counts(again.home()), hana);
  }
  {
    app::AppConfig given = config;
    given.learner_given = true;  // --learner alice
    app::Controller c(given);
    EXPECT_EQ(c.config().learner, "alice");
    EXPECT_EQ(app::load_remembered_learner(config.learner_memory_path, config.db_path), kHana);  // unchanged
  }
  {
    app::AppConfig other = config;  // another progress file: the memory is not for it
    other.db_path = dir.file("other.sqlite3");
    EXPECT_EQ(app::Controller(other).config().learner, "alice");
  }
  // A remembered learner the file does not have is not created.
  std::ofstream(config.learner_memory_path) << "progress = " << config.db_path << "\nlearner = zed\n";
  app::Controller c(config);
  EXPECT_EQ(c.config().learner, "alice");
  EXPECT_EQ(c.home().learners, (std::vector<std::string>{"alice", kHana}));
}

TEST(Learners, NamesShownOrTypedJoinTheFontAtlas) {
  TempDir dir;
  auto now = std::make_shared<core::TimestampMs>(kTestNow);
  app::Controller c(test_config(dir.file("db.sqlite3"), now));
  const auto start = c.glyph_generation();
  EXPECT_FALSE(has_code_point(c, U'Б'));
  c.dispatch(app::TypeLearnerName{"Б"});
  EXPECT_GT(c.glyph_generation(), start);
  EXPECT_TRUE(has_code_point(c, U'Б'));
  const auto typed = c.glyph_generation();
  c.dispatch(app::TypeLearnerName{"ББ"});  // nothing new: no atlas rebuild
  EXPECT_EQ(c.glyph_generation(), typed);
  c.dispatch(app::AddLearner{kHana});
  EXPECT_GT(c.glyph_generation(), typed);
  for (const char32_t cp : std::u32string(U"花子はなこ")) EXPECT_TRUE(has_code_point(c, cp)) << static_cast<int>(cp);
}
