// SPDX-License-Identifier: GPL-3.0-or-later
// Enclosures: an interval [lo, hi] sure to hold a closed expression's exact value, worked out in
// MPFR with every rounding outward (interval arithmetic). approx prints the digits on which both
// ends agree, so each digit it prints is certain, whatever the expression cancels or reduces.
#pragma once

#include <mpfr.h>

#include <stdexcept>
#include <string_view>

#include "core/expr.hpp"

namespace ddx {

class Interval {
 public:
  explicit Interval(mpfr_prec_t precision) {
    mpfr_init2(lo_, precision);
    mpfr_init2(hi_, precision);
  }
  ~Interval() {
    mpfr_clear(lo_);
    mpfr_clear(hi_);
  }
  Interval(const Interval&) = delete;
  Interval& operator=(const Interval&) = delete;

  mpfr_ptr lo() { return lo_; }
  mpfr_ptr hi() { return hi_; }
  mpfr_srcptr lo() const { return lo_; }
  mpfr_srcptr hi() const { return hi_; }
  mpfr_prec_t precision() const { return mpfr_get_prec(lo_); }

 private:
  mpfr_t lo_, hi_;
};

// The interval at this precision is too wide to decide a step: whether a logarithm's argument is
// positive, a divisor non-zero, a sign's argument on one side of 0. A higher precision may decide.
struct TooWide : std::runtime_error {
  TooWide() : std::runtime_error("the enclosure is too wide to decide") {}
};

// Sets `out` (its precision used throughout) to an interval that holds e's exact value (decimals
// are the doubles they stand for, as in real_value). Throws MathError where e surely has no real
// value (the whole interval of a logarithm's argument below 0, a division by exactly 0, a value
// beyond MPFR's range), Unanswerable (a MathError) where it cannot be evaluated (a symbol, an
// unknown function), and TooWide where this precision cannot decide.
void enclose(Expr e, Interval& out);

// Whether enclose knows how to bound the function of this name (each approximated one must).
bool has_enclosure(std::string_view function);

}  // namespace ddx
