#include "app/controller.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include "bank/loader.hpp"
#include "core/citation.hpp"
#include "core/session.hpp"
#include "storage/progress.hpp"

namespace casebook::app {

namespace {

using core::TimestampMs;

/// Appends the code points of valid UTF-8 sequences in `s` to `out` (invalid bytes skipped).
void collect_code_points(std::string_view s, std::set<char32_t>& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
      len = 1;
      cp = b0;
    } else if ((b0 & 0xE0) == 0xC0) {
      len = 2;
      cp = b0 & 0x1Fu;
    } else if ((b0 & 0xF0) == 0xE0) {
      len = 3;
      cp = b0 & 0x0Fu;
    } else if ((b0 & 0xF8) == 0xF0) {
      len = 4;
      cp = b0 & 0x07u;
    } else {
      ++i;
      continue;
    }
    if (i + static_cast<std::size_t>(len) > s.size()) break;
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((b & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (b & 0x3Fu);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!ok || cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      ++i;
      continue;
    }
    out.insert(cp);
    i += static_cast<std::size_t>(len);
  }
}


}  // namespace

core::SchedulerOptions default_scheduler_options() {
  core::SchedulerOptions o;
  o.clock.time_zone = core::local_time_zone_name();
  o.clock.rollover_hour = 4;
  try {
    (void)core::study_day(0, o.clock);  // a zone the tz database does not know: fall back to UTC
  } catch (const std::exception&) {
    o.clock.time_zone = "UTC";
  }
  return o;
}

core::StudyOptions base_study_options(const AppConfig& config) {
  core::StudyOptions o;
  const core::SchedulerOptions& s = config.scheduler;
  o.desired_retention = s.desired_retention;
  o.learning_steps_minutes = s.learning_steps_minutes;
  o.relearning_steps_minutes = s.relearning_steps_minutes;
  o.maximum_interval_days = s.maximum_interval;
  o.fuzz = s.enable_fuzz;
  o.rollover_hour = s.clock.rollover_hour;
  o.time_zone = s.clock.time_zone == core::local_time_zone_name() ? std::string() : s.clock.time_zone;
  if (s.weights != core::kDefaultWeights) o.weights.assign(s.weights.begin(), s.weights.end());
  o.new_cards_per_day = config.new_cards_per_day;
  o.max_reviews_per_day = config.max_reviews_per_day;
  return o;
}

std::string format_citation(const core::Source& source, const std::vector<int>& paragraphs) {
  return core::locator_citation(source, paragraphs);
}

struct CardRef {
  std::size_t bank = 0;      ///< index into Impl::loads
  std::size_t question = 0;  ///< index into that bank's questions
};

struct Counts {
  core::SessionLimits left{0, 0};  ///< what today's limits still allow, overall and per bank
  std::int64_t today = 0;
  TimestampMs day_end = 0;
};

struct Controller::Impl {
  AppConfig config;
  core::Scheduler scheduler;
  storage::Progress progress;
  std::vector<bank::LoadResult> loads;
  std::map<std::string, CardRef> cards;
  std::map<std::string, core::CardSchedule> states;
  std::map<std::string, storage::CardFlags> flags;
  core::StudyOptions learner_opts;                      ///< the learner's options in force
  std::map<std::string, storage::OptionValues> bank_overrides;  ///< bank id -> stored overrides
  std::map<std::string, core::Scheduler> bank_schedulers;       ///< banks with overrides
  SettingsView settings;

  Screen screen = Screen::Home;
  HomeView home;
  StudyView study;
  SummaryView summary;
  std::string message;

  std::optional<core::Session> session;
  TimestampMs session_started = 0;
  TimestampMs shown_at = 0;
  TimestampMs submitted_at = 0;
  std::uint64_t showing_id = 0;
  bool rating_chosen = false;  ///< the learner picked a rating: SetRubric no longer changes it

  explicit Impl(AppConfig c)
      : config(std::move(c)), scheduler(config.scheduler), progress(config.db_path) {
    if (!config.clock) config.clock = [] { return core::now_ms(); };
    progress.ensure_learner(config.learner);
    load_banks();
    states = progress.card_states(config.learner);
    flags = progress.card_flags(config.learner);
    load_options();
    refresh_home();
  }

  const core::DayClock& clock() const { return scheduler.options().clock; }

  /// The learner's options from the database over base_study_options (a stored set that no
  /// longer validates is ignored with a message), then the bank overrides; applies them.
  void load_options() {
    const core::StudyOptions base = base_study_options(config);
    core::StudyOptions stored = base;
    std::vector<std::string> errors = core::apply_key_values(stored, progress.study_option_values(config.learner));
    if (const auto problems = core::validate(stored); !problems.empty()) {
      errors.push_back(problems.front().field + " " + problems.front().message);
      stored = base;
    }
    if (!errors.empty()) message = "Some saved study options were ignored: " + errors.front();
    learner_opts = stored;
    bank_overrides.clear();
    for (const auto& id : progress.option_override_banks(config.learner)) {
      bank_overrides[id] = progress.study_option_values(config.learner, id);
    }
    apply_options();
  }

  /// The options of bank `id`: the learner's with the bank's overridable fields on top (an
  /// override that would not validate is ignored).
  core::StudyOptions options_for_bank(const std::string& id) const {
    const auto it = bank_overrides.find(id);
    if (id.empty() || it == bank_overrides.end()) return learner_opts;
    core::StudyOptions o = learner_opts;
    for (const auto& [key, value] : it->second) {
      if (core::is_bank_overridable(key)) (void)core::set_key_value(o, key, value);
    }
    return core::validate(o).empty() ? o : learner_opts;
  }

  static std::string bank_of_key(const std::string& key) { return key.substr(0, key.find('/')); }

  const core::Scheduler& scheduler_for(const std::string& key) const {
    const auto it = bank_schedulers.find(bank_of_key(key));
    return it != bank_schedulers.end() ? it->second : scheduler;
  }

  /// Rebuilds the schedulers from the options: every later call sees the new options.
  void apply_options() {
    scheduler = core::Scheduler(core::to_scheduler_options(learner_opts));
    bank_schedulers.clear();
    for (const auto& [id, values] : bank_overrides) {
      bank_schedulers.emplace(id, core::Scheduler(core::to_scheduler_options(options_for_bank(id))));
    }
    refresh_settings();
  }

  bool suspended(const std::string& key) const {
    const auto it = flags.find(key);
    return it != flags.end() && it->second.suspended;
  }

  void refresh_settings() {
    std::vector<core::OptionProblem> problems = std::move(settings.problems);
    std::string notice = std::move(settings.notice);
    settings = SettingsView{};
    settings.problems = std::move(problems);
    settings.notice = std::move(notice);
    settings.learner_options = learner_opts;
    settings.effective_time_zone = clock().time_zone;
    for (const auto& load : loads) {
      if (!load.bank) continue;
      const std::string& id = load.bank->info.id;
      settings.banks.push_back(SettingsView::Bank{id, load.bank->info.title, options_for_bank(id),
                                                  bank_overrides.count(id) > 0,
                                                  static_cast<int>(load.bank->questions.size())});
    }
    for (const auto& [key, f] : flags) {
      if (cards.count(key) == 0) continue;
      if (f.suspended) ++settings.suspended_cards;
      if (std::find(f.tags.begin(), f.tags.end(), "leech") != f.tags.end()) ++settings.leech_cards;
    }
  }

  void save_options(const SaveOptions& a) {
    settings.problems = core::validate(a.options);
    settings.notice.clear();
    if (!settings.problems.empty()) {
      message = "Options not saved: " + settings.problems.front().field + " " + settings.problems.front().message + ".";
      refresh_settings();
      return;
    }
    if (a.bank_id.empty()) {
      progress.set_study_option_values(config.learner, "", core::to_key_values(a.options));
      learner_opts = a.options;
    } else {
      // Only what differs from the learner's options, and only what a bank may override.
      storage::OptionValues diff;
      const auto mine = core::to_key_values(learner_opts);
      for (const auto& [key, value] : core::to_key_values(a.options)) {
        if (!core::is_bank_overridable(key)) continue;
        const auto same = std::find(mine.begin(), mine.end(), std::make_pair(key, value)) != mine.end();
        if (!same) diff.emplace_back(key, value);
      }
      progress.set_study_option_values(config.learner, a.bank_id, diff);
      if (diff.empty()) bank_overrides.erase(a.bank_id);
      else bank_overrides[a.bank_id] = diff;
    }
    apply_options();
    settings.notice = "Saved. The new options apply from now on.";
    message.clear();
    refresh_home();
  }

  void clear_bank_options(const std::string& bank_id) {
    progress.set_study_option_values(config.learner, bank_id, {});
    bank_overrides.erase(bank_id);
    apply_options();
    settings.notice = "The bank now follows your own options.";
    refresh_home();
  }

  void unsuspend_all() {
    for (auto& [key, f] : flags) {
      if (!f.suspended) continue;
      storage::CardFlags next = f;
      next.suspended = false;
      progress.set_card_flags(config.learner, key, next);
      f = next;
    }
    refresh_settings();
    settings.notice = "Suspended cards will be shown again.";
    refresh_home();
  }

  TimestampMs now() const { return config.clock(); }

  void load_banks() {
    loads = bank::load_banks(config.bank_paths);
    cards.clear();
    for (std::size_t b = 0; b < loads.size(); ++b) {
      if (!loads[b].bank) continue;
      const auto& bank = *loads[b].bank;
      for (std::size_t q = 0; q < bank.questions.size(); ++q) {
        cards.emplace(core::card_key(bank, bank.questions[q]), CardRef{b, q});
      }
    }
  }

  const core::Bank& bank_of(const CardRef& r) const { return *loads[r.bank].bank; }
  const core::Question& question_of(const CardRef& r) const { return bank_of(r).questions[r.question]; }

  /// What today's limits still allow, from the review log (throws StorageError).
  Counts limits_left(TimestampMs t) {
    Counts c;
    const auto& clock = this->clock();
    c.today = core::study_day(t, clock);
    const TimestampMs from = core::study_day_start(c.today, clock);
    c.day_end = core::study_day_start(c.today + 1, clock);
    const core::DoneToday done{progress.count_new_cards(config.learner, from, c.day_end),
                               progress.count_reviews(config.learner, from, c.day_end)};
    std::map<std::string, core::StudyOptions> banks;
    for (const auto& [id, values] : bank_overrides) banks.emplace(id, options_for_bank(id));
    const auto by_bank = banks.empty() ? std::map<std::string, core::DoneToday>{}
                                       : progress.done_by_bank(config.learner, from, c.day_end);
    c.left = core::daily_limits(learner_opts, done, banks, by_bank);
    return c;
  }

  void refresh_home() {
    home = HomeView{};
    home.learner = config.learner;
    home.db_path = config.db_path;
    home.message = message;
    const TimestampMs t = now();
    const Counts limits = [&] {
      try {
        return limits_left(t);
      } catch (const std::exception& e) {
        message = std::string("Could not read today's progress: ") + e.what();
        home.message = message;
        Counts none{};
        none.today = core::study_day(t, clock());
        return none;
      }
    }();
    std::map<std::string, int> new_by_bank, due_by_bank;  // before the limits
    for (const auto& load : loads) {
      BankRow row;
      row.path = load.path;
      row.diagnostics = load.diagnostics;
      if (!load.bank) {
        row.title = std::filesystem::path(load.path).filename().string();
        home.banks.push_back(std::move(row));
        continue;
      }
      const auto& bank = *load.bank;
      row.loaded = true;
      row.id = bank.info.id;
      row.title = bank.info.title;
      row.total = static_cast<int>(bank.questions.size());
      const TimestampMs learn_ahead = core::to_session_rules(learner_opts).learn_ahead_ms;
      for (const auto& q : bank.questions) {
        const std::string key = core::card_key(bank, q);
        if (suspended(key)) continue;
        switch (core::classify_for_study(state_of(key), t + learn_ahead + 1, limits.today, clock())) {
          case core::StudyKind::New: ++row.new_count; break;
          case core::StudyKind::Learning: ++row.learning_count; break;
          case core::StudyKind::Review: ++row.due_count; break;
          case core::StudyKind::NotDue: break;
        }
      }
      new_by_bank[row.id] += row.new_count;
      due_by_bank[row.id] += row.due_count;
      home.learning_due += row.learning_count;
      // What a session over this bank alone would take: its own limits within the learner's.
      row.new_count = core::limited_count(limits.left.new_cards, limits.left.group_new_cards, {{row.id, row.new_count}});
      row.due_count = core::limited_count(limits.left.reviews, limits.left.group_reviews, {{row.id, row.due_count}});
      home.banks.push_back(std::move(row));
    }
    home.new_available = core::limited_count(limits.left.new_cards, limits.left.group_new_cards, new_by_bank);
    home.review_due = core::limited_count(limits.left.reviews, limits.left.group_reviews, due_by_bank);
    if (learner_opts.bury_siblings) count_session_queue(t, limits);
  }

  /// Home's totals as the session Enter would start: the same queue (limits, and siblings
  /// buried), counted by the kind of each card. Leaves the totals as they are if it fails.
  void count_session_queue(TimestampMs t, const Counts& limits) {
    try {
      const core::Session s(study_candidates(t), t, clock(), limits.left, 0, core::to_session_rules(learner_opts));
      int fresh = 0, learning = 0, review = 0;
      for (const std::string& key : s.upcoming()) {
        const auto state = state_of(key);
        if (!state || state->state == core::CardState::New) {
          ++fresh;
        } else if (state->state == core::CardState::Review) {
          ++review;
        } else {
          ++learning;
        }
      }
      home.new_available = fresh;
      home.learning_due = learning;
      home.review_due = review;
    } catch (const std::exception&) {
      // The per-bank counts above stand; start_session reports the problem.
    }
  }

  /// Learning cards due before the end of today plus the reviews today's limit allows.
  int remaining_due_today() {
    const TimestampMs t = now();
    const Counts limits = limits_left(t);
    int learning = 0;
    std::map<std::string, int> due;  // bank id -> Review cards due today
    for (const auto& [key, ref] : cards) {
      if (suspended(key)) continue;
      switch (core::classify_for_study(state_of(key), limits.day_end, limits.today, clock())) {
        case core::StudyKind::Learning: ++learning; break;
        case core::StudyKind::Review: ++due[bank_of_key(key)]; break;
        case core::StudyKind::New:
        case core::StudyKind::NotDue: break;
      }
    }
    return learning + core::limited_count(limits.left.reviews, limits.left.group_reviews, due);
  }

  /// The cached schedule of a card, none if the learner never studied it.
  std::optional<core::CardSchedule> state_of(const std::string& key) const {
    const auto it = states.find(key);
    if (it == states.end()) return std::nullopt;
    return it->second;
  }

  core::CardSchedule schedule_before(const std::string& key, TimestampMs t) const {
    const auto it = states.find(key);
    return it != states.end() ? it->second : core::Scheduler::new_card(t);
  }

  /// Every unsuspended card of the loaded banks as a session candidate at `t`, in the
  /// learner's new-card order.
  std::vector<core::StudyCandidate> study_candidates(TimestampMs t) {
    std::vector<core::StudyCandidate> candidates;
    for (const auto& load : loads) {
      if (!load.bank) continue;
      for (const auto& q : load.bank->questions) {
        core::StudyCandidate c;
        c.card_key = core::card_key(*load.bank, q);
        if (suspended(c.card_key)) continue;
        c.group = load.bank->info.id;
        c.fact_ids = q.fact_ids;
        if (const auto it = states.find(c.card_key); it != states.end()) {
          c.schedule = it->second;
          if (it->second.state == core::CardState::Review) {
            c.retrievability = scheduler_for(c.card_key).retrievability(it->second, t);
          }
        }
        candidates.push_back(std::move(c));
      }
    }
    if (config.new_card_order == NewCardOrder::Random) core::order_new_cards(candidates, config.learner);
    return candidates;
  }

  void start_session() {
    const TimestampMs t = now();
    const Counts limits = limits_left(t);
    core::Session s(study_candidates(t), t, clock(), limits.left, static_cast<std::uint64_t>(t),
                    core::to_session_rules(learner_opts));
    if (s.phase() == core::SessionPhase::Finished) {
      message = "Nothing to study right now: no card is due and today's new cards are done.";
      refresh_home();
      return;
    }
    session.emplace(std::move(s));
    session_started = t;
    summary = SummaryView{};
    message.clear();
    screen = Screen::Study;
    show_current();
  }

  void show_current() {
    const core::StudyCandidate* cur = session->current();
    const CardRef& ref = cards.at(cur->card_key);
    const core::Bank& bank = bank_of(ref);
    const core::Question& q = question_of(ref);
    study = StudyView{};
    CardView& v = study.card;
    v.question = &q;
    v.card_key = cur->card_key;
    v.bank_title = bank.info.title;
    if (const core::Source* src = bank.find_source(q.source.source_id)) {
      v.citation = core::locator_citation(*src, q.source.paragraphs);
    } else {
      v.citation = core::locator_citation(core::Source{q.source.source_id, "", "", ""}, q.source.paragraphs);
    }
    const auto shown = [&bank](const std::string& text) { return core::render_citations(text, bank.sources); };
    v.prompt = shown(q.prompt);
    v.explanation = shown(q.explanation);
    v.scenario = shown(q.scenario);
    v.model_answer = shown(q.model_answer);
    for (const auto& c : q.choices) v.choices.push_back(shown(c.text));
    for (const auto& item : q.items) v.items.push_back(shown(item));
    for (const auto& p : q.pairs) v.pairs.push_back(core::MatchPair{shown(p.left), shown(p.right)});
    for (const auto& p : q.positions) {
      core::Position rendered{p.id, shown(p.title), {}};
      for (const auto& a : p.arguments) rendered.arguments.push_back(shown(a));
      v.positions.push_back(std::move(rendered));
    }
    for (const auto& r : q.rubric) v.rubric.push_back(shown(r));
    switch (q.type) {
      case core::QuestionType::SingleChoice:
      case core::QuestionType::MultipleResponse:
        v.display_order = session->display_order(static_cast<int>(q.choices.size()));
        break;
      case core::QuestionType::Ordering:
        v.display_order = session->display_order(static_cast<int>(q.items.size()), true);
        break;
      case core::QuestionType::Matching:
        v.display_order = session->display_order(static_cast<int>(q.pairs.size()), true);
        break;
      default:
        break;
    }
    v.position = session->showing();
    v.remaining = session->remaining();
    v.remaining_learning = session->remaining_learning();
    v.showing_id = ++showing_id;
    shown_at = now();
    rating_chosen = false;
  }

  void submit(const core::Answer& answer) {
    if (screen != Screen::Study || !session || session->phase() != core::SessionPhase::Answering) return;
    const TimestampMs t = now();
    submitted_at = t;
    const core::Question& q = *study.card.question;
    FeedbackView f;
    f.answer = answer;
    if (q.type == core::QuestionType::Dilemma) f.answer.rubric_met.resize(q.rubric.size(), false);
    regrade(f);
    f.selected = f.grade.proposed;
    const core::CardSchedule before = schedule_before(study.card.card_key, t);
    const auto previews = scheduler_for(study.card.card_key).preview(before, t, core::fuzz_seed_of(study.card.card_key));
    for (std::size_t i = 0; i < previews.size(); ++i) {
      f.intervals[i] = core::format_interval(t, previews[i].card.due);
    }
    // Only now, with nothing left that can throw, does the session move to Feedback.
    study.feedback = std::move(f);
    session->submit();
  }

  void set_rubric(int line, bool met) {
    if (!feedback()) return;
    FeedbackView& f = *study.feedback;
    const core::Question& q = *study.card.question;
    if (q.type != core::QuestionType::Dilemma || line < 0 || line >= static_cast<int>(q.rubric.size())) return;
    f.answer.rubric_met.resize(q.rubric.size(), false);
    f.answer.rubric_met[static_cast<std::size_t>(line)] = met;
    regrade(f);  // the verdict and "rubric N/M met" in the answer text follow the ticks
    if (!rating_chosen) f.selected = f.grade.proposed;
  }

  /// Grades `f.answer` against the shown question and renders what the feedback shows.
  void regrade(FeedbackView& f) {
    const core::Question& q = *study.card.question;
    const core::Bank& bank = bank_of(cards.at(study.card.card_key));
    f.grade = core::grade(q, f.answer);
    f.expected = core::render_citations(f.grade.expected, bank.sources);
    f.given = core::render_citations(core::describe_answer(q, f.answer), bank.sources);
  }

  bool feedback() const {
    return screen == Screen::Study && session && session->phase() == core::SessionPhase::Feedback &&
           study.feedback.has_value();
  }

  /// Records the shown answer with `rating`, then moves on. On a failed write the feedback
  /// stays as it is and `message` says why; returns false.
  bool record(core::Rating rating) {
    if (!feedback()) return false;
    const TimestampMs t = now();
    const FeedbackView& f = *study.feedback;
    const std::string& key = study.card.card_key;
    const core::Question& q = *study.card.question;
    try {
      // The newest stored state (another Casebook may share the database), else ours.
      const std::optional<core::CardSchedule> stored = progress.card_state(config.learner, key);
      const core::CardSchedule before = stored ? *stored : schedule_before(key, t);
      const core::ReviewResult result = scheduler_for(key).next(before, t, rating, core::fuzz_seed_of(key));
      core::ReviewRecord r;
      r.learner = config.learner;
      r.card_key = key;
      r.reviewed_at = t;
      r.rating = rating;
      r.correct = f.grade.correct;
      r.answer = core::describe_answer(q, f.answer);
      r.response_ms = std::max<std::int64_t>(0, submitted_at - shown_at);
      r.before = before;
      r.after = result.card;
      progress.record_review(r);
      states[key] = result.card;
      const bool correct = f.grade.correct;
      message.clear();
      if (result.card.lapses > before.lapses) note_lapse(key, result.card.lapses);
      session->rate(rating, correct, result.card, t);
    } catch (const std::exception& e) {
      std::string why = e.what();
      while (!why.empty() && (why.back() == '.' || why.back() == ' ')) why.pop_back();  // no ".."
      message = "Your answer was not saved: " + why + ". It is kept; rate again to retry.";
      return false;
    }
    if (session->phase() == core::SessionPhase::Finished) {
      to_summary();
    } else {
      show_current();
    }
    return true;
  }

  /// A lapse was recorded: tag the card "leech" (and suspend it, by the options) when
  /// core::is_leech_lapse says so. The answer is already saved; a failure here only warns.
  void note_lapse(const std::string& key, int lapses) {
    const core::StudyOptions o = options_for_bank(bank_of_key(key));
    if (!core::is_leech_lapse(lapses, o.leech_threshold)) return;
    storage::CardFlags f = flags[key];
    if (std::find(f.tags.begin(), f.tags.end(), "leech") == f.tags.end()) f.tags.push_back("leech");
    std::sort(f.tags.begin(), f.tags.end());
    const bool suspend = o.leech_action == core::LeechAction::TagAndSuspend;
    f.suspended = f.suspended || suspend;
    try {
      progress.set_card_flags(config.learner, key, f);
      flags[key] = f;
      message = suspend ? "This card has lapsed " + std::to_string(lapses) +
                              " times: tagged as a leech and suspended (Settings can show it again)."
                        : "This card has lapsed " + std::to_string(lapses) + " times: tagged as a leech.";
      if (suspend && session) session->suspend(key);
    } catch (const std::exception& e) {
      message = std::string("Could not tag the card as a leech: ") + e.what();
    }
  }

  void to_summary() {
    const TimestampMs t = now();
    summary = SummaryView{};
    if (session) {
      const auto& c = session->counts();
      summary.reviewed = c.reviewed;
      summary.correct = c.correct;
      summary.ratings = c.ratings;
      summary.duration_ms = std::max<std::int64_t>(0, t - session_started);
    }
    try {
      summary.remaining_due_today = remaining_due_today();
    } catch (const std::exception& e) {
      message = std::string("Could not read today's progress: ") + e.what();
    }
    session.reset();
    study = StudyView{};
    screen = Screen::Summary;
  }

  void leave() {
    if (screen != Screen::Study || !session) return;
    if (feedback()) {
      // Nothing is lost: the shown answer is recorded with the selected rating first.
      if (!record(study.feedback->selected)) return;
      if (screen != Screen::Study) return;  // that was the last card
    }
    session->finish();
    to_summary();
  }

  void go_home() {
    if (screen == Screen::Study) {
      leave();
      if (screen == Screen::Study) return;  // the write failed; stay with the answer
    }
    screen = Screen::Home;
    refresh_home();
  }

  void reload() {
    if (screen == Screen::Study) {
      message = "Finish or leave the session before reloading the banks.";
      return;
    }
    load_banks();
    states = progress.card_states(config.learner);
    flags = progress.card_flags(config.learner);
    message.clear();
    load_options();
    refresh_home();
  }

  void dispatch(const Action& action) {
    try {
      std::visit(
          [this](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, StartSession>) {
              if (screen != Screen::Study) start_session();
            } else if constexpr (std::is_same_v<T, SubmitAnswer>) {
              submit(a.answer);
            } else if constexpr (std::is_same_v<T, SetRubric>) {
              set_rubric(a.line, a.met);
            } else if constexpr (std::is_same_v<T, SelectRating>) {
              if (feedback()) {
                study.feedback->selected = a.rating;
                rating_chosen = true;
              }
            } else if constexpr (std::is_same_v<T, Rate>) {
              if (feedback()) {
                study.feedback->selected = a.rating;
                rating_chosen = true;
              }
              record(a.rating);
            } else if constexpr (std::is_same_v<T, Continue>) {
              if (feedback()) record(study.feedback->selected);
            } else if constexpr (std::is_same_v<T, LeaveSession>) {
              leave();
            } else if constexpr (std::is_same_v<T, GoHome>) {
              go_home();
            } else if constexpr (std::is_same_v<T, ReloadBanks>) {
              reload();
            } else if constexpr (std::is_same_v<T, OpenSettings>) {
              if (screen == Screen::Home) {
                settings.problems.clear();
                settings.notice.clear();
                refresh_settings();
                screen = Screen::Settings;
              }
            } else if constexpr (std::is_same_v<T, SaveOptions>) {
              if (screen == Screen::Settings) save_options(a);
            } else if constexpr (std::is_same_v<T, ClearBankOptions>) {
              if (screen == Screen::Settings) clear_bank_options(a.bank_id);
            } else if constexpr (std::is_same_v<T, UnsuspendAll>) {
              if (screen == Screen::Settings) unsuspend_all();
            }
          },
          action);
    } catch (const std::exception& e) {
      message = e.what();
    }
    if (screen == Screen::Home) home.message = message;
  }
};

Controller::Controller(AppConfig config) : m_impl(std::make_unique<Impl>(std::move(config))) {}
Controller::~Controller() = default;

void Controller::dispatch(const Action& action) { m_impl->dispatch(action); }

Screen Controller::screen() const { return m_impl->screen; }
const HomeView& Controller::home() const { return m_impl->home; }
const StudyView* Controller::study() const {
  return m_impl->screen == Screen::Study ? &m_impl->study : nullptr;
}
const SummaryView& Controller::summary() const { return m_impl->summary; }
const SettingsView& Controller::settings() const { return m_impl->settings; }
core::StudyOptions Controller::study_options(const std::string& bank_id) const {
  return m_impl->options_for_bank(bank_id);
}
const AppConfig& Controller::config() const { return m_impl->config; }
const std::string& Controller::message() const { return m_impl->message; }

std::vector<char32_t> Controller::used_code_points() const {
  std::set<char32_t> cps;
  auto add = [&cps](const std::string& s) { collect_code_points(s, cps); };
  for (const auto& load : m_impl->loads) {
    if (!load.bank) continue;
    const core::Bank& b = *load.bank;
    add(b.info.id);
    add(b.info.title);
    add(b.info.version);
    add(b.info.language);
    add(b.info.licence);
    add(b.info.description);
    for (const auto& a : b.info.authors) add(a);
    for (const auto& s : b.sources) {
      add(s.id);
      add(s.citation);
      add(s.url);
      add(core::short_citation(s));  // what rendered [@id] citations show
    }
    for (const auto& t : b.topics) {
      add(t.id);
      add(t.title);
    }
    for (const auto& q : b.questions) {
      add(q.id);
      add(q.prompt);
      add(q.explanation);
      add(q.source.source_id);
      for (const auto& t : q.topics) add(t);
      for (const auto& c : q.choices) add(c.text);
      for (const auto& s : q.accepted) add(s);
      add(q.unit);
      for (const auto& s : q.items) add(s);
      for (const auto& p : q.pairs) {
        add(p.left);
        add(p.right);
      }
      add(q.scenario);
      for (const auto& p : q.positions) {
        add(p.id);
        add(p.title);
        for (const auto& a : p.arguments) add(a);
      }
      for (const auto& r : q.rubric) add(r);
      add(q.model_answer);
    }
  }
  // Characters the controller itself puts on screen (citations).
  add("\xC2\xB6\xE2\x80\x93");  // ¶ –
  return {cps.begin(), cps.end()};
}

}  // namespace casebook::app
