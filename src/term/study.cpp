#include "term/study.hpp"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <thread>

#include "app/card_view.hpp"
#include "app/study_text.hpp"
#include "term/input.hpp"
#include "term/render.hpp"

namespace casebook::term {

using core::QuestionType;

namespace {

/// Set by Ctrl+C (run_study_terminal): the session ends at the next prompt.
volatile sig_atomic_t g_interrupted = 0;

/// One session: the controller, the streams and what has been recorded so far.
class Runner {
 public:
  Runner(app::Controller& c, std::istream& in, std::ostream& out, std::ostream& err, const StudyOptions& o)
      : m_c(c), m_in(in), m_out(out), m_err(err), m_options(o), m_style{o.color} {}

  int run() {
    m_out << render_intro(m_c.home(), m_style);
    m_c.dispatch(app::StartSession{m_options.scope, m_options.mode});
    if (m_c.screen() != app::Screen::Study) {  // nothing due, or the database failed
      m_out << notice_line(m_c.message(), m_style);
      m_out.flush();
      return 0;
    }
    while (const app::StudyView* view = m_c.study()) {
      if (view->waiting) {
        if (!wait() && !take_undone()) break;
        continue;
      }
      const app::CardView card = view->card;  // a copy: the view changes with every action
      if (!view->feedback) {
        m_out << render_card(card, m_style);
        if (!answer(card)) {
          if (take_undone()) continue;
          break;
        }
      }
      if (!feedback(card)) {
        if (take_undone()) continue;
        break;
      }
      if (m_options.limit > 0 && m_answered >= m_options.limit && m_c.screen() == app::Screen::Study) {
        m_out << notice_line("That makes " + std::to_string(m_answered) + " answers, the limit you set.", m_style);
        break;
      }
    }
    if (m_c.screen() == app::Screen::Study && !leave()) {
      m_err << "casebook: " << app::terminal_safe(m_c.message()) << "\n";
      return 1;
    }
    m_out << render_summary(m_c.summary(), m_style);
    m_out.flush();
    return 0;
  }

 private:
  /// What the learner typed at a prompt. Undone: "u" took back the last rating (the card
  /// it was for is on screen again).
  enum class Got { Line, Quit, End, Undone };

  /// The last prompt was left by an undo (cleared by the call).
  bool take_undone() {
    const bool undone = m_undone;
    m_undone = false;
    return undone;
  }

  /// Only learning cards are left and none is due: says when the next one is; Enter waits
  /// for it (then shows it), q ends the session. False when the session ends here.
  bool wait() {
    std::string line;
    m_out << notice_line(m_c.study()->waiting_line + " Press Enter to wait for it, or q to end.", m_style);
    const Got got = ask("", line);
    if (got != Got::Line) return false;
    // Asks the app every 200 ms until the card may be shown, for as long as the view said
    // (and 2 s more); a session whose clock does not move (a fixed --now) ends then.
    const std::int64_t wait_ms = m_c.study()->wait_ms + 2000;
    for (std::int64_t waited = 0; g_interrupted == 0; waited += 200) {
      m_c.dispatch(app::ResumeSession{});
      const app::StudyView* v = m_c.study();
      if (v == nullptr || !v->waiting) return true;
      if (waited >= wait_ms) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    m_out << notice_line("The next card is still not due: the session ends here.", m_style);
    return false;
    return true;
  }

  /// Prints `prompt`, reads a line; "?" shows the prompt again with the commands, "q" and
  /// the end of input end the session, "u" takes back the last rating (Undone when it did).
  Got ask(const std::string& prompt, std::string& line) {
    while (true) {
      if (!prompt.empty()) m_out << prompt << "\n";
      m_out.flush();
      if (g_interrupted != 0 || !std::getline(m_in, line)) {
        m_out << "\n" << notice_line(g_interrupted != 0 ? "Interrupted: the session ends here."
                                                         : "The input has ended: the session ends here.",
                                      m_style);
        return Got::End;
      }
      line = std::string(without_cr(line));
      switch (command_of(line)) {
        case Command::Quit: return Got::Quit;
        case Command::Help: m_out << help_text() << "\n"; continue;
        case Command::None: return Got::Line;
        case Command::Undo: {
          const std::uint64_t before = m_c.study() != nullptr ? m_c.study()->card.showing_id : 0;
          m_c.dispatch(app::Undo{});
          if (!m_c.message().empty()) m_out << notice_line(m_c.message(), m_style);
          if (m_c.study() == nullptr || m_c.study()->card.showing_id == before) continue;  // nothing taken back
          if (m_answered > 0) --m_answered;
          m_undone = true;
          return Got::Undone;
        }
      }
    }
  }

  /// Submits `answer` unless app::answer_problem refuses it (then says why). True when
  /// submitted.
  bool submit(const app::CardView& card, const core::Answer& answer) {
    const std::string problem = app::answer_problem(card, answer);
    if (!problem.empty()) {
      m_out << notice_line(problem, m_style);
      return false;
    }
    m_c.dispatch(app::SubmitAnswer{answer});
    const app::StudyView* v = m_c.study();
    if (v != nullptr && v->feedback) return true;
    m_out << notice_line(m_c.message(), m_style);
    return false;
  }

  /// Reads and submits the answer to `card`. False when the learner ends the session.
  bool answer(const app::CardView& card) {
    if (card.type == QuestionType::Matching) return answer_matching(card);
    if (card.type == QuestionType::Dilemma) return answer_dilemma(card);
    const std::string prompt = answer_instruction(card);
    std::string line;
    while (ask(prompt, line) == Got::Line) {
      const ParsedAnswer parsed = parse_answer(card, line);
      if (!parsed.error.empty()) {
        m_out << notice_line(parsed.error, m_style);
      } else if (submit(card, parsed.answer)) {
        return true;
      }
    }
    return false;
  }

  bool answer_matching(const app::CardView& card) {
    std::vector<int> draft(card.left.size(), -1);
    bool warned = false;  // the unpaired items were named: Enter now submits
    std::string prompt = answer_instruction(card);
    std::string line;
    while (ask(prompt, line) == Got::Line) {
      const bool empty = line.find_first_not_of(" \t") == std::string::npos;
      if (!empty) {
        const std::string error = add_pairs(card, line, draft);
        if (!error.empty()) {
          m_out << notice_line(error, m_style);
          continue;
        }
      }
      const std::vector<int> unpaired = unpaired_items(draft);
      if (!unpaired.empty() && !(empty && warned)) {
        prompt = unpaired_notice(card, draft);
        warned = true;
        continue;
      }
      if (submit(card, matching_answer(card, draft))) return true;
    }
    return false;
  }

  bool answer_dilemma(const app::CardView& card) {
    std::string line;
    int position = -1;
    while (position < 0) {
      if (ask(answer_instruction(card), line) != Got::Line) return false;
      ParsedPosition parsed = parse_position(card, line);
      if (parsed.position < 0 && parsed.error.empty() && card.draft_position >= 0) parsed.position = card.draft_position;
      if (!parsed.error.empty()) {
        m_out << notice_line(parsed.error, m_style);
      } else if (const std::string problem = app::answer_problem(card, dilemma_answer(card, parsed.position, ""));
                 !problem.empty()) {
        m_out << notice_line(problem, m_style);
      } else {
        position = parsed.position;
      }
    }
    std::string justification;
    std::string prompt = justification_instruction(card);
    while (true) {
      if (ask(prompt, line) != Got::Line) return false;
      if (line.empty() && justification.empty()) justification = card.draft_justification;  // kept as it was
      if (line.empty()) break;
      if (!justification.empty()) justification += "\n";
      justification += line;
      prompt.clear();  // the next lines follow without a prompt of their own
    }
    return submit(card, dilemma_answer(card, position, justification));
  }

  /// The feedback on the card just answered, the rubric (dilemma) and the rating. False when
  /// the session ends here (q, end of input, or the last card rated).
  bool feedback(const app::CardView& card) {
    m_out << render_feedback(card, *m_c.study()->feedback, m_style);
    std::string line;
    if (card.type == QuestionType::Dilemma && !card.rubric.empty()) {
      while (true) {
        const Got got = ask(rubric_instruction(card), line);
        if (got == Got::Undone) return false;
        if (got != Got::Line) return end_from_feedback(got);
        const ParsedTicks ticks = parse_ticks(card, line);
        if (!ticks.error.empty()) {
          m_out << notice_line(ticks.error, m_style);
          continue;
        }
        for (std::size_t i = 0; i < ticks.met.size(); ++i) {
          m_c.dispatch(app::SetRubric{static_cast<int>(i), ticks.met[i]});
        }
        m_out << verdict_line(*m_c.study()->feedback, m_style);
        break;
      }
    }
    while (true) {
      const Got got = ask(rating_line(*m_c.study()->feedback), line);
      if (got == Got::Undone) return false;
      if (got != Got::Line) return end_from_feedback(got);
      const ParsedRating parsed = parse_rating(line);
      if (!parsed.error.empty()) {
        m_out << notice_line(parsed.error, m_style);
        continue;
      }
      if (parsed.accept) {
        m_c.dispatch(app::Continue{});
      } else {
        m_c.dispatch(app::Rate{*parsed.rating});
      }
      const bool saved = !still_on(card);
      if (!m_c.message().empty()) m_out << notice_line(m_c.message(), m_style);  // a leech, or why it failed
      if (saved) {
        ++m_answered;
        return m_c.screen() == app::Screen::Study;
      }
    }
  }

  /// The feedback of `card` is still on screen (its answer is not recorded).
  bool still_on(const app::CardView& card) const {
    const app::StudyView* v = m_c.study();
    return v != nullptr && v->card.showing_id == card.showing_id && v->feedback.has_value();
  }

  /// q or the end of input on the feedback screen: the answer is recorded with the selected
  /// rating as the session ends. After a failed write the rating is asked again while there
  /// is input (returns true to stay); at the end of input run() reports it.
  bool end_from_feedback(Got got) {
    if (leave()) return false;
    m_out << notice_line(m_c.message(), m_style);
    return got == Got::Quit;
  }

  /// LeaveSession; false when the answer on the feedback screen could not be saved.
  bool leave() {
    m_c.dispatch(app::LeaveSession{});
    return m_c.screen() != app::Screen::Study;
  }

  app::Controller& m_c;
  std::istream& m_in;
  std::ostream& m_out;
  std::ostream& m_err;
  StudyOptions m_options;
  Style m_style;
  int m_answered = 0;
  bool m_undone = false;
};

extern "C" void on_interrupt(int) { g_interrupted = 1; }  // also interrupts a blocked read (no SA_RESTART)

}  // namespace

int run_study(app::Controller& controller, std::istream& in, std::ostream& out, std::ostream& err,
              const StudyOptions& options) {
  return Runner(controller, in, out, err, options).run();
}

int run_study_terminal(app::Controller& controller, StudyOptions options) {
  options.color = options.color && isatty(STDOUT_FILENO) == 1;
  // Ctrl+C makes the blocked read fail (EINTR), which run_study takes as the end of input:
  // the answer on the feedback screen is recorded and the summary printed.
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  struct sigaction previous {};
  g_interrupted = 0;
  sigaction(SIGINT, &action, &previous);
  const int rc = run_study(controller, std::cin, std::cout, std::cerr, options);
  sigaction(SIGINT, &previous, nullptr);
  return rc;
}

}  // namespace casebook::term
