// The Import screen's model: a question file (GIFT, Aiken, CSV) turned into a bank on a
// background job (app::import_questions, as `casebook import`), the diagnostics listed, and
// the new bank loaded: written into a bank folder, or, when written elsewhere, loaded for
// this run with a note on where it went and how to keep it.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/background.hpp"
#include "app/context.hpp"
#include "app/import.hpp"
#include "app/views.hpp"

namespace casebook::app {

/// The folder imported banks go to: the first of `config.bank_paths` that is a folder, else
/// the folder of the first bank file, else the current folder ("").
[[nodiscard]] std::string default_import_folder(const AppConfig& config);

/// Whether a bank written to `path` is loaded from `bank_paths`: it is one of them, or lies
/// (as a *.toml file) under one that is a folder.
[[nodiscard]] bool is_under_bank_paths(const std::string& path, const std::vector<std::string>& bank_paths);

class ImportFlow {
 public:
  /// `reload` reads the banks again (the controller's ReloadBanks) after a bank is written.
  ImportFlow(AppContext& ctx, std::function<void()> reload) : m_ctx(ctx), m_reload(std::move(reload)) {}

  /// The screen is opened: the last result is cleared.
  void open();
  /// A new input path: the format is guessed from its name and, unless the output was
  /// typed, the output becomes <bank folder>/<input stem>.toml, or the first free
  /// <input stem>-N.toml when that exists (app::free_file_name). The bank's id is always
  /// the output file's stem (slugified). An output that exists when the import runs is not
  /// replaced unless "replace" is ticked: the next free name is proposed instead.
  void set_input(std::string path);
  void set_output(std::string path);
  void set_format(int index);
  void set_replace(bool replace) { m_replace = replace; }
  /// Starts the import on the worker (needs an input and an output).
  void start();
  /// Main thread: takes a finished import and loads the new bank. True when something changed.
  bool poll();
  [[nodiscard]] bool running() const { return m_job.running(); }
  /// Blocks until a running import has finished (tests and the terminal).
  void wait();
  [[nodiscard]] ImportView view() const;

 private:
  AppContext& m_ctx;
  std::function<void()> m_reload;
  std::string m_input, m_output;
  int m_format = 0;
  bool m_output_edited = false;
  bool m_replace = false;
  std::uint64_t m_revision = 0;
  bool m_done = false;
  bool m_failed = false;
  std::string m_written;  ///< the bank file the last import wrote (no "exists" warning for it)
  std::string m_summary;
  std::vector<std::string> m_lines;
  BackgroundJob<ImportOutcome> m_job;  ///< last member: destroyed (cancelled, joined) first
};

}  // namespace casebook::app
