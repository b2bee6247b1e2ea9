// SPDX-License-Identifier: GPL-3.0-or-later
// S-expression dump of the syntax tree, for tests and debugging. Faithful, not pretty:
// flat Sum/Product runs keep their operators, parentheses show as (group ...).
#include <string>

#include "grammar/parse.hpp"

namespace ddx::grammar {
namespace {

void dump_to(std::string& out, Node const& n);

void dump_children(std::string& out, Node const& n, std::size_t from = 0) {
    for (std::size_t i = from; i < n.children.size(); ++i) {
        out += ' ';
        dump_to(out, n.children[i]);
    }
}

void dump_vars(std::string& out, Node const& n) {
    out += ' ' + std::to_string(n.order()) + " [";
    // One name per differentiation while that stays short (`[x x y]`), else `[x^1000]`.
    bool first = true;
    for (DiffVar const& v : n.vars) {
        if (v.count <= 4) {
            for (std::uint64_t k = 0; k < v.count; ++k, first = false) out += (first ? "" : " ") + v.name;
        } else {
            out += (first ? "" : " ") + v.name + "^" + std::to_string(v.count);
            first = false;
        }
    }
    out += ']';
}

// Flat chains: uniform operators print as (op a b c); mixed ones as (sum a - b + c) /
// (prod a / b . c) where `.` marks juxtaposition.
void dump_chain(std::string& out, Node const& n, char const* mixed_name, char uniform_juxt) {
    bool uniform = true;
    for (std::size_t i = 2; i < n.children.size(); ++i) uniform = uniform && n.op_before(i) == n.op_before(1);
    if (uniform && (n.op_before(1) != '/' || n.children.size() == 2)) {
        char const op = n.op_before(1);
        out += '(';
        if (op == ' ' && uniform_juxt) out += "juxt";
        else out += op;
        dump_children(out, n);
        out += ')';
        return;
    }
    out += '(';
    out += mixed_name;
    for (std::size_t i = 0; i < n.children.size(); ++i) {
        if (i > 0) {
            out += ' ';
            out += n.op_before(i) == ' ' ? '.' : n.op_before(i);
        }
        out += ' ';
        dump_to(out, n.children[i]);
    }
    out += ')';
}

void dump_to(std::string& out, Node const& n) {
    switch (n.kind) {
    case NodeKind::Number:
    case NodeKind::Word: out += n.text; return;
    case NodeKind::Apply: out += "(apply " + n.text; dump_children(out, n); out += ')'; return;
    case NodeKind::Prime:
        out += '(' + n.text.str() + std::string(static_cast<std::size_t>(n.order()), '\'');
        dump_children(out, n);
        out += ')';
        return;
    case NodeKind::Neg: out += "(neg"; dump_children(out, n); out += ')'; return;
    case NodeKind::Sum: dump_chain(out, n, "sum", 0); return;
    case NodeKind::Product: dump_chain(out, n, "prod", 1); return;
    case NodeKind::Pow: out += "(^"; dump_children(out, n); out += ')'; return;
    case NodeKind::Group: out += "(group"; dump_children(out, n); out += ')'; return;
    case NodeKind::Vector: out += "(vec"; dump_children(out, n); out += ')'; return;
    case NodeKind::DerivOp:
        out += n.is_partial ? "(pderiv" : "(deriv";
        dump_vars(out, n);
        dump_children(out, n);
        out += ')';
        return;
    case NodeKind::Leibniz:
        out += (n.is_partial ? "(pleibniz " : "(leibniz ") + n.text;
        dump_vars(out, n);
        out += ')';
        return;
    case NodeKind::Equation: out += "(= " + n.text; dump_children(out, n); out += ')'; return;
    case NodeKind::Range: out += "(range " + n.text; dump_children(out, n); out += ')'; return;
    case NodeKind::At: out += "(at"; dump_children(out, n); out += ')'; return;
    case NodeKind::Compare: out += "(=="; dump_children(out, n); out += ')'; return;
    case NodeKind::Equality: out += "(eq"; dump_children(out, n); out += ')'; return;
    case NodeKind::Held: out += "(held"; dump_children(out, n); out += ')'; return;
    }
    out += "(?)";
}

} // namespace

std::string dump(Node const& node) {
    std::string out;
    dump_to(out, node);
    return out;
}

std::string dump(Statement const& s) {
    std::string out;
    switch (s.kind) {
    case StatementKind::Expression: out = dump(s.body); break;
    case StatementKind::Definition:
        out = std::string(s.colon_equals ? "(define: " : "(define ") + s.name;
        if (s.is_function) {
            out += " (";
            for (std::size_t i = 0; i < s.params.size(); ++i) out += (i ? " " : "") + s.params[i].text;
            out += ')';
        }
        out += ' ' + dump(s.body) + ')';
        break;
    case StatementKind::Command: out = "(:" + s.name + " \"" + s.args + "\")"; break;
    }
    if (s.backprop) out = "(backprop " + out + ")";
    return s.steps ? "(steps " + out + ")" : out;
}

std::string dump(ParseOutcome const& outcome) {
    if (!outcome.ok()) {
        auto const& d = outcome.diagnostics.front();
        return "error " + std::to_string(d.column) + ": " + d.message;
    }
    std::string out;
    for (std::size_t i = 0; i < outcome.statements.size(); ++i)
        out += (i ? "; " : "") + dump(outcome.statements[i]);
    return out;
}

} // namespace ddx::grammar
