// Lighthouse (mobile, default settings) run again and again on the demo's
// home page, an article and the article with photos and a gallery, served
// gzip-compressed as the user guide's Nginx example serves it. Prints each
// run and, per page, how many runs scored 100 for performance.
//   node bench/lighthouse.js HONGFAN SITE [RUNS=10]
// A score is a timing: it is measured here, over many runs, never asserted
// in a test (tests/e2e/lighthouse.js only holds a floor of 95).
//
// Headless Chromium sometimes holds a page's first paint back by a whole
// second or two after the page has loaded, with the main thread idle: viz
// stops sending the page BeginFrames (ThrottleUnresponsiveClient), reported
// upstream as GoogleChrome/lighthouse#17148 and seen on PageSpeed Insights
// too. Lighthouse then simulates from the late paint and the score drops to
// 98 or so, for a page that painted in 0.2 s. Such runs are marked "held",
// with the gap, and counted apart, so a real regression is not hidden
// behind them nor they behind a real one.
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
        // Paint held: the first paint came at least 0.5 s after both the load
        // event and the last long task ended.
        const gap = m.observedFirstContentfulPaint - Math.max(m.observedLoad, m.observedDomContentLoaded);
        const held = gap >= 500 && m.totalBlockingTime < 50;
        scores.push([perf, a11y, held]);
        console.log(`${p || '/'} run ${i + 1}: performance ${perf}, accessibility ${a11y}` +
          ` (observed first paint ${Math.round(m.observedFirstContentfulPaint)} ms, load ${Math.round(m.observedLoad)} ms,` +
          ` Speed Index ${Math.round(m.speedIndex)} ms, LCP ${Math.round(m.largestContentfulPaint)} ms, TBT ${Math.round(m.totalBlockingTime)} ms)` +
          (held ? ` held: first paint ${Math.round(gap)} ms after load` : ''));
      }
      const full = scores.filter(([perf, a11y]) => perf === 100 && a11y === 100).length;
      const clean = scores.filter(([, , held]) => !held);
      const cleanFull = clean.filter(([perf, a11y]) => perf === 100 && a11y === 100).length;
      summary.push(`${p || '/'}: 100 and 100 in ${full} of ${scores.length} runs; performance ${Math.min(...scores.map((s) => s[0]))}–${Math.max(...scores.map((s) => s[0]))}; ` +
                   `runs without a held paint: 100 and 100 in ${cleanFull} of ${clean.length}`);
    }
  } finally {
    server.close();
  }
  console.log(summary.join('\n'));
  fs.rmSync(tmp, { recursive: true, force: true });
})().catch((e) => { console.error(e); process.exit(1); });
