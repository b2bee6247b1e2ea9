// SPDX-License-Identifier: GPL-3.0-or-later
// Numeric evaluation of expressions, memoised on node addresses because differentiation produces
// DAGs whose tree size can be exponential.
#include "calculus/eval.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_set>

#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/sums.hpp"

namespace ddx::calc {
namespace {

class Evaluator {
 public:
  explicit Evaluator(const std::unordered_map<std::string, double>& v) : v_(v) {}
  double operator()(Expr e) {
    if (e.is_number()) return e.number().to_double();
    if (auto it = done_.find(e.node()); it != done_.end()) return it->second;
    double r = compute(e);
    done_.emplace(e.node(), r);
    return r;
  }

 private:
  double compute(Expr e) {
    switch (e.kind()) {
      case Kind::Number: return e.number().to_double();
      case Kind::Constant: return e.constant() == ConstantId::E ? std::numbers::e : std::numbers::pi;
      case Kind::Symbol: {
        auto it = v_.find(e.name());
        if (it == v_.end()) throw MathError(e.name() + " has no value");
        return it->second;
      }
      case Kind::Call:
      case Kind::Derivative: {
        if (is_sum(e)) return (*this)(write_out_sum(e));  // a sum with numeric bounds, term by term
        const FunctionInfo& info = function_info(e.function());
        if (info.abstract || e.is(Kind::Derivative) || !info.numeric)
          throw MathError(info.name + " has no numeric value");
        std::vector<double> a;
        for (Expr x : e.args()) a.push_back((*this)(x));
        return info.numeric(a);
      }
      case Kind::Pow: return power((*this)(e.base()), e.exponent());
      case Kind::Mul: {
        double r = e.number().to_double();
        for (std::size_t i = 0; i < e.bases().size(); ++i) r *= power((*this)(e.bases()[i]), e.exponents()[i]);
        return r;
      }
      case Kind::Add: {
        double r = e.number().to_double();
        for (std::size_t i = 0; i < e.terms().size(); ++i) r += e.coefficients()[i].to_double() * (*this)(e.terms()[i]);
        return r;
      }
    }
    return NAN;
  }
  // Real powers only: a negative base with a fractional exponent is outside the domain (NaN),
  // except for exact rationals with odd denominators, whose real root exists: (-8)^(1/3) = -2.
  double power(double b, Expr x) {
    if (x.is_number() && x.number().is_exact() && !x.number().is_integer() && b < 0) {
      const Number& q = x.number();
      if (q.denominator().fits_long() && q.denominator().to_long() % 2 == 1) {
        double mag = std::pow(-b, q.to_double());
        bool odd_num = q.numerator().fits_long() && q.numerator().to_long() % 2 != 0;
        return odd_num ? -mag : mag;
      }
      return NAN;
    }
    return std::pow(b, (*this)(x));
  }

  const std::unordered_map<std::string, double>& v_;
  std::unordered_map<const void*, double> done_;
};

}  // namespace

double evaluate(Expr e, const std::unordered_map<std::string, double>& values) {
  return Evaluator(values)(e);
}

}  // namespace ddx::calc
