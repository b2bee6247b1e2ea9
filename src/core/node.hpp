// SPDX-License-Identifier: GPL-3.0-or-later
// The node behind an Expr and the intern table that makes structurally equal nodes one object.
// Only build.cpp makes nodes (from NodeParts); everyone else reads them through Expr.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "core/expr.hpp"

namespace ddx {

// What a node is made of, as the constructors of build.cpp assemble it; intern() finds the
// equal stored node or stores a new one.
struct NodeParts {
  Kind kind = Kind::Number;
  std::uint8_t id = 0;        // ConstantId for Constant
  FunctionId function = 0;    // Call, Derivative
  Number number;              // Number: value; Add: constant; Mul: coefficient
  std::string_view name;      // Symbol (copied when stored)
  // In place up to a few entries (nearly every node is small): building a node allocates
  // nothing until intern() stores it.
  boost::container::small_vector<Expr, 4> ops;      // Pow: {base, exp}; Call/Derivative: args; Add: terms; Mul: bases
  boost::container::small_vector<Expr, 4> exps;     // Mul: exponents, parallel to ops
  boost::container::small_vector<Number, 2> coeffs; // Add: coefficients, parallel to ops
  boost::container::small_vector<int, 2> indices;   // Derivative: differentiated argument positions, sorted
};

// Node itself, the stored node, is defined in expr.hpp (Expr's accessors read it inline).

// The bit a symbol named `name` sets in Node::symbols.
std::uint64_t symbol_bit(std::string_view name);

// Returns the unique interned node equal to `n` (inserting it if new).
const Node* intern(NodeParts&& n);
// intern() of the symbol `name`, through a small cache of the symbols last named: a statement
// names the same few symbols again and again.
const Node* intern_symbol(std::string_view name);
// intern() of a node of `kind` (a power) with the operands a and b and nothing else.
const Node* intern_pair(Kind kind, Expr a, Expr b);
// Number of distinct nodes interned and not reclaimed (for statistics, tests and the
// reclamation policy).
std::size_t interned_count();

// ---- reclamation ----
// Nodes are reclaimed by mark and sweep between statements (the session knows the roots: its
// definitions, `ans`, the answers :export keeps). Nodes held by the process's own tables (the
// function table, the rewrite rules, the exact values, the small integers) are permanent instead:
// they are made while a KeepForever lives, or passed to keep_forever, and are never reclaimed.
constexpr std::uint8_t permanent_bit = 1;
constexpr std::uint8_t marked_bit = 2;

// Makes e and everything below it permanent.
void keep_forever(Expr e);
// While one lives, every node interned (or found) is made permanent: for tables built once.
class KeepForever {
 public:
  KeepForever();
  ~KeepForever();
  KeepForever(const KeepForever&) = delete;
  KeepForever& operator=(const KeepForever&) = delete;
};

// Marks e and everything below it as reachable for the collection in progress.
void mark_reachable(Expr e);
// Frees every node neither permanent nor marked since the last collection and clears the marks;
// returns how many were freed. Any Expr to a freed node dangles: call it only when every Expr
// still in use has been marked, and forget every cache keyed by node address.
std::size_t reclaim_unmarked();

}  // namespace ddx
