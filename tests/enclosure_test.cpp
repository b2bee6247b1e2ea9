// SPDX-License-Identifier: GPL-3.0-or-later
// Enclosures (core/enclosure.hpp): an interval at a low precision holds the value worked out at a
// far higher one, for random constants built from every function ddx approximates; every such
// function has a row that bounds it; and the interval narrows as the precision rises.
#include <doctest/doctest.h>

#include <mpfr.h>

#include <random>
#include <string>

#include "core/enclosure.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/real_value.hpp"
#include "print/print.hpp"

using namespace ddx;

namespace {

class ConstantGenerator {
 public:
  explicit ConstantGenerator(std::uint64_t seed) : rng_(seed) {
    for (const FunctionInfo& f : builtin_function_table()) functions_.push_back(f.name);
  }

  Expr operator()(int depth) {
    if (depth == 0 || pick(4) == 0) return leaf();
    switch (pick(6)) {
      case 0: return (*this)(depth - 1) + (*this)(depth - 1);
      case 1: return (*this)(depth - 1) - (*this)(depth - 1);
      case 2: return (*this)(depth - 1) * (*this)(depth - 1);
      case 3: return pow((*this)(depth - 1), rational(pick(7) - 3, 1 + pick(3)));
      default: {
        const std::string& name = functions_[static_cast<std::size_t>(pick(static_cast<int>(functions_.size())))];
        std::vector<Expr> args = {(*this)(depth - 1)};
        if (function_info(*find_function(name)).arity == 2) args.push_back((*this)(depth - 1));
        return call(name, args);
      }
    }
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  Expr leaf() {
    switch (pick(4)) {
      case 0: return pi_const();
      case 1: return e_const();
      case 2: return num(Number::from_double((pick(2000) - 1000) / 256.0));
      default: return rational(pick(41) - 20, 1 + pick(9));
    }
  }

  std::mt19937_64 rng_;
  std::vector<std::string> functions_;
};

}  // namespace

TEST_CASE("enclosure: every function ddx approximates has a row that bounds it") {
  for (const FunctionInfo& f : builtin_function_table()) {
    CAPTURE(f.name);
    CHECK(has_enclosure(f.name));
  }
}

TEST_CASE("enclosure: an interval at 64 bits holds the value at 2048, for random constants") {
  ConstantGenerator generate(20261205);
  int checked = 0, narrow = 0;
  for (int i = 0; i < 3000; ++i) {
    Expr c;
    try {
      c = generate(4);
    } catch (const MathError&) {  // built with no real value: log(-2)
      continue;
    }
    if (!is_constant_expression(c)) continue;
    Real precise(2048);
    try {
      real_value(c, precise.get());
    } catch (const MathError&) {
      continue;
    }
    Interval coarse(64), fine(2048);
    try {
      enclose(c, coarse);
    } catch (const TooWide&) {
      continue;
    }
    std::string text = print::to_string(c, print::Format::Text);
    CAPTURE(text);
    ++checked;
    CHECK(mpfr_lessequal_p(coarse.lo(), precise.get()));
    CHECK(mpfr_lessequal_p(precise.get(), coarse.hi()));
    enclose(c, fine);
    CHECK(mpfr_lessequal_p(fine.lo(), precise.get()));
    CHECK(mpfr_lessequal_p(precise.get(), fine.hi()));
    // At 2048 bits the interval is narrower than 2^-1000 of the value's size (or than 2^-1000).
    Real width(64), size(64);
    mpfr_sub(width.get(), fine.hi(), fine.lo(), MPFR_RNDU);
    mpfr_abs(size.get(), precise.get(), MPFR_RNDU);
    mpfr_add_ui(size.get(), size.get(), 1, MPFR_RNDU);
    mpfr_mul_2si(size.get(), size.get(), -1000, MPFR_RNDU);
    if (mpfr_lessequal_p(width.get(), size.get())) ++narrow;
    else MESSAGE("wide at 2048 bits: " << text);
  }
  CHECK(checked > 1000);
  CHECK(narrow == checked);
}
