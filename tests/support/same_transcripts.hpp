// SPDX-License-Identifier: GPL-3.0-or-later
// Running a script through a Session and showing everything it shows (each outcome in several
// formats, then the :export document), to check that two ways of running it (reclaiming nodes or
// not, reading plain values directly or not) change nothing a user sees, byte for byte.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "core/functions.hpp"
#include "print/print.hpp"
#include "repl/export_tex.hpp"
#include "repl/render.hpp"
#include "repl/session.hpp"
#include "support/export_session.hpp"
#include "support/temp_dir.hpp"

namespace ddx_test {

// Everything a session shows for `script`; after_each_line runs after every line.
inline std::string transcript_of(const std::string& script,
                                 const std::function<void(ddx::Session&)>& after_each_line = {}) {
  std::string shown;
  // The names abstract functions' parameters were given (f(u, v)) live in the function table, for
  // the process: every run starts from none.
  ddx::forget_abstract_params();
  ddx::Session session;
  std::istringstream in(script);
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    {
      std::vector<ddx::Outcome> outcomes = session.eval_line(line);
      for (const ddx::Outcome& o : outcomes)
        for (ddx::print::Format f : {ddx::print::Format::Text, ddx::print::Format::Latex, ddx::print::Format::Json,
                                     ddx::print::Format::Python, ddx::print::Format::SymPy}) {
          try {
            shown += ddx::render_stdout(o, f, number) + "\n";
          } catch (const ddx::print::Unprintable& e) {
            shown += std::string("unprintable: ") + e.what() + "\n";
          }
        }
    }
    if (after_each_line) after_each_line(session);
  }
  return shown + session.tex_export().document();
}

// Lines that write files elsewhere than the test's own folder are left out.
inline std::string without_file_commands(const std::string& script) {
  std::string kept;
  std::istringstream in(script);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(":export", 0) != 0 && line.rfind(":plot-to", 0) != 0 && line.find("plot(") == std::string::npos)
      kept += line + "\n";
  return kept;
}

// Every transcript of tests/transcripts, without its file commands.
inline std::vector<std::pair<std::string, std::string>> transcript_scripts() {
  std::vector<std::pair<std::string, std::string>> scripts;
  for (const auto& entry : std::filesystem::directory_iterator(DDX_TRANSCRIPTS)) {
    if (entry.path().extension() != ".in") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    scripts.emplace_back(entry.path().filename().string(), without_file_commands(text.str()));
  }
  return scripts;
}

// Runs `check` (name, script) on every transcript, then on the session of every command and
// procedure (its plots drawn into a folder of the test's own); at least 30 transcripts.
inline void check_every_script(const std::function<void(const std::string&, const std::string&)>& check) {
  std::size_t checked = 0;
  for (const auto& script : transcript_scripts()) {
    check(script.first, script.second);
    ++checked;
  }
  CHECK(checked >= 30);
  TempDir plots("ddx_every_command");
  std::string lines = k_export_everything;
  lines.replace(lines.find("PLOTS"), 5, plots.dir.string());
  check("every command", lines);
}

// Fails, showing where they part, unless the two showings are the same.
inline void check_same_transcripts(const std::string& name, const std::string& first, const std::string& second,
                                   const char* first_label, const char* second_label) {
  CAPTURE(name);
  CHECK(first.size() > 0);
  if (first == second) return;
  // Where they part, with some context: the whole of both would bury it.
  std::size_t at = 0;
  while (at < first.size() && at < second.size() && first[at] == second[at]) ++at;
  std::size_t from = at < 300 ? 0 : at - 300;
  FAIL_CHECK("differs at byte " << at << "\n" << first_label << ": " << first.substr(from, 600) << "\n"
                                << second_label << ": " << second.substr(from, 600));
}

}  // namespace ddx_test
