// SPDX-License-Identifier: GPL-3.0-or-later
// Names whose LaTeX would read as another name's: x1 beside x_1 (both x_{1}), the built-in sigmoid
// beside a name sigma (both \sigma). Within one answer those are written out whole instead.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/expr.hpp"

namespace ddx::print {

// Of the symbols and functions in `answer`, those to write out whole in its LaTeX: of two names
// with one LaTeX form, the built-in function (\operatorname{sigmoid}) and the name whose digits
// are no subscript as written (\mathrm{x1}).
std::unordered_set<std::string> latex_collisions(std::span<const Expr> answer);

// While one lives (on this thread), latex_name and the built-in functions' LaTeX write the names
// in `plain` out whole.
class LatexPlainNames {
 public:
  explicit LatexPlainNames(std::unordered_set<std::string> plain);
  ~LatexPlainNames();
  LatexPlainNames(const LatexPlainNames&) = delete;
  LatexPlainNames& operator=(const LatexPlainNames&) = delete;

 private:
  std::unordered_set<std::string> plain_;
  const std::unordered_set<std::string>* outer_;
};

// Whether `name` is written out whole in the LaTeX being made.
bool latex_written_plainly(std::string_view name);

}  // namespace ddx::print
