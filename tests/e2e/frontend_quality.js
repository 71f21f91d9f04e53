// Residents' experience on the demo, in headless Chromium at phone size:
// axe-core finds no violations in normal and 长辈版 mode; 长辈版 persists,
// gives ≥ 20px body text, ≥ 60×60 px controls, line height ≥ 1.5 and no
// horizontal scrolling at 375px with the phone's text size doubled; an
// article weighs < 30 KB gzip (HTML + CSS + JS); no request leaves the origin.
//   node frontend_quality.js HONGFAN REPO [SCREENSHOT_DIR]
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { req, tempDir, build, serve, browser, firstArticle, check, done } = require('./lib/harness');

const [hongfan, site, shots] = process.argv.slice(2);
const axeSource = fs.readFileSync(require.resolve(path.join(path.dirname(require.resolve('./lib/harness')),
  '../../../node_modules/axe-core/axe.min.js')), 'utf8');

(async () => {
  const out = build(hongfan, site, path.join(tempDir('hf-front-'), 'public'));
  const server = await serve(out);
  const origin = new URL(server.url).origin;
  const article = firstArticle(out, 'news');
  const pages = ['', 'news/', `news/${article}/`, 'search/', 'notices/', 'pages/about/', 'tags/'];
  // Photos (issue 14): the article with a gallery, the activity with a video.
  for (const p of ['news/yizhen/', 'activities/2026-11-market/'])
    if (fs.existsSync(path.join(out, p, 'index.html'))) pages.push(p);
  for (const p of ['grids/g01/', 'org/jsjy/', 'stations/hf-east/', 'activities/', 'points/'])
    if (fs.existsSync(path.join(out, p, 'index.html'))) pages.push(p);
  const b = await browser();
  try {
    const context = await b.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2,
                                         isMobile: true, hasTouch: true });
    const foreign = [];
    const weights = {};
    context.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    const page = await context.newPage();
    for (const mode of ['normal', 'elder']) {
      for (const p of pages) {
        const url = server.url + p + (p === 'search/' ? '?q=' + encodeURIComponent('网格员') : '');
        const bytes = [];
        const onResponse = async (r) => { try { bytes.push({ url: r.url(), body: await r.body() }); } catch (e) { /* redirect */ } };
        page.on('response', onResponse);
        await page.goto(url, { waitUntil: 'networkidle' });
        page.off('response', onResponse);
        if (mode === 'normal') weights[p] = bytes;
        if (p === 'search/') await page.waitForSelector('#search-results li', { timeout: 10000 }).catch(() => {});
        if (mode === 'elder' && p === '') {
          // Switch on with the real button; the choice must survive a reload.
          await page.click('#elder-toggle');
          const pressed = await page.getAttribute('#elder-toggle', 'aria-pressed');
          check(pressed === 'true', `elder /: the button says it is pressed once clicked (aria-pressed ${pressed})`);
          await page.reload({ waitUntil: 'networkidle' });
        }
        const isElder = await page.evaluate(() => document.documentElement.classList.contains('elder'));
        check(isElder === (mode === 'elder'), `${mode} ${p || '/'}: 长辈版 is ${isElder ? 'on' : 'off'}`);
        // Screen readers hear the remembered state too, on every page.
        const pressed = await page.evaluate(() => { const b = document.getElementById('elder-toggle'); return b ? b.getAttribute('aria-pressed') : null; });
        check(pressed === null || pressed === String(mode === 'elder'), `${mode} ${p || '/'}: the 长辈版 button's aria-pressed is ${pressed}`);
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const v = result.violations.map((x) => `${x.id} (${x.nodes.length}: ${x.nodes[0].target.join(' ')})`);
        check(v.length === 0, `${mode} ${p || '/'}: axe-core finds no violations${v.length ? ': ' + v.join('; ') : ''}`);
        if (mode === 'elder') await elderChecks(page, p || '/');
        if (shots) await page.screenshot({ path: path.join(shots, `${mode}-${(p || 'home').replace(/\//g, '_')}.png`), fullPage: true });
      }
    }
    // Page weight of an article: HTML + CSS + JS, gzip-compressed.
    const res = weights[`news/${article}/`].filter((r) => /\.(css|js)$|\/$/.test(new URL(r.url).pathname));
    const gz = res.reduce((n, r) => n + zlib.gzipSync(r.body, { level: 9 }).length, 0);
    check(gz < 30 * 1024, `article page weight ${(gz / 1024).toFixed(1)} KB gzip (HTML + CSS + JS, ${res.length} files) < 30 KB`);
    check(foreign.length === 0, `no request leaves the origin${foreign.length ? ': ' + foreign.join(', ') : ''}`);
  } finally {
    await b.close();
    server.close();
  }
  done('frontend_quality');
})().catch((e) => { console.error(e); process.exit(1); });

async function elderChecks(page, name) {
  const m = await page.evaluate(() => {
    const px = (el, prop) => parseFloat(getComputedStyle(el)[prop]);
    const body = document.body;
    const texts = Array.from(document.querySelectorAll('main p, main li'))
      .filter((e) => e.offsetParent && e.textContent.trim()).map((e) => px(e, 'fontSize'));
    const controls = Array.from(document.querySelectorAll('button, .menu a, .pager a, .tool, .term, input'))
      .filter((e) => e.offsetParent && !e.closest('.visually-hidden'))
      .map((e) => { const r = e.getBoundingClientRect(); return { w: r.width, h: r.height, t: e.textContent.trim() || e.tagName }; });
    return { body: px(body, 'fontSize'), lineHeight: px(body, 'lineHeight') / px(body, 'fontSize'),
             minText: Math.min(...texts), small: controls.filter((c) => c.w < 60 || c.h < 60),
             h1: Math.max(0, ...Array.from(document.querySelectorAll('h1')).filter((e) => e.offsetParent).map((e) => px(e, 'fontSize'))) };
  });
  check(m.body >= 20 && m.minText >= 20, `elder ${name}: body text ${m.body}px, smallest paragraph/list text ${m.minText}px (≥ 20)`);
  check(m.h1 === 0 || m.h1 > m.body, `elder ${name}: headings larger than body (${m.h1}px)`);
  check(m.lineHeight >= 1.5, `elder ${name}: line height ${m.lineHeight.toFixed(2)} (≥ 1.5)`);
  check(m.small.length === 0, `elder ${name}: controls ≥ 60×60 px${m.small.length ? ': ' + JSON.stringify(m.small.slice(0, 4)) : ''}`);
  // The phone's own text size doubled (what WeChat's font setting does).
  const wide = await page.evaluate(() => {
    const s = document.createElement('style');
    s.id = 'doubled';
    // (Charts laid out too, though off the screen: see photos_browser.js.)
    s.textContent = 'html { font-size: 200% !important } html.elder { font-size: 250% !important }' +
      ' .chart { content-visibility: visible !important }';
    document.head.appendChild(s);
    const w = document.documentElement.scrollWidth;
    s.remove();
    return w;
  });
  check(wide <= 375, `elder ${name}: no horizontal scrolling at 375px with doubled text size (width ${wide}px)`);
  const adjust = await page.evaluate(() => Array.from(document.styleSheets).some((sh) => {
    try { return Array.from(sh.cssRules).some((r) => /text-size-adjust:\s*none/.test(r.cssText)); } catch (e) { return false; }
  }));
  check(!adjust, `elder ${name}: text-size-adjust is never none`);
}
