// SPDX-License-Identifier: GPL-3.0-or-later
// The LaTeX emitter: amsmath, no `$`, no raw Unicode. \frac, \sqrt{}, ^{} and \left( \right)
// following SymPy's spelling (\sin^{2}{\left(x \right)}); the layout comes from present.cpp.
#include <cctype>

#include "core/interrupt.hpp"
#include "print/emit.hpp"
#include "print/latex_plain.hpp"

namespace ddx::print {
namespace {

bool is_exact_natural(const Display& d) { return d.kind == DKind::Number && d.value.is_integer(); }

std::string number(const Number& n) { return latex_decimal(n.to_string()); }

std::string function_name(FunctionId f) {
  const FunctionInfo& info = function_info(f);
  if (info.abstract) return latex_name(info.name);
  if (latex_written_plainly(info.name)) return "\\operatorname{" + info.name + "}";  // sigmoid beside a name sigma
  return info.latex;
}

// sum(E, n = A .. B), written \\sum_{n=A}^{B} E.
bool is_sum_call(const Display& d) { return d.kind == DKind::Call && function_info(d.function).notation == Notation::Sum; }

// A function whose row writes its argument between bars (abs).
bool bars(FunctionId f) { return function_info(f).notation == Notation::Bars; }

}  // namespace

std::string latex_decimal(std::string_view digits) {
  auto e = digits.find('e');
  if (e == std::string_view::npos) return std::string(digits);
  std::string mantissa(digits.substr(0, e)), exponent(digits.substr(e + 1));
  if (!exponent.empty() && exponent[0] == '+') exponent.erase(0, 1);
  bool minus = !exponent.empty() && exponent[0] == '-';
  if (minus) exponent.erase(0, 1);
  while (exponent.size() > 1 && exponent[0] == '0') exponent.erase(0, 1);
  return mantissa + " \\cdot 10^{" + (minus ? "-" : "") + exponent + "}";
}

namespace {

class Latex {
 public:
  std::string emit(const Display& d) {
    check_interrupt();
    switch (d.kind) {
      case DKind::Number: return number(d.value);
      case DKind::Symbol: return latex_name(d.name);
      case DKind::Constant: return d.constant == ConstantId::Pi ? "\\pi" : "e";
      case DKind::Call:
        if (auto p = pending_derivative_of(d.function)) {  // `steps`: a derivative not yet taken
          std::string op = p->partial ? "\\frac{\\partial}{\\partial " + latex_name(p->var) + "}"
                                      : "\\frac{d}{d" + latex_name(p->var) + "}";
          return op + "\\left(" + emit(present_arg(d, 0)) + "\\right)";
        }
        if (bars(d.function)) return "\\left|" + args(d) + "\\right|";
        if (function_info(d.function).notation == Notation::Sum) {  // \sum_{n=1}^{N} body
          const Display body = present_arg(d, 0);
          std::string b = emit(body);
          if (body.kind == DKind::Sum) b = "\\left(" + b + "\\right)";
          return "\\sum_{" + emit(present_arg(d, 1)) + "=" + emit(present_arg(d, 2)) + "}^{" + emit(present_arg(d, 3)) + "} " + b;
        }
        return function_name(d.function) + "{\\left(" + args(d) + " \\right)}";
      case DKind::Derivative: return derivative(d);
      case DKind::Pow: {
        const Display& base = d.children[0];
        if (base.kind == DKind::Call && is_exact_natural(d.children[1]) && !bars(base.function) && !is_sum_call(base))
          return function_name(base.function) + "^{" + emit(d.children[1]) + "}{\\left(" + args(base) + " \\right)}";
        return child(d, 0) + "^{" + emit(d.children[1]) + "}";
      }
      case DKind::Sqrt: return "\\sqrt{" + emit(d.children[0]) + "}";
      case DKind::Product: {
        std::string out = child(d, 0);
        for (std::size_t i = 1; i < d.children.size(); ++i) {
          std::string next = child(d, i);
          bool digit = std::isdigit(static_cast<unsigned char>(next[0]));
          out += (digit ? " \\cdot " : " ") + next;
        }
        return out;
      }
      case DKind::Fraction: return "\\frac{" + emit(d.children[0]) + "}{" + emit(d.children[1]) + "}";
      case DKind::Sum: {
        std::string out;
        for (std::size_t i = 0; i < d.children.size(); ++i) {
          const Display& t = d.children[i];
          if (t.kind == DKind::Neg)
            out += (i ? " - " : "-") + child(t, 0);
          else
            out += (i ? " + " : "") + child(d, i);
        }
        return out;
      }
      case DKind::Neg: return "-" + child(d, 0);
    }
    return {};
  }

 private:
  std::string child(const Display& parent, std::size_t i) {
    std::string s = emit(parent.children[i]);
    return needs_parens(parent, i, true) || sum_needs_parens(parent, i) ? "\\left(" + s + "\\right)" : s;
  }
  // \sum reaches to the right: a sum raised to a power, or followed by another factor, is bracketed.
  static bool sum_needs_parens(const Display& parent, std::size_t i) {
    if (!is_sum_call(parent.children[i])) return false;
    return (parent.kind == DKind::Pow && i == 0) || (parent.kind == DKind::Product && i + 1 < parent.children.size());
  }

  std::string args(const Display& d) {
    std::string out;
    for (std::size_t i = 0; i < d.args.size(); ++i) out += (i ? ", " : "") + emit(present_arg(d, i));
    return out;
  }

  // f'{\left(x \right)}; \frac{\partial^{2} f}{\partial u \partial v}, with the point only when it
  // is not the function's own parameters.
  std::string derivative(const Display& d) {
    std::string name = function_name(d.function);
    std::string point = "{\\left(" + args(d) + " \\right)}";
    if (d.args.size() == 1) return name + std::string(d.indices.size(), '\'') + point;
    std::size_t n = d.indices.size();
    std::vector<std::string> vars = derivative_vars(d);
    std::string out = leibniz(function_info(d.function).name, vars, static_cast<int>(n), true, Format::Latex);
    return d.point_implicit ? out : out + point;
  }
};

}  // namespace

std::string emit_latex(const Display& d) { return Latex().emit(d); }

}  // namespace ddx::print
