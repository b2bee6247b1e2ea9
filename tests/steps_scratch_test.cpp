#include <doctest/doctest.h>
#include "calculus/diff.hpp"
#include "calculus/steps.hpp"
#include "print/steps_render.hpp"
#include "support/random_expr.hpp"
using namespace ddx;
TEST_CASE("stepsscratch") {
  test::RandomExpr gen(20240607);
  Expr x = sym("x");
  int simp = 0, total = 0;
  for (int i = 0; i < 400; ++i) {
    Expr e;
    try { e = gen(4); calc::diff(e, x); } catch (...) { continue; }
    auto s = calc::explain_derivative(e, x);
    ++total;
    if (s.blocks[0].steps.back().rule == "simplify") { ++simp; if (simp < 4) MESSAGE(print::render_steps(s, print::Format::Text)); }
    if (i % 50 == 1) MESSAGE(print::render_steps(s, print::Format::Text));
  }
  MESSAGE(simp << " / " << total);
}
