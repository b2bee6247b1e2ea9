// SPDX-License-Identifier: GPL-3.0-or-later
// Critical points: where the gradient of f is zero, each classified by the Hessian, with f's
// value there (the `critical` procedure).
//
// When every component of the gradient is a rational function of the variables (after dropping
// factors e^u, which are never zero), the numerators' system is solved exactly and completely
// (critical_solve.hpp): rational and radical points exact, others as decimals; sets of infinitely
// many points reported as such. Otherwise the gradient is searched numerically in a box
// (critical_numeric.hpp), and what is found is said to be found by a search; a decimal that is
// recognisably a rational number or a rational multiple of pi is checked exactly and shown exact.
// Every point is verified: the gradient at an exact point simplifies to exactly 0, and at a
// decimal one it is numerically 0; a point outside f's domain is not a critical point.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/expr.hpp"

namespace ddx::calc {

enum class CriticalKind { Minimum, Maximum, Saddle, Degenerate };

// A number of an answer: exact, or a decimal.
struct CriticalNumber {
  bool approximate = false;
  Expr exact;           // exact only
  std::string decimal;  // approximate only: the significant digits shown ("1.324717957")
  double numeric = 0;   // the value as a double (ordering, `ans`)
};

struct CriticalPoint {
  std::vector<CriticalNumber> coordinates;  // one per variable
  CriticalKind kind = CriticalKind::Degenerate;
  CriticalNumber value;  // f there
  // Else one of infinitely many: a numeric search's point on a set of critical points (a curve, a
  // surface), the one it keeps for f's value there.
  bool isolated = true;
  bool approximate() const;
};

// Infinitely many critical points: every real solution of the equations (each = 0).
struct CriticalSet {
  std::vector<Expr> equations;  // empty: every point (the gradient is identically zero)
  std::optional<Expr> value;    // f on the set, when it is one constant
};

struct CriticalPoints {
  std::vector<Expr> vars;
  std::vector<CriticalPoint> points;  // ordered by their coordinates
  std::vector<CriticalSet> sets;
  // A numeric search: only points with every variable in [-search_bound, search_bound] were
  // looked for. 0 when the solution is complete.
  double search_bound = 0;
  // The function is periodic in `periodic_var` with this period: infinitely many critical points,
  // those in the search box are listed.
  std::optional<Expr> period;
  Expr periodic_var;
};

// The critical points of f over vars (distinct symbols). Throws MathError with a message for
// the user ("critical: ...") when the question has no answer ddx can give (a non-differentiable
// function, symbols other than the variables in the gradient, real solutions it cannot decide)
// and LimitError past the limits of core/limits.hpp.
// `decimals_written`: the statement wrote or read decimals. Where f holds none, doubles cancelled
// them ((1 - cos(1e-8)) x is 0.0 x in them: x^2 + (1 - cos(1e-8)) x was read as x^2, and its
// exact minimum, x = 0, printed as the answer): its points and values are decimals, as f's would
// be. `decimal_zero_took_part`: a decimal zero took a part that varies out of f as it was read
// ((1 + 1e-20) x - x is 0.0 in doubles), so its points and values are decimals too, whatever
// decimals are left in f (x^2 + (1 + 1e-20) x - x + 0.5 printed x^2 + 0.5's exact minimum).
CriticalPoints critical_points(Expr f, const std::vector<Expr>& vars, bool decimals_written = false,
                               bool decimal_zero_took_part = false);

}  // namespace ddx::calc
