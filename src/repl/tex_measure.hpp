// SPDX-License-Identifier: GPL-3.0-or-later
// Reading LaTeX math as the export lays it out: how wide a string sets (an estimate in ems of a
// 10pt font, erring wide), and where it may break (between the terms of a sum, inside the widest
// bracket). pdflatex is not at hand when ddx writes a document, so the export measures for itself.
// Measuring is tex_measure.cpp, breaking tex_break.cpp; both walk LaTeX with tex_scan.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ddx {

// The width `math` sets in display style, in ems; rows of an environment (pmatrix, aligned,
// array) count as their widest row, a fraction as its wider part.
double tex_width(std::string_view math);

// `math` split before each binary `+` or `-` that is outside every brace, bracket and
// environment: `a + b\left(c - d\right) - e` -> {`a`, `+ b\left(c - d\right)`, `- e`}.
std::vector<std::string> tex_terms(std::string_view math);

// `math` cut at each occurrence of `separator` outside every group: rows at `\\`, cells at `&`.
std::vector<std::string> tex_split(std::string_view math, std::string_view separator);

// `math` split at its first relation `=` outside every group: {left, right}, or {} when none.
std::vector<std::string> tex_split_equation(std::string_view math);

// `math` as lines each at most `first` (the first) or `rest` (the others) wide where it can be
// broken: between terms; inside the widest `\left( … \right)` (closed with `\right.` and reopened
// with `\left.` on the next line); a wide fraction `\frac{A}{B}` as `\frac{1}{B} \left(A\right)`;
// between the words of a `\text{…}`; and a numerator or denominator still too wide stacked in an
// aligned block inside its fraction. A line that cannot be broken stays whole. Lines after the
// first begin with their operator.
std::vector<std::string> tex_break(const std::string& math, double first, double rest);

}  // namespace ddx
