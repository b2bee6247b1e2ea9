// SPDX-License-Identifier: GPL-3.0-or-later
// The resolver asks what every word is (function, identifier, another system's operation, ...)
// through a cache of the language's own tests (resolve/names.hpp): it must answer as they do, the
// first time and every time after, for every built-in name, alias and kind of word.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/functions.hpp"
#include "resolve/names.hpp"
#include "support/rows.hpp"

namespace {

void check_facts(const std::string& w) {
  using namespace ddx::resolve;
  CAPTURE(w);
  for (int time = 0; time < 2; ++time) {
    WordFacts f = word_facts(w);
    CHECK(f.foreign == is_foreign_name(w));
    CHECK(f.planned == is_planned_name(w));
    CHECK(f.function == (builtin_name(w).has_value() || !log_base(w).empty()));
    CHECK(f.identifier == is_identifier(w));
  }
}

}  // namespace

TEST_CASE("names: the cached facts of a word are the language's tests of it") {
  std::vector<std::string> words = ddx::builtin_function_names();
  for (const char* w : {"ln", "arcsin", "arctanh", "log_2", "log_a", "log_", "integrate", "limit", "erf", "floor",
                        "det", "softmax", "sum", "grad", "x", "x1", "x_1", "w_11y", "alpha", "pi", "e", "ans", "xy",
                        "sinx", "f", "f_2", "loss", "_", "x_", "sinhcoshtanhsinh", "sinhcoshtanhsinh2",
                        "x_1234567890abcd", "x_1234567890abcde"})  // 16 characters and 17, either side of the cache
    words.emplace_back(w);
  std::mt19937 rng(20261203);
  const std::string letters = "abcdefghijklmnopqrstuvwxyz_0123456789";
  for (int k = 0; k < 3000; ++k) {  // more words than the cache of recent words has slots
    std::string w(1, letters[rng() % 26]);
    for (int n = static_cast<int>(rng() % 20); n > 0; --n) w += letters[rng() % letters.size()];
    words.push_back(w);
  }
  // Twice through all of them: the second time, many a word's slot holds another word.
  for (int pass = 0; pass < 2; ++pass)
    for (const std::string& w : words) check_facts(w);
}

// A Greek name is the same name typed as its letter or spelt out, in a command too: :clear θ said
// 'θ' is not defined, and theta stayed (a helper's hunt of the REPL's commands).
TEST_CASE("names: :clear takes a Greek name as its letter") {
  ddx_test::check_in_turn({{"θ = 2", ""},
                           {":clear θ", ""},
                           {"theta", "theta"},
                           {"φ(t) = t^2", ""},
                           {":clear φ", ""},
                           {":clear ψ", "error: 'ψ' is not defined"}});
}
