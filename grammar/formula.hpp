// SPDX-License-Identifier: GPL-3.0-or-later
// Interface of the X3 grammar: the top rule (a line of statements) and its accessor.
// Include only from formula.cpp and parse.cpp: it pulls in Spirit.
#pragma once

#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"

namespace ddx::grammar::parser {
namespace x3 = boost::spirit::x3;

struct line_class;
using line_type = x3::rule<line_class, std::vector<Statement>>;
BOOST_SPIRIT_DECLARE(line_type)

} // namespace ddx::grammar::parser

namespace ddx::grammar {
parser::line_type const& line_parser();
}
