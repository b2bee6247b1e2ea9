// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to src/matrix: making nodes and their keys, for the constructors of tree.cpp and
// entrywise.cpp (everything else builds through tree.hpp's canonical constructors).
#pragma once

#include <string>
#include <vector>

#include "matrix/tree.hpp"

namespace ddx::matrix::detail {

std::string dim_text(Expr d);
Tree make(Node n);
// The keys of args, joined: part of the key of the node that holds them.
std::string keys(const std::vector<Tree>& args);
// A node of one argument, keyed tag(argument).
Tree unary(Op op, Tree a, Shape shape, const char* tag);

}  // namespace ddx::matrix::detail
