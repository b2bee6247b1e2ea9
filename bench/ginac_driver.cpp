// SPDX-License-Identifier: GPL-3.0-or-later
// The GiNaC peer for the benchmark (built by bench/run.sh against Debian's libginac-dev, never
// part of ddx's build). `run TASK` differentiates a gen.py task file, prints every result and
// reports its phase times on stderr; `check TASK RESULTS N` compares a sample of another
// system's printed results (one per line, same order) numerically with GiNaC's own derivatives.
#include <ginac/ginac.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace GiNaC;

namespace {

struct Task {
  std::vector<std::string> vars;
  int order = 1;
  std::vector<std::string> exprs;
};

Task read_task(const char* path) {
  std::ifstream in(path);
  Task t;
  std::string line, word;
  std::getline(in, line);
  std::istringstream vs(line);
  vs >> word;
  while (vs >> word) t.vars.push_back(word);
  std::getline(in, line);
  t.order = std::stoi(line.substr(6));
  while (std::getline(in, line))
    if (!line.empty()) t.exprs.push_back(line);
  return t;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The sample point: distinct, non-special values in (0.2, 0.9) for every symbol seen.
exmap sample_point(const symtab& syms, int seed) {
  exmap m;
  int i = 0;
  for (const auto& [name, s] : syms) {
    ++i;
    // A float, not a rational: exact (7/10)^19999 would make the check itself the bottleneck.
    m[s] = ex(numeric(200 + (97 * i + 31 * seed) % 700, 1000)).evalf();
  }
  return m;
}

int run(const Task& t) {
  auto t0 = std::chrono::steady_clock::now();
  symtab table;
  for (const auto& v : t.vars) table[v] = symbol(v);
  parser reader(table);
  std::vector<ex> in;
  for (const auto& s : t.exprs) in.push_back(reader(s));
  double parse_s = seconds_since(t0);
  auto t1 = std::chrono::steady_clock::now();
  std::vector<ex> out;
  for (const ex& e : in)
    for (const auto& v : t.vars) out.push_back(e.diff(ex_to<symbol>(table[v]), t.order));
  double diff_s = seconds_since(t1);
  auto t2 = std::chrono::steady_clock::now();
  std::ios::sync_with_stdio(false);
  for (const ex& d : out) std::cout << d << '\n';
  std::cout.flush();
  std::fprintf(stderr, "stats: parse=%.6f diff=%.6f print=%.6f\n", parse_s, diff_s, seconds_since(t2));
  return 0;
}

int check(const Task& t, const char* results_path, std::size_t samples) {
  Digits = 40;  // so cancellation in long sums cannot fake a mismatch
  symtab table;
  for (const auto& v : t.vars) table[v] = symbol(v);
  parser reader(table);
  std::vector<ex> in;
  for (const auto& s : t.exprs) in.push_back(reader(s));
  std::ifstream res(results_path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(res, l);) lines.push_back(l);
  std::size_t total = in.size() * t.vars.size();
  if (lines.size() != total) {
    std::printf("FAIL: %zu results, expected %zu\n", lines.size(), total);
    return 1;
  }
  std::size_t step = std::max<std::size_t>(1, total / samples), checked = 0, bad = 0;
  for (std::size_t k = 0; k < total; k += step) {
    ex mine = in[k / t.vars.size()].diff(ex_to<symbol>(table[t.vars[k % t.vars.size()]]), t.order);
    ex theirs = reader(lines[k]);
    for (int seed = 0; seed < 2; ++seed) {
      exmap at = sample_point(reader.get_syms(), seed + static_cast<int>(k));
      ex a = mine.subs(at).evalf(), b = theirs.subs(at).evalf();
      if (!is_a<numeric>(a) || !is_a<numeric>(b)) {
        ++bad;
        continue;
      }
      double x = ex_to<numeric>(a).to_double(), y = ex_to<numeric>(b).to_double();
      if (std::abs(x - y) > 1e-9 * std::max({1.0, std::abs(x), std::abs(y)})) {
        if (bad++ < 3) std::printf("mismatch at result %zu: %.17g vs %.17g\n", k + 1, x, y);
      }
    }
    ++checked;
  }
  std::printf("%s: %zu of %zu results checked at 2 points, %zu mismatches\n", bad ? "FAIL" : "ok", checked, total, bad);
  return bad ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "run" && argc == 3) return run(read_task(argv[2]));
    if (mode == "check" && argc == 5) return check(read_task(argv[2]), argv[3], std::stoul(argv[4]));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ginac_driver: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "usage: ginac_driver run TASK | check TASK RESULTS SAMPLES\n");
  return 2;
}
