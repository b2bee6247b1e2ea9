// SPDX-License-Identifier: GPL-3.0-or-later
// Renders every line of the given files with KaTeX (throwOnError, strict: 'error'), as a web
// page showing ddx's LaTeX would. Prints each failure and exits 1 if any; blank lines are skipped.
'use strict';
const fs = require('fs');
const katex = require('katex');

let rendered = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((tex, i) => {
    if (tex.trim() === '') return;
    try {
      katex.renderToString(tex, { throwOnError: true, strict: 'error', displayMode: true });
      rendered++;
    } catch (e) {
      failed++;
      console.error(`${file}:${i + 1}: ${e.message}\n  ${tex}`);
    }
  });
}
console.log(`katex ${katex.version}: ${rendered} rendered, ${failed} failed`);
process.exit(failed === 0 && rendered > 0 ? 0 : 1);
