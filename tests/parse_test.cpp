// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of grammar/parse.hpp: tree shapes (as S-expressions, see grammar/ast_dump.cpp) for the
// syntax of docs/language.md §2, §3, §7, and positioned errors (§10). No resolution, no evaluation.
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>

#include "grammar/parse.hpp"
#include "grammar/utf8.hpp"

using ddx::grammar::dump;
using ddx::max_line_bytes;
using ddx::max_nesting;
using ddx::grammar::parse_line;

namespace {

struct Row {
    std::string input;
    std::string expected; // dump() of the outcome
};

void check_rows(std::initializer_list<Row> rows) {
    for (auto const& row : rows) {
        CAPTURE(row.input);
        auto const outcome = parse_line(row.input);
        CHECK(dump(outcome) == row.expected);
    }
}

struct ErrorRow {
    std::string input;
    std::size_t column;
    std::string message_part;
};

void check_errors(std::initializer_list<ErrorRow> rows) {
    for (auto const& row : rows) {
        CAPTURE(row.input);
        auto const outcome = parse_line(row.input);
        REQUIRE_FALSE(outcome.ok());
        CHECK(outcome.statements.empty());
        auto const& d = outcome.diagnostics.front();
        CAPTURE(d.message);
        CHECK(d.column == row.column);
        CHECK(d.message.find(row.message_part) != std::string::npos);
    }
}

} // namespace

TEST_CASE("parse: numbers and words") {
    check_rows({
        {"42", "42"},
        {"123456789012345678901234567890", "123456789012345678901234567890"},
        {"2.5", "2.5"},
        {".5", ".5"},
        {"1e-3", "1e-3"},
        {"2.5E3", "2.5E3"},
        {"2e^x", "(juxt 2 (^ e x))"},
        {"2e", "(juxt 2 e)"},
        {"2e3x", "(juxt 2e3 x)"},
        {"xy", "xy"},
        {"x3x4", "x3x4"},
        {"sinx", "sinx"},
        {"log_2(x)", "(apply log_2 x)"},
        {"w_11", "w_11"},
        {"ans + 1", "(+ ans 1)"},
    });
    auto const o = parse_line("2.5 + 3");
    REQUIRE(o.ok());
    CHECK(o.statements[0].body.children[0].is_float);
    CHECK_FALSE(o.statements[0].body.children[1].is_float);
}

TEST_CASE("parse: precedence and associativity") {
    check_rows({
        {"1 + 2*3", "(+ 1 (* 2 3))"},
        {"a - b + c", "(sum a - b + c)"},
        {"a - b - c", "(- a b c)"},
        {"2^3^2", "(^ 2 (^ 3 2))"},
        {"2**3**2", "(^ 2 (^ 3 2))"},
        {"-x^2", "(neg (^ x 2))"},
        {"x^-1", "(^ x (neg 1))"},
        {"2*-x", "(* 2 (neg x))"},
        {"2 -x", "(- 2 x)"},
        {"--x", "(neg (neg x))"},
        {"+x", "x"},
        {"a/b/c", "(prod a / b / c)"},
        {"a/b*c", "(prod a / b * c)"},
        {"x^2^-y", "(^ x (^ 2 (neg y)))"},
    });
}

TEST_CASE("parse: implicit multiplication") {
    check_rows({
        {"3x", "(juxt 3 x)"},
        {"4xy", "(juxt 4 xy)"},
        {"2(x+1)", "(juxt 2 (group (+ x 1)))"},
        {"(x+1)(x-1)", "(juxt (group (+ x 1)) (group (- x 1)))"},
        {"x y", "(juxt x y)"},
        {"2 sin(x)", "(juxt 2 (apply sin x))"},
        {"1/2x", "(prod 1 / 2 . x)"},
        {"a/b c", "(prod a / b . c)"},
        {"x^x (log(x) + 1)", "(juxt (^ x x) (group (+ (apply log x) 1)))"},
        // Without a space the exponent's word takes the call; resolution re-associates when `x` turns
        // out to be no function (see ast.hpp).
        {"x^x(log(x) + 1)", "(^ x (apply x (+ (apply log x) 1)))"},
        {"x^2y", "(juxt (^ x 2) y)"},
        {"sin x^2", "(juxt sin (^ x 2))"},
        {"sin 2x", "(juxt sin 2 x)"},
        {"sin x cos x", "(juxt sin x cos x)"},
        {"sin x + 1", "(+ (juxt sin x) 1)"},
        {"sin^2(x)", "(juxt (^ sin 2) (group x))"},
        {"x(x+1)", "(apply x (+ x 1))"},
        {"x (x+1)", "(apply x (+ x 1))"},
        {"2x(x-1)", "(juxt 2 (apply x (- x 1)))"},
        {"e^sin(x)", "(^ e (apply sin x))"},
        {"2*sin x", "(prod 2 * sin . x)"},
        {"d*x + d + 3d", "(+ (* d x) d (juxt 3 d))"},
        {"d/2", "(/ d 2)"},
    });
}

TEST_CASE("parse: calls, vectors, primes") {
    check_rows({
        {"f(x, y)", "(apply f x y)"},
        {"f()", "(apply f)"},
        {"f'(x)", "(f' x)"},
        {"f''(t)", "(f'' t)"},
        {"f'(x)^2", "(^ (f' x) 2)"},
        {"diff(x^3, x, 2)", "(apply diff (^ x 3) x 2)"},
        {"grad(f, [x, y])", "(apply grad f (vec x y))"},
        {"[[a, b], [c, d]]", "(vec (vec a b) (vec c d))"},
        {"jacobian([f, g], [x, y])", "(apply jacobian (vec f g) (vec x y))"},
        {"approx(e, 30)", "(apply approx e 30)"},
        {"tangent(x^2, x = 1)", "(apply tangent (^ x 2) (= x 1))"},
        {"table(x^2, x = -2 .. 2 step 0.25)", "(apply table (^ x 2) (range x (neg 2) 2 0.25))"},
        {"plot(sin x, x = -2 .. 2)", "(apply plot (juxt sin x) (range x (neg 2) 2))"},
        {"approx(d/dx x^2 at x = 1)", "(apply approx (at (deriv 1 [x] (^ x 2)) (= x 1)))"},
    });
}

TEST_CASE("parse: derivative operators and their scope") {
    check_rows({
        {"d/dx x^2 + 3x", "(deriv 1 [x] (+ (^ x 2) (juxt 3 x)))"},
        {"d/dx x^2 + d/dx x^3", "(+ (deriv 1 [x] (^ x 2)) (deriv 1 [x] (^ x 3)))"},
        {"d/dx x^2 - d/dx x^3 + 1", "(- (deriv 1 [x] (^ x 2)) (deriv 1 [x] (+ (^ x 3) 1)))"},
        {"d/dx (x^2) + x", "(+ (deriv 1 [x] (group (^ x 2))) x)"},
        {"d/dx (x^2)", "(deriv 1 [x] (group (^ x 2)))"},
        {"d/dx (3x+4)^2", "(deriv 1 [x] (^ (group (+ (juxt 3 x) 4)) 2))"},
        {"d/dx (x+1)(x-1) + x", "(deriv 1 [x] (+ (juxt (group (+ x 1)) (group (- x 1))) x))"},
        {"d/dx (2x^3 + 4x + 8)", "(deriv 1 [x] (group (+ (juxt 2 (^ x 3)) (juxt 4 x) 8)))"},
        {"d/dx a^x", "(deriv 1 [x] (^ a x))"},
        {"d/dx log_a(x)", "(deriv 1 [x] (apply log_a x))"},
        {"d/dx sin(x)^2 / x", "(deriv 1 [x] (/ (^ (apply sin x) 2) x))"},
        {"d^2/dt^2 (v_0 t + a t^2/2)", "(deriv 2 [t t] (group (+ (juxt v_0 t) (prod a . (^ t 2) / 2))))"},
        {"d^3/dx^3 x^5", "(deriv 3 [x x x] (^ x 5))"},
        {"∂/∂x (2x^3 + 4xy + 5y^2)", "(pderiv 1 [x] (group (+ (juxt 2 (^ x 3)) (juxt 4 xy) (juxt 5 (^ y 2)))))"},
        {"∂^2/∂x∂y x^2 y", "(pderiv 2 [x y] (juxt (^ x 2) y))"},
        {"∂^2/∂x^2 x^3", "(pderiv 2 [x x] (^ x 3))"},
        {"2 d/dx x^2", "(juxt 2 (deriv 1 [x] (^ x 2)))"},
        {"-d/dx x", "(neg (deriv 1 [x] x))"},
        {"(d/dx x^2) + 1", "(+ (group (deriv 1 [x] (^ x 2))) 1)"},
        {"d/dx d/dy x y", "(deriv 1 [x] (deriv 1 [y] (juxt x y)))"},
        {"d/dx sin(x^2) == 2x cos(x^2)", "(== (deriv 1 [x] (apply sin (^ x 2))) (juxt 2 x (apply cos (^ x 2))))"},
        {"d/dx x^2 at x = 1", "(at (deriv 1 [x] (^ x 2)) (= x 1))"},
        {"d/dx abs(x) at x = 0, y = 2", "(at (deriv 1 [x] (apply abs x)) (= x 0) (= y 2))"},
        {"[d/dx x^2, d/dx x]", "(vec (deriv 1 [x] (^ x 2)) (deriv 1 [x] x))"},
        {"d/dt(v_0 t)", "(deriv 1 [t] (group (juxt v_0 t)))"},
    });
}

TEST_CASE("parse: Leibniz notation") {
    check_rows({
        {"dy/dx", "(leibniz y 1 [x])"},
        {"dz/dt + 1", "(+ (leibniz z 1 [t]) 1)"},
        {"∂z/∂x", "(pleibniz z 1 [x])"},
        {"d^2y/dx^2", "(leibniz y 2 [x x])"},
        {"∂x5/∂x3", "(pleibniz x5 1 [x3])"},
        {"∂^2z/∂x∂y", "(pleibniz z 2 [x y])"},
        {"2 dy/dx", "(juxt 2 (leibniz y 1 [x]))"},
        {"x/dx", "(/ x dx)"},
    });
}

TEST_CASE("parse: statements") {
    check_rows({
        {"u = 2x^3 + 3x^2", "(define u (+ (juxt 2 (^ x 3)) (juxt 3 (^ x 2))))"},
        {"u := x", "(define: u x)"},
        {"f(x) = x^2", "(define f (x) (^ x 2))"},
        {"g(u, v) = u v", "(define g (u v) (juxt u v))"},
        {"z = f(u, v)", "(define z (apply f u v))"},
        {"f(x) == x^2", "(== (apply f x) (^ x 2))"},
        {"A == B", "(== A B)"},
        {"x = 1; y = 2; x + y", "(define x 1); (define y 2); (+ x y)"},
        {"x;;y;", "x; y"},
        {"steps d/dx sin(x^2)", "(steps (deriv 1 [x] (apply sin (^ x 2))))"},
        {"steps = 3", "(define steps 3)"},
        {"steps + 1", "(+ steps 1)"},
        {":vars", "(:vars \"\")"},
        {":clear u", "(:clear \"u\")"},
        {":plot-to out.svg  ", "(:plot-to \"out.svg\")"},
        {":export ∂ file.tex", "(:export \"∂ file.tex\")"},
        // a `;` ends a command as it ends a statement (the command took "latex; y")
        {"x = 1; :format latex; y", "(define x 1); (:format \"latex\"); y"},
        {"", ""},
        {"   \t ", ""},
        {"# a comment", ""},
        {"x + 1 # then a comment", "(+ x 1)"},
        {"x # unicode in comments is not read: \xc3\xa9", "x"},
        {"y = x^2 at x = 3", "(define y (at (^ x 2) (= x 3)))"},
    });
}

TEST_CASE("parse: Unicode input") {
    check_rows({
        {"π", "pi"},
        {"2π r", "(juxt 2 pi r)"},
        {"αβ", "(juxt alpha beta)"},
        {"2α", "(juxt 2 alpha)"},
        {"α_1 + ω", "(+ alpha_1 omega)"},
        {"φ(x)", "(apply phi x)"},
        {"a · b × c", "(* a b c)"},
        {"a − b", "(- a b)"},
        {"x² + y³", "(+ (^ x 2) (^ y 3))"},
        {"x⁻¹", "(^ x (neg 1))"},
        {"x²y", "(juxt (^ x 2) y)"},
        {"sin²(x)", "(juxt (^ sin 2) (group x))"},
        {"d²/dx² x⁴", "(deriv 2 [x x] (^ x 4))"},
        {"∂²/∂x∂y x y", "(pderiv 2 [x y] (juxt x y))"},
        {"d/dθ sin θ", "(deriv 1 [theta] (juxt sin theta))"},
        {"x\u00a0+ 1", "(+ x 1)"},
    });
}

TEST_CASE("parse: spans and columns refer to the original line") {
    auto const o = parse_line("α + sin(π)");
    REQUIRE(o.ok());
    auto const& sum = o.statements[0].body;
    REQUIRE(sum.kind == ddx::grammar::NodeKind::Sum);
    CHECK(sum.span.begin == 0);
    CHECK(sum.span.end == 12); // α and π are two bytes each
    auto const& alpha = sum.children[0];
    CHECK(alpha.span.begin == 0);
    CHECK(alpha.span.end == 2);
    auto const& call = sum.children[1];
    CHECK(call.text == "sin");
    CHECK(call.name_span.begin == 5);
    CHECK(call.name_span.end == 8);
    CHECK(call.children[0].span.begin == 9);
    CHECK(call.children[0].span.end == 11);
    CHECK(ddx::grammar::column_of("α + sin(π)", call.children[0].span.begin) == 9);

    auto const d = parse_line("f(x) = x");
    REQUIRE(d.ok());
    CHECK(d.statements[0].name_span.begin == 0);
    CHECK(d.statements[0].name_span.end == 1);
    CHECK(d.statements[0].params.at(0).span.begin == 2);

    auto const c = parse_line("  :export  résumé.tex ");
    REQUIRE(c.ok());
    CHECK(c.statements[0].args == "résumé.tex");
}

TEST_CASE("parse: errors name what was expected, with 1-based code-point columns") {
    check_errors({
        {"d/dx (3x+", 10, "expected an expression"},
        {"d/dx (3x+   ", 10, "expected an expression"},
        {"x+*2", 3, "expected an expression"},
        {"+)", 2, "expected an expression"},
        {"x^+)", 4, "expected an exponent"},
        {"-)", 2, "expected an expression"},
        {")", 1, "unexpected ')'"},
        {"x)", 2, "unexpected ')'"},
        {"(x+1", 5, "expected ')'"},
        {"(x+1 # comment", 5, "expected ')'"},
        {"[a, b", 6, "expected ']'"},
        {"[a, ]", 5, "expected an expression"},
        {"f(x", 4, "expected ')'"},
        {"f'", 3, "expected '('"},
        {"x = ", 4, "expected an expression"},
        {"x^", 3, "expected an exponent"},
        {"d/dx", 5, "expected an expression to differentiate"},
        {"x at", 5, "expected an equation"},
        // `at` gives a point, never the product a·t: a hint where it was glued to a factor
        {"2at", 4, "after 'at', which gives a point (for the product of a and t, write a t)"},
        {"s = v_0 t + 1/2 at^2", 19, "for the product of a and t, write a t"},
        {"table(x, x = 1 .. )", 19, "expected an expression"},
        {"α ?", 3, "unexpected '?'"},
        {"α + ?", 5, "expected an expression"},
        {"α + € 1", 5, "unexpected character '€'"},
        {"x \xff", 3, "invalid UTF-8"},
        {"x # \xff", 5, "invalid UTF-8"},  // (in a comment too)
        {"x \xc3", 3, "invalid UTF-8"},
        {"\xc0\xaf", 1, "invalid UTF-8"},          // overlong '/'
        {"\xed\xa0\x80", 1, "invalid UTF-8"},      // surrogate
        {std::string("x +\0 1", 6), 4, "NUL"},
        {"x\x01", 2, "control character"},
        {"2 ∂ x", 3, "unexpected '∂'"},
        {"d^2/dx^3 x", 1, "does not match"},
        {"1 == 2 == 3", 8, "unexpected '='"},
        {"x +", 4, "expected an expression"},
    });
}

TEST_CASE("parse: nesting limits") {
    constexpr std::size_t n = max_nesting;
    auto const deeper = "nesting deeper than " + std::to_string(n);
    auto nest = [](std::size_t k) { return std::string(k, '(') + "x" + std::string(k, ')'); };
    CHECK(parse_line(nest(n)).ok());
    CHECK(parse_line(std::string(n, '-') + "x").ok());
    CHECK(parse_line("[" + std::string(n - 2, '[') + "x" + std::string(n - 1, ']')).ok());
    std::string chain = "2";
    for (std::size_t i = 0; i + 1 < n; ++i) chain += "^2";
    CHECK(parse_line(chain).ok());

    check_errors({
        {nest(n + 1), n + 1, deeper},
        {nest(100000), n + 1, deeper},
        {std::string(100000, '-') + "x", n + 1, deeper},
        {std::string(100000, '('), n + 1, deeper},
    });
    chain += "^2^2";
    CHECK_FALSE(parse_line(chain).ok());
    // Derivative operators nest although they read like juxtaposition (found by fuzzing).
    std::string ops;
    for (std::size_t i = 0; i <= n; ++i) ops += "d/dx ";
    CHECK_FALSE(parse_line(ops + "x").ok());
}

TEST_CASE("parse: long lines are linear and do not crash") {
    using clock = std::chrono::steady_clock;
    auto const start = clock::now();
    // A 2.5 MB sum (625k terms; 10 MB works too, ~1.3 s at -O2 but ~1.3 GB of nodes) and
    // 10 MB of cheap or broken input.
    std::string sum;
    sum.reserve(2'500'000);
    while (sum.size() < 2'500'000 - 4) sum += "x+1+";
    sum += "x";
    auto const o = parse_line(sum);
    CHECK(o.ok());
    std::string digits(100'000, '7');
    auto const n = parse_line(digits);
    REQUIRE(n.ok());
    CHECK(n.statements[0].body.text.size() == 100'000);
    std::string word(max_line_bytes, 'x');
    CHECK(parse_line(word).ok());
    word += 'x'; // one byte past the line limit
    CHECK(parse_line(word).diagnostics.front().message.find("line longer than") != std::string::npos);
    std::string junk(10'000'000, '?');
    CHECK_FALSE(parse_line(junk).ok());
    std::string utf(5'000'000, '\xce'); // α without continuation bytes
    CHECK_FALSE(parse_line(utf).ok());
    auto const seconds = std::chrono::duration<double>(clock::now() - start).count();
    CHECK(seconds < 20.0); // generous: Debug builds and a shared machine
}

// Plain ASCII takes a shortcut through normalisation (utf8.cpp); the general loop must agree with
// it. A line ending in `·` (the multiplication dot) goes the general way, and its normal form must
// be the shortcut's for the ASCII part followed by one character for the dot.
TEST_CASE("normalisation: plain ASCII is its own normal form, as the general reading says") {
  using ddx::grammar::normalize_line;
  auto identity = [](const ddx::grammar::NormalizedLine& n, std::size_t upto) {
    for (std::size_t i = 0; i < upto; ++i)
      if (n.cp_at(i) != i || n.byte_of(static_cast<std::uint32_t>(i)) != i) return false;
    return true;
  };
  std::mt19937 rng(20261203);
  const std::string alphabet = "abxyz019 +-*/^()[],.=:;_'\t<>!?@$%&{}|~\\\"`";
  ddx::grammar::NormalizedLine reused;  // one through every line, as the reader keeps one
  auto same = [](const ddx::grammar::NormalizedLine& a, const ddx::grammar::NormalizedLine& b) {
    return a.text == b.text && a.identity == b.identity && a.cp_of_byte == b.cp_of_byte &&
           a.byte_of_cp == b.byte_of_cp && a.ok == b.ok && a.error_cp == b.error_cp && a.error == b.error;
  };
  for (int k = 0; k < 2000; ++k) {
    std::string s;
    for (int n = static_cast<int>(rng() % 40); n > 0; --n) s += alphabet[rng() % alphabet.size()];
    if (!s.empty() && s.back() == '*') s += 'a';  // (*· is two signs, written * *: a byte more)
    CAPTURE(s);
    auto fast = normalize_line(s);
    auto general = normalize_line(s + "\xC2\xB7");
    REQUIRE(fast.ok);
    REQUIRE(general.ok);
    CHECK(fast.text == s);
    // The dot itself is `*`, or `_` inside a `:command`'s raw arguments.
    CHECK(general.text.substr(0, s.size()) == s);
    CHECK(general.text.size() == s.size() + 1);
    CHECK(fast.identity);  // no maps kept: each byte is its own code point
    CHECK(fast.cp_of_byte.empty());
    CHECK_FALSE(general.identity);
    CHECK(general.cp_of_byte.size() == s.size() + 2);
    CHECK(identity(fast, s.size() + 1));
    CHECK(identity(general, s.size() + 1));
    normalize_line(s + "\xC2\xB7", reused);
    CHECK(same(reused, general));
    normalize_line(s, reused);
    CHECK(same(reused, fast));
    normalize_line(s + "\x01", reused);
    CHECK(same(reused, normalize_line(s + "\x01")));
  }
  // The shortcut reads eight bytes at a time: a byte that ends it (`#`, DEL, a control byte other
  // than a tab, a byte of a multi-byte character) is found wherever it falls in its word.
  const std::string enders = "#\x7F\x01\x1F\t\xC3\xA9 ~!";
  for (int k = 0; k < 3000; ++k) {
    std::string s(rng() % 30, 'x');
    for (int n = static_cast<int>(rng() % 3); n > 0 && !s.empty(); --n) s[rng() % s.size()] = enders[rng() % enders.size()];
    CAPTURE(s);
    bool plain = true;  // byte by byte: whether it is plain, and the plain part's length
    std::size_t plain_length = s.size();
    for (std::size_t i = 0; i < s.size(); ++i) {  // (a comment's bytes are checked too)
      auto const b = static_cast<unsigned char>(s[i]);
      if (b == '#' && plain_length == s.size()) plain_length = i;
      if (b >= 0x7F || (b < 0x20 && b != '\t')) { plain = false; break; }
    }
    auto const n = normalize_line(s);
    CHECK(n.identity == plain);
    if (plain) CHECK(n.text == s.substr(0, plain_length));
  }
  auto comment = normalize_line("d/dx x^2 # a note, é");
  CHECK(comment.text == "d/dx x^2 ");
  CHECK(comment.byte_of(9) == 9);
  auto control = normalize_line("x\x01y");
  CHECK_FALSE(control.ok);
  CHECK(control.error_cp == 1);
  auto carriage = normalize_line("x + 1\r");  // a Windows line end: accepted, dropped
  CHECK(carriage.ok);
  CHECK(carriage.text == "x + 1");
}

// A node's text is kept in place up to 11 characters and on the heap beyond (node_text.hpp):
// names and numbers on both sides of that length read back whole, and copies keep their own.
TEST_CASE("syntax tree: long and short names and numbers keep their text") {
  for (std::string name : {"x", "abcdefghijk", "abcdefghijkl", "a_very_long_variable_name_of_forty_chars"}) {
    for (std::string number : {"7", "12345678901", "123456789012", "3.14159265358979323846264338327950"}) {
      CAPTURE(name);
      CAPTURE(number);
      CHECK(dump(parse_line(number + "*" + name + "^2")) == "(* " + number + " (^ " + name + " 2))");
    }
  }
  // Every length in place, each character different (the copy is two overlapping pieces).
  const std::string letters = "abcdefghijklmnop";
  for (std::size_t length = 0; length <= 13; ++length) {
    ddx::grammar::NodeText t(std::string_view(letters).substr(0, length));
    CHECK(t.view() == std::string_view(letters).substr(0, length));
  }
  ddx::grammar::NodeText a("a_long_enough_text_for_the_heap"), b = a, c("short");
  c = b;
  b = std::move(a);
  CHECK(b == "a_long_enough_text_for_the_heap");
  CHECK(c == "a_long_enough_text_for_the_heap");
  CHECK(a.empty());
  c.assign(c.substr(2, 20));  // a part of itself
  CHECK(c == "long_enough_text_for");
  const ddx::grammar::NodeText& same = c;
  c = same;
  CHECK(c.str() == "long_enough_text_for");
  // The length on the heap is kept in 3 bytes: every one of them counts (and a 100,000-digit
  // integer, the longest typed, reads back whole).
  for (std::size_t length : {std::size_t{12}, std::size_t{255}, std::size_t{256}, std::size_t{65535}, std::size_t{65536},
                             std::size_t{100001}, std::size_t{4} << 20}) {
    std::string digits(length, '7');
    digits.back() = '1';
    ddx::grammar::NodeText t(digits);
    CHECK(t.size() == length);
    CHECK(t.view() == digits);
  }
}

// A call's argument list is made with room for what it holds: one argument, one node (a 1 MB line
// of `sin(...)` terms wasted 2 MB on a second); a comma after the first, two.
TEST_CASE("syntax tree: a call's arguments take the room they need") {
  auto arguments = [](const std::string& line) { return parse_line(line).statements.at(0).body.children.capacity(); };
  CHECK(arguments("sin(x)") == 1);
  CHECK(arguments("sin( x^2 + 1 )") == 1);
  CHECK(arguments("diff(f, x)") == 2);
  CHECK(arguments("diff(x^2 , x)") == 2);
  CHECK(parse_line("g(a, b, c)").statements.at(0).body.children.size() == 3);
}
