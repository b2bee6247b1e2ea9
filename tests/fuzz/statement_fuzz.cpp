// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target (b): whole statements. Each input is split into lines that one fresh Session
// evaluates in turn (parse, lower, simplify, differentiate); every outcome is then rendered in
// every output format, as the front end would, on a large stack like the front end.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/large_stack.hpp"
#include "repl/render.hpp"
#include "repl/session.hpp"

namespace {

void render_everything(const ddx::Outcome& o) {
  // A std::exception escaping the algebra is a bug even though the session survives it.
  if (o.kind == ddx::Outcome::Kind::Error && o.message.rfind("internal error", 0) == 0) __builtin_trap();
  for (auto f : {ddx::OutputFormat::Text, ddx::OutputFormat::Unicode, ddx::OutputFormat::Latex,
                 ddx::OutputFormat::Code, ddx::OutputFormat::Json})
    (void)ddx::render_stdout(o, f, 1);
  (void)ddx::render_error(o, "<fuzz>", 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  ddx::run_with_large_stack(input.size(), [&] {
    ddx::Session session;
    while (!input.empty() && !session.quit_requested()) {
      std::size_t nl = input.find('\n');
      std::string_view line = input.substr(0, nl);
      input = nl == std::string_view::npos ? std::string_view{} : input.substr(nl + 1);
      for (const ddx::Outcome& o : session.eval_line(line)) render_everything(o);
    }
  });
  return 0;
}
