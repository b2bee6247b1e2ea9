// SPDX-License-Identifier: GPL-3.0-or-later
// ddx_manpage TEMPLATE OUTPUT: writes the man page with its lists filled in from the function,
// procedure and command tables (a build step; see help.hpp's man_page).
#include <fstream>
#include <iostream>
#include <sstream>

#include "repl/help.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: ddx_manpage TEMPLATE OUTPUT\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream page;
  page << in.rdbuf();
  std::ofstream out(argv[2]);
  out << ddx::man_page(page.str());
  return in && out ? 0 : 1;
}
