#include "term/exam.hpp"

#include <iostream>
#include <string>

#include "app/card_view.hpp"
#include "app/study_text.hpp"
#include "term/input.hpp"
#include "term/render.hpp"

namespace casebook::term {

namespace {

using core::QuestionType;

/// The answer to `card` read from `line`, or why it cannot be: one sentence.
std::string read_answer(const app::CardView& card, const std::string& line, core::Answer& answer) {
  if (card.type == QuestionType::Matching) {
    std::vector<int> draft(card.left.size(), -1);
    if (std::string error = add_pairs(card, line, draft); !error.empty()) return error;
    answer = matching_answer(card, draft);
  } else if (card.type == QuestionType::Dilemma) {
    const std::size_t space = line.find(' ');
    const ParsedPosition parsed = parse_position(card, line.substr(0, space));
    if (!parsed.error.empty()) return parsed.error;
    answer = dilemma_answer(card, parsed.position, space == std::string::npos ? "" : line.substr(space + 1));
  } else {
    const ParsedAnswer parsed = parse_answer(card, line);
    if (!parsed.error.empty()) return parsed.error;
    answer = parsed.answer;
  }
  return app::answer_problem(card, answer);
}

std::string result_page(const app::ExamView& v) {
  std::string out = "\n" + v.title + "\n" + v.score_line + "\nTime taken: " + v.time_taken + "\n";
  out += v.practice ? "A practice run: the schedule was left alone.\n"
                    : "Your answers were recorded as reviews: the schedule follows them.\n";
  out += "\nScore per topic\n";
  for (const std::string& t : v.topic_lines) out += "  " + t + "\n";
  for (const app::ExamResultQuestion& q : v.questions) {
    out += "\n" + std::string(q.correct ? "✓" : q.answered ? "✗" : "–") + " " + std::to_string(q.number) + ". " +
           q.topic + "\n  " + q.prompt + "\n  Your answer: " + q.given + "\n";
    if (!q.correct && !q.expected.empty()) out += "  Correct answer: " + q.expected + "\n";
    if (!q.explanation.empty()) out += "  Why: " + q.explanation + "\n";
    if (!q.source.empty()) out += "  Source: " + q.source + "\n";
  }
  return app::terminal_safe(out);
}

class ExamRunner {
 public:
  ExamRunner(app::Controller& c, std::istream& in, std::ostream& out, const ExamOptions& o)
      : m_c(c), m_in(in), m_out(out), m_style{o.color} {}

  /// Asks question `index`; false when the learner hands in ("q", the end of input) or the
  /// time is up.
  bool ask(int index) {
    m_c.poll();  // the timer: a time limit passed hands the exam in
    if (m_c.exam().phase != app::ExamPhase::Taking) return false;
    m_c.dispatch(app::GoToExamQuestion{index});
    const app::ExamView& v = m_c.exam();
    if (v.phase != app::ExamPhase::Taking) return false;
    const app::CardView card = v.card;
    std::string header = "Question " + std::to_string(v.current + 1) + " of " + std::to_string(v.total);
    if (v.time_limit_ms > 0) header += " · time left " + v.time_left;
    // The card as `casebook study` prints it, without its session header ("Card 3 · 2 new ...").
    std::string shown = render_card(card, m_style);
    const std::size_t start = shown.find_first_not_of('\n');
    if (start != std::string::npos && shown.compare(start, 5, "Card ") == 0) {
      shown.erase(start, shown.find('\n', start) + 1 - start);
    }
    m_out << "\n" << header << "\n" << shown;
    std::string line;
    while (true) {
      m_out << answer_instruction(card) << " (Empty line or s: skip; q: hand in.)\n";
      m_out.flush();
      if (!std::getline(m_in, line)) return false;
      line = std::string(without_cr(line));
      if (command_of(line) == Command::Quit) return false;
      if (line.find_first_not_of(" \t") == std::string::npos || line == "s") return true;
      core::Answer answer;
      if (const std::string problem = read_answer(card, line, answer); !problem.empty()) {
        m_out << notice_line(problem, m_style);
        continue;
      }
      m_c.dispatch(app::SubmitAnswer{answer});
      if (!m_c.exam().message.empty()) {
        m_out << notice_line(m_c.exam().message, m_style);
        if (m_c.exam().phase == app::ExamPhase::Taking && !m_c.exam().list[static_cast<std::size_t>(index)].answered) {
          continue;  // not saved: ask again
        }
      }
      if (const auto& fb = m_c.exam().feedback) m_out << verdict_line(*fb, m_style);
      return true;
    }
  }

  /// A dilemma's self-assessment after hand-in: its answer, model answer and rubric; the
  /// letters of the lines met (or -) tick them, then the next (the end of input ticks none).
  /// False when it could not move on (the write failed).
  bool assess() {
    const app::ExamView& v = m_c.exam();
    const app::CardView card = v.card;
    m_out << "\nSelf-assessment of question " << v.current + 1 << ":\n" << render_feedback(card, *v.feedback, m_style);
    std::string line;
    while (true) {
      m_out << rubric_instruction(card) << "\n";
      m_out.flush();
      if (!std::getline(m_in, line)) line = "-";  // no input: nothing ticked
      const ParsedTicks ticks = parse_ticks(card, std::string(without_cr(line)));
      if (!ticks.error.empty()) {
        m_out << notice_line(ticks.error, m_style);
        continue;
      }
      for (std::size_t i = 0; i < ticks.met.size(); ++i) m_c.dispatch(app::SetRubric{static_cast<int>(i), ticks.met[i]});
      m_out << verdict_line(*m_c.exam().feedback, m_style);
      const int before = v.assessing;
      m_c.dispatch(app::HandInExam{true});
      return m_c.exam().phase != app::ExamPhase::Taking || m_c.exam().assessing != before;  // moved on
    }
  }

  int run() {
    bool go_on = true;
    const int total = m_c.exam().total;
    for (int i = 0; go_on && i < total; ++i) go_on = ask(i);
    if (go_on && m_c.exam().phase == app::ExamPhase::Taking && m_c.exam().unanswered > 0) {
      const int n = m_c.exam().unanswered;
      m_out << "\n"
            << notice_line(n == 1 ? std::string("1 question is unanswered: it is asked once more (an empty line "
                                                "leaves it unanswered).")
                                  : std::to_string(n) + " questions are unanswered: they are asked once more (an "
                                                        "empty line leaves one unanswered).",
                           m_style);
      std::vector<int> skipped;
      for (const app::ExamListRow& row : m_c.exam().list)
        if (!row.answered) skipped.push_back(row.number - 1);
      for (std::size_t k = 0; go_on && k < skipped.size(); ++k) go_on = ask(skipped[k]);
    }
    const bool timed_out = m_c.exam().phase != app::ExamPhase::Taking || m_c.exam().assessing >= 0;
    if (m_c.exam().phase == app::ExamPhase::Taking && m_c.exam().assessing < 0) m_c.dispatch(app::HandInExam{true});
    if (timed_out) m_out << "\n" << notice_line("Time is up: the exam was handed in.", m_style);
    while (m_c.exam().phase == app::ExamPhase::Taking && m_c.exam().assessing >= 0) {
      if (!assess()) break;
    }
    if (m_c.exam().phase != app::ExamPhase::Result) {
      m_out << notice_line(m_c.exam().message, m_style);
      return 1;
    }
    m_out << result_page(m_c.exam());
    m_out.flush();
    return 0;
  }

 private:
  app::Controller& m_c;
  std::istream& m_in;
  std::ostream& m_out;
  Style m_style;
};

}  // namespace

int run_exam(app::Controller& controller, std::istream& in, std::ostream& out, std::ostream& err,
             const ExamOptions& options) {
  controller.dispatch(app::Navigate{app::Screen::Exam});
  const app::ExamView& v = controller.exam();
  app::ExamSetup setup = v.setup;
  setup.preset = -1;
  if (!options.preset.empty()) {
    std::string known;
    for (std::size_t i = 0; i < v.presets.size(); ++i) {
      const app::ExamPresetRow& p = v.presets[i];
      known += (known.empty() ? "" : ", ") + p.bank_id + "/" + p.preset_id;
      if (options.preset == p.preset_id || options.preset == p.bank_id + "/" + p.preset_id) {
        setup.preset = static_cast<int>(i);
      }
    }
    if (setup.preset < 0) {
      err << "casebook exam: no loaded bank has the exam preset `" << options.preset
          << "` (presets: " << (known.empty() ? "none" : known) << ").\n";
      return 2;
    }
    controller.dispatch(app::SetExamSetup{setup});  // takes the preset's minutes, pass mark, marking
    setup = controller.exam().setup;
  } else {
    setup.bank_ids = options.bank_ids;
    setup.count = options.count;
    setup.minutes = 0;
    setup.mark_each = false;
    setup.dilemmas = false;
  }
  if (options.minutes >= 0) setup.minutes = options.minutes;
  setup.practice = options.practice;
  controller.dispatch(app::SetExamSetup{setup});
  controller.dispatch(app::StartExam{});
  if (controller.exam().phase != app::ExamPhase::Taking) {
    err << "casebook exam: " << app::terminal_safe(controller.exam().message) << "\n";
    return 2;
  }
  out << app::terminal_safe(controller.exam().title) << ": " << controller.exam().total << " questions"
      << (setup.minutes > 0 ? ", " + std::to_string(setup.minutes) + " minutes" : std::string(", no time limit"))
      << (options.practice ? ", a practice run (the schedule is left alone)" : std::string()) << ".\n";
  if (!controller.exam().message.empty()) out << notice_line(controller.exam().message, Style{options.color});
  return ExamRunner(controller, in, out, options).run();
}

}  // namespace casebook::term
