// SPDX-License-Identifier: GPL-3.0-or-later
// Expr: a value handle over an immutable, interned (hash-consed) expression node.
// Every Expr is canonical (see build.cpp); two Exprs are equal iff they are the same node.
// The core knows nothing of parsing, printing or sessions.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/number.hpp"

namespace ddx {

// Kinds in canonical sort order: numbers first, sums last.
enum class Kind : std::uint8_t { Number, Constant, Symbol, Call, Derivative, Pow, Mul, Add };

enum class ConstantId : std::uint8_t { E, Pi };

using FunctionId = std::uint32_t;

struct Node;

class Expr {
 public:
  Expr() : Expr(0) {}                       // the number 0
  Expr(int v);                               // NOLINT: implicit, so that `1 + x` reads as maths
  Expr(long long v);                         // NOLINT
  Expr(const Number& n);                     // NOLINT
  explicit Expr(const Node* n) : n_(n) {}

  Kind kind() const;
  bool is(Kind k) const { return kind() == k; }
  bool is_number() const { return is(Kind::Number); }
  bool is_zero() const;
  bool is_one() const;
  bool is_minus_one() const;
  bool is_integer() const;  // an exact integer Number

  // Number: its value. Add: the constant term. Mul: the coefficient.
  const Number& number() const;
  // Symbol: its name.
  const std::string& name() const;
  ConstantId constant() const;
  // Call / Derivative: the function and its arguments.
  FunctionId function() const;
  std::span<const Expr> args() const;
  // Derivative: sorted argument positions differentiated (0-based, with repetition: {0, 0} = f'').
  std::span<const int> indices() const;
  // Pow
  Expr base() const;
  Expr exponent() const;
  // Add: terms (never numbers, never Mul with a non-1 coefficient) and their coefficients.
  std::span<const Expr> terms() const;
  std::span<const Number> coefficients() const;
  // Mul: bases and exponents (coefficient is number()).
  std::span<const Expr> bases() const;
  std::span<const Expr> exponents() const;

  std::size_t hash() const;
  const Node* node() const { return n_; }
  friend bool operator==(Expr a, Expr b) { return a.n_ == b.n_; }

 private:
  const Node* n_;
};

// A stored node: a header and its arrays in one allocation (ops, then the Mul's exponents or the
// Add's coefficients, then a Derivative's indices), so that a node costs one allocation and no
// more than it holds. Immutable once stored; made and freed only by node.cpp.
struct Node {
  Kind kind = Kind::Number;
  std::uint8_t id = 0;        // ConstantId for Constant
  // Reclamation (see reclaim_unmarked): permanent_bit, and marked_bit during a collection.
  mutable std::uint8_t lifetime = 0;
  // Whether a call of a function with corners or jumps (abs, sign, relu, max, min) is at or below
  // the node, computed by intern(): false, no walk need look (core/corner_sign.hpp).
  bool corners : 1 = false;
  // Whether something whose domain may end is at or below it (a power that is no whole number, a
  // function defined on part of the line): may_have_domain_edge, computed by intern() likewise.
  bool edges : 1 = false;
  FunctionId function = 0;    // Call, Derivative
  std::uint32_t size = 0;     // ops (and exps or coeffs, parallel to them)
  std::uint16_t index_count = 0;
  // The longest path down to a leaf (a leaf is 1), at most max_expression_height: every walk
  // that recurses into the children recurses no deeper than this.
  std::uint16_t height = 0;
  std::size_t hash = 0;       // structural hash, computed once by intern()
  // A 64-bit Bloom filter of the symbols occurring in the node (symbol_bit of each), computed by
  // intern(): a clear bit proves the symbol absent, so d/dx of the node is 0 without a walk.
  std::uint64_t symbols = 0;
  // The size of the node written out as a tree (calc::expr_size; saturating), computed by
  // intern() from the children's: asking it costs nothing, however shared the DAG below is.
  std::size_t tree_size = 0;
  Number number;                        // Number: value; Add: constant; Mul: coefficient
  const std::string* symbol = nullptr;  // Symbol: its name (names are kept for the process)

  std::span<const Expr> ops() const { return {reinterpret_cast<const Expr*>(this + 1), size}; }
  std::span<const Expr> exps() const {
    return {kind == Kind::Mul ? reinterpret_cast<const Expr*>(this + 1) + size : nullptr, kind == Kind::Mul ? size : 0};
  }
  std::span<const Number> coeffs() const {
    return {kind == Kind::Add ? reinterpret_cast<const Number*>(reinterpret_cast<const Expr*>(this + 1) + size) : nullptr,
            kind == Kind::Add ? size : 0};
  }
  std::span<const int> indices() const {
    return {reinterpret_cast<const int*>(reinterpret_cast<const Expr*>(this + 1) + size), index_count};
  }
  const std::string& name() const;
};
static_assert(sizeof(Expr) == 8 && alignof(Number) <= 8 && sizeof(Number) % 8 == 0 && sizeof(Node) % 8 == 0,
              "a node's arrays follow its header without padding");

// The small integers, interned once (num() fills the table as they are first made): Expr(1) and
// Expr(0) are on every path that builds expressions.
namespace detail {
inline constexpr long long smallest_cached = -64, largest_cached = 1024;
inline const Node* small_integers[largest_cached - smallest_cached + 1] = {};
}  // namespace detail

inline Expr::Expr(int v) {
  if (v >= detail::smallest_cached && v <= detail::largest_cached)
    if (const Node* n = detail::small_integers[v - detail::smallest_cached]) {
      n_ = n;
      return;
    }
  *this = Expr(Number(v));
}

// The accessors, inline: they are on every path that walks or builds expressions.
inline Kind Expr::kind() const { return n_->kind; }
inline bool Expr::is_zero() const { return is_number() && n_->number.is_zero(); }
inline bool Expr::is_one() const { return is_number() && n_->number.is_one(); }
inline bool Expr::is_minus_one() const { return is_number() && n_->number.is_minus_one(); }
inline bool Expr::is_integer() const { return is_number() && n_->number.is_integer(); }
inline const Number& Expr::number() const { return n_->number; }
inline const std::string& Expr::name() const { return n_->name(); }
inline ConstantId Expr::constant() const { return static_cast<ConstantId>(n_->id); }
inline FunctionId Expr::function() const { return n_->function; }
inline std::span<const Expr> Expr::args() const { return n_->ops(); }
inline std::span<const int> Expr::indices() const { return n_->indices(); }
inline Expr Expr::base() const { return n_->ops()[0]; }
inline Expr Expr::exponent() const { return n_->ops()[1]; }
inline std::span<const Expr> Expr::terms() const { return n_->ops(); }
inline std::span<const Number> Expr::coefficients() const { return n_->coeffs(); }
inline std::span<const Expr> Expr::bases() const { return n_->ops(); }
inline std::span<const Expr> Expr::exponents() const { return n_->exps(); }
inline std::size_t Expr::hash() const { return n_->hash; }

// A total, deterministic structural order (never by address): <0, 0, >0.
int compare(Expr a, Expr b);
// Forgets the comparisons of deep expressions compare() remembers by node address
// (reclaim_unmarked calls it); how many it remembers now (for tests).
void forget_deep_comparisons();
std::size_t remembered_deep_comparisons();
struct ExprLess {
  bool operator()(Expr a, Expr b) const { return compare(a, b) < 0; }
};
struct ExprHash {
  std::size_t operator()(Expr e) const { return e.hash(); }
};

// ---- canonicalising constructors (build.cpp) ----
Expr num(const Number& n);
Expr rational(long long p, long long q);
Expr sym(std::string_view name);
Expr constant(ConstantId c);
Expr e_const();
Expr pi_const();
Expr add(std::span<const Expr> operands);
// A term of a sum with its coefficient, c t, the product never made: a polynomial's derivative
// has a new coefficient for every term, and c x^m as a node would be garbage once summed.
struct ScaledTerm {
  Expr term;           // a unit term: no number, no sum, no product with a coefficient of its own
  Number coefficient;  // exact and not 0
  std::size_t before;  // its place among add's operands: just before operand `before`
};
// add() of the operands and of the scaled terms, each at its place (floats combine in that order).
Expr add(std::span<const Expr> operands, std::span<const ScaledTerm> scaled);
// With `coefficient_apart`, a product's exact coefficient other than 1 comes back there and the
// product without it is returned: the term and coefficient add() takes as a ScaledTerm (a product
// rule's terms), no node made for the whole. Otherwise it is left alone and the result is whole.
Expr mul(std::span<const Expr> operands, Number* coefficient_apart = nullptr);
// mul() of the operands and of the factors run_bases[i]^run_exponents[i], which are sorted with no
// base twice (a canonical product's own lists, or a part of them; each factor as pow() would leave
// it) and stand at `position` among the operands (there a 1 holds their place; by default after
// the operands): they are not sorted again, the operands' factors are placed among them, and the
// exponents of a base combine in operand order as in mul().
Expr mul_into_run(std::span<const Expr> operands, std::span<const Expr> run_bases, std::span<const Expr> run_exponents,
                  std::size_t position = SIZE_MAX, Number* coefficient_apart = nullptr);
// add({a, b, c}): the operands in place, no list allocated.
inline Expr add(std::initializer_list<Expr> operands) { return add(std::span<const Expr>(operands.begin(), operands.size())); }
inline Expr mul(std::initializer_list<Expr> operands) { return mul(std::span<const Expr>(operands.begin(), operands.size())); }
Expr pow(Expr base, Expr exponent);
// Whether pow(base, x) is the node base^x itself for every exponent x but 0: a name, a call or a
// sum (pow folds numbers, powers, products and e^log(u)). Such a factor can enter a product as
// (base, x) without the power being made first (mul, mul_into_run).
inline bool power_stays_as_written(Expr base) { return base.is(Kind::Symbol) || base.is(Kind::Call) || base.is(Kind::Add); }
Expr call(FunctionId f, std::vector<Expr> args);
Expr derivative(FunctionId f, std::vector<Expr> args, std::vector<int> indices);

Expr operator+(Expr a, Expr b);
Expr operator-(Expr a, Expr b);
Expr operator-(Expr a);
Expr operator*(Expr a, Expr b);
Expr operator/(Expr a, Expr b);
inline Expr& operator+=(Expr& a, Expr b) { return a = a + b; }
inline Expr& operator*=(Expr& a, Expr b) { return a = a * b; }
Expr sqrt(Expr a);

// Splits e into (numeric coefficient, rest): 3x^2 -> (3, x^2); 5 -> (5, 1); x -> (1, x).
std::pair<Number, Expr> split_coefficient(Expr e);
// True for an exact Number or a product whose coefficient is negative (-x, -2y), i.e. printed with '-'.
bool has_negative_sign(Expr e);

// Rebuilds e with each direct child replaced by f(child) (canonicalising again). Leaves return e.
Expr map_children(Expr e, const std::function<Expr(Expr)>& f);
// Visits direct children (Pow: base, exponent; Add: terms then constant is not visited; Mul: bases, exponents).
void for_each_child(Expr e, const std::function<void(Expr)>& f);
// The same for a walk that visits every node of a large DAG, without a std::function per call.
template <class Visit>
void visit_children(Expr e, Visit&& f) {
  switch (e.kind()) {
    case Kind::Number:
    case Kind::Constant:
    case Kind::Symbol: return;
    case Kind::Call:
    case Kind::Derivative:
      for (Expr a : e.args()) f(a);
      return;
    case Kind::Pow:
      f(e.base());
      f(e.exponent());
      return;
    case Kind::Mul:
      for (std::size_t i = 0; i < e.bases().size(); ++i) f(e.bases()[i]), f(e.exponents()[i]);
      return;
    case Kind::Add:
      for (Expr t : e.terms()) f(t);
      return;
  }
}

// Debug form, fully parenthesised and unambiguous: (+ 1 (* 2 x)). Not the user-facing printer.
std::string debug_string(Expr e);

}  // namespace ddx

template <>
struct std::hash<ddx::Expr> {
  std::size_t operator()(ddx::Expr e) const { return e.hash(); }
};
