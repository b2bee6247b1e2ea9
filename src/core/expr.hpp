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
  Expr();                                    // the number 0
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

// A total, deterministic structural order (never by address): <0, 0, >0.
int compare(Expr a, Expr b);
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
Expr mul(std::span<const Expr> operands);
// add({a, b, c}): the operands in place, no list allocated.
inline Expr add(std::initializer_list<Expr> operands) { return add(std::span<const Expr>(operands.begin(), operands.size())); }
inline Expr mul(std::initializer_list<Expr> operands) { return mul(std::span<const Expr>(operands.begin(), operands.size())); }
Expr pow(Expr base, Expr exponent);
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
