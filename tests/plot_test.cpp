// SPDX-License-Identifier: GPL-3.0-or-later
// Plots and tables: golden terminal plots (tests/plots/*.txt), SVG documents checked for XML
// well-formedness by a small checker here (no XML library), gaps where functions are undefined,
// and tables in text, CSV and JSON.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/functions.hpp"
#include "print/plot.hpp"
#include "print/svg.hpp"

using namespace ddx;
using print::Curve;

namespace {

// tests/plots/NAME (next to tests/transcripts). DDX_UPDATE_GOLDEN=1 rewrites it from `actual`.
std::string golden(const std::string& name, const std::string& actual) {
  std::string path = std::string(DDX_TRANSCRIPTS) + "/../plots/" + name;
  if (std::getenv("DDX_UPDATE_GOLDEN")) std::ofstream(path) << actual;
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void check_golden(const std::string& name, const std::string& actual) {
  CAPTURE(name);
  CHECK(actual == golden(name, actual));
}

// Well-formed XML (the subset an SVG writer produces): one root element, properly nested and
// closed tags, quoted attributes without raw '<' or '&' except entity references, escaped text,
// an optional <?xml ...?> declaration. Returns "" or the first problem.
std::string xml_problem(const std::string& s) {
  std::vector<std::string> open;
  std::size_t i = 0, roots = 0;
  auto entity_ok = [&](std::size_t at) {
    std::size_t semi = s.find(';', at);
    if (semi == std::string::npos || semi - at > 8) return false;
    std::string name = s.substr(at + 1, semi - at - 1);
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos" || (!name.empty() && name[0] == '#');
  };
  if (s.compare(0, 5, "<?xml") == 0) {
    i = s.find("?>");
    if (i == std::string::npos) return "unterminated declaration";
    i += 2;
  }
  while (i < s.size()) {
    char c = s[i];
    if (c == '&') {
      if (!entity_ok(i)) return "bad entity at " + std::to_string(i);
      ++i;
    } else if (c == '<') {
      bool closing = i + 1 < s.size() && s[i + 1] == '/';
      std::size_t j = i + (closing ? 2 : 1);
      std::size_t name_end = s.find_first_of(" \t\n/>", j);
      if (name_end == std::string::npos) return "unterminated tag";
      std::string name = s.substr(j, name_end - j);
      if (name.empty()) return "empty tag name at " + std::to_string(i);
      j = name_end;
      bool self_closing = false;
      while (j < s.size() && s[j] != '>') {
        char d = s[j];
        if (d == '"' || d == '\'') {
          std::size_t end = s.find(d, j + 1);
          if (end == std::string::npos) return "unterminated attribute";
          for (std::size_t k = j + 1; k < end; ++k) {
            if (s[k] == '<') return "'<' in attribute";
            if (s[k] == '&' && !entity_ok(k)) return "bad entity in attribute";
          }
          j = end + 1;
        } else if (d == '/') {
          self_closing = true;
          ++j;
        } else if (d == '=' || std::isspace(static_cast<unsigned char>(d)) || std::isalnum(static_cast<unsigned char>(d)) || d == '-' || d == ':' || d == '_') {
          if (d == '=' && (j + 1 >= s.size() || (s[j + 1] != '"' && s[j + 1] != '\''))) return "unquoted attribute";
          ++j;
        } else {
          return std::string("unexpected '") + d + "' in tag " + name;
        }
      }
      if (j >= s.size()) return "unterminated tag " + name;
      if (closing) {
        if (open.empty() || open.back() != name) return "mismatched </" + name + ">";
        open.pop_back();
      } else if (!self_closing) {
        if (open.empty()) ++roots;
        open.push_back(name);
      } else if (open.empty()) {
        ++roots;
      }
      i = j + 1;
    } else {
      if (open.empty() && !std::isspace(static_cast<unsigned char>(c))) return "text outside the root";
      ++i;
    }
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  if (roots != 1) return "not exactly one root element";
  return "";
}

std::vector<Curve> seed_004() {
  Expr x = sym("x");
  return {print::curve_of(2 * pow(x, 2) + 2, x, "2x^2 + 2"), print::curve_of(4 * x, x, "4x")};
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("plot: golden terminal plots") {
  Expr x = sym("x");
  check_golden("seed004_40x10.txt", print::plot_terminal(seed_004(), -2, 2, 40, 10));
  check_golden("tangent_40x10.txt",
               print::plot_terminal({print::curve_of(pow(x, 2), x, "x^2"), print::curve_of(2 * x - 1, x, "y = 2x - 1")}, -1, 3, 40, 10));
  check_golden("log_gap_40x8.txt", print::plot_terminal({print::curve_of(log(x), x, "log(x)")}, -2, 2, 40, 8));
  check_golden("tan_poles_50x10.txt", print::plot_terminal({print::curve_of(tan(x), x, "tan(x)")}, -4, 4, 50, 10));
}

TEST_CASE("plot: shape of a terminal plot") {
  std::string p = print::plot_terminal(seed_004(), -2, 2, 60, 15);
  std::vector<std::string> lines;
  std::stringstream ss(p);
  for (std::string l; std::getline(ss, l);) lines.push_back(l);
  REQUIRE(lines.size() == 15 + 3);  // canvas, x axis, x labels, legend
  CHECK(lines[15].find("└") != std::string::npos);
  CHECK(lines[16].find("-2") != std::string::npos);
  CHECK(lines[17].find("2x^2 + 2") != std::string::npos);
  CHECK(lines[17].find("4x") != std::string::npos);
  CHECK(p.find("\x1b[") == std::string::npos);  // no colour unless asked
  std::string colored = print::plot_terminal(seed_004(), -2, 2, 60, 15, true);
  CHECK(colored.find("\x1b[34m") != std::string::npos);
  CHECK(colored.find("\x1b[31m") != std::string::npos);
}

TEST_CASE("plot: undefined points leave gaps, poles do not flatten the plot") {
  Expr x = sym("x");
  // log is undefined left of 0: the left half of the canvas has no curve dots at all, only the axis.
  std::string p = print::plot_terminal({print::curve_of(log(x), x, "log(x)")}, -2, 2, 40, 8);
  CHECK(p.find("⠀") != std::string::npos);
  // tan over several poles keeps a readable range: labels stay small.
  std::string t = print::plot_terminal({print::curve_of(tan(x), x, "tan(x)")}, -4, 4, 60, 12);
  CHECK(t.find("e+") == std::string::npos);
  // Undefined everywhere is said, not drawn.
  std::string u = print::plot_terminal({print::curve_of(log(-1 - pow(x, 2)), x, "nothing")}, -1, 1, 40, 6);
  CHECK(u.find("undefined everywhere") != std::string::npos);
}

TEST_CASE("plot: errors") {
  Expr x = sym("x"), a = sym("a");
  CHECK_THROWS_AS(print::curve_of(a * x, x, "a x"), MathError);
  CHECK_THROWS_AS(print::plot_terminal(seed_004(), 2, -2), std::invalid_argument);
  CHECK_THROWS_AS(print::plot_terminal(seed_004(), -2, 2, 5, 2), std::invalid_argument);
  CHECK_THROWS_AS(print::table_text(seed_004(), "x", 0, 1, 0, print::TableFormat::Text), std::invalid_argument);
  CHECK_THROWS_AS(print::table_text(seed_004(), "x", 0, 1e9, 1, print::TableFormat::Text), std::invalid_argument);
}

TEST_CASE("plot: SVG is a well-formed standalone document") {
  CHECK(xml_problem("<a><b/></a>").empty());
  CHECK(!xml_problem("<a><b></a>").empty());
  CHECK(!xml_problem("<a>x & y</a>").empty());
  CHECK(!xml_problem("<a x=\"<\"/>").empty());
  Expr x = sym("x");
  std::string svg = print::plot_svg(seed_004(), -2, 2, "y = 2x^2 + 2 & its gradient <dy/dx>");
  CHECK(xml_problem(svg) == "");
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(svg.find("xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
  CHECK(svg.find("&amp; its gradient &lt;dy/dx&gt;") != std::string::npos);
  CHECK(count(svg, "<polyline") == 2);
  // tan over [-4, 4] is three stretches (poles at ±π/2); log(x) over [-2, 2] one (x > 0).
  std::string t = print::plot_svg({print::curve_of(tan(x), x, "tan(x)"), print::curve_of(log(x), x, "a \"quoted\" <label>")}, -4, 4, "");
  CHECK(xml_problem(t) == "");
  CHECK(count(t, "<polyline") == 3 + 1);
  CHECK(t.find("a &quot;quoted&quot; &lt;label&gt;") != std::string::npos);
}

// Every point of every polyline of an SVG plot.
std::vector<std::pair<double, double>> polyline_points(const std::string& svg) {
  std::vector<std::pair<double, double>> out;
  for (std::size_t at = svg.find("points=\""); at != std::string::npos; at = svg.find("points=\"", at + 1)) {
    const char* p = svg.c_str() + at + 8;
    while (*p != '"') {
      char* end = nullptr;
      double px = std::strtod(p, &end);
      double py = std::strtod(end + 1, &end);
      out.emplace_back(px, py);
      p = end;
      while (*p == ' ') ++p;
    }
  }
  return out;
}

TEST_CASE("plot: the SVG legend covers no curve, and the axes are named") {
  Expr x = sym("x");
  struct Case {
    std::vector<print::Curve> curves;
    double x0, x1;
  };
  std::vector<Case> cases = {
      {seed_004(), -2, 2},
      {{print::curve_of(pow(x, 2), x, "x^2")}, -2, 2},
      {{print::curve_of(sin(x), x, "sin(x)"), print::curve_of(cos(x), x, "cos(x)")}, -7, 7},
      {{print::curve_of(x, x, "x"), print::curve_of(-x, x, "-x")}, -1, 1},
      {{print::curve_of(sin(20 * x), x, "sin(20x)"), print::curve_of(cos(20 * x), x, "cos(20x)"),
        print::curve_of(x, x, "x")}, -1, 1},  // fills the frame: the legend goes below
  };
  int inside = 0, below = 0;
  for (const Case& c : cases) {
    std::string svg = print::plot_svg(c.curves, c.x0, c.x1, "", "x");
    CHECK(xml_problem(svg) == "");
    print::LegendBox box = print::legend_box_of(svg);
    REQUIRE(box.width > 0);
    for (auto [px, py] : polyline_points(svg)) {
      bool in_box = px >= box.x && px <= box.x + box.width && py >= box.y && py <= box.y + box.height;
      CHECK_FALSE(in_box);
    }
    (box.inside ? inside : below) += 1;
    if (&c == &cases.back()) CHECK_FALSE(box.inside);
    CHECK(svg.find("font-style=\"italic\">x</text>") != std::string::npos);  // the x axis's name
  }
  CHECK(inside >= 3);
  CHECK(below >= 1);
  std::string one = print::plot_svg({print::curve_of(pow(x, 2), x, "x^2")}, -2, 2, "", "t");
  CHECK(one.find("rotate(-90)\" text-anchor=\"middle\" font-style=\"italic\">x^2</text>") != std::string::npos);
  CHECK(one.find("font-style=\"italic\">t</text>") != std::string::npos);
}

TEST_CASE("table: text, CSV and JSON") {
  Expr x = sym("x");
  auto cs = seed_004();
  CHECK(print::table_text(cs, "x", -1, 1, 0.5, print::TableFormat::Text) ==
        "   x  2x^2 + 2  4x\n"
        "  -1         4  -4\n"
        "-0.5       2.5  -2\n"
        "   0         2   0\n"
        " 0.5       2.5   2\n"
        "   1         4   4\n");
  CHECK(print::table_text(cs, "x", -2, 2, 0.25, print::TableFormat::Csv).find("\n1.75,8.125,7\n2,10,8\n") != std::string::npos);
  std::vector<Curve> lg{print::curve_of(log(x), x, "log(x)")};
  CHECK(print::table_text(lg, "x", -1, 1, 1, print::TableFormat::Csv) == "x,log(x)\n-1,\n0,\n1,0\n");
  CHECK(print::table_text(lg, "x", -1, 1, 1, print::TableFormat::Json) ==
        "[{\"x\": -1, \"log(x)\": null},\n {\"x\": 0, \"log(x)\": null},\n {\"x\": 1, \"log(x)\": 0}]");
  CHECK(print::table_text(lg, "x", 0, 1, 1, print::TableFormat::Text) == "x     log(x)\n0  undefined\n1          0\n");
  // A value ddx cannot tell from 0 is ~0 at an exact x: a JSON string, no number, and no noise.
  std::vector<Curve> one{print::exact_curve_of(pow(sin(x), num(2)) + pow(cos(x), num(2)) - num(1), x, "f")};
  print::ExactGrid half{num(0), num(1), num(1) / num(2)};
  CHECK(print::table_text(one, "x", 0, 1, 0.5, print::TableFormat::Json, half) ==
        "[{\"x\": 0, \"f\": 0},\n {\"x\": 0.5, \"f\": \"~0\"},\n {\"x\": 1, \"f\": \"~0\"}]");
  CHECK(print::table_text(one, "x", 0, 1, 0.5, print::TableFormat::Csv, half) == "x,f\n0,0\n0.5,~0\n1,~0\n");
  // 0.1 steps end exactly at the end point, with no 0.30000000000000004.
  std::string tenths = print::table_text({print::curve_of(x, x, "x")}, "x", 0, 1, 0.1, print::TableFormat::Csv);
  CHECK(tenths.find("0.3,0.3\n") != std::string::npos);
  CHECK(tenths.find("\n1,1\n") != std::string::npos);
  CHECK(print::table_text(cs, "x", 0, 0, 1, print::TableFormat::Csv) == "x,2x^2 + 2,4x\n0,2,0\n");
  CHECK(print::table_text({{"a,b", [](double v) { return v; }}}, "x", 0, 0, 1, print::TableFormat::Csv) == "x,\"a,b\"\n0,0\n");
}

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

// A curve was joined across a pole whose jump is less than the plot's height (1/(x - 1) + 100x^2,
// tan(x) beside x^2), and across a jump (sign(x)); values reaching a double's limit padded the
// range to inf and every point was NaN; values all past it were called undefined; and the ticks
// of 1e12 + x were all 1e+12 (a helper's check of plots against the true curves).
TEST_CASE("plot: curves break at poles and jumps only, huge values stay finite, and ticks tell apart") {
  Expr x = sym("x");
  auto svg = [&](std::vector<Curve> curves, double x0, double x1) { return print::plot_svg(curves, x0, x1, "", "x", 640, 400); };
  auto one = [&](Expr e, double x0, double x1) { return svg({print::curve_of(e, x, "f")}, x0, x1); };
  CHECK(count_of(one(1 / (x - 1) + 100 * pow(x, 2), -3, 3), "<polyline") == 2);
  CHECK(count_of(svg({print::curve_of(tan(x), x, "tan"), print::curve_of(pow(x, 2), x, "sq")}, -10, 10), "<polyline") == 7 + 1);
  CHECK(count_of(one(sign(x), -1, 1), "<polyline") == 2);
  CHECK(count_of(one(pow(x, -2), -1, 1), "<polyline") == 2);  // (alike on both sides of its pole)
  CHECK(count_of(one(pow(x - rational(3, 10), -2), -1, 1), "<polyline") == 2);
  CHECK(count_of(one(exp(-1000 * pow(x, 2)), -1, 1), "<polyline") == 1);  // (a narrow bump is continuous)
  CHECK(count_of(one(sin(x), 0, 10), "<polyline") == 1);
  CHECK(count_of(one(pow(x, rational(1, 3)), -1, 1), "<polyline") == 1);  // steep at 0, but continuous
  CHECK(count_of(one(call("atan", {1000 * x}), -1, 1), "<polyline") == 1);
  std::string huge = one(exp(x), 700, 720);
  CHECK(huge.find("nan") == std::string::npos);
  CHECK(count_of(huge, "<polyline") == 1);
  std::string past = one(pow(x, 2), 1e300, 2e300);
  CHECK(past.find("too large to plot on this range") != std::string::npos);
  CHECK(past.find("undefined everywhere") == std::string::npos);
  std::string narrow = one(num(Number(1000000000000LL)) + x, -1, 1);
  CHECK(narrow.find(">999999999999.5<") != std::string::npos);
  CHECK(narrow.find(">1000000000001<") != std::string::npos);
  std::string terminal = print::plot_terminal({print::curve_of(pow(x, 2), x, "f")}, 1e300, 2e300, 40, 8);
  CHECK(terminal.find("too large to plot on this range") != std::string::npos);
  // Values past a double's range in part of the range are said not drawn (exp(x) up to 1000 ended
  // at 709.8 without a word), and nothing is said where every value is drawn.
  CHECK(one(exp(x), 0, 1000).find("not drawn where past a double's range") != std::string::npos);
  CHECK(one(exp(x), 0, 700).find("not drawn where") == std::string::npos);
  CHECK(print::plot_terminal({print::curve_of(exp(x), x, "f")}, 0, 1000, 60, 10).find("not drawn where past a double's range") !=
        std::string::npos);
  // Values whose own span is past a double's range are refused (the scale would divide by inf).
  CHECK_THROWS_AS(one(num(Number::from_double(1.7e308)) * sin(x), 0, 7), LimitError);
}
