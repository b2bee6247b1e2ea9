// SPDX-License-Identifier: GPL-3.0-or-later
// The one translation unit that sees the grammar definitions: instantiates the top rule for
// the iterator and context of config.hpp. Editing the grammar rebuilds only this file.
#include "grammar/formula_def.hpp"
#include "grammar/config.hpp"
#include "grammar/parse.hpp"
#include "grammar/shortcut.hpp"

namespace ddx::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(line_type, iterator_type, context_type)
}

namespace ddx::grammar {
void set_leaf_shortcut(bool on) { shortcut::enabled = on; }
}
