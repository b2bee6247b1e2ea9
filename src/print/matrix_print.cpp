// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix expressions in every format (see matrix_print.hpp).
#include "print/matrix_print.hpp"

#include <algorithm>
#include <cctype>

#include "print/latex_plain.hpp"

namespace ddx::print {
namespace {

using matrix::Node;
using matrix::Op;
using matrix::Tree;

struct Printer {
  Format f;
  bool latex() const { return f == Format::Latex; }
  bool unicode() const { return f == Format::Unicode; }

  std::string minus() const { return unicode() ? "−" : "-"; }
  std::string times() const { return f == Format::Code ? "*" : " "; }
  std::string parens(const std::string& s) const { return latex() ? "\\left(" + s + "\\right)" : "(" + s + ")"; }

  std::string superscript(const std::string& s) const {
    if (latex()) return "^{" + s + "}";
    if (!unicode()) return "^" + (s.find('/') != std::string::npos ? "(" + s + ")" : s);  // x^12, x^(1/2)
    static const char* digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string out;
    for (char c : s) {
      if (c >= '0' && c <= '9') {
        out += digits[c - '0'];
      } else if (c == '-') {
        out += "⁻";
      } else {
        return "^(" + s + ")";  // a fraction: no superscript slash
      }
    }
    return out;
  }
  std::string transpose_mark() const { return latex() ? "^{\\top}" : unicode() ? "ᵀ" : "^T"; }
  std::string inverse_mark(bool transposed) const {
    if (latex()) return transposed ? "^{-\\top}" : "^{-1}";
    if (unicode()) return transposed ? "⁻ᵀ" : "⁻¹";
    return transposed ? "^-T" : "^-1";
  }
  std::string number(const Number& n) const {
    std::string s = n.to_string();
    if (latex() && !n.is_integer()) {
      std::string p = n.numerator().to_string(), q = n.denominator().to_string();
      bool negative = p[0] == '-';
      return (negative ? "-" : "") + std::string("\\frac{") + (negative ? p.substr(1) : p) + "}{" + q + "}";
    }
    if (unicode() && s[0] == '-') s = "−" + s.substr(1);
    return s;
  }
  std::string call(const char* name, const char* latex_name, const Tree& arg) const {
    if (latex()) return std::string(latex_name) + parens(print(arg));
    return std::string(name) + "(" + print(arg) + ")";
  }

  // A factor of a product: sums, and 1×1 products beside other factors, in parentheses.
  std::string factor(const Tree& a, bool alone) const {
    if (a->op == Op::Sum) return parens(print(a));
    if (a->op == Op::Product && !alone && !a->args.empty() && !entry_sum_of(*a)) return parens(print(a));
    if ((a->op == Op::Hadamard || a->op == Op::Power) && !alone && !a->shape.scalar()) return parens(print(a));
    return print(a);
  }

  // coefficient, scalars and matrices; scalars to negative powers (and the coefficient's
  // denominator) below a fraction bar: 2x/(x^T x).
  // onesᵀ v and onesᵀ A ones: sum(v), sum(A).
  static const Node* entry_sum_of(const Node& p) {
    std::size_t m = p.args.size() - p.scalars;
    if (!p.shape.scalar() || m < 2 || m > 3 || !p.coefficient.is_one() || p.scalars) return nullptr;
    const Tree& first = p.args[p.scalars];
    if (first->op != Op::Transpose || first->args[0]->op != Op::Ones) return nullptr;
    if (m == 3 && p.args.back()->op != Op::Ones) return nullptr;
    return p.args[p.scalars + 1].get();
  }

  std::string product(const Node& p) const {
    if (const Node* summed = entry_sum_of(p))
      return call("sum", "\\operatorname{sum}", std::make_shared<const Node>(*summed));
    std::vector<std::string> num;
    std::vector<Tree> den;
    for (std::size_t i = 0; i < p.args.size(); ++i) {
      const Tree& a = p.args[i];
      if (i < p.scalars && a->op == Op::Power && a->exponent.is_negative()) {
        den.push_back(matrix::power(a->args[0], -a->exponent));
      } else {
        std::string text = factor(a, p.args.size() == 1);
        // After a number, a factor written with a leading digit is bracketed: 2 (1/w), not 21/w.
        bool after_number = !p.coefficient.numerator().is_one() && !p.coefficient.numerator().is_minus_one();
        if (after_number && std::isdigit(static_cast<unsigned char>(text[0]))) text = parens(text);
        num.push_back(std::move(text));
      }
    }
    Number c = p.coefficient;
    bool negative = c.is_negative();
    if (negative) c = -c;
    Number top = c.numerator(), bottom = c.denominator();
    if (!bottom.is_one()) den.insert(den.begin(), matrix::number(bottom));
    std::string numerator;
    if (!top.is_one() || num.empty()) numerator = number(top);
    for (std::size_t i = 0; i < num.size(); ++i) {
      // 2x, 2X^T: a number attaches to the letter after it (not in code, nor before a bracket)
      bool attach = i == 0 && !numerator.empty() && f != Format::Code && !latex() && !num[i].starts_with("(");
      if (!numerator.empty()) numerator += attach ? "" : times();
      numerator += num[i];
    }
    if (den.empty()) return (negative ? minus() : "") + numerator;
    std::string denominator;
    if (den.size() == 1) {
      denominator = latex() ? print(den[0]) : factor(den[0], false);
    } else {
      for (std::size_t i = 0; i < den.size(); ++i) denominator += (i ? times() : "") + factor(den[i], false);
      if (!latex()) denominator = "(" + denominator + ")";
    }
    if (!latex()) numerator = not_leibniz(numerator, denominator);
    std::string out = latex() ? "\\frac{" + numerator + "}{" + denominator + "}" : numerator + "/" + denominator;
    return (negative ? minus() : "") + out;
  }

  // A numerator whose last factor is a word beginning with d, over a denominator beginning with
  // d, reads back as Leibniz's dy/dx: diag(z)/det(A) and -2diag(z)/det(A) were "'diag(z)/det' is
  // not supported"; (diag(z))/det(A) is the quotient.
  static std::string not_leibniz(const std::string& numerator, const std::string& denominator) {
    if (!denominator.starts_with('d') || numerator.empty()) return numerator;
    std::size_t end = numerator.size();
    if (numerator.back() == ')') {  // the word before its bracket: diag(...)
      int depth = 0;
      while (end-- > 0) {
        depth += numerator[end] == ')' ? 1 : numerator[end] == '(' ? -1 : 0;
        if (depth == 0) break;
      }
      if (end == std::string::npos) return numerator;
    }
    std::size_t start = end;
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(numerator[start - 1])) || numerator[start - 1] == '_')) --start;
    while (start < end && std::isdigit(static_cast<unsigned char>(numerator[start]))) ++start;  // (2diag: the word is diag)
    return start < end && numerator[start] == 'd' ? "(" + numerator + ")" : numerator;
  }

  std::string dim(Expr d) const { return d.is_integer() ? d.number().to_string() : d.name(); }
  std::string hadamard_mark() const { return latex() ? " \\odot " : unicode() ? " ⊙ " : " .* "; }

  // u ⊙ v, with entries to negative powers divided by: y/s, (u ⊙ v)/(s ⊙ s).
  std::string hadamard(const Node& h) const {
    std::vector<Tree> factors = h.op == Op::Hadamard ? h.args : std::vector<Tree>{std::make_shared<const Node>(h)};
    std::vector<std::string> num, den;
    for (const Tree& f : factors) {
      Tree base = f->op == Op::Power ? f->args[0] : f;
      Number k = f->op == Op::Power ? f->exponent : Number(1);
      bool below = k.is_negative();
      if (below) k = -k;
      std::string text = factor(base, false);
      if (base->op == Op::Hadamard) text = parens(print(base));
      auto& side = below ? den : num;
      if (k.is_integer() && k.fits_long()) {
        for (long i = 0; i < k.to_long(); ++i) side.push_back(text);
      } else {
        side.push_back(text + superscript(k.to_string()));
      }
    }
    auto join = [&](const std::vector<std::string>& parts) {
      std::string out;
      for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? hadamard_mark() : "") + parts[i];
      return out;
    };
    std::string top = num.empty() ? "1" : join(num);
    if (den.empty()) return top;
    std::string bottom = den.size() > 1 ? parens(join(den)) : den[0];
    if (latex()) return "\\frac{" + top + "}{" + (den.size() > 1 ? join(den) : den[0]) + "}";
    if (num.size() > 1) top = "(" + top + ")";
    return not_leibniz(top, bottom) + "/" + bottom;
  }

  std::string power(const Node& p) const {
    const Tree& base = p.args[0];
    bool bare = base->op == Op::Symbol || base->op == Op::Trace || base->op == Op::Det || base->op == Op::Norm ||
                base->op == Op::Log || base->op == Op::Exp || base->op == Op::Entrywise ||
                (base->op == Op::Product && entry_sum_of(*base));
    std::string b = bare ? print(base) : parens(print(base));
    return b + superscript(p.exponent.to_string());
  }

  static bool negative_term(const Tree& t) { return t->op == Op::Product && t->coefficient.is_negative(); }

  // Terms in their order, except that a positive term leads: x - y, not -y + x.
  std::string sum(const Node& s) const {
    std::vector<Tree> terms = s.args;
    auto positive = std::find_if(terms.begin(), terms.end(), [](const Tree& t) { return !negative_term(t); });
    if (positive != terms.end()) std::rotate(terms.begin(), positive, positive + 1);
    std::string out;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      const Tree& t = terms[i];
      bool negative = negative_term(t);
      Tree shown = negative ? matrix::scale(Number(-1), t) : t;
      std::string body = print(shown);
      if (shown->op == Op::Sum && (negative || i > 0)) body = parens(body);  // x - (a - w)
      if (i == 0) {
        out = (negative ? minus() : "") + body;
      } else {
        out += (negative ? " " + minus() + " " : " + ") + body;
      }
    }
    return out;
  }

  std::string print(const Tree& a) const {
    switch (a->op) {
      case Op::Symbol: return a->declared ? symbol_name(a->name, f) : to_string(matrix::scalar_value(a->name), f);
      case Op::Identity: return latex() ? "I_{" + dim(a->shape.rows) + "}" : "I_" + dim(a->shape.rows);
      case Op::Sum: return sum(*a);
      case Op::Product: return product(*a);
      case Op::Transpose: {
        const Tree& inner = a->args[0];
        bool bare = inner->op == Op::Symbol || inner->op == Op::Entrywise || inner->op == Op::Softmax || inner->op == Op::Ones;
        return (bare ? print(inner) : parens(print(inner))) + transpose_mark();
      }
      case Op::Inverse: {
        const Tree& inner = a->args[0];
        if (inner->op == Op::Symbol) return print(inner) + inverse_mark(false);
        if (inner->op == Op::Transpose) return print(inner->args[0]) + inverse_mark(true);
        if (latex()) return parens(print(inner)) + "^{-1}";
        return "inv(" + print(inner) + ")";
      }
      case Op::Trace: return call("tr", "\\operatorname{tr}", a->args[0]);
      case Op::Det: return call("det", "\\det", a->args[0]);
      case Op::Norm:
        // (Unicode too writes norm(x): ‖x‖ would not read back, and every answer must.)
        if (latex()) return "\\left\\lVert " + print(a->args[0]) + " \\right\\rVert";
        return call("norm", "", a->args[0]);
      case Op::Log: return call("log", "\\log", a->args[0]);
      case Op::Exp: return call("exp", "\\exp", a->args[0]);
      case Op::Power: return a->shape.scalar() ? power(*a) : hadamard(*a);
      case Op::Ones: return latex() ? "\\mathbf{1}" : "ones(" + dim(a->shape.rows) + ")";
      case Op::Diag: return call("diag", "\\operatorname{diag}", a->args[0]);
      case Op::Hadamard: return hadamard(*a);
      case Op::Entrywise:
        if (a->name == "sigmoid")
          return call("sigmoid", latex_written_plainly("sigmoid") ? "\\operatorname{sigmoid}" : "\\sigma", a->args[0]);
        return call(a->name.c_str(), a->name == "exp" ? "\\exp" : "\\log", a->args[0]);
      case Op::Softmax: return call("softmax", "\\operatorname{softmax}", a->args[0]);
    }
    return "?";
  }
};

}  // namespace

std::string matrix_string(const matrix::Tree& a, Format f) {
  return Printer{f == Format::Json ? Format::Text : f}.print(a);
}

}  // namespace ddx::print
