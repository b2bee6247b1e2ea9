// SPDX-License-Identifier: GPL-3.0-or-later
// The Boost-free entry point of the parser: one raw input line -> statements (ast.hpp) or
// positioned diagnostics. Never throws; never sees Spirit in its interface.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.hpp"
#include "grammar/ast.hpp"

namespace ddx::grammar {

// The deepest nesting and the longest line accepted are in core/limits.hpp (max_nesting,
// max_line_bytes). The grammar runs a deeply nested line on a stack of its own; the later stages
// recurse as deep as the expressions they walk (max_expression_height), and front ends run them
// on a large stack (core/session_stack.hpp).

struct Diagnostic {
    SourceSpan span;          // byte offsets into the original line
    std::size_t line = 1;     // always 1 here; callers with files/continuations adjust
    std::size_t column = 1;   // 1-based, in code points of the original line
    std::string message;      // "expected ')'", "unexpected '*'", ...
};

struct ParseOutcome {
    std::vector<Statement> statements; // empty for blank lines and comments
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return diagnostics.empty(); }
};

// Parses one line (several statements separated by ';'). `\` continuation is the caller's job.
ParseOutcome parse_line(std::string_view line);

// For tests only: parse without the grammar's shortcuts (shortcut.hpp), the slower way
// that must build the same trees. On by default.
void set_leaf_shortcut(bool on);

// Column (1-based code points) of a byte offset in `line`; for renderers and the diagnostics of later stages.
std::size_t column_of(std::string_view line, std::size_t byte_offset);

// S-expression dump for tests and debugging: `(juxt 4 xy)`, `(pow x (neg 1))`, `(d/dx (+ x 1))`.
std::string dump(Node const& node);
std::string dump(Statement const& statement);
std::string dump(ParseOutcome const& outcome); // statements joined by "; " or the first error

} // namespace ddx::grammar
