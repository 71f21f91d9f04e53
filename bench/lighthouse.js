// Lighthouse (mobile, default settings) run again and again on the demo's
// home page, an article and the article with photos and a gallery, served
// gzip-compressed as the user guide's Nginx example serves it. Prints each
// run and, per page, how many runs scored 100 for performance.
//   node bench/lighthouse.js HONGFAN SITE [RUNS=10]
// A score is a timing: it is measured here, over many runs, never asserted
// in a test (tests/e2e/lighthouse.js only holds a floor of 95).
'use strict';
const fs = require('fs');
const path = require('path');
const { tempDir, build, serve, firstArticle, lighthouse } = require('../tests/e2e/lib/harness');

const [hongfan, site, runs = '10'] = process.argv.slice(2);

(async () => {
  const tmp = tempDir('hf-lh-bench-');
  const out = build(hongfan, site, path.join(tmp, 'public'));
  const server = await serve(out, { gzip: true });
  const pages = ['', `news/${firstArticle(out, 'news')}/`];
  if (fs.existsSync(path.join(out, 'news/yizhen/index.html'))) pages.push('news/yizhen/');
  const summary = [];
  try {
    for (const p of pages) {
      const scores = [];
      for (let i = 0; i < Number(runs); i++) {
        const r = lighthouse(server.url + p, ['performance', 'accessibility'], tmp, path.join(tmp, 'profile'));
        const m = r.audits.metrics?.details?.items?.[0] ?? {};
        const perf = Math.round(r.categories.performance.score * 100);
        const a11y = Math.round(r.categories.accessibility.score * 100);
        scores.push([perf, a11y]);
        console.log(`${p || '/'} run ${i + 1}: performance ${perf}, accessibility ${a11y}` +
          ` (observed first paint ${Math.round(m.observedFirstContentfulPaint)} ms, load ${Math.round(m.observedLoad)} ms,` +
          ` Speed Index ${Math.round(m.speedIndex)} ms, LCP ${Math.round(m.largestContentfulPaint)} ms, TBT ${Math.round(m.totalBlockingTime)} ms)`);
      }
      const full = scores.filter(([perf, a11y]) => perf === 100 && a11y === 100).length;
      summary.push(`${p || '/'}: 100 and 100 in ${full} of ${scores.length} runs; performance ${Math.min(...scores.map((s) => s[0]))}–${Math.max(...scores.map((s) => s[0]))}`);
    }
  } finally {
    server.close();
  }
  console.log(summary.join('\n'));
  fs.rmSync(tmp, { recursive: true, force: true });
})().catch((e) => { console.error(e); process.exit(1); });
