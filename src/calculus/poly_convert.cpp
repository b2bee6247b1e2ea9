// SPDX-License-Identifier: GPL-3.0-or-later
// Expr <-> polynomial fractions (see poly_convert.hpp). Two walks: the first finds the floats and
// the generators, the second builds numerator and denominator, checking sizes as it goes so
// that (x + y + z + 1)^40 is refused before it is multiplied out.
#include "calculus/poly_convert.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "core/errors.hpp"
#include "core/interrupt.hpp"

namespace ddx::calc::poly {
namespace {

mpz_class to_mpz(const Number& integer) {
  if (integer.fits_long()) {
    mpz_class z;
    mpz_set_si(z.get_mpz_t(), integer.to_long());
    return z;
  }
  return mpz_class(integer.to_string(), 10);
}

mpq_class to_mpq(const Number& n) {
  mpq_class q(to_mpz(n.numerator()), to_mpz(n.denominator()));
  q.canonicalize();
  return q;
}

// How a power b^x enters a polynomial: an integer power of a polynomial base ((x + 1)^-3), or an
// integer power of a generator. Powers of one base share a generator where they can: x^(3/2) and
// sqrt(x) are t^3 and t for t = x^(1/2), and x itself is then t^2; e^(-x) is (e^x)^-1.
struct Power {
  bool polynomial_base = false;
  Expr gen;             // when !polynomial_base
  long long power = 1;  // the integer exponent
};

// Roots of one base are shared only up to this order (x and x^(1/1000) stay separate variables
// rather than making x a polynomial of degree 1000).
constexpr long long max_shared_root = 12;

bool atomic(Expr b) { return !b.is(Kind::Add) && !b.is(Kind::Mul) && !b.is_number(); }

class Reader {
 public:
  Reader(const ConvertLimits& limits, const std::string& what) : limits_(limits), what_(what) {}

  // Walk zero: for each base, the common denominator of its rational exponents.
  void scan_roots(Expr e) {
    if (!root_seen_.insert(e.node()).second) return;
    auto note = [&](Expr b, Expr x) {
      if (!atomic(b) || !x.is_number() || !x.number().is_exact() || x.number().is_integer()) return;
      const Number& q = x.number().denominator();
      long long& r = roots_[b];
      if (r < 0) return;  // already too large
      long long d = q.fits_long() ? q.to_long() : max_shared_root + 1;
      r = r == 0 ? d : std::lcm(r, std::min(d, max_shared_root + 1));
      if (r > max_shared_root) r = -1;
    };
    switch (e.kind()) {
      case Kind::Add:
        for (Expr t : e.terms()) scan_roots(t);
        return;
      case Kind::Mul:
        for (std::size_t i = 0; i < e.bases().size(); ++i) {
          note(e.bases()[i], e.exponents()[i]);
          scan_roots(e.bases()[i]);
        }
        return;
      case Kind::Pow:
        note(e.base(), e.exponent());
        scan_roots(e.base());
        return;
      default: return;
    }
  }

  // First walk: floats and generators.
  void collect(Expr e) {
    if (!seen_.insert(e.node()).second) return;
    check_interrupt();
    switch (e.kind()) {
      case Kind::Number: has_float_ = has_float_ || e.number().is_float(); return;
      case Kind::Add:
        has_float_ = has_float_ || e.number().is_float();
        for (const Number& c : e.coefficients()) has_float_ = has_float_ || c.is_float();
        for (Expr t : e.terms()) collect(t);
        return;
      case Kind::Mul:
        has_float_ = has_float_ || e.number().is_float();
        for (std::size_t i = 0; i < e.bases().size(); ++i) collect_power(e.bases()[i], e.exponents()[i]);
        return;
      case Kind::Pow: collect_power(e.base(), e.exponent()); return;
      default: add_generator(classify(e, Expr(1)).gen);
    }
  }

  bool has_float() const { return has_float_; }

  // Sorts the generators and numbers them; then the second walk can run.
  void number_generators() {
    std::sort(gens_.begin(), gens_.end(), ExprLess());
    for (std::size_t k = 0; k < gens_.size(); ++k) index_[gens_[k]] = k;
  }
  const std::vector<Expr>& gens() const { return gens_; }

  struct Frac {
    Poly num, den;
  };

  // Second walk: the fraction of e (not reduced; the caller divides by the gcd once at the end).
  Frac convert(Expr e) {
    if (auto it = done_.find(e.node()); it != done_.end()) return it->second;
    check_interrupt();
    Frac r;
    switch (e.kind()) {
      case Kind::Number: r = number(e.number()); break;
      case Kind::Add: r = sum(e); break;
      case Kind::Mul:
        r = number(e.number());
        for (std::size_t i = 0; i < e.bases().size(); ++i) r = multiply(r, power(e.bases()[i], e.exponents()[i]));
        break;
      case Kind::Pow: r = power(e.base(), e.exponent()); break;
      default: {
        Power p = classify(e, Expr(1));
        r = generator(p.gen, p.power);
      }
    }
    done_.emplace(e.node(), r);
    return r;
  }

 private:
  Power classify(Expr b, Expr x) {
    Expr whole = pow(b, x);
    auto try_generator = [&](Expr gen, long long p) -> std::optional<Power> {
      if (pow(gen, Expr(p)) == whole) return Power{false, gen, p};
      return std::nullopt;
    };
    long long shared = 1;
    if (atomic(b))
      if (auto it = roots_.find(b); it != roots_.end() && it->second > 1) shared = it->second;
    if (x.is_number() && x.number().is_integer()) {
      if (!x.number().fits_long() || std::abs(x.number().to_long()) > 1'000'000)
        throw LimitError(what_ + ": the exponent " + x.number().to_string() + " is too large for a polynomial");
      long long k = x.number().to_long();
      if (!atomic(b)) return {true, Expr(), k};
      if (shared > 1)
        if (auto r = try_generator(pow(b, rational(1, shared)), k * shared)) return *r;
      return {false, b, k};
    }
    if (x.is_number() && x.number().is_exact() && !b.is_number()) {
      const Number& q = x.number().denominator();
      const Number& p = x.number().numerator();
      if (q.fits_long() && p.fits_long() && std::abs(p.to_long()) <= 1'000'000) {
        long long root = shared > 1 && shared % q.to_long() == 0 ? shared : q.to_long();
        if (auto r = try_generator(pow(b, num(Number(1) / Number(root))), p.to_long() * (root / q.to_long())))
          return *r;
      }
    } else if (!x.is_number() && has_negative_sign(x)) {
      if (auto r = try_generator(pow(b, -x), -1)) return *r;
    }
    return {false, whole, 1};
  }

  void collect_power(Expr b, Expr x) {
    if (x.is_number() && x.number().is_float()) has_float_ = true;
    Power p = classify(b, x);
    if (p.polynomial_base) collect(b);
    else add_generator(p.gen);
  }

  void add_generator(Expr g) {
    if (index_.count(g)) return;
    // A float inside an opaque part (sin(0.5x)) also makes the expression inexact.
    if (!has_float_) deep_float_scan(g);
    index_[g] = gens_.size();
    gens_.push_back(g);
    if (gens_.size() > limits_.generators)
      throw LimitError(what_ + ": more than " + std::to_string(limits_.generators) + " variables and opaque parts");
  }

  void deep_float_scan(Expr e) {
    if (!scanned_.insert(e.node()).second) return;
    if ((e.is_number() || e.is(Kind::Add) || e.is(Kind::Mul)) && e.number().is_float()) has_float_ = true;
    if (e.is(Kind::Add))
      for (const Number& c : e.coefficients()) has_float_ = has_float_ || c.is_float();
    for_each_child(e, [this](Expr c) { deep_float_scan(c); });
  }

  std::size_t n() const { return gens_.size(); }

  Frac number(const Number& v) {
    mpq_class q = to_mpq(v);
    return {constant(n(), q.get_num()), constant(n(), q.get_den())};
  }

  Frac generator(Expr g, long long p) {
    std::size_t k = index_.at(g);
    if (std::abs(p) > static_cast<long long>(limits_.degree)) too_large_degree(static_cast<double>(std::abs(p)));
    Poly x = variable(n(), k, static_cast<std::uint32_t>(std::abs(p)));
    return p >= 0 ? Frac{x, constant(n(), 1)} : Frac{constant(n(), 1), x};
  }

  Frac power(Expr b, Expr x) {
    Power p = classify(b, x);
    if (!p.polynomial_base) return generator(p.gen, p.power);
    Frac f = convert(b);
    std::uint32_t k = static_cast<std::uint32_t>(std::abs(p.power));
    for (const Poly* q : {&f.num, &f.den}) {
      double degree = static_cast<double>(total_degree(*q)) * k;
      if (degree > limits_.degree) too_large_degree(degree);
      // (t_1 + ... + t_m)^k has at most C(k + m - 1, m - 1) terms
      double m = static_cast<double>(q->terms.size());
      double terms = m <= 1 ? 1 : std::exp(std::lgamma(k + m) - std::lgamma(k + 1.0) - std::lgamma(m));
      if (terms > static_cast<double>(limits_.terms) * 1.01) too_many_terms(terms);
    }
    // A base that is zero as a polynomial is zero for every value of its variables.
    if (p.power < 0 && f.num.is_zero()) throw MathError("division by zero");
    Frac r{poly::pow(f.num, k), poly::pow(f.den, k)};
    if (p.power < 0) std::swap(r.num, r.den);
    check(r);
    return r;
  }

  // The terms with a constant denominator (all of them, for a polynomial) are summed in one sort
  // over their common denominator; adding them one by one would take quadratic time.
  Frac sum(Expr e) {
    std::vector<Frac> fractions;
    std::vector<std::pair<Poly, mpz_class>> polynomials;  // numerator, constant denominator
    mpz_class common = 1;
    auto take = [&](Frac t) {
      if (!t.den.is_constant()) {
        fractions.push_back(std::move(t));
        return;
      }
      mpz_lcm(common.get_mpz_t(), common.get_mpz_t(), t.den.lc().get_mpz_t());
      polynomials.emplace_back(std::move(t.num), t.den.lc());
    };
    take(number(e.number()));
    for (std::size_t i = 0; i < e.terms().size(); ++i) {
      Frac t = convert(e.terms()[i]);
      Frac c = number(e.coefficients()[i]);
      take({t.num * c.num.lc(), t.den * c.den.lc()});
    }
    std::vector<Term> terms;
    for (auto& [p, den] : polynomials) {
      mpz_class scale;
      mpz_divexact(scale.get_mpz_t(), common.get_mpz_t(), den.get_mpz_t());
      for (Term& t : p.terms) terms.push_back({std::move(t.e), t.c * scale});
    }
    Frac r{from_terms(n(), std::move(terms)), constant(n(), common)};
    check(r);
    for (const Frac& f : fractions) r = add(r, f);
    return r;
  }

  Frac add(const Frac& a, const Frac& b) {
    Frac r;
    if (a.den == b.den) {
      r = {a.num + b.num, a.den};
    } else {
      Poly g = gcd(a.den, b.den);
      Poly bd = *divide(b.den, g), ad = *divide(a.den, g);
      r = {a.num * bd + b.num * ad, a.den * bd};
    }
    check(r);
    return r;
  }

  Frac multiply(const Frac& a, const Frac& b) {
    Frac r{a.num * b.num, a.den * b.den};
    check(r);
    return r;
  }

  void check(const Frac& f) {
    for (const Poly* q : {&f.num, &f.den}) {
      if (q->terms.size() > limits_.terms) too_many_terms(static_cast<double>(q->terms.size()));
      if (total_degree(*q) > limits_.degree) too_large_degree(total_degree(*q));
    }
  }

  [[noreturn]] void too_many_terms(double t) {
    throw LimitError(what_ + ": a polynomial of about " + std::to_string(std::llround(std::min(t, 9e18))) +
                     " terms is too large (limit " + std::to_string(limits_.terms) + ")");
  }
  [[noreturn]] void too_large_degree(double d) {
    throw LimitError(what_ + ": a polynomial of degree " + std::to_string(static_cast<long long>(std::min(d, 9e18))) +
                     " is too large (limit " + std::to_string(limits_.degree) + ")");
  }

  const ConvertLimits& limits_;
  const std::string& what_;
  bool has_float_ = false;
  std::vector<Expr> gens_;
  std::unordered_map<Expr, std::size_t> index_;
  std::unordered_set<const void*> seen_, scanned_, root_seen_;
  std::unordered_map<Expr, long long> roots_;  // base -> shared root order (-1: too large to share)
  std::unordered_map<const void*, Frac> done_;
};

}  // namespace

Number to_number(const mpz_class& z) {
  if (mpz_fits_slong_p(z.get_mpz_t())) return Number(static_cast<long long>(mpz_get_si(z.get_mpz_t())));
  return Number::from_integer_text(z.get_str(10));
}

Number to_number(const mpq_class& q) {
  if (q.get_den() == 1) return to_number(q.get_num());
  return to_number(q.get_num()) / to_number(q.get_den());
}

std::optional<std::vector<Fraction>> to_fractions(const std::vector<Expr>& es, const ConvertLimits& limits,
                                                  const std::string& what) {
  Reader reader(limits, what);
  for (Expr e : es) reader.scan_roots(e);
  for (Expr e : es) reader.collect(e);
  if (reader.has_float()) return std::nullopt;
  reader.number_generators();
  std::vector<Fraction> out;
  for (Expr e : es) {
    Reader::Frac f = reader.convert(e);
    Fraction r;
    r.gens = reader.gens();
    std::size_t n = r.gens.size();
    if (f.num.is_zero()) {
      r.coefficient = 0;
      r.num = Poly(n);
      r.den = constant(n, 1);
      out.push_back(std::move(r));
      continue;
    }
    Poly g = gcd(f.num, f.den);
    Poly num = *divide(f.num, g), den = *divide(f.den, g);
    mpz_class cn = content(num), cd = content(den);
    if (num.lc() < 0) cn = -cn;
    if (den.lc() < 0) cd = -cd;
    r.coefficient = mpq_class(cn, cd);
    r.coefficient.canonicalize();
    r.num = divide_exact(num, cn);
    r.den = divide_exact(den, cd);
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<Fraction> to_fraction(Expr e, const ConvertLimits& limits, const std::string& what) {
  auto fs = to_fractions({e}, limits, what);
  if (!fs) return std::nullopt;
  return std::move(fs->front());
}

Expr to_expr(const Poly& p, const std::vector<Expr>& gens) {
  std::vector<Expr> terms;
  terms.reserve(p.terms.size());
  for (const Term& t : p.terms) {
    check_interrupt();
    std::vector<Expr> factors{num(to_number(t.c))};
    for (std::size_t k = 0; k < t.e.size(); ++k)
      if (t.e[k]) factors.push_back(pow(gens[k], Expr(static_cast<long long>(t.e[k]))));
    terms.push_back(mul(std::move(factors)));
  }
  return add(std::move(terms));
}

Expr to_expr(const Fraction& f) {
  Expr den = to_expr(f.den, f.gens);
  return mul({num(to_number(f.coefficient)), to_expr(f.num, f.gens), den.is_one() ? den : pow(den, Expr(-1))});
}

}  // namespace ddx::calc::poly
