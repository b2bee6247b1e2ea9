// SPDX-License-Identifier: GPL-3.0-or-later
// Every example in docs/language.md (DDX_LANGUAGE_DOC) runs through the real binary.
//
// A fenced block tagged `ddx` is a transcript of one fresh session: a line starting with "ddx> " is
// typed input; the lines after it, up to the next "ddx> " or the end of the block, are exactly what
// ddx prints on stdout, except that a line "error: MESSAGE" is an error ddx reports for that input
// (on stderr as "<stdin>:LINE:COL: error: MESSAGE"). An optional first line "# format: FMT" runs
// the block with --format FMT. The whole block is piped into ddx in batch mode; stdout, the errors
// (message and line) and the exit status must all match.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "print/print.hpp"
#include "support/run_ddx.hpp"

namespace {

struct Example {
  std::size_t doc_line = 0;  // where the "ddx> " line is in the document
  std::string input;
  std::vector<std::string> output;  // expected stdout lines
  std::vector<std::string> errors;  // expected error messages
};

struct Block {
  std::size_t doc_line = 0;  // the line of the opening fence
  std::string first_line;    // the block's first line, to name it in a failure
  std::string format;        // empty: the default (text)
  std::vector<Example> examples;
};

struct Document {
  std::vector<Block> blocks;
  std::vector<std::string> problems;  // malformed blocks, one message each
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string right_trimmed(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
  return s;
}

// Reads every ```ddx block of a Markdown text; anything malformed is a problem, never skipped.
Document read_document(const std::string& markdown) {
  const std::string prompt = "ddx> ";
  const std::vector<std::string_view>& formats = ddx::print::format_names();
  Document doc;
  std::vector<std::string> lines = split_lines(markdown);
  bool in_other_fence = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string fence = right_trimmed(lines[i]);
    if (in_other_fence) {
      if (fence.rfind("```", 0) == 0) in_other_fence = false;
      continue;
    }
    if (fence.rfind("```", 0) != 0) continue;
    if (fence != "```ddx") {
      if (fence.find("ddx") != std::string::npos)  // ```ddx-session, ``` ddx ...: a typo, not a language
        doc.problems.push_back("line " + std::to_string(i + 1) + ": unknown fence '" + fence + "'");
      in_other_fence = true;
      continue;
    }
    Block block;
    block.doc_line = i + 1;
    bool closed = false;
    std::size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      const std::string& line = lines[j];
      if (right_trimmed(line) == "```") {
        closed = true;
        break;
      }
      if (block.first_line.empty()) block.first_line = line;
      std::string where = "line " + std::to_string(j + 1) + ": ";
      if (j == i + 1 && line.rfind("# format: ", 0) == 0) {
        block.format = right_trimmed(line.substr(10));
        if (std::find(formats.begin(), formats.end(), block.format) == formats.end())
          doc.problems.push_back(where + "unknown format '" + block.format + "'");
        continue;
      }
      if (line.rfind(prompt, 0) == 0) {
        Example e;
        e.doc_line = j + 1;
        e.input = line.substr(prompt.size());
        if (right_trimmed(e.input).empty()) doc.problems.push_back(where + "an empty input line");
        if (!e.input.empty() && e.input.back() == '\\')
          doc.problems.push_back(where + "a continued line cannot be checked; put it in a text block");
        block.examples.push_back(std::move(e));
      } else if (block.examples.empty()) {
        doc.problems.push_back(where + "output before the first 'ddx> ' line: '" + line + "'");
      } else if (line.rfind("error:", 0) == 0) {
        if (line.rfind("error: ", 0) != 0 || line.size() == 7)
          doc.problems.push_back(where + "an error line must be 'error: MESSAGE'");
        block.examples.back().errors.push_back(line.substr(7));
      } else {
        block.examples.back().output.push_back(line);
      }
    }
    if (!closed) doc.problems.push_back("line " + std::to_string(i + 1) + ": a ddx block that is never closed");
    if (block.examples.empty())
      doc.problems.push_back("line " + std::to_string(i + 1) + ": a ddx block without a 'ddx> ' line");
    doc.blocks.push_back(std::move(block));
    i = j;
  }
  return doc;
}

struct ErrorLine {
  std::size_t input_line = 0;
  std::string message;
};

// "<stdin>:LINE:COL: error: MESSAGE" (or "<stdin>:LINE: error: MESSAGE") -> {LINE, MESSAGE}.
bool parse_error_line(const std::string& line, ErrorLine& out) {
  const std::string source = "<stdin>:";
  const std::string tag = ": error: ";
  if (line.rfind(source, 0) != 0) return false;
  std::size_t at = line.find(tag);
  if (at == std::string::npos) return false;
  std::string where = line.substr(source.size(), at - source.size());  // LINE or LINE:COL
  std::string number = where.substr(0, where.find(':'));
  if (number.empty() || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  out.input_line = std::stoul(number);
  out.message = line.substr(at + tag.size());
  return true;
}

struct Run {
  std::vector<std::string> out;
  std::vector<ErrorLine> errors;
  std::vector<std::string> stray_stderr;  // stderr lines that are not errors
  int status = -1;
};

Run run_examples(const Block& block, std::size_t count) {
  std::string input;
  for (std::size_t k = 0; k < count; ++k) input += block.examples[k].input + "\n";
  std::string args = block.format.empty() ? "" : "--format " + block.format;
  ddx_test::RunResult r = ddx_test::run_ddx(args, input);
  Run run;
  run.out = split_lines(r.out);
  run.status = r.status;
  for (const std::string& line : split_lines(r.err)) {
    ErrorLine e;
    if (parse_error_line(line, e))
      run.errors.push_back(e);
    else
      run.stray_stderr.push_back(line);
  }
  return run;
}

// True when the first `count` examples of the block give exactly what the document says.
bool prefix_matches(const Block& block, std::size_t count, const Run& run) {
  std::vector<std::string> out;
  std::vector<ErrorLine> errors;
  for (std::size_t k = 0; k < count; ++k) {
    const Example& e = block.examples[k];
    out.insert(out.end(), e.output.begin(), e.output.end());
    for (const std::string& m : e.errors) errors.push_back({k + 1, m});
  }
  if (run.out != out || !run.stray_stderr.empty() || run.errors.size() != errors.size()) return false;
  for (std::size_t k = 0; k < errors.size(); ++k)
    if (run.errors[k].input_line != errors[k].input_line || run.errors[k].message != errors[k].message) return false;
  // In JSON, errors are objects on stdout; the exit status still says whether one failed.
  bool failed = !errors.empty();
  if (block.format == "json")
    for (const std::string& line : out) failed = failed || line.find("\"error\": {") != std::string::npos;
  return run.status == (failed ? 1 : 0);
}

// The block failed as a whole: find the first example whose answer differs, and say what ddx
// printed for it (the difference between the runs of the examples before it and up to it).
std::string explain_failure(const Block& block) {
  Run before;
  before.status = 0;
  for (std::size_t k = 1; k <= block.examples.size(); ++k) {
    Run now = run_examples(block, k);
    if (prefix_matches(block, k, now)) {
      before = now;
      continue;
    }
    const Example& e = block.examples[k - 1];
    std::ostringstream s;
    s << "docs/language.md:" << e.doc_line << ": the example 'ddx> " << e.input << "'\n  expected:\n";
    for (const std::string& l : e.output) s << "    " << l << "\n";
    for (const std::string& m : e.errors) s << "    error: " << m << "\n";
    s << "  ddx printed:\n";
    std::size_t from = std::min(before.out.size(), now.out.size());
    for (std::size_t i = from; i < now.out.size(); ++i) s << "    " << now.out[i] << "\n";
    for (std::size_t i = before.errors.size(); i < now.errors.size(); ++i)
      s << "    error (input line " << now.errors[i].input_line << "): " << now.errors[i].message << "\n";
    for (const std::string& l : now.stray_stderr) s << "    stderr: " << l << "\n";
    if (now.out.size() < before.out.size() || !std::equal(before.out.begin(), before.out.end(), now.out.begin()))
      s << "  (the output of the earlier examples changed too)\n";
    s << "  exit status " << now.status << "\n";
    return s.str();
  }
  return "the examples match one by one but not together (exit status or a stray stderr line?)";
}

std::string language_doc() { return ddx_test::read_file(DDX_LANGUAGE_DOC); }

std::string with_commas(long long n) {
  std::string digits = std::to_string(n), s;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s += ',';
    s += digits[i];
  }
  return s;
}

}  // namespace

TEST_CASE("language doc: the block reader rejects malformed blocks") {
  auto problems = [](const std::string& md) { return read_document(md).problems.size(); };
  CHECK(problems("text\n```ddx\nddx> d/dx x^2\n2x\n```\n") == 0);
  CHECK(problems("```ddx\n# format: unicode\nddx> x^2\nx²\n```\n") == 0);
  CHECK(problems("```ddx\n2x\nddx> d/dx x^2\n```\n") == 1);               // output before any input
  CHECK(problems("```ddx\nddx> d/dx x^2\n2x\n") == 1);                    // never closed
  CHECK(problems("```ddx\n```\n") == 1);                                  // no examples
  CHECK(problems("```ddx\n# format: pdf\nddx> x\nx\n```\n") == 1);        // unknown format
  CHECK(problems("```ddx\nddx> 1/0\nerror:division by zero\n```\n") == 1);  // not 'error: MESSAGE'
  CHECK(problems("```ddx \nddx> x\nx\n```\n") == 0);                      // trailing blanks on the fence
  CHECK(problems("``` ddx\nddx> x\nx\n```\n") == 1);                      // a misspelt fence
  CHECK(problems("```text\nddx> anything\n```\n") == 0);                  // other blocks are not read
  Document d = read_document("```ddx\nddx> 1/0\nerror: division by zero\nddx> x\nx\n```\n");
  REQUIRE(d.blocks.size() == 1);
  REQUIRE(d.blocks[0].examples.size() == 2);
  CHECK(d.blocks[0].examples[0].errors == std::vector<std::string>{"division by zero"});
  CHECK(d.blocks[0].examples[1].output == std::vector<std::string>{"x"});
  ErrorLine e;
  CHECK(parse_error_line("<stdin>:3:14: error: expected ')'", e));
  CHECK(e.input_line == 3);
  CHECK(e.message == "expected ')'");
  CHECK(parse_error_line("<stdin>:2: error: time limit exceeded", e));
  CHECK(e.input_line == 2);
  CHECK_FALSE(parse_error_line("ddx: unknown option", e));
}

TEST_CASE("language doc: every example in docs/language.md gives what the document shows") {
  Document doc = read_document(language_doc());
  for (const std::string& p : doc.problems) FAIL_CHECK("docs/language.md: malformed ddx block: " << p);
  std::size_t examples = 0;
  for (const Block& block : doc.blocks) {
    if (block.examples.empty()) continue;
    examples += block.examples.size();
    Run run = run_examples(block, block.examples.size());
    if (prefix_matches(block, block.examples.size(), run)) continue;
    FAIL_CHECK("docs/language.md:" << block.doc_line << ": the block beginning '" << block.first_line
                                   << "' does not match\n"
                                   << explain_failure(block));
  }
  MESSAGE("docs/language.md: " << doc.blocks.size() << " blocks, " << examples << " examples checked");
  CHECK(doc.blocks.size() >= 30);
  CHECK(examples >= 150);  // the document must not silently lose its examples
}

TEST_CASE("language doc: stands on its own and quotes the limits of src/core/limits.hpp") {
  std::string doc = language_doc();
  // No path leaves the repository, and every link is a section of this page or a file beside it.
  CHECK(doc.find("../") == std::string::npos);
  const std::filesystem::path docs = std::filesystem::path(DDX_LANGUAGE_DOC).parent_path();
  for (std::size_t at = doc.find("]("); at != std::string::npos; at = doc.find("](", at + 2)) {
    std::string target = doc.substr(at + 2, doc.find(')', at) - at - 2);
    CAPTURE(target);
    if (target.starts_with("#")) continue;
    CHECK(std::filesystem::exists(docs / target.substr(0, target.find('#'))));
  }
  std::size_t from = doc.find("## 10. Errors and limits");
  REQUIRE(from != std::string::npos);
  std::string limits = doc.substr(from, doc.find("\n## ", from + 1) - from);
  for (long long value :
       {static_cast<long long>(ddx::max_nesting), static_cast<long long>(ddx::max_line_bytes),
        static_cast<long long>(ddx::max_integer_digits), static_cast<long long>(ddx::max_result_digits),
        static_cast<long long>(ddx::max_expand_terms), static_cast<long long>(ddx::max_expand_digits),
        static_cast<long long>(ddx::max_derivative_order), static_cast<long long>(ddx::max_statement_nodes),
        static_cast<long long>(ddx::max_simplify_steps), static_cast<long long>(ddx::max_evalf_digits),
        static_cast<long long>(ddx::max_printed_terms), static_cast<long long>(ddx::max_steps_terms),
        static_cast<long long>(ddx::max_table_rows), static_cast<long long>(ddx::max_critical_variables),
        static_cast<long long>(ddx::max_critical_search_variables), static_cast<long long>(ddx::max_critical_work),
        static_cast<long long>(ddx::max_critical_points), static_cast<long long>(ddx::max_critical_search_work),
        static_cast<long long>(ddx::max_implicit_order), static_cast<long long>(ddx::max_taylor_digits),
        static_cast<long long>(ddx::max_sum_terms), static_cast<long long>(ddx::max_matrix_dimension)}) {
    std::string cell = "| " + with_commas(value) + " ";
    CAPTURE(cell);
    CHECK(limits.find(cell) != std::string::npos);
  }
}
