// SPDX-License-Identifier: GPL-3.0-or-later
// Files ddx writes (:export, plots): whole or not at all, numbered plots, folders checked when
// :plot-to is given, help on an unknown topic (docs/language.md §11).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "repl/atomic_write.hpp"
#include "support/session_helpers.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using ddx_test::answer;

namespace {

std::string contents(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file of the folder (a leftover temporary would show here).
std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("files: a write replaces the file whole, and a failed one leaves nothing behind") {
  ddx_test::TempDir t("ddx_files");
  fs::path file = t.dir / "session.tex";
  CHECK_FALSE(ddx::write_atomically(file.string(), "first\n"));
  CHECK(contents(file) == "first\n");
  CHECK_FALSE(ddx::write_atomically(file.string(), "second, longer\n"));
  CHECK(contents(file) == "second, longer\n");
  CHECK(entries(t.dir) == 1);
  // A folder in the way: rename cannot replace it; the error names the file, the folder stays.
  fs::create_directory(t.dir / "taken.tex");
  auto why = ddx::write_atomically((t.dir / "taken.tex").string(), "x");
  REQUIRE(why);
  CHECK(why->find("cannot write '" + (t.dir / "taken.tex").string() + "'") == 0);
  CHECK(fs::is_directory(t.dir / "taken.tex"));
  CHECK(entries(t.dir) == 2);  // session.tex and the folder: no temporary left
  // A missing folder is said as such.
  why = ddx::write_atomically((t.dir / "missing" / "x.tex").string(), "x");
  REQUIRE(why);
  CHECK(why->find("the folder '" + (t.dir / "missing").string() + "' does not exist") != std::string::npos);
}

TEST_CASE("files: :export keeps the old document when the new one cannot be written") {
  ddx_test::TempDir t("ddx_files");
  ddx::Session s;
  fs::path tex = t.dir / "notes.tex";
  REQUIRE(answer(s, "d/dx x^2") == "2x");
  CHECK(answer(s, ":export " + tex.string()) == "wrote " + tex.string() + " (1 statement)");
  std::string first = contents(tex);
  CHECK(first.find("2 x") != std::string::npos);
  fs::path blocked = t.dir / "blocked.tex";
  fs::create_directory(blocked);
  CHECK(answer(s, ":export " + blocked.string()).rfind("error@9: cannot write '" + blocked.string() + "': ", 0) == 0);
  CHECK(contents(tex) == first);
}

// A link is written through, to the file it names (it was replaced by a file); anything but a
// file is refused (:export /dev/full renamed a file over the device, and said it had written it).
TEST_CASE("files: :export writes through a link and never over anything but a file") {
  ddx_test::TempDir t("ddx_files");
  ddx::Session s;
  fs::path target = t.dir / "target.tex", link = t.dir / "link.tex";
  std::ofstream(target) << "old";
  fs::create_symlink(target, link);
  REQUIRE(answer(s, "d/dx x^2") == "2x");
  CHECK(answer(s, ":export " + link.string()) == "wrote " + link.string() + " (1 statement)");
  CHECK(fs::is_symlink(link));
  CHECK(contents(target).find("2 x") != std::string::npos);
  REQUIRE(fs::exists("/dev/null"));
  CHECK(answer(s, ":export /dev/null") == "error@9: cannot write '/dev/null': it is not a regular file");
  CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("files: plots go to NAME.svg, NAME-2.svg, ..., each said, and :plot-to checks its folder") {
  ddx_test::TempDir t("ddx_files");
  ddx::Session s;
  fs::path svg = t.dir / "curve.svg";
  CHECK(answer(s, ":plot-to " + (t.dir / "no" / "x.svg").string()) ==
        "error@10: cannot write plots to '" + (t.dir / "no" / "x.svg").string() + "': the folder '" +
            (t.dir / "no").string() + "' does not exist");
  REQUIRE(answer(s, ":plot-to " + svg.string()).empty());
  CHECK(answer(s, "plot(x^2, x = 0 .. 1)") == "plot written to " + svg.string());
  CHECK(answer(s, "plot(x^3, x = 0 .. 1)") == "plot written to " + (t.dir / "curve-2.svg").string());
  CHECK(answer(s, "plot(x^4, x = 0 .. 1)") == "plot written to " + (t.dir / "curve-3.svg").string());
  CHECK(contents(svg).find("<svg") != std::string::npos);
  CHECK(contents(t.dir / "curve-3.svg").find("x^4") != std::string::npos);
  // A new :plot-to starts the numbering again.
  REQUIRE(answer(s, ":plot-to " + svg.string()).empty());
  CHECK(answer(s, "plot(x, x = 0 .. 1)") == "plot written to " + svg.string());
  CHECK(contents(svg).find("x^2") == std::string::npos);
}

TEST_CASE("help: an unknown topic is an error that lists the topics") {
  CHECK(answer(":help nonsense") ==
        "error@7: unknown help topic 'nonsense'; topics: diff chain functions procedures vectors formats commands errors");
  std::string commands = answer(":help commands");
  CHECK(commands.ends_with("continues on the next line"));
}

// A plot of a derivative whose requirement is taken beside the point (a corner's of a second
// derivative, an edge of the domain) drew no curve: the requirement's step, no name, had no value
// at any sampled x. Each draws its curve now.
TEST_CASE("files: a plot of a derivative with a requirement beside the point draws its curve") {
  ddx_test::TempDir t("ddx_files");
  ddx::Session s;
  fs::path svg = t.dir / "d.svg";
  REQUIRE(answer(s, ":plot-to " + svg.string()).empty());
  for (const char* question : {"plot(d^2/dx^2 abs(x)^3, x = -1 .. 1)", "plot(d/dx x^(3/2), x = 0 .. 2)",
                                      "plot(d^2/dx^2 x abs(x), x = -1 .. 1)"}) {
    CAPTURE(question);
    REQUIRE(answer(s, question) == "plot written to " + svg.string());
    CHECK(contents(svg).find("<polyline") != std::string::npos);
    REQUIRE(answer(s, ":plot-to " + svg.string()).empty());
  }
}
