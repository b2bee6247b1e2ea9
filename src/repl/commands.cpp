// SPDX-License-Identifier: GPL-3.0-or-later
// The command table (see commands.hpp).
#include "repl/commands.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

#include "core/functions.hpp"
#include "grammar/utf8.hpp"
#include "repl/atomic_write.hpp"
#include "repl/help.hpp"

namespace ddx {
namespace {

Outcome message(std::string text) {
  Outcome o;
  o.kind = Outcome::Kind::Message;
  o.message = std::move(text);
  return o;
}

Outcome failure(std::string input, std::string text) {
  Outcome o;
  o.kind = Outcome::Kind::Error;
  o.input = std::move(input);
  o.message = std::move(text);
  return o;
}

std::vector<std::string> words(const std::string& args) {
  std::istringstream in(args);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string first_word(const std::string& args) {
  auto w = words(args);
  return w.empty() ? std::string() : w[0];
}

Outcome help(Session&, const std::string& args) {
  std::string topic = first_word(args);
  if (auto text = help_text(topic)) return message(*text);
  return failure(":help " + args, "unknown help topic '" + topic + "'; topics: " + std::string(help_topics));
}

Outcome format(Session& s, const std::string& args) {
  std::string name = first_word(args);
  if (name.empty()) return message(std::string(print::format_name(s.format())));
  auto f = print::parse_format(name);
  if (!f) return failure(":format " + args, print::unknown_format_message(name));
  s.set_format(*f);
  return message("");
}

Outcome vars(Session& s, const std::string&) {
  std::vector<std::pair<std::size_t, std::string>> rows;
  for (const auto& [n, v] : s.definitions().variables())
    rows.emplace_back(v->order, n + " = " + print::listing(v->body, print::Format::Text));
  std::sort(rows.begin(), rows.end());
  std::string text;
  for (const matrix::Declaration& d : s.declarations().list()) text += d.text() + "\n";
  for (const auto& [order, row] : rows) text += row + "\n";
  for (const auto& [n, f] : s.definitions().functions()) {
    std::string params;
    for (Expr p : f->params) params += (params.empty() ? "" : ", ") + p.name();
    text += n + "(" + params + ") = " + print::listing(f->body, print::Format::Text) + "\n";
  }
  if (text.empty()) text = "no definitions\n";
  text.pop_back();
  return message(text);
}

Outcome clear(Session& s, const std::string& args) {
  std::string const typed = first_word(args);
  std::string name = typed;
  // (spelt as a statement reads it: θ is theta, and :clear θ said 'θ' is not defined)
  if (grammar::NormalizedLine spelt = grammar::normalize_line(name); spelt.ok) name = spelt.text;
  if (name.empty()) {
    s.definitions().clear();
    s.declarations().clear();
    forget_abstract_params();
    return message("");
  }
  bool abstract = false;  // f after d/dx f(u, v): its parameter names are all there is to forget
  if (auto f = find_function(name); f && function_info(*f).abstract) abstract = !function_info(*f).params.empty();
  if (s.declarations().erase(name)) return message("");
  if (!s.definitions().erase(name) && !abstract) return failure(":clear " + args, "'" + typed + "' is not defined");
  forget_abstract_params(name);
  return message("");
}

Outcome steps(Session& s, const std::string& args) {
  std::string w = first_word(args);
  if (w != "on" && w != "off") return failure(":steps " + args, "usage: :steps on|off");
  s.set_steps(w == "on");
  return message("");
}

Outcome plot_to(Session& s, const std::string& args) {
  std::string path = first_word(args);  // empty: back to the terminal
  if (!path.empty()) {
    if (auto why = unwritable_folder(path)) return failure(":plot-to " + args, "cannot write plots to '" + path + "': " + *why);
    // (a folder was taken, and the next plot failed to write; any other name gets SVG all the same)
    if (std::filesystem::is_directory(path)) return failure(":plot-to " + args, "'" + path + "' is a folder: usage: :plot-to FILE.svg");
  }
  s.set_plot_to(path);
  return message("");
}

Outcome set(Session& s, const std::string& args) {
  auto w = words(args);
  if (w.size() >= 2 && w[0] == "layout" && (w[1] == "numerator" || w[1] == "denominator")) {
    s.set_denominator_layout(w[1] == "denominator");
    return message("");
  }
  return failure(":set " + args, "usage: :set layout numerator|denominator");
}

// Every answer so far, as a LaTeX document (rendered now: Ctrl-C may stop it).
Outcome export_tex(Session& s, const std::string& args) {
  std::string path = args;
  if (path.empty()) return failure(":export", "usage: :export FILE.tex");
  if (auto why = write_atomically(path, s.tex_export().document())) return failure(":export " + path, *why);
  std::size_t n = s.tex_export().size();
  return message("wrote " + path + " (" + std::to_string(n) + (n == 1 ? " statement)" : " statements)"));
}

Outcome quit(Session& s, const std::string&) {
  s.request_quit();
  return message("");
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"help", "[TOPIC]", "help; topics: diff chain functions procedures vectors formats commands errors", help, 1},
      {"format", "FMT", "output format: text, unicode, latex, code or json", format, 1},
      {"vars", "", "list the declarations and definitions", vars, 0},
      {"clear", "[NAME]", "forget one declaration or definition, or all of them", clear, 1},
      {"steps", "on|off", "explain each derivative step by step (also: steps d/dx sin(x^2))", steps, 1},
      {"export", "FILE.tex", "write every definition and answer so far as a LaTeX document", export_tex, 1},
      {"plot-to", "[FILE.svg]", "send the plots that follow to an SVG file (alone: the terminal)", plot_to, 1},
      {"set", "layout numerator|denominator", "how jacobian lays out its matrix", set, 2},
      {"quit", "", "leave (or Ctrl-D on an empty line)", quit, 0},
  };
  return table;
}

std::size_t word_count(const std::string& args) { return words(args).size(); }

std::size_t word_start(std::string_view line, std::size_t from, std::size_t index) {
  auto const blank = [&](std::size_t i) { return std::isspace(static_cast<unsigned char>(line[i])) != 0; };
  std::size_t i = std::min(from, line.size());
  for (std::size_t word = 0;; ++word) {
    while (i < line.size() && blank(i)) ++i;
    if (word == index || i == line.size()) return i;
    while (i < line.size() && !blank(i)) ++i;
  }
}

const Command* find_command(std::string_view name) {
  if (name == "q" || name == "exit") name = "quit";
  for (const Command& c : commands())
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace ddx
