// SPDX-License-Identifier: GPL-3.0-or-later
// ddx_manpage TEMPLATE MAN_OUTPUT COMPLETION_OUTPUT: writes the man page with its lists filled in
// from the option, function, procedure and command tables, and the bash completion script from
// the option table (a build step; see help.hpp's man_page and options.hpp).
#include <fstream>
#include <iostream>
#include <sstream>

#include "repl/help.hpp"
#include "repl/options.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: ddx_manpage TEMPLATE MAN_OUTPUT COMPLETION_OUTPUT\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream page;
  page << in.rdbuf();
  std::ofstream man(argv[2]);
  man << ddx::man_page(page.str());
  std::ofstream completion(argv[3]);
  completion << ddx::bash_completion();
  return in && man && completion ? 0 : 1;
}
