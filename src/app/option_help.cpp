#include "app/option_help.hpp"

#include <array>
#include <utility>

namespace casebook::app {

namespace {

// Written for a student: what the option does, the field's term beside it, the effect of
// raising it where that is not obvious (docs/scheduling.md has the details).
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kHelp{{
    {"Desired retention",
     "How much you want to still remember when a card comes back (desired retention): 0.90 means 9 cards "
     "in 10. Higher means more reviews."},
    {"Learning steps",
     "The short waits, in minutes, before a new card comes back the same day (learning steps). With FSRS "
     "one short step, or none, is usually enough."},
    {"Relearning steps",
     "The short waits, in minutes, after you forget a card you had learned (a lapse), before it goes back "
     "to longer intervals (relearning steps)."},
    {"Maximum interval", "The longest wait, in days, before a card comes back, however well you know it (maximum interval)."},
    {"Spread due days (fuzz)",
     "Adds a little randomness to each wait (fuzz), so cards learned together do not all come back on the "
     "same day."},
    {"Leech threshold",
     "After this many lapses (times forgotten after being learned) a card is a leech: it costs much time "
     "for little gain and its question may need rewriting."},
    {"Leech action",
     "What happens to a leech: tagged (you keep studying it, and can find it with is:leech) or suspended "
     "(it stops coming back until you unsuspend it)."},
    {"Memory model (FSRS weights)",
     "The 21 numbers of the memory model (FSRS parameters) that predict when you will forget. Optimize fits "
     "them to your own answers; empty uses the defaults."},
    {"Exam date",
     "The day of your exam. Before it, the cards it covers are shown so that you remember them well on "
     "that day (docs/scheduling.md, 'Towards an exam')."},
    {"Retention on the exam day",
     "How much of the exam's cards you want to remember on the exam day itself (the retention target for "
     "that day)."},
    {"Exam covers", "What the exam is about: a bank id, or bank/topic, several separated by spaces; empty means every bank."},
    {"After the exam",
     "Once the exam day has passed, its cards either go back to the normal schedule or stop being shown."},
    {"New cards per day", "How many cards you have never seen are introduced each day (new cards per day)."},
    {"Maximum reviews per day",
     "A cap on the cards you have already learned that are shown each day (maximum reviews per day); the "
     "rest wait for the next day."},
    {"Review order (backlog)",
     "Which due cards come first when there are more than you can do: the ones you are most likely to have "
     "forgotten (lowest retrievability), the longest due, or random."},
    {"Bury siblings",
     "Questions made from the same fact (siblings) are not shown on the same day, so one does not give the "
     "other away."},
    {"Learn ahead",
     "When nothing else is left, a learning card due within this many minutes is shown early instead of "
     "making you wait (learn-ahead limit)."},
    {"Next day starts at",
     "The hour your study day begins: answers given after midnight but before this hour count for the day "
     "before (Anki's 'next day starts at')."},
    {"Time zone", "Your time zone: when your study day starts, and the local times in reports."},
    {"Load balancing",
     "Moves each review by a day or so within its fuzz so that every day has about the same number of "
     "reviews (load balancing)."},
    {"Light days",
     "Days of the week that get fewer reviews, e.g. sat sun (light days); works with load balancing."},
    {"Light day share", "How much of a normal day's reviews a light day gets: 0.5 is half, 0 keeps it free when possible."},
}};

}  // namespace

std::string_view option_help(std::string_view label) {
  for (const auto& [key, text] : kHelp) {
    if (key == label) return text;
  }
  return {};
}

}  // namespace casebook::app
