// SPDX-License-Identifier: GPL-3.0-or-later
// The option table and what is generated from it (see options.hpp).
#include "repl/options.hpp"

#include "print/print.hpp"

namespace ddx {

const std::vector<CommandLineOption>& command_line_options() {
  static const std::vector<CommandLineOption> table = {
      {"-e", "", "STMT", "run STMT (may be repeated), print the answers and exit"},
      {"-f", "--format", "FMT", "output format: text (default; unicode in the REPL at a UTF-8 terminal), unicode, latex, code, json; "
                                   "sympy, maxima, mathematica (those systems' syntax); python, numpy, c (a function per answer)"},
      {"", "--latex", "", "same as --format latex"},
      {"", "--steps", "", "explain each derivative step by step"},
      {"", "--stats", "", "at exit, print phase times and peak memory on stderr"},
      {"", "--timeout", "SECS", "stop any line that computes or prints longer than SECS seconds"},
      {"-h", "--help", "", "show this help and exit"},
      {"", "--version", "", "show the version and exit"},
  };
  return table;
}

std::string bash_completion() {
  std::string names, with_argument, formats;
  for (const CommandLineOption& o : command_line_options())
    for (std::string_view n : {o.short_name, o.long_name}) {
      if (n.empty()) continue;
      names += (names.empty() ? "" : " ") + std::string(n);
      bool format = o.long_name == "--format";  // has its own case: the format names
      if (!o.argument.empty() && !format) with_argument += (with_argument.empty() ? "" : "|") + std::string(n);
    }
  for (std::string_view f : print::format_names()) formats += (formats.empty() ? "" : " ") + std::string(f);
  return "# bash completion for ddx (generated from its option table)\n"
         "_ddx() {\n"
         "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
         "  case \"$prev\" in\n"
         "    -f|--format) COMPREPLY=($(compgen -W \"" + formats + "\" -- \"$cur\")); return ;;\n"
         "    " + with_argument + ") COMPREPLY=(); return ;;\n"
         "  esac\n"
         "  if [[ $cur == -* ]]; then\n"
         "    COMPREPLY=($(compgen -W \"" + names + "\" -- \"$cur\"))\n"
         "  else\n"
         "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
         "  fi\n"
         "}\n"
         "complete -o filenames -F _ddx ddx\n";
}

}  // namespace ddx
