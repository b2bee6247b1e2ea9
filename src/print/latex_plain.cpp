// SPDX-License-Identifier: GPL-3.0-or-later
// Names written out whole where their LaTeX would collide (see latex_plain.hpp).
#include "print/latex_plain.hpp"

#include <cctype>
#include <map>
#include <vector>

#include "core/functions.hpp"
#include "core/pointer_set.hpp"
#include "print/emit.hpp"

namespace ddx::print {
namespace {

thread_local const std::unordered_set<std::string>* plain_names = nullptr;

struct NameUse {
  std::string name;
  std::string latex;     // as written without this file's help
  bool builtin = false;  // a built-in function, written with its row's LaTeX
};

// Every symbol and function name in e, each node once (answers are DAGs).
void collect(Expr e, PointerSet& seen, std::vector<NameUse>& out) {
  if (!seen.insert(e.node())) return;
  switch (e.kind()) {
    case Kind::Number:
    case Kind::Constant: return;
    case Kind::Symbol: out.push_back({e.name(), latex_name(e.name()), false}); return;
    case Kind::Call:
    case Kind::Derivative: {
      const FunctionInfo& info = function_info(e.function());
      out.push_back({info.name, info.abstract ? latex_name(info.name) : info.latex, !info.abstract});
      break;
    }
    default: break;
  }
  for (Expr child : e.args()) collect(child, seen, out);
  if (e.is(Kind::Mul))
    for (Expr exponent : e.exponents()) collect(exponent, seen, out);
}

// x1, w11: digits after the letters, with no underscore (their LaTeX subscripts them anyway).
bool digits_unmarked(std::string_view name) {
  if (name.find('_') != std::string_view::npos || name.empty()) return false;
  return std::isdigit(static_cast<unsigned char>(name.back())) && !std::isdigit(static_cast<unsigned char>(name.front()));
}

}  // namespace

std::unordered_set<std::string> latex_collisions(std::span<const Expr> answer) {
  std::vector<NameUse> uses;
  PointerSet seen;
  for (Expr e : answer) collect(e, seen, uses);
  std::map<std::string, std::map<std::string, bool>> by_latex;  // LaTeX -> name -> built-in
  for (const NameUse& u : uses) by_latex[u.latex][u.name] = u.builtin;
  std::unordered_set<std::string> plain;
  for (const auto& [latex, names] : by_latex) {
    if (names.size() < 2) continue;
    for (const auto& [name, builtin] : names)
      if (builtin || digits_unmarked(name)) plain.insert(name);
  }
  return plain;
}

LatexPlainNames::LatexPlainNames(std::unordered_set<std::string> plain) : plain_(std::move(plain)), outer_(plain_names) {
  plain_names = &plain_;
}

LatexPlainNames::~LatexPlainNames() { plain_names = outer_; }

bool latex_written_plainly(std::string_view name) {
  return plain_names && !plain_names->empty() && plain_names->count(std::string(name));
}

}  // namespace ddx::print
