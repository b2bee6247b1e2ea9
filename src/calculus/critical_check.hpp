// SPDX-License-Identifier: GPL-3.0-or-later
// The checks every candidate point of `critical` goes through (internal to critical.cpp): the
// gradient is zero there (exactly at an exact point, numerically at a decimal one), f has a real
// value there, the kind from the Hessian, and f's value, tidied.
//
// The kind comes from the signs of the characteristic polynomial's coefficients (the sums e_k of
// the principal k x k minors): a real symmetric matrix has only real eigenvalues, so Descartes'
// rule counts its positive and negative ones exactly. All positive is a minimum, all negative a
// maximum, both signs a saddle (also when H is singular), and anything else (a singular
// semidefinite H) is inconclusive.
#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "calculus/critical.hpp"
#include "core/expr.hpp"

namespace ddx::calc {

inline constexpr int critical_shown_digits = 10;  // significant digits of an approximate number
inline constexpr int critical_rough_digits = 5;   // ... of a numeric zero that is not simple

struct Candidate {
  bool exact = false;          // every coordinate exact
  std::vector<bool> exact_at;  // which coordinates are exact (shown exactly even in a decimal point)
  bool searched = false;     // from the numeric search (else from an exact solution)
  std::vector<Expr> coords;  // exact values, or rationals close to the point
  double tolerance = 0;      // approximate: |values| below tolerance * scale count as 0
  double error = 0;          // approximate: how far the point may be from the zero (relative)
  int digits = critical_shown_digits;
  bool isolated = true;  // searched: else on a set of critical points (CriticalPoint::isolated)
  // A decimal point of the exact solution of f's gradient with f's decimals as written, judged by
  // that Hessian (PointChecker::judge_kinds_as_written); `exactly`, where every coordinate is exact
  bool solved_as_written = false;
  bool solved_exactly = false;
};

std::unordered_map<Expr, Expr> point_of(const std::vector<Expr>& vars, const std::vector<Expr>& coords);

// Exactly zero: canonically, after expanding, or after simplifying.
bool exactly_zero(Expr e);

class PointChecker {
 public:
  using Matrix = std::vector<std::vector<Expr>>;
  PointChecker(Expr f, const std::vector<Expr>& vars);
  const std::vector<Expr>& gradient() const { return grad_; }
  const Matrix& hessian() const { return hess_; }

  // The point checked and described, or nullopt when it is not a critical point of f (outside
  // its domain, or a searched point that is not a zero after all). A point of an exact solution
  // whose gradient is not 0 is a bug: logic_error.
  std::optional<CriticalPoint> check(Candidate c);
  // f with its decimals as the exact numbers they are written as: the kind of a point solved so
  // is that Hessian's there, exactly. (The doubles' Hessian told x^3 - 1e-12x's maximum and
  // minimum, where f'' is -+3.5e-6, from a zero only to the doubles' rounding: degenerate.)
  void judge_kinds_as_written(Expr written);

 private:
  double gradient_scale(const std::unordered_map<Expr, Expr>& at);
  CriticalKind approximate_kind(const Matrix& h, const Candidate& c);
  std::vector<double> moved_sums(const Candidate& c, const std::vector<double>& at_point);
  // The Hessian a candidate's kind is told from: f's, or f's with its decimals as written.
  const Matrix& kind_hessian(const Candidate& c) const { return c.solved_as_written && written_hess_ ? *written_hess_ : hess_; }

  Expr f_;
  std::vector<Expr> vars_;
  std::vector<Expr> grad_;
  Matrix hess_;
  std::optional<Matrix> written_hess_;  // (judge_kinds_as_written)
};

}  // namespace ddx::calc
