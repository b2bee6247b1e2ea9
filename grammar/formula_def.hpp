// SPDX-License-Identifier: GPL-3.0-or-later
// The Spirit X3 grammar of one input line (docs/language.md §2, §3, §7), over normalised ASCII text.
// Builds the public ast.hpp tree directly with semantic actions (one tree, no x3::variant);
// knows no function names. Included ONLY by formula.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"
#include "grammar/chars.hpp"
#include "grammar/config.hpp"
#include "grammar/formula.hpp"
#include "grammar/lookahead.hpp"
#include "grammar/shortcut.hpp"
#include "grammar/utf8.hpp"

namespace ddx::grammar::parser {
namespace x3 = boost::spirit::x3;
namespace ascii = x3::ascii;
using ascii::alnum;
using ascii::alpha;
using ascii::char_;
using ascii::digit;
using boost::fusion::at_c;
using x3::_attr;
using x3::_val;
using x3::eoi;
using x3::lexeme;
using x3::lit;
using x3::raw;

////////////////////////////////////////////////////////////////////////////
// Hooks: spans and errors
////////////////////////////////////////////////////////////////////////////

// spanned[p]: records the extent of p's match in the enclosing rule's attribute (X3 hands a
// rule's value to on_success only when the rule has no semantic actions, and ours all do).
// Offsets are into the normalised text; parse.cpp maps them back to the original line.
template <typename Subject>
struct spanned_directive : x3::unary_parser<Subject, spanned_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, spanned_directive<Subject>>;
    static bool const is_pass_through_unary = true;
    constexpr spanned_directive(Subject const& subject) : base_type(subject) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
               Attribute& attr) const {
        x3::skip_over(first, last, context);
        Iterator const start = first;
        if (!this->subject.parse(first, last, context, rcontext, attr)) return false;
        using Value = std::remove_reference_t<RContext>;
        if constexpr (std::is_same_v<Value, Node> || std::is_same_v<Value, Statement>) {
            auto const begin = x3::get<state_tag>(context).begin;
            rcontext.span = {static_cast<std::uint32_t>(start - begin),
                             static_cast<std::uint32_t>(first - begin)};
        }
        return true;
    }
};

// `d[p]` for a directive template d: the one generator both spanned[] and into[] use.
template <template <typename> class Directive>
struct directive_gen {
    template <typename Subject>
    constexpr Directive<typename x3::extension::as_parser<Subject>::value_type>
    operator[](Subject const& subject) const {
        return {x3::as_parser(subject)};
    }
};
constexpr directive_gen<spanned_directive> spanned{};

// The directives below work on the enclosing rule's value themselves (X3 then hands it to none
// of their siblings) and have no attribute of their own; an expectation failing on one names its
// rule, as it would name the rule alone (get_info below).
template <typename Subject, typename Derived>
struct value_directive : x3::unary_parser<Subject, Derived> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    static bool const has_action = true;
    constexpr value_directive(Subject const& subject) : x3::unary_parser<Subject, Derived>(subject) {}
};

// into[r]: runs the rule r straight on the enclosing rule's value (a Node or a Statement) instead
// of on a fresh one that an `assign` action then moves over, so a leaf passing up through the ten
// precedence levels is built once rather than moved ten times (that was a fifth of parse time).
// Same result as r[assign] provided the value is still default-constructed when into starts — it
// is first in its sequence, or earlier alternatives leave the value untouched — and on failure it
// is reset to that state for the next alternative.
template <typename Subject>
struct into_directive : value_directive<Subject, into_directive<Subject>> {
    using value_directive<Subject, into_directive<Subject>>::value_directive;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
               Attribute&) const {
        using Value = std::remove_reference_t<RContext>;
        static_assert(std::is_same_v<Value, Node> || std::is_same_v<Value, Statement>);
        if (this->subject.parse(first, last, context, rcontext, rcontext)) return true;
        rcontext = Value{};
        return false;
    }
};
constexpr directive_gen<into_directive> into{};

// child[r]: runs the rule r on a fresh Node and appends it to the enclosing rule's children, as
// r[push_child] would (an action would leave an expectation on it nameless).
template <typename Subject>
struct child_directive : value_directive<Subject, child_directive<Subject>> {
    using value_directive<Subject, child_directive<Subject>>::value_directive;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
               Attribute&) const {
        static_assert(std::is_same_v<std::remove_reference_t<RContext>, Node>);
        Node made;
        if (!this->subject.parse(first, last, context, rcontext, made)) return false;
        rcontext.children.push_back(std::move(made));
        return true;
    }
};
constexpr directive_gen<child_directive> child{};

// appended[r]: runs the rule r on a new Statement at the end of the enclosing rule's list (the
// line's), taken off again if r fails: a statement is built where it stays, not moved there.
template <typename Subject>
struct appended_directive : value_directive<Subject, appended_directive<Subject>> {
    using value_directive<Subject, appended_directive<Subject>>::value_directive;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
               Attribute&) const {
        static_assert(std::is_same_v<std::remove_reference_t<RContext>, std::vector<Statement>>);
        rcontext.emplace_back();
        if (this->subject.parse(first, last, context, rcontext, rcontext.back())) return true;
        rcontext.pop_back();
        return false;
    }
};
constexpr directive_gen<appended_directive> appended{};
} // namespace ddx::grammar::parser

namespace boost::spirit::x3 {
// `lit('+') > into[unary]` fails with "expected " + the rule's name, as `lit('+') > unary` did.
template <typename Directive>
struct get_info<Directive, std::enable_if_t<std::is_base_of_v<
    ddx::grammar::parser::value_directive<typename Directive::subject_type, Directive>, Directive>>> {
    typedef std::string result_type;
    std::string operator()(Directive const& p) const { return what(p.subject); }
};
} // namespace boost::spirit::x3

namespace ddx::grammar::parser {

// Only the top rule handles errors: the first expectation failure unwinds to it, and we record
// where and what (a rule name in user words, or a quoted literal) without printing anything.
struct report_error {
    template <typename Iterator, typename Exception, typename Context>
    x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const& x,
                                      Context const& context) const {
        auto& state = x3::get<state_tag>(context);
        if (!state.failed) {
            state.failed = true;
            state.where = x.where();
            state.which = x.which();
        }
        return x3::error_handler_result::fail;
    }
};

////////////////////////////////////////////////////////////////////////////
// Semantic actions (they run only once the parser they decorate has matched)
////////////////////////////////////////////////////////////////////////////

inline SourceSpan cover(SourceSpan a, SourceSpan b) { return {a.begin, b.end}; }

inline Node make_node(NodeKind kind, NodeList children) {
    Node n;
    n.kind = kind;
    if (!children.empty()) n.span = cover(children.front().span, children.back().span);
    n.children = std::move(children);
    return n;
}

auto const assign = [](auto& ctx) { _val(ctx) = std::move(_attr(ctx)); };

// Appends the matched operand to a flat Sum/Product in _val, wrapping _val first if needed.
// (No sub-rule returns a bare Sum/Product, so a _val of kind K is always our own chain.)
template <NodeKind K, char Op>
struct push_chain {
    template <typename Context>
    void operator()(Context& ctx) const {
        Node& v = _val(ctx);
        if (v.kind != K) shortcut::start_chain(v, K);
        Node& item = _attr(ctx);
        v.span.end = item.span.end;
        item.op = Op;
        v.children.push_back(std::move(item));
    }
};

template <NodeKind K>
struct wrap_val { // _val = K{_attr}
    template <typename Context>
    void operator()(Context& ctx) const {
        NodeList ch;
        ch.push_back(std::move(_attr(ctx)));
        _val(ctx) = make_node(K, std::move(ch));
    }
};

auto const make_pow = [](auto& ctx) {
    NodeList ch;
    ch.reserve(2);  // one allocation, not a second one (and a move) for the second child
    ch.push_back(std::move(_val(ctx)));
    ch.push_back(std::move(_attr(ctx)));
    _val(ctx) = make_node(NodeKind::Pow, std::move(ch));
};

template <NodeKind K>
struct binary_val { // _val = K{_val, _attr}
    template <typename Context>
    void operator()(Context& ctx) const {
        NodeList ch;
        ch.reserve(2);
        ch.push_back(std::move(_val(ctx)));
        ch.push_back(std::move(_attr(ctx)));
        _val(ctx) = make_node(K, std::move(ch));
    }
};

auto const push_child = [](auto& ctx) { _val(ctx).children.push_back(std::move(_attr(ctx))); };
auto const push_back = [](auto& ctx) { _val(ctx).push_back(std::move(_attr(ctx))); };
// A call's arguments: at the first, room for two where a comma follows it (`diff(f, x)`), for one
// where it is all (`sin(x)`): one allocation, and none of a node's room unused.
auto const push_argument = [](auto& ctx) {
    auto& arguments = _val(ctx);
    if (arguments.capacity() == 0) {
        auto const& state = x3::get<state_tag>(ctx);
        char const* const next = shortcut::skip_blanks(x3::_where(ctx).end(), state.end);
        arguments.reserve(next != state.end && *next == ',' ? 2 : 1);
    }
    arguments.push_back(std::move(_attr(ctx)));
};

auto const make_number = [](auto& ctx) {
    auto const& range = _attr(ctx);
    Node& v = _val(ctx);
    v.kind = NodeKind::Number;
    v.text.assign(range.begin(), range.end());
    v.is_float = is_decimal_literal(range.begin(), range.end());
};

auto const make_word = [](auto& ctx) { // _attr: the raw range of the name
    _val(ctx).kind = NodeKind::Word;
    _val(ctx).text.assign(_attr(ctx).begin(), _attr(ctx).end());
};

// Takes over name and name_span from a Word node in _attr, giving _val the kind K.
template <NodeKind K>
struct name_from_word {
    template <typename Context>
    void operator()(Context& ctx) const {
        Node& v = _val(ctx);
        v.kind = K;
        v.text = std::move(_attr(ctx).text);
        v.name_span = _attr(ctx).span;
    }
};

// _val (a Word, its span so far = the name) + args in _attr -> Apply / Prime.
template <NodeKind K>
struct to_call {
    template <typename Context>
    void operator()(Context& ctx) const {
        Node& v = _val(ctx);
        v.kind = K;
        v.name_span = v.span;
        v.children = std::move(_attr(ctx));
    }
};

template <bool Partial>
struct init_deriv {
    template <typename Context>
    void operator()(Context& ctx) const {
        x3::get<state_tag>(ctx).derivative_tried = true;
        _val(ctx).kind = NodeKind::DerivOp;
        _val(ctx).is_partial = Partial;
        _val(ctx).set_order(1);
    }
};
auto const set_order = [](auto& ctx) { _val(ctx).set_order(_attr(ctx)); };
auto const push_var = [](auto& ctx) { _val(ctx).vars.push_back(DiffVar{std::move(_attr(ctx)), 1}); };
// `dx^k`: the variable is taken k times.
auto const repeat_var = [](auto& ctx) { _val(ctx).vars.back().count = _attr(ctx); };
auto const push_numerator = [](auto& ctx) { _val(ctx).children.push_back(std::move(_attr(ctx))); };
auto const make_leibniz_name = [](auto& ctx) {
    _val(ctx).kind = NodeKind::Leibniz;
    _val(ctx).text = std::move(_attr(ctx).text);
    _val(ctx).name_span = _attr(ctx).span;
};
auto const inc_order = [](auto& ctx) { _val(ctx).set_order(_val(ctx).order() + 1); };

auto const make_at = [](auto& ctx) {
    NodeList ch;
    ch.reserve(1 + _attr(ctx).size());
    ch.push_back(std::move(_val(ctx)));
    for (auto& eq : _attr(ctx)) ch.push_back(std::move(eq));
    _val(ctx) = make_node(NodeKind::At, std::move(ch));
};
auto const make_equation = [](auto& ctx) {
    Node& v = _val(ctx);
    v = std::move(at_c<0>(_attr(ctx)));
    v.children.push_back(std::move(at_c<1>(_attr(ctx))));
};
auto const make_range = [](auto& ctx) {
    x3::get<state_tag>(ctx).range_made = true;
    Node& v = _val(ctx);
    v.kind = NodeKind::Range;
    for (auto& c : _attr(ctx).children) v.children.push_back(std::move(c));
};

auto const set_body = [](auto& ctx) { _val(ctx).body = std::move(_attr(ctx)); };
auto const make_definition = [](auto& ctx) {
    Statement& v = _val(ctx);
    v = std::move(at_c<0>(_attr(ctx)));
    v.kind = StatementKind::Definition;
    v.body = std::move(at_c<1>(_attr(ctx)));
};
auto const def_name = [](auto& ctx) {
    _val(ctx).name = _attr(ctx).text;
    _val(ctx).name_span = _attr(ctx).span;
};
auto const def_function = [](auto& ctx) { _val(ctx).is_function = true; };
auto const def_param = [](auto& ctx) { _val(ctx).params.push_back(std::move(_attr(ctx))); };
auto const def_colon = [](auto& ctx) { _val(ctx).colon_equals = true; };
auto const with_steps = [](auto& ctx) {
    _val(ctx) = std::move(_attr(ctx));
    _val(ctx).steps = true;
};
auto const with_backprop = [](auto& ctx) {
    _val(ctx) = std::move(_attr(ctx));
    _val(ctx).backprop = true;
};
auto const command_name = [](auto& ctx) {
    _val(ctx).kind = StatementKind::Command;
    _val(ctx).name.assign(_attr(ctx).begin(), _attr(ctx).end());
};
auto const command_args = [](auto& ctx) {
    auto const begin = x3::get<state_tag>(ctx).begin;
    _val(ctx).args_span = {static_cast<std::uint32_t>(_attr(ctx).begin() - begin),
                           static_cast<std::uint32_t>(_attr(ctx).end() - begin)};
};

////////////////////////////////////////////////////////////////////////////
// Rule IDs and rules. Names are what "expected ..." says to the user.
////////////////////////////////////////////////////////////////////////////

struct line_class : report_error {};
#define DDX_RULE(name, attr, text) \
    struct name##_class {}; \
    x3::rule<name##_class, attr> const name = text;

DDX_RULE(statement, Statement, "a statement")
DDX_RULE(command, Statement, "a command")
DDX_RULE(statement_body, Statement, "a statement")
DDX_RULE(definition, Statement, "a definition")
DDX_RULE(definition_head, Statement, "a definition")
DDX_RULE(full_expr, Node, "an expression")
DDX_RULE(compare, Node, "an expression")
DDX_RULE(expr, Node, "an expression")
DDX_RULE(product, Node, "an expression")
DDX_RULE(unary, Node, "an expression")
DDX_RULE(juxt_factor, Node, "an expression")
DDX_RULE(power, Node, "an expression")
DDX_RULE(exponent, Node, "an exponent")
DDX_RULE(exponent_power, Node, "an exponent")
DDX_RULE(primary, Node, "an expression")
DDX_RULE(exponent_primary, Node, "an exponent")
DDX_RULE(number, Node, "a number")
DDX_RULE(word, std::string, "a name")
DDX_RULE(word_node, Node, "a name")
DDX_RULE(named, Node, "an expression")
DDX_RULE(tight_named, Node, "an exponent")
DDX_RULE(args, NodeList, "arguments")
DDX_RULE(argument, Node, "an argument")
DDX_RULE(group, Node, "an expression")
DDX_RULE(vector, Node, "a vector")
DDX_RULE(equation_head, Node, "an equation like x = 1")
DDX_RULE(equation, Node, "an equation like x = 1")
DDX_RULE(equations, std::vector<Node>, "an equation like x = 1")
DDX_RULE(range_tail, Node, "a range")
DDX_RULE(binding, Node, "an equation like x = 1")
DDX_RULE(deriv_head, Node, "a derivative operator")
DDX_RULE(d_head, Node, "a derivative operator")
DDX_RULE(partial_head, Node, "a derivative operator")
DDX_RULE(deriv_expr, Node, "an expression")
DDX_RULE(deriv_operand, Node, "an expression to differentiate")
DDX_RULE(fraction_derivative, Node, "a derivative")
DDX_RULE(deriv_sum, Node, "an expression to differentiate")
DDX_RULE(leibniz, Node, "a derivative")
DDX_RULE(d_leibniz, Node, "a derivative")
DDX_RULE(partial_leibniz, Node, "a derivative")
#undef DDX_RULE

line_type const line = "a line";

////////////////////////////////////////////////////////////////////////////
// Lexical pieces (parser expressions, not rules)
////////////////////////////////////////////////////////////////////////////

auto const word_end = !(alnum | '_');
// Reserved only where a juxtaposed factor could start: `x at x = 1`, `.. 2 step 0.5`.
auto const keyword = lexeme[(lit("at") | lit("step")) >> word_end];
auto const at_kw = lexeme[lit("at") >> word_end];
auto const step_kw = lexeme[lit("step") >> word_end];
// `steps` is a prefix only when an operand follows, so `steps = 3` and `steps + 1` stay plain.
auto const backprop_kw = lexeme[lit("backprop") >> word_end] >>
    !(lit('=') | ':' | '+' | '*' | '/' | '^' | ')' | ']' | ',' | ';' | eoi);
auto const steps_kw = lexeme[lit("steps") >> word_end] >>
    !(lit('=') | ':' | '+' | '*' | '/' | '^' | ')' | ']' | ',' | ';' | eoi);
auto const partial = lit(partial_marker);
auto const single_eq = lit('=') >> !lit('=');
// Lookaheads that a derivative operator and a Leibniz quotient must pass (each accepts more than
// what it guards), so that words like `diff` and `dx` are not tried as those node by node first.
auto const deriv_start = &(lexeme[lit('d') >> (lit('^') | '/')] | partial);
auto const leibniz_start =
    &(lexeme[lit('d') >> -(lit('^') >> x3::uint_) >> alpha >> *(alnum | '_') >> '/'] | partial);

// `x^k` after a differentiation variable: takes it k times. (Orders are 64-bit: a number too
// large for that does not parse as an order.)
auto const order_number = x3::ulong_long;
auto const var_spec = word[push_var] >> -(lit('^') >> order_number[repeat_var]);

// Asks lookahead.hpp whether a derivative written as a fraction (`d(x^2)/dx`) starts here: a
// character scan using the line's bracket table, so that a `d(` that is no derivative costs
// nothing to turn down (trying the rule and backtracking would be exponential in nested `d(`).
struct fraction_ahead_parser : x3::parser<fraction_ahead_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute&) const {
        x3::skip_over(first, last, context);
        auto const& state = x3::get<state_tag>(context);
        auto const pos = static_cast<std::size_t>(first - state.begin);
        if (pos >= state.last_slash) return false;  // no `/` after it (`diff(` at a line's start)
        std::string_view const text(state.begin, static_cast<std::size_t>(last - state.begin));
        return fraction_derivative_ahead(text, pos, *state.brackets);
    }
};
fraction_ahead_parser const fraction_ahead{};

// Ends a Sum or Product: its children, grown by doubling, are given back their spare room at once
// (a long line's tree is built of such chains). A list of more than 64 nodes keeps its room,
// which it never wrote: a copy would write as many new pages as the list fills (a 37,000-term
// sum: 2 MB, 500 page faults). Consumes nothing and, unlike eps, skips nothing, so the span of
// the chain stays where its last operand ends.
struct fit_chain_parser : x3::parser<fit_chain_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    static constexpr std::size_t largest_fitted = 64;
    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator&, Iterator const&, Context const&, RContext& rcontext, Attribute&) const {
        if constexpr (std::is_same_v<std::remove_reference_t<RContext>, Node>) {
            NodeList& operands = rcontext.children;
            if (operands.capacity() > operands.size() && operands.capacity() <= largest_fitted) operands.shrink_to_fit();
        }
        return true;
    }
};
fit_chain_parser const fit_chain{};

// The shortcuts (shortcut.hpp): a factor, a product of factors and a run of terms read by a
// character scan where the rules would pass each operand through a dozen levels (about half of a
// formula's parse). Each builds the enclosing rule's value, like into[], or fails having consumed
// and built nothing, and the rules run as before.
enum class Shortcut { factor, whole_argument, product, terms };

// What each shortcut is to X3: a parser with no attribute of its own, which builds the enclosing
// rule's Node.
template <typename Derived>
struct node_shortcut : x3::parser<Derived> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    static bool const has_action = true;
};

template <Shortcut Shape>
struct shortcut_parser : node_shortcut<shortcut_parser<Shape>> {
    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext, Attribute&) const {
        static_assert(std::is_same_v<std::remove_reference_t<RContext>, Node>);
        if (!shortcut::enabled) return false;
        auto const origin = x3::get<state_tag>(context).begin;
        char const* end;
        if constexpr (Shape == Shortcut::terms) {
            end = shortcut::read_terms(first, last, origin, rcontext);  // blanks before a sign are its own
        } else {
            x3::skip_over(first, last, context);
            if constexpr (Shape == Shortcut::product) end = shortcut::read_product(first, last, origin, rcontext);
            else end = shortcut::read_factor(first, last, origin, rcontext, Shape == Shortcut::whole_argument);
        }
        if (!end) return false;
        first = end;
        return true;
    }
};
// A factor: `3`, `x`, `x^2`. As a whole call argument it must be followed by `,` or `)`: then
// it is all the argument (`diff(f, x)`, `sin(x)`), and the nine rules from argument down are
// skipped too.
shortcut_parser<Shortcut::factor> const simple_power{};
shortcut_parser<Shortcut::whole_argument> const simple_argument{};
shortcut_parser<Shortcut::product> const simple_product{};
shortcut_parser<Shortcut::terms> const simple_terms{};

// A call `NAME(args)`, perhaps raised to a power: the shortcut for unary -> power -> primary ->
// named, four rules each with its span and its alternatives, that builds what they build (a
// call is a third of a line like `diff(cos(exp(x) - 2*x), x)`). Not a name with a prime
// (`f'(x)`), nor one that starts a derivative written as a fraction (`df(x)/dx`); no other
// alternative of those rules can match a name followed by `(`. Once the name and its `(` are
// seen it cannot fail: the arguments are read by the rules, which report any error there.
struct call_shortcut_parser : node_shortcut<call_shortcut_parser> {
    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext, Attribute&) const;
};
call_shortcut_parser const simple_call{};

// `d/dNAME OPERAND` and `∂/∂NAME OPERAND`, the commonest statement there is: the shortcut for
// deriv_expr -> deriv_head -> d_head or partial_head -> deriv_operand -> deriv_sum -> product,
// building what they build, where OPERAND is a product the product shortcut reads whole and what
// follows it could not continue the operand (the end, `;`, `)`, `]`, `,`, `==`, `..` or `at`).
// An order (`d^2/dx^2`), several variables (`∂/∂x∂y`), no blank after the variable (`d/dx(x^2)`,
// the rules' bracketed operand), an operand it cannot read whole (`d/dx x + 1`, `d/dx sin(x)`):
// the rules, having consumed and built nothing.
struct derivative_shortcut_parser : node_shortcut<derivative_shortcut_parser> {
    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext, Attribute&) const {
        static_assert(std::is_same_v<std::remove_reference_t<RContext>, Node>);
        if (!shortcut::enabled) return false;
        Iterator start = first;
        x3::skip_over(start, last, context);
        char const marker = start != last ? *start : 0;
        if ((marker != 'd' && marker != partial_marker) || last - start < 4 || start[1] != '/' || start[2] != marker ||
            !is_letter(start[3]))
            return false;
        char const* const name = start + 3;
        char const* name_end = name + 1;
        while (name_end != last && is_name_char(*name_end)) ++name_end;
        if (name_end == last || !is_blank(*name_end)) return false;
        char const* const operand_start = shortcut::skip_blanks(name_end, last);
        if (operand_start == last || *operand_start == '(') return false;
        ParseState& state = x3::get<state_tag>(context);
        char const* const origin = state.begin;
        Node operand;
        char const* const end = shortcut::read_product(operand_start, last, origin, operand);
        if (!end || !ends_operand(shortcut::skip_blanks(end, last), last)) return false;
        NodeList& factors = operand.children;  // (what fit_chain does at the end of the rules' product)
        if (factors.capacity() > factors.size() && factors.capacity() <= fit_chain_parser::largest_fitted)
            factors.shrink_to_fit();
        state.derivative_tried = true;
        Node& v = rcontext;
        v.kind = NodeKind::DerivOp;
        v.is_partial = marker == partial_marker;
        v.set_order(1);
        v.vars.push_back(DiffVar{std::string(name, name_end), 1});
        v.children.push_back(std::move(operand));
        v.span = {static_cast<std::uint32_t>(start - origin), static_cast<std::uint32_t>(end - origin)};
        first = end;
        return true;
    }

private:
    // Whether p (blanks skipped) starts nothing that continues a derivative's operand.
    static bool ends_operand(char const* p, char const* last) {
        if (p == last) return true;
        switch (*p) {
        case ';': case ')': case ']': case ',': return true;
        case '=': return last - p >= 2 && p[1] == '=';
        case '.': return last - p >= 2 && p[1] == '.';
        case 'a': return last - p >= 2 && p[1] == 't' && (last - p == 2 || !is_name_char(p[2]));
        default: return false;
        }
    }
};
derivative_shortcut_parser const simple_derivative{};

// next_is(chars): whether the next non-blank character is one of `chars`, consuming nothing. A
// suffix loop guarded by it looks once at what follows an operand, where its alternatives would
// each try and fail a literal of their own (every chain ends so, once per operand of long lines).
struct next_is_parser : x3::parser<next_is_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    std::uint64_t table[4] = {};  // one bit per byte value
    constexpr explicit next_is_parser(std::string_view chars) {
        for (char c : chars) table[static_cast<unsigned char>(c) >> 6] |= std::uint64_t{1} << (c & 63);
    }
    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        Iterator const next = shortcut::skip_blanks(first, last);
        if (next == last) return false;
        auto const c = static_cast<unsigned char>(*next);
        return (table[c >> 6] >> (c & 63)) & 1;
    }
};
constexpr std::string_view alnum_chars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

// The three suffix loops are shared by their rules and by deriv_operand's continuation after a
// leading group, so nothing is ever parsed twice (backtracking here would be exponential).
auto const pow_suffix = &(lit('^') | lit("**")) >> ((lit('^') | lit("**")) > exponent)[make_pow];
// (Each alternative is guarded by its first character: an action builds a Node before trying
// its subject, and these loops run once per operand of lines up to 10 MB.)
auto const juxt_start = alnum | '(' | '[' | '.' | partial;
inline constexpr char product_suffix_chars[] = {'*', '/', '.', hadamard_marker, '(', '[', partial_marker};
next_is_parser const product_suffix_ahead{std::string(product_suffix_chars, sizeof product_suffix_chars) +
                                          std::string(alnum_chars)};
auto const product_suffix = product_suffix_ahead >> (
      (&lit('*') >> ((lit('*') >> !lit('*')) > unary)[push_chain<NodeKind::Product, '*'>{}])
    | (&lit('/') >> (lit('/') > unary)[push_chain<NodeKind::Product, '/'>{}])
    | (&(lit(".*") | lit(hadamard_marker)) >> ((lit(".*") | lit(hadamard_marker)) > unary)[push_chain<NodeKind::Product, 'o'>{}])
    | (&juxt_start >> !keyword >> juxt_factor[push_chain<NodeKind::Product, ' '>{}]));
next_is_parser const sign_ahead{"+-"};
auto const sum_operand = (&lit('+') >> (lit('+') > product)[push_chain<NodeKind::Sum, '+'>{}])
                       | (&lit('-') >> (lit('-') > product)[push_chain<NodeKind::Sum, '-'>{}]);
auto const sum_suffix = sign_ahead >> sum_operand;
// Inside a derivative's operand a `+`/`-` directly followed by another derivative operator ends
// the operand: `d/dx x^2 + d/dx x^3`.
auto const deriv_sum_suffix = sign_ahead >> !((lit('+') | lit('-')) >> deriv_head) >> sum_suffix;
// What may follow a parenthesised operand for it to be the whole operand: `d/dx (x^2) + x`.
auto const deriv_group_end = lit('+') | '-' | ')' | ']' | ',' | ';' | "==" | ".." | at_kw | eoi;

////////////////////////////////////////////////////////////////////////////
// Statements
////////////////////////////////////////////////////////////////////////////

// line ::= [statement] { ";" [statement] }
auto const line_def = -appended[statement] >> *(lit(';') >> -appended[statement]);

// statement ::= command | "steps" statement_body | "backprop" statement_body | statement_body
// (An action builds its subject's Statement before trying it: the prefixes are guarded first.)
auto const statement_def = spanned[(&lit(':') >> command[assign])
                         | (&steps_kw >> (steps_kw >> statement_body)[with_steps])
                         | (&backprop_kw >> (backprop_kw >> statement_body)[with_backprop])
                         | into[statement_body]];

// command ::= ":" NAME ARGUMENTS        (kept raw up to a `;`, which ends a command as it ends a
// statement: `:format code; x^2`)
auto const command_def = spanned[lexeme[lit(':') >> raw[+(alnum | char_("-_"))][command_name] >>
                                *ascii::blank >> raw[*(char_ - ';')][command_args]]];

// statement_body ::= definition | full_expr
// (definition is tried only where definition_head would match, tested without building nodes)
auto const name_chars = lexeme[alpha >> *(alnum | '_')];
auto const definition_start =
    &(name_chars >> -(lit('(') >> -(name_chars % ',') >> ')') >> (lit(":=") | single_eq));
auto const statement_body_def = spanned[(definition_start >> definition[assign]) | full_expr[set_body]];

// definition ::= definition_head full_expr
auto const definition_def = spanned[(definition_head > full_expr)[make_definition]];

// definition_head ::= NAME [ "(" [NAME { "," NAME }] ")" ] ( ":=" | "=" )     (not "==")
auto const definition_head_def = spanned[word_node[def_name] >>
    -(lit('(')[def_function] >> -(word_node[def_param] % ',') >> ')') >>
    (lit(":=")[def_colon] | single_eq)];

////////////////////////////////////////////////////////////////////////////
// Expressions, loosest first
////////////////////////////////////////////////////////////////////////////

// full_expr ::= compare [ "at" equations ]
auto const full_expr_def = spanned[into[compare] >> -(at_kw > equations)[make_at]];

// equations ::= equation { "," equation }      (a comma not followed by NAME "=" ends the list)
auto const equations_def = equation[push_back] >> *(lit(',') >> equation[push_back]);

// compare ::= expr [ "==" expr ]
auto const compare_def = spanned[into[expr] >> -(lit("==") > expr)[binary_val<NodeKind::Compare>{}]];

// expr ::= product { ("+" | "-") product }        (simple_terms: a shortcut to the same chain)
auto const expr_def = spanned[into[product] >> *(sign_ahead >> (simple_terms | sum_operand)) >> fit_chain];

// (unary_tail: the alternatives after the shortcut, which a product's first operand takes
// where simple_product has turned the operand down, rather than try it again)
auto const unary_tail = (&lit('-') >> (lit('-') > unary)[wrap_val<NodeKind::Neg>{}])
                      | (&lit('+') >> (lit('+') > into[unary]))
                      | simple_derivative
                      | (deriv_start >> into[deriv_expr])
                      | into[power];

// product ::= unary { "*" unary | "/" unary | juxt_factor }     (one left-associative level;
// simple_product, simple_call: shortcuts to its first operands)
auto const product_def = spanned[(simple_product | simple_call | spanned[unary_tail]) >> *product_suffix >> fit_chain];

// unary ::= "-" unary | "+" unary | deriv_expr | power      (simple_power, simple_call: shortcuts to power)
auto const unary_def = spanned[simple_power | simple_call | unary_tail];

// juxt_factor ::= deriv_expr | power         (never a sign: `2 -x` is a subtraction)
auto const juxt_factor_def = spanned[simple_power | simple_call | (deriv_start >> into[deriv_expr]) | into[power]];

// power ::= primary [ ("^" | "**") exponent ]
auto const power_def = spanned[into[primary] >> -pow_suffix];

// exponent ::= "-" exponent | "+" exponent | exponent_power     (no juxtaposition inside)
auto const exponent_def = spanned[(&lit('-') >> (lit('-') > exponent)[wrap_val<NodeKind::Neg>{}])
                        | (&lit('+') >> (lit('+') > into[exponent]))
                        | into[exponent_power]];

// exponent_power ::= exponent_primary [ ("^" | "**") exponent ]      (right-associative)
auto const exponent_power_def = spanned[into[exponent_primary] >> -pow_suffix];

// primary ::= number | fraction_derivative | leibniz | named | group | vector
// (cheap first-character guards keep failed alternatives from building nodes: long lines)
auto const primary_def = spanned[(&(digit | '.') >> into[number])
                       | (fraction_ahead >> into[fraction_derivative])
                       | (leibniz_start >> into[leibniz]) | (&alpha >> into[named])
                       | (&lit('(') >> into[group]) | (&lit('[') >> into[vector])];

// exponent_primary ::= as primary, but a call needs "(" right after the name, so that
// `x^x (log(x) + 1)` is (x^x)·(log(x) + 1)
auto const exponent_primary_def = spanned[(&(digit | '.') >> into[number])
                                | (leibniz_start >> into[leibniz]) | (&alpha >> into[tight_named])
                                | (&lit('(') >> into[group]) | (&lit('[') >> into[vector])];

// group ::= "(" full_expr ")" [held]    (`(x^3 at x = 2) + 1`: a point inside brackets)
// held ::= "_" NAME | "_(" NAME { "," NAME } ")"      (right after the bracket: `(∂z/∂x)_u`)
auto const wrap_held = [](auto& ctx) {
    NodeList group;
    group.push_back(std::move(_val(ctx)));
    _val(ctx) = make_node(NodeKind::Held, std::move(group));
};
auto const held = x3::omit[x3::no_skip[lit('_') >> &(alpha | '(')][wrap_held] >>
                           (word_node[push_child] | (lit('(') > (word_node[push_child] % ',') > ')'))];
auto const group_def = spanned[(lit('(') > full_expr > ')')[wrap_val<NodeKind::Group>{}] >> -held];

// vector ::= "[" expr { "," expr } "]"
auto const vector_def = spanned[((lit('[') > expr)[wrap_val<NodeKind::Vector>{}] >>
                                 *((lit(',') > expr)[push_child])) > ']'];

// number ::= (DIGITS ["." DIGITS] | "." DIGITS) [("e"|"E") ["+"|"-"] DIGITS]
// (`2e^x` and `2e` leave the `e` alone: an exponent needs digits)
auto const number_def = spanned[lexeme[raw[(+digit >> -(lit('.') >> +digit) | lit('.') >> +digit) >>
               -(char_("eE") >> -char_("+-") >> +digit)]][make_number]];

// NAME ::= letter { letter | digit | "_" }       (never split here; resolution does)
auto const word_def = lexeme[raw[alpha >> *(alnum | '_')]];
auto const word_node_def = spanned[lexeme[raw[alpha >> *(alnum | '_')]][make_word]]; // = word, without a string to move

// named ::= NAME [ "'" {"'"} "(" args ")" | "(" args ")" ]        (Word, Prime or Apply)
auto const named_def = spanned[into[word_node] >>
    -( (x3::no_skip[+lit('\'')[inc_order]] > '(' > args > ')')[to_call<NodeKind::Prime>{}]
     | (lit('(') > args > ')')[to_call<NodeKind::Apply>{}])];
auto const tight_named_def = spanned[into[word_node] >>
    -( (x3::no_skip[+lit('\'')[inc_order]] > '(' > args > ')')[to_call<NodeKind::Prime>{}]
     | (x3::no_skip[lit('(')] > args > ')')[to_call<NodeKind::Apply>{}])];

// args ::= [argument { "," argument }]
auto const args_def = -(argument[push_argument] >> *((lit(',') > argument)[push_argument]));

// argument ::= binding | full_expr ["=" full_expr]      (simple_argument: a shortcut for a plain leaf)
// (binding is tried only where its head `NAME =` matches: the same test as equation_head's,
// without building a node for every argument that is a plain expression)
auto const binding_start = &(name_chars >> single_eq);
auto const argument_def = spanned[simple_argument | (binding_start >> binding[assign]) |
                                  (into[full_expr] >> -(single_eq > full_expr)[binary_val<NodeKind::Equality>{}])];

// binding ::= equation [".." expr ["step" expr]]
auto const binding_def = spanned[into[equation] >> -range_tail[make_range]];
auto const range_tail_def = spanned[(lit("..") > expr)[push_child] >> -((step_kw > expr)[push_child])];

// equation ::= NAME "=" expr
auto const equation_head_def = spanned[word_node[name_from_word<NodeKind::Equation>{}] >> single_eq];
auto const equation_def = spanned[(equation_head > expr)[make_equation]];

////////////////////////////////////////////////////////////////////////////
// Differentiation (docs/language.md §3): exact token shapes, no spaces inside
////////////////////////////////////////////////////////////////////////////

// deriv_expr ::= deriv_head deriv_operand
auto const deriv_expr_def = spanned[into[deriv_head] > child[deriv_operand]];

// deriv_head ::= "d" ["^" N] "/" "d" var | "∂" ["^" N] "/" ("∂" var)+      var ::= NAME ["^" N]
auto const deriv_head_def = spanned[(&lit('d') >> into[d_head]) | into[partial_head]];
auto const d_head_def = spanned[lexeme[x3::eps[init_deriv<false>{}] >> lit('d') >>
                               -(lit('^') >> order_number[set_order]) >> lit('/') >> lit('d') >> var_spec]];
auto const partial_head_def = spanned[lexeme[x3::eps[init_deriv<true>{}] >> partial >>
                                     -(lit('^') >> order_number[set_order]) >> lit('/') >>
                                     +(partial >> var_spec)]];

// deriv_operand ::= group &deriv_group_end
//                 | group [pow_suffix] {product_suffix} {deriv_sum_suffix}
//                 | deriv_sum
auto const deriv_operand_def = spanned[(into[group] >> (&deriv_group_end | (-pow_suffix >> *product_suffix >> *deriv_sum_suffix)))
    | into[deriv_sum]];

// deriv_sum ::= product { ("+" | "-") product }    (stopping before "+ d/dx ...")
auto const deriv_sum_def = spanned[into[product] >> *deriv_sum_suffix];

// fraction_derivative ::= ("d" | "∂") ["^" N] exponent_power "/" ("d" var | ("∂" var)+)
// (a derivative written as a fraction: `d(x^2)/dx`, `dx^2/dx`, `df(x)/dx`, `d^2(E)/dx^2`; the
// numerator is a power-level operand with no juxtaposition, and fraction_ahead has checked the
// shape first)
auto const fraction_derivative_def = spanned[
    lexeme[(lit('d')[init_deriv<false>{}] | partial[init_deriv<true>{}]) >>
           -(lit('^') >> order_number[set_order])] >>
    exponent_power[push_numerator] >>
    lit('/') >> lexeme[(lit('d') >> var_spec) | +(partial >> var_spec)]];

// leibniz ::= ("d" ["^" N] NAME "/" "d" var | "∂" ["^" N] NAME "/" ("∂" var)+) ["(" args ")"]
// (the optional arguments are the point of an abstract derivative as ddx prints it,
// `∂f/∂u(x^2, y)`, or of a defined function's, `dh/dt(0)`; a space before them changes nothing,
// as for a call `f (3)`: `dh/dt (0)` was dh/dt times 0)
auto const set_leibniz_args = [](auto& ctx) { _val(ctx).children = std::move(_attr(ctx)); };
auto const leibniz_def = spanned[(d_leibniz[assign] | partial_leibniz[assign]) >>
                                 -(lit('(') > args > ')')[set_leibniz_args]];
auto const d_leibniz_def = spanned[lexeme[x3::eps[init_deriv<false>{}] >> lit('d') >>
                                  -(lit('^') >> order_number[set_order]) >> word_node[make_leibniz_name] >>
                                  lit('/') >> lit('d') >> var_spec]];
auto const partial_leibniz_def = spanned[lexeme[x3::eps[init_deriv<true>{}] >> partial >>
                                        -(lit('^') >> order_number[set_order]) >>
                                        word_node[make_leibniz_name] >> lit('/') >>
                                        +(partial >> var_spec)]];

// The call shortcut's reading (see call_shortcut_parser), after the rules it stands for.
auto const call_suffix = (lit('(') > args > ')')[to_call<NodeKind::Apply>{}];

template <typename Iterator, typename Context, typename RContext, typename Attribute>
bool call_shortcut_parser::parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
                                 Attribute&) const {
    static_assert(std::is_same_v<std::remove_reference_t<RContext>, Node>);
    if (!shortcut::enabled) return false;
    x3::skip_over(first, last, context);
    auto const& state = x3::get<state_tag>(context);
    char const* const name = first;
    if (name == last || !is_letter(*name)) return false;
    char const* name_end = name + 1;
    while (name_end != last && is_name_char(*name_end)) ++name_end;
    if (name_end != last && *name_end == '\'') return false;  // a prime: named reads it
    char const* const open = shortcut::skip_blanks(name_end, last);
    if (open == last || *open != '(') return false;
    auto const at = static_cast<std::size_t>(name - state.begin);
    if (*name == 'd' && at < state.last_slash &&
        fraction_derivative_ahead(std::string_view(state.begin, static_cast<std::size_t>(last - state.begin)), at,
                                  *state.brackets))
        return false;
    // As word_node and named build it: a Word spanning the name, then the call.
    Node& v = rcontext;
    v.kind = NodeKind::Word;
    v.text.assign(std::string_view(name, static_cast<std::size_t>(name_end - name)));
    v.span = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(name_end - state.begin)};
    first = open;
    call_suffix.parse(first, last, context, v, x3::unused);  // true: `(` is there, and the rest is expected
    v.span.end = static_cast<std::uint32_t>(first - state.begin);
    (-pow_suffix).parse(first, last, context, v, x3::unused);
    return true;
}

BOOST_SPIRIT_DEFINE(line, statement, command, statement_body, definition, definition_head,
                    full_expr, equations, compare, expr, product, unary, juxt_factor, power,
                    exponent, exponent_power, primary, exponent_primary, group, vector, number,
                    word, word_node, named, tight_named, args, argument,
                    binding, range_tail, equation_head, equation, deriv_expr, deriv_head, d_head,
                    partial_head, deriv_operand, fraction_derivative, deriv_sum, leibniz, d_leibniz,
                    partial_leibniz)

} // namespace ddx::grammar::parser

namespace ddx::grammar {
parser::line_type const& line_parser() { return parser::line; }
}
