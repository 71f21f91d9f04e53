// Save → visible in the browser, with `hongfan serve` on a generated corpus.
//   node bench/serve_latency.js HONGFAN SITE [EDITS]
// Opens one article in headless Chromium, then rewrites its title EDITS
// times; each time measures from the file write to the reloaded page
// showing the new title. Prints each figure, then min / median / max.
// Two clocks: "painted" is the reloaded page's own first paint (Paint
// Timing: when the reader sees the new title), "detected" is when
// Playwright noticed it, which adds its own 50-100 ms of polling a fresh
// page on this 2-core machine.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { browser } = require('../tests/e2e/lib/harness');

const [hongfan, site, edits = '7'] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});

(async () => {
  const dir = path.join(site, 'content/news');
  const file = path.join(dir, fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()[100]);
  const original = fs.readFileSync(file, 'utf8');
  const port = await freePort();
  let log = '';
  const started = Date.now();
  const child = spawn(hongfan, ['serve', '-s', site, '--port', String(port), '--now', '2026-11-22']);
  child.stderr.on('data', (d) => { log += d; });
  // The address is printed once the port is ours (in whichever language).
  while (!log.includes(`127.0.0.1:${port}/`)) {
    if (Date.now() - started > 600000) throw new Error('serve did not start: ' + log);
    await sleep(200);
  }
  console.log(`initial build + start: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const b = await browser();
  const times = [], painted = [], reloaded = [];
  try {
    const page = await b.newPage();
    // The article's URL: its slug from the file name (NNNNN-slug.md).
    const slug = (original.match(/^slug:\s*(\S+)/m) || [null, path.basename(file, '.md')])[1];
    await page.goto(`http://127.0.0.1:${port}/news/${slug}/`);
    await sleep(500);
    for (let i = 1; i <= Number(edits); i++) {
      const marker = `（第${i}次修改）`;
      const text = original.replace(/^title:\s*(.*)$/m, (m, t) => `title: ${t.replace(/^["']|["']$/g, '')}${marker}`);
      const t0 = Date.now();
      fs.writeFileSync(file, text);
      await page.waitForFunction((m) => document.querySelector('h1') && document.querySelector('h1').textContent.includes(m),
                                 marker, { timeout: 120000, polling: 'raf' });
      times.push(Date.now() - t0);
      const { paint, origin } = await page.evaluate(() => {
        const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
        return { paint: fcp ? performance.timeOrigin + fcp.startTime : null, origin: performance.timeOrigin };
      });
      if (paint !== null) painted.push(Math.round(paint - t0));
      // The reload's start splits the figure: the server's part (notice the
      // save, rebuild, tell the page) and the browser's (fetch and paint).
      reloaded.push(Math.round(origin - t0));
      console.log(`edit ${i}: painted ${paint === null ? '?' : painted[painted.length - 1]} ms ` +
                  `(reload began at ${reloaded[reloaded.length - 1]} ms), detected ${times[times.length - 1]} ms`);
      await sleep(300);
    }
  } finally {
    fs.writeFileSync(file, original);
    await b.close();
    child.kill('SIGTERM');
  }
  const summary = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `min ${sorted[0]} ms, median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms`;
  };
  console.log(`save → painted: ${summary(painted)}`);
  console.log(`save → reload began: ${summary(reloaded)}`);
  console.log(`save → detected by Playwright: ${summary(times)}`);
  const last = log.trim().split('\n').filter((l) => /built|已生成/.test(l)).slice(-1)[0];
  console.log(`server: ${last}`);
})().catch((e) => { console.error(e); process.exit(1); });
