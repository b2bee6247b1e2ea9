// SPDX-License-Identifier: GPL-3.0-or-later
// What ddx does to stay small, checked to change no answer. The syntax of a statement's own sums
// is released as it is read (resolve_releasing): such a statement answers as the same one
// bracketed, which is read the ordinary way. Reclaiming expression nodes between lines
// (core/node.hpp, Session::reclaim_memory): it frees
// what nothing holds, keeps what something does, and changes nothing a user sees. The last is
// checked on every transcript and on the session of every command and procedure: each is run
// once never reclaiming and once reclaiming after every line, and every answer in every format
// and the :export document must be the same byte for byte. (The sanitizers' suite runs the
// whole ddx with DDX_RECLAIM_EVERY_LINE=1, where a node freed while in use would show.)
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "calculus/diff.hpp"
#include "core/functions.hpp"
#include "core/node.hpp"
#include "print/print.hpp"
#include "repl/export_tex.hpp"
#include "repl/render.hpp"
#include "repl/session.hpp"
#include "support/same_transcripts.hpp"

namespace {

using ddx::Expr;

void check_same_either_way(const std::string& name, const std::string& script) {
  ddx_test::check_same_transcripts(name, ddx_test::transcript_of(script),
                                   ddx_test::transcript_of(script, [](ddx::Session& s) { s.reclaim_memory(true); }),
                                   "never reclaimed", "reclaimed");
}

}  // namespace

// The answer to each line, in text (errors as "error: MESSAGE at COLUMN").
std::vector<std::string> answers(const std::vector<std::string>& lines) {
  ddx::Session session;
  std::vector<std::string> out;
  for (const std::string& line : lines)
    for (const ddx::Outcome& o : session.eval_line(line))
      out.push_back(o.kind == ddx::Outcome::Kind::Error ? "error: " + o.message + " at " + std::to_string(o.column)
                                                        : ddx::render_stdout(o, ddx::print::Format::Text, 1));
  return out;
}

TEST_CASE("memory: a statement's own sum, read once, answers as the same sum in brackets") {
  // Each pair: released as read (a top-level sum, a procedure's sum argument, a definition's
  // body) and the same bracketed, which is read the ordinary way. Only the column of an error
  // may move, by the bracket.
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"x^2 + 3x - sin(x) + 1", "(x^2 + 3x - sin(x) + 1)"},
      {"diff(x^3 y - x y + e^x, x)", "diff((x^3 y - x y + e^x), x)"},
      {"diff(x^3 y - x y + e^x, x, y)", "diff((x^3 y - x y + e^x), x, y)"},
      {"F = a x^2 - b x + c", "F = (a x^2 - b x + c)"},
      {"grad(x^2 y + y^3 - x, [x, y])", "grad((x^2 y + y^3 - x), [x, y])"},
      {"d/dx x^2 + x at x = 1 + 2", "d/dx (x^2 + x) at x = 3"},
      {"sum(x_n^2 + n, n = 1 .. 3) + 1", "(sum(x_n^2 + n, n = 1 .. 3) + 1)"},
  };
  for (const auto& pair : pairs) {
    const std::string& released = pair.first;  // not a structured binding: CAPTURE takes it in a lambda
    CAPTURE(released);
    CHECK(answers({released, "ans"}) == answers({pair.second, "ans"}));
  }
  // A failing term leaves the session as it was, and says where.
  std::vector<std::string> failed = answers({"y = 2", "x + 1/0 + y", "y"});
  REQUIRE(failed.size() == 3);
  CHECK(failed[1] == "error: division by zero at 7");  // at the 0
  CHECK(failed[2] == "2");
  // A sum read twice (a divisor is tried as factors, then as a product) is not released.
  CHECK(answers({"1/(2 diff(x^2 + x, x))"}) == answers({"1/(2 (2x + 1))"}));
}

TEST_CASE("memory: reclaim: unreachable nodes are freed, marked and permanent ones kept") {
  {
    ddx::Session session;  // makes the permanent tables (functions, rules) first
    session.eval_line("d/dx sin(x)");
  }
  // The small numbers below are permanent (a table of them lives for the process), and so are e
  // and pi (made once): made first.
  for (int k : {-1, 2, 3, 5, 7, 11, 13}) (void)Expr(k);
  (void)ddx::e_const();
  ddx::reclaim_unmarked();  // nothing holds the session's nodes now
  std::size_t base = ddx::interned_count();

  Expr x = ddx::sym("reclaim_x");
  Expr kept = ddx::sin(x * x + 7) * ddx::exp(x);
  Expr dropped = ddx::cos(x * x * x + 11) / (x + 13);
  std::size_t before = ddx::interned_count();
  REQUIRE(before > base + 10);

  ddx::mark_reachable(kept);
  std::size_t freed = ddx::reclaim_unmarked();
  CHECK(freed >= 4);  // at least the cosine, its argument, the quotient and x + 13
  CHECK(ddx::interned_count() == before - freed);
  (void)dropped;  // dangles now: never used again

  // What was kept is whole and still the canonical node: building it again finds it.
  CHECK(ddx::sin(x * x + 7) * ddx::exp(x) == kept);
  CHECK(ddx::debug_string(kept).find("sin") != std::string::npos);
  // What was freed is built afresh, equal to itself.
  Expr again = ddx::cos(x * x * x + 11) / (x + 13);
  CHECK(again == ddx::cos(x * x * x + 11) / (x + 13));
  CHECK(ddx::debug_string(again).find("cos") != std::string::npos);

  // Marks last one collection only: unmarked now, everything new goes.
  ddx::reclaim_unmarked();
  CHECK(ddx::interned_count() == base);

  // Permanent nodes need no mark.
  Expr forever;
  {
    ddx::KeepForever scope;
    forever = ddx::tan(ddx::sym("reclaim_forever") + 5);
  }
  ddx::reclaim_unmarked();
  CHECK(ddx::tan(ddx::sym("reclaim_forever") + 5) == forever);
  CHECK(ddx::debug_string(forever) == ddx::debug_string(ddx::tan(ddx::sym("reclaim_forever") + 5)));
}

TEST_CASE("memory: the symbol cache gives each name its own node, and none that was reclaimed") {
  // More names than the cache has slots, so that names share slots and push each other out.
  std::vector<std::string> names;
  for (int i = 0; i < 2000; ++i) names.push_back("cache_s" + std::to_string(i));
  std::vector<Expr> first;
  for (const std::string& n : names) first.push_back(ddx::sym(n));
  for (std::size_t i = 0; i < names.size(); ++i) {
    CHECK(ddx::sym(names[i]) == first[i]);  // the same node, whether the cache still holds it or not
    CHECK(first[i].name() == names[i]);
  }
  // A reclaimed symbol is made anew, with its name (under the sanitizers, a cached pointer to the
  // freed node would be caught here).
  std::size_t before = ddx::interned_count();
  ddx::mark_reachable(first[0]);
  ddx::reclaim_unmarked();
  std::size_t after = ddx::interned_count();
  CHECK(after < before);
  CHECK(ddx::sym(names[0]) == first[0]);
  CHECK(ddx::interned_count() == after);  // the marked one was kept, not made again
  for (std::size_t i = 1; i < names.size(); ++i) CHECK(ddx::sym(names[i]).name() == names[i]);
  // A symbol named again under KeepForever becomes permanent, though the cache knew it before.
  Expr cached = ddx::sym("cache_forever");
  {
    ddx::KeepForever scope;
    CHECK(ddx::sym("cache_forever") == cached);
  }
  ddx::reclaim_unmarked();
  ddx::reclaim_unmarked();
  std::size_t kept = ddx::interned_count();
  CHECK(ddx::sym("cache_forever") == cached);
  CHECK(ddx::interned_count() == kept);  // found, not made again (a freed place may be reused)
  CHECK(cached.name() == "cache_forever");
}

TEST_CASE("memory: reclaim: a session's definitions, ans and kept answers survive, the rest goes") {
  ddx::Session session;
  session.eval_line("u = 2x^3 + 3x^2");
  session.eval_line("f(t) = t^2 sin(t)");
  session.eval_line("d/dx (x^2 + 1)^40");
  session.reclaim_memory(true);
  std::size_t held = ddx::interned_count();
  // Many independent lines: their intermediate nodes are garbage once answered.
  for (int k = 0; k < 200; ++k) {
    session.eval_line("d/dx cos((exp(x) - " + std::to_string(2 * k + 3) + "x)^3)");
    session.reclaim_memory(true);
  }
  // The answers are kept for :export, nothing else: far fewer nodes than 200 lines made.
  CHECK(ddx::interned_count() < held + 200 * 40);
  std::vector<ddx::Outcome> out = session.eval_line("dy/dx");  // y undefined: a plain error, no crash
  out = session.eval_line("y = u^3");
  out = session.eval_line("dy/dx");
  REQUIRE(out.size() == 1);
  CHECK(ddx::render_stdout(out[0], ddx::print::Format::Text, 1) ==
        "dy/dx = dy/du * du/dx\n      = 3u^2 (6x^2 + 6x)\n      = 3 (2x^3 + 3x^2)^2 (6x^2 + 6x)");
  session.reclaim_memory(true);
  out = session.eval_line("f'(x) + ans - ans");
  REQUIRE(out.size() == 1);
  CHECK(ddx::render_stdout(out[0], ddx::print::Format::Text, 1) == "x^2 cos(x) + 2x sin(x)");
}

TEST_CASE("memory: reclaim: :export keeps the latest statements and says how many it leaves out") {
  ddx::Session session;
  std::size_t n = ddx::TexExport::kept_entries + 5;
  for (std::size_t k = 0; k < n; ++k) session.eval_line("d/dx x^" + std::to_string(k % 50 + 2));
  CHECK(session.tex_export().size() == ddx::TexExport::kept_entries);
  session.reclaim_memory(true);
  std::string doc = session.tex_export().document();
  CHECK(doc.find("The first 5 statements of this session are left out") != std::string::npos);
}

TEST_CASE("memory: :export keeps a plain answer as its expression, and the ans it read, after collections") {
  ddx::Session session;
  for (const char* line : {"x^2 + 1", "d/dx ans", "diff(sin(x), x)", "d/dx ans at x = 0", "tangent(x^2, x = 1)"})
    session.eval_line(line);
  for (int k = 0; k < 3; ++k) {
    session.eval_line("d/dx x^" + std::to_string(k + 40));  // new nodes, then a collection
    session.reclaim_memory(true);
  }
  std::string doc = session.tex_export().document();
  CHECK(doc.find("\\frac{d}{dx} \\left(x^{2} + 1\\right) &= 2 x") != std::string::npos);
  CHECK(doc.find("\\frac{d}{dx} \\sin{\\left(x \\right)} &= \\cos{\\left(x \\right)}") != std::string::npos);
  CHECK(doc.find("\\left.\\frac{d}{dx} \\cos{\\left(x \\right)}\\right|_{x = 0} &= 0") != std::string::npos);
  CHECK(doc.find("\\text{tangent to }x^{2}\\text{ at }x = 1:\\; y &= 2 x - 1") != std::string::npos);  // kept whole
}

TEST_CASE("memory: reclaim: every transcript, and the session of every command, reads the same either way") {
  ddx_test::check_every_script(check_same_either_way);
}

// compare() remembers the order of deep pairs by node address (core/order.cpp): sums whose
// terms are deep compared the same pairs over and over. An address is used again once its node
// is reclaimed, so a remembered order must never outlive the nodes: here the orders of deep
// pairs are taken (read back from memory, the same as computed afresh), the nodes reclaimed,
// and nothing of them may be remembered; the next round builds others in their places.
TEST_CASE("memory: the remembered order of deep expressions never outlives their nodes") {
  using ddx::call;
  auto sin_of = [](Expr e) { return call(*ddx::find_function("sin"), {e}); };
  // g_k = sin(g_(k-1)) + g_(k-1): sums of k terms whose first differing terms are k deep.
  auto chain = [&](const std::string& name, int length) {
    std::vector<Expr> g{ddx::sym(name)};
    for (int k = 1; k < length; ++k) g.push_back(sin_of(g.back()) + g.back());
    return g;
  };
  // Pairs from one chain share their terms up to the shorter's end: long walks, remembered.
  auto orders = [](const std::vector<Expr>& a, const std::vector<Expr>& b) {
    std::vector<int> out;
    for (std::size_t i = 60; i < a.size(); i += 7)
      for (std::size_t j = 60; j < a.size(); j += 5) {
        out.push_back(ddx::compare(a[i], a[j]));
        out.push_back(ddx::compare(a[i], b[j]));
      }
    return out;
  };
  auto fresh_orders = [&](const std::vector<Expr>& a, const std::vector<Expr>& b) {
    ddx::forget_deep_comparisons();
    return orders(a, b);
  };
  for (int round = 0; round < 3; ++round) {
    // Names that order differently each round, so that a stale order would show.
    std::vector<Expr> a = chain(round % 2 ? "deep_b" : "deep_a", 150);
    std::vector<Expr> b = chain(round % 2 ? "deep_a" : "deep_c", 150);
    std::vector<int> remembered = orders(a, b);
    CHECK(ddx::remembered_deep_comparisons() > 0);  // the long walks were remembered
    CHECK(orders(a, b) == remembered);  // now read from what was remembered
    CHECK(fresh_orders(a, b) == remembered);
    for (std::size_t i = 60; i < a.size(); i += 11) {
      CHECK(ddx::compare(a[i], b[i]) == -ddx::compare(b[i], a[i]));
      CHECK(ddx::compare(a[i], a[i]) == 0);
    }
    a.clear();
    b.clear();
    ddx::reclaim_unmarked();  // nothing holds them: their places are free for the next round's
    CHECK(ddx::remembered_deep_comparisons() == 0);  // and no order of theirs is remembered
  }
}
