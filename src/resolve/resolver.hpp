// SPDX-License-Identifier: GPL-3.0-or-later
// The resolver: one statement's syntax tree -> terms, against a scope's names. Internal to
// src/resolve: resolve.cpp holds statements, names, products and calls; resolve_forms.cpp the
// derivative forms, `at` and comparisons.
#pragma once

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "resolve/resolve.hpp"

namespace ddx::resolve {

using grammar::Node;
using grammar::NodeKind;

class Resolver {
 public:
  // hidden: names a function definition's parameters hide (f(x) = x^2 means its own x).
  // definition_body: resolving the right-hand side of `NAME = ...`.
  // defining: the function whose body this is (its own name is always a call there, refused).
  Resolver(const Scope& scope, std::set<std::string, std::less<>> hidden = {}, bool definition_body = false,
           std::string defining = {})
      : scope_(scope), hidden_(std::move(hidden)), definition_body_(definition_body), defining_(std::move(defining)) {}

  Term term(const Node& n);
  // The factors of a word as written (`ax`: a, x; `x3x4`: x3, x4), each with what it stands for
  // (an unknown or ambiguous word throws as term() would), and whether NAME(...) is a call rather
  // than a product: the matrix reader (resolve_matrix.cpp) reads names as this reader does.
  struct WordPart {
    std::string_view text;  // within the word
    Term term;
  };
  std::vector<WordPart> word_parts(std::string_view w, SourceSpan span);
  bool is_call(const Node& apply) { return apply_is_call(apply); }
  // Sums read once: each term's syntax is released as soon as it is read (resolve_releasing).
  void release_as_read(std::vector<const Node*> sums) { read_once_ = std::move(sums); }
  // Each decimal becomes a new symbol, entered in `decimals` with its exact value, or is that
  // exact number itself where `how` says (resolve.hpp; still entered).
  void read_decimals_as_symbols(std::unordered_map<Expr, Expr>& decimals, DecimalsRead how = DecimalsRead::Symbols) {
    decimal_symbols_ = &decimals;
    decimals_read_ = how;
  }

 private:
  Term term_unguarded(const Node& n);
  bool read_once(const Node& sum) const { return std::find(read_once_.begin(), read_once_.end(), &sum) != read_once_.end(); }
  std::optional<Expr> plain_value(const Node& n);
  std::optional<Expr> plain_value_unguarded(const Node& n);
  // A power's base and exponent, read directly (plain_value's rules for a Pow node).
  std::optional<std::pair<Expr, Expr>> plain_power(const Node& n);
  bool plain_word(std::string_view w) const;
  Expr number_value(const Node& n);
  bool is_variable(std::string_view w) const;
  const FunctionDefinition* function(std::string_view w) const;
  Term word(std::string_view w, SourceSpan span);
  std::vector<Term> run_factors(std::string_view w, SourceSpan span);
  std::optional<Term> whole_word(std::string_view w, SourceSpan span);
  std::vector<Term> juxtaposed_factors(const Node& n);
  std::optional<FunctionId> abstract_named_by(const Node& leibniz) const;
  bool is_function_word(const Node& n) const;
  bool starts_with_call(const Node& n);
  const Node* power_of_function_name(const Node& product, std::size_t k) const;
  void refuse_power_of_function_name(const Node& product, std::size_t k) const;
  void refuse_bare_function_before_factor(const Node& product, std::size_t k) const;
  void refuse_other_notation_before_factor(const Node& product, std::size_t k) const;
  void refuse_variable_not_a_parameter(const Node& n, const std::string& name, const FunctionDefinition& def) const;
  Term apply_builtin(std::string_view name, std::vector<Term> args, const Node& at);
  Term product(const Node& n);
  void product_factors(const Node& n, std::vector<Term>& factors, std::string& ops);
  Term function_power(const Node& fn, const Node& exponent, Term applied);
  bool apply_is_call(const Node& n);
  void refuse_prime_of_no_function(const Node& prime);
  bool calls_as_function(const Node& n, std::string_view name);
  Term apply(const Node& n);
  Term abstract_call(const Node& n, std::vector<Term> args);
  Term defined_call(const FunctionDefinition& def, std::vector<Term> args, const Node& n);
  // A definition's body as this reading takes it: exact as written when reading a check's.
  Expr body_as_read(const FunctionDefinition& def);
  // The call left for evaluation to substitute the arguments into the body.
  Term deferred_call(const FunctionDefinition& def, std::vector<Term> args, const Node& n);
  Term call_arguments(const Node& n);

  // resolve_forms.cpp
  Term derivative_operator(const Node& n);
  // argument: the whole of a procedure's argument, where dy/dx of an undefined y is kept.
  Term leibniz(const Node& n, bool argument = false);
  Term held_partial(const Node& n);
  Term abstract_leibniz(const Node& n, FunctionId f, std::vector<int> indices);
  Term prime(const Node& n);
  Term at(const Node& n);

  const Scope& scope_;
  std::set<std::string, std::less<>> hidden_;
  bool definition_body_;
  std::string defining_;
  std::vector<const Node*> read_once_;
  std::unordered_set<const Node*> not_plain_;  // nodes plain_value found not plain below them
  // The defined functions called as the statement is read, in order (Term::functions), and
  // those called since the count `before`.
  mutable std::vector<std::string> functions_called_;
  std::shared_ptr<const std::vector<std::string>> called_since(std::size_t before) const;
  std::size_t plain_asks_ = 0;                  // plain_value calls so far (see there)
  std::unordered_map<Expr, Expr>* decimal_symbols_ = nullptr;
  DecimalsRead decimals_read_ = DecimalsRead::Symbols;  // (read_decimals_as_symbols)
  bool reading_point_ = false;   // within the values of an `at` point read exactly
  // The number of arguments each unknown function took in this statement (f(x) + f(x, y) would
  // print f'(x) + ∂f/∂x, which reads back as 2 f'(x): refused).
  std::unordered_map<std::string, std::size_t> abstract_arities_;
  // Sets reading_point_ while it lives (a point's values, a Lagrange derivative's arguments).
  class ReadingPoint {
   public:
    ReadingPoint(Resolver& r, bool on) : r_(r), outer_(std::exchange(r.reading_point_, on)) {}
    ~ReadingPoint() { r_.reading_point_ = outer_; }
    ReadingPoint(const ReadingPoint&) = delete;
    ReadingPoint& operator=(const ReadingPoint&) = delete;

   private:
    Resolver& r_;
    bool outer_;
  };
};

// The error for a divisor that is a run of factors (1/ab, 1/a(b + c)): the whole run, or its
// first factor? Written as if the whole, and read so by many, so it is refused.
ResolveError ambiguous_divisor(const Node& divisor);

// Terms combined as expressions are: a value when every part is one (folded by the canonical
// constructors, as if written at once), else a term that evaluation combines the same way.
Term sum_of(std::vector<Term> terms, std::string ops, SourceSpan span);
Term product_of(std::vector<Term> factors, std::string ops, SourceSpan span);
// Factors written side by side (every op a juxtaposition).
Term juxtaposed(std::vector<Term> factors, SourceSpan span);
Term power_of(Term base, Term exponent, SourceSpan span);
Term negated(Term t, SourceSpan span);
// Expr for a value term, throwing ResolveError when a math error folds (1/0) with the term's span.
Expr value_of(const Term& t);

}  // namespace ddx::resolve
