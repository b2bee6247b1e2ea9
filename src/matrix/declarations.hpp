// SPDX-License-Identifier: GPL-3.0-or-later
// The session's declared vectors and matrices (`x in R^n`, `A ∈ ℝ^(n, n)`): names with shapes,
// in the order they were declared. A declaration is read here, not by the grammar: it is a
// statement of its own, recognised by its first words, so nothing else in the language changes.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "matrix/tree.hpp"

namespace ddx::matrix {

struct Declaration {
  std::string name;
  Shape shape;
  // As users write it: "x in R^n", "A in R^(n, n)".
  std::string text() const;
};

// A declaration that cannot be read: the message and the byte offset in the line it points at.
struct DeclarationError : std::runtime_error {
  std::size_t offset;
  DeclarationError(const std::string& message, std::size_t at) : std::runtime_error(message), offset(at) {}
};

// Whether `line` is a declaration statement: NAME in R^..., NAME ∈ ℝ^... (with or without spaces).
bool is_declaration(std::string_view line);
// Reads one; DeclarationError when it is malformed.
Declaration read_declaration(std::string_view line);

class Declarations {
 public:
  const Declaration* find(std::string_view name) const;
  // Declares (or declares again, with a new shape, keeping its place).
  void declare(Declaration d);
  bool erase(std::string_view name);
  void clear() { list_.clear(); }
  bool empty() const { return list_.empty(); }
  const std::vector<Declaration>& list() const { return list_; }

 private:
  std::vector<Declaration> list_;
};

}  // namespace ddx::matrix
