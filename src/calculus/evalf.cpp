// SPDX-License-Identifier: GPL-3.0-or-later
// Arbitrary-precision evaluation with MPFR (see evalf.hpp). Works at the requested precision plus
// guard bits. The functions' own MPFR evaluators are rows of the function table.
#include "calculus/evalf.hpp"

#include <gmp.h>
#include <mpfr.h>

#include <cmath>

#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/sums.hpp"

namespace ddx::calc {
namespace {

// An owning mpfr_t.
class Real {
 public:
  explicit Real(mpfr_prec_t p) { mpfr_init2(v_, p); }
  ~Real() { mpfr_clear(v_); }
  Real(const Real&) = delete;
  Real& operator=(const Real&) = delete;
  mpfr_ptr get() { return v_; }

 private:
  mpfr_t v_;
};

class Evaluator {
 public:
  explicit Evaluator(mpfr_prec_t p) : prec_(p) {}

  // Sets out to the value of e.
  void eval(Expr e, mpfr_ptr out) {
    check_interrupt();
    switch (e.kind()) {
      case Kind::Number: return number(e.number(), out);
      case Kind::Constant:
        if (e.constant() == ConstantId::Pi) {
          mpfr_const_pi(out, MPFR_RNDN);
        } else {
          mpfr_set_ui(out, 1, MPFR_RNDN);
          mpfr_exp(out, out, MPFR_RNDN);
        }
        return;
      case Kind::Symbol: throw MathError("cannot approximate: '" + e.name() + "' has no value");
      case Kind::Derivative: throw MathError("cannot approximate a derivative of an unknown function");
      case Kind::Call: return call(e, out);
      case Kind::Pow: {
        Real b(prec_), x(prec_);
        eval(e.base(), b.get());
        if (e.exponent().is_integer() && e.exponent().number().fits_long()) {
          mpfr_pow_si(out, b.get(), e.exponent().number().to_long(), MPFR_RNDN);
        } else {
          eval(e.exponent(), x.get());
          mpfr_pow(out, b.get(), x.get(), MPFR_RNDN);
        }
        return check(out, e);
      }
      case Kind::Mul: {
        number(e.number(), out);
        Real b(prec_), p(prec_);
        for (std::size_t i = 0; i < e.bases().size(); ++i) {
          eval(pow(e.bases()[i], e.exponents()[i]), p.get());
          mpfr_mul(out, out, p.get(), MPFR_RNDN);
        }
        return check(out, e);
      }
      case Kind::Add: {
        number(e.number(), out);
        Real t(prec_), c(prec_);
        for (std::size_t i = 0; i < e.terms().size(); ++i) {
          eval(e.terms()[i], t.get());
          number(e.coefficients()[i], c.get());
          mpfr_fma(out, t.get(), c.get(), out, MPFR_RNDN);
        }
        return;
      }
    }
  }

 private:
  void number(const Number& n, mpfr_ptr out) {
    if (n.is_float()) {
      mpfr_set_d(out, n.to_double(), MPFR_RNDN);
      return;
    }
    mpq_t q;
    mpq_init(q);
    std::string text = n.to_string();
    mpq_set_str(q, text.c_str(), 10);
    mpfr_set_q(out, q, MPFR_RNDN);
    mpq_clear(q);
  }

  void call(Expr e, mpfr_ptr out) {
    if (is_sum(e)) return eval(write_out_sum(e), out);  // a sum with numeric bounds, term by term
    const FunctionInfo& info = function_info(e.function());
    if (info.abstract) throw MathError("cannot approximate the unknown function " + info.name);
    if (!info.precise) throw MathError("cannot approximate " + info.name);
    Real a(prec_), b(prec_);
    eval(e.args()[0], a.get());
    if (e.args().size() == 2) eval(e.args()[1], b.get());
    const mpfr_srcptr args[] = {a.get(), b.get()};
    info.precise(out, args);
    check(out, e);
  }

  static void check(mpfr_ptr v, Expr) {
    if (mpfr_nan_p(v)) throw MathError("the value is not a real number");
    if (mpfr_inf_p(v)) throw MathError("the value is infinite (division by zero)");
  }

  mpfr_prec_t prec_;
};

}  // namespace

std::string evalf(Expr e, int digits) {
  if (digits < 1 || digits > max_evalf_digits)
    throw LimitError("approx takes 1 to " + std::to_string(max_evalf_digits) + " digits");
  auto prec = static_cast<mpfr_prec_t>(std::ceil(digits * 3.3219280948873623)) + 64;
  Evaluator ev(prec);
  Real v(prec);
  mpfr_set_zero(v.get(), 1);
  ev.eval(e, v.get());
  if (mpfr_zero_p(v.get())) return "0.0";
  // Scientific digits from MPFR, then placed as a plain decimal when the exponent is moderate.
  mpfr_exp_t exp10 = 0;
  char* raw = mpfr_get_str(nullptr, &exp10, 10, static_cast<std::size_t>(digits), v.get(), MPFR_RNDN);
  std::string mantissa(raw);
  mpfr_free_str(raw);
  bool negative = !mantissa.empty() && mantissa[0] == '-';
  if (negative) mantissa.erase(0, 1);
  while (mantissa.size() > 1 && mantissa.back() == '0') mantissa.pop_back();
  std::string s;
  if (exp10 > 0 && exp10 <= 21) {
    auto point = static_cast<std::size_t>(exp10);
    if (mantissa.size() <= point) mantissa.append(point - mantissa.size() + 1, '0');
    s = mantissa.substr(0, point) + "." + mantissa.substr(point);
  } else if (exp10 <= 0 && exp10 > -7) {
    s = "0." + std::string(static_cast<std::size_t>(-exp10), '0') + mantissa;
  } else {
    s = mantissa.substr(0, 1) + "." + (mantissa.size() > 1 ? mantissa.substr(1) : "0") + "e" + std::to_string(exp10 - 1);
  }
  return (negative ? "-" : "") + s;
}

}  // namespace ddx::calc
