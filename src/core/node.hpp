// SPDX-License-Identifier: GPL-3.0-or-later
// The node behind an Expr and the intern table that makes structurally equal nodes one object.
// Only build.cpp creates nodes; everyone else reads them through Expr.
#pragma once

#include <string>
#include <vector>

#include "core/expr.hpp"

namespace ddx {

struct Node {
  Kind kind = Kind::Number;
  std::uint8_t id = 0;        // ConstantId for Constant
  FunctionId function = 0;    // Call, Derivative
  std::size_t hash = 0;       // structural hash, computed once by intern()
  // A 64-bit Bloom filter of the symbols occurring in the node (symbol_bit of each), computed by
  // intern(): a clear bit proves the symbol absent, so d/dx of the node is 0 without a walk.
  std::uint64_t symbols = 0;
  // The size of the node written out as a tree (calc::expr_size; saturating), computed by
  // intern() from the children's: asking it costs nothing, however shared the DAG below is.
  std::size_t tree_size = 0;
  Number number;              // Number: value; Add: constant; Mul: coefficient
  std::string name;           // Symbol
  std::vector<Expr> ops;      // Pow: {base, exp}; Call/Derivative: args; Add: terms; Mul: bases
  std::vector<Expr> exps;     // Mul: exponents, parallel to ops
  std::vector<Number> coeffs; // Add: coefficients, parallel to ops
  std::vector<int> indices;   // Derivative: differentiated argument positions, sorted
};

// The bit a symbol named `name` sets in Node::symbols.
std::uint64_t symbol_bit(const std::string& name);

// Returns the unique interned node equal to `n` (inserting it if new). Nodes live for the process.
const Node* intern(Node&& n);
// Number of distinct nodes interned so far (for statistics and tests).
std::size_t interned_count();

}  // namespace ddx
