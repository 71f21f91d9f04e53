// Photos on a phone (issue 14), in headless Chromium at 390×844 on the fixture
// of make_photos_site.sh: in normal and 长辈版, light and dark, at 100, 150
// and 200% text (WeChat's 字体大小), no page scrolls sideways, the menu
// keeps to one row and the header buttons' labels do not break; the home page's first screen shows the lead photo (and
// its first-screen images weigh ≤ 200 KB); ?长辈版=1 and #elder switch
// 长辈版 on and it is remembered; a gallery photo opens large and Escape
// closes it; axe-core finds nothing on home, a list, the gallery article and
// the activity with a video, in both modes and both colour schemes.
//   node photos_browser.js HONGFAN REPO [SCREENSHOT_DIR]
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { repo, tempDir, build, serve, browser, check, done } = require('./lib/harness');

const [hongfan, root, shots] = process.argv.slice(2);
const axeSource = fs.readFileSync(path.join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');
const W = 390, H = 844;

(async () => {
  // PHOTOS_BUILT: an output of the fixture already built (while working on the theme).
  let out = process.env.PHOTOS_BUILT;
  if (!out) {
    const dir = tempDir('hf-photos-');
    execFileSync('bash', [path.join(root, 'tests/e2e/make_photos_site.sh'), root, path.join(dir, 'site')], { stdio: 'inherit' });
    out = build(hongfan, path.join(dir, 'site'), path.join(dir, 'public'));
  }
  let server;
  for (let i = 0; !server; i++) {  // a busy machine can be slow to start the server
    try { server = await serve(out); } catch (e) { if (i >= 2) throw e; }
  }
  const pages = ['', 'news/', 'news/yizhen/', 'news/gallery/', 'activities/', 'activities/jishi/'];
  const b = await browser();
  try {
    for (const scheme of ['light', 'dark']) {
      const context = await b.newContext({ viewport: { width: W, height: H }, deviceScaleFactor: 2,
                                           isMobile: true, hasTouch: true, colorScheme: scheme });
      const page = await context.newPage();
      for (const mode of ['normal', 'elder']) {
        for (const p of pages) {
          const images = [];
          const onResponse = async (r) => {
            if (r.request().resourceType() === 'image') { try { images.push((await r.body()).length); } catch (e) { /* */ } }
          };
          page.on('response', onResponse);
          await page.goto(server.url + p + (mode === 'elder' && p === '' ? '?长辈版=1' : ''), { waitUntil: 'networkidle' });
          page.off('response', onResponse);
          const elder = await page.evaluate(() => document.documentElement.classList.contains('elder'));
          check(elder === (mode === 'elder'), `${scheme} ${mode} /${p}: 长辈版 ${elder ? 'on' : 'off'}${mode === 'elder' && p !== '' ? ' (remembered from ?长辈版=1)' : ''}`);
          if (p === '' && scheme === 'light') {
            const kb = images.reduce((a, n) => a + n, 0) / 1024;
            check(kb <= 200, `${mode} home: images loaded for the first screen ${kb.toFixed(0)} KB (≤ 200)`);
            const lead = await page.evaluate(() => {
              const img = document.querySelector('.lead img');
              if (!img) return null;
              const r = img.getBoundingClientRect();
              return { top: r.top, bottom: r.bottom, loaded: img.complete && img.naturalWidth > 0 };
            });
            check(lead && lead.bottom <= 844 && lead.loaded, `${mode} home: the lead photo is on the first screen (${JSON.stringify(lead)})`);
          }
          for (const scale of [100, 150, 200]) {
            const m = await page.evaluate((s) => {
              const st = document.createElement('style');
              // Charts are laid out only near the screen (content-visibility), which
              // would hide their overflow from scrollWidth: lay them out here.
              st.textContent = `html { font-size: ${s}% !important } html.elder { font-size: ${s * 1.25}% !important }` +
                ' .chart { content-visibility: visible !important }';
              document.head.appendChild(st);
              const tops = new Set(Array.from(document.querySelectorAll('.menu li')).map((li) => li.offsetTop));
              // A header button whose label breaks (搜/索) has more than one line box.
              const broken = Array.from(document.querySelectorAll('.tool')).filter((t) => {
                if (!t.offsetParent) return false;
                const range = document.createRange();
                range.selectNodeContents(t);
                return new Set(Array.from(range.getClientRects()).map((x) => Math.round(x.top))).size > 1;
              }).map((t) => t.textContent.trim());
              const r = { width: document.documentElement.scrollWidth, rows: tops.size, broken };
              return r;
            }, scale);
            check(m.width <= W, `${scheme} ${mode} /${p} at ${scale}% text: no sideways scrolling (width ${m.width}px)`);
            check(m.rows === 1, `${scheme} ${mode} /${p} at ${scale}% text: the menu is one row (${m.rows})`);
            check(m.broken.length === 0, `${scheme} ${mode} /${p} at ${scale}% text: header buttons keep their label on one line${m.broken.length ? ' (broken: ' + m.broken.join(', ') + ')' : ''}`);
            if (shots && (p === '' || p === 'news/yizhen/')) {
              await page.screenshot({ path: path.join(shots, `${scheme}-${mode}-${scale}-${(p || 'home').replace(/\//g, '_')}.png`) });
            }
            await page.evaluate(() => document.head.lastElementChild.remove());
          }
          if (['', 'news/', 'news/yizhen/', 'activities/jishi/'].includes(p)) {
            await page.addScriptTag({ content: axeSource });
            const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
            const v = result.violations.map((x) => `${x.id} (${x.nodes.length}: ${x.nodes[0].target.join(' ')})`);
            check(v.length === 0, `${scheme} ${mode} /${p}: axe-core finds no violations${v.length ? ': ' + v.join('; ') : ''}`);
          }
        }
        if (mode === 'elder') {
          await page.goto(server.url + '?长辈版=0', { waitUntil: 'networkidle' });
          const off = await page.evaluate(() => !document.documentElement.classList.contains('elder'));
          await page.goto(server.url + 'news/#elder', { waitUntil: 'networkidle' });
          const on = await page.evaluate(() => document.documentElement.classList.contains('elder'));
          await page.goto(server.url + '?长辈版=0', { waitUntil: 'networkidle' });
          check(off && on, `${scheme}: ?长辈版=0 switches 长辈版 off, #elder on`);
        }
      }
      // The gallery: a thumbnail opens its photo large; Escape closes it and
      // gives the focus back to the thumbnail.
      await page.goto(server.url + 'news/yizhen/', { waitUntil: 'networkidle' });
      await page.click('a[href="#hf-photo-3"]');
      await page.waitForTimeout(200);
      const opened = await page.evaluate(() => {
        const box = document.getElementById('hf-photo-3');
        const r = box.getBoundingClientRect();
        return getComputedStyle(box).display !== 'none' && r.width >= 380 && document.activeElement.classList.contains('lightbox-close');
      });
      check(opened, `${scheme}: a gallery thumbnail opens the photo large, focus on 关闭`);
      if (shots) await page.screenshot({ path: path.join(shots, `${scheme}-lightbox.png`) });
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(100);
      const next = await page.evaluate(() => location.hash);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(100);
      const closed = await page.evaluate(() => getComputedStyle(document.getElementById('hf-photo-4')).display === 'none' &&
        document.activeElement.getAttribute('href') === '#hf-photo-4');
      check(next === '#hf-photo-4' && closed, `${scheme}: → turns to the next photo, Escape closes and focuses its thumbnail`);
      await context.close();
    }
    // The article with photos: HTML ≤ 30 KB gzip.
    const html = fs.readFileSync(path.join(out, 'news/yizhen/index.html'));
    const gz = zlib.gzipSync(html, { level: 9 }).length / 1024;
    check(gz <= 30, `the article with photos and a gallery: HTML ${gz.toFixed(1)} KB gzip (≤ 30)`);
  } finally {
    await b.close();
    server.close();
  }
  done('photos_browser');
})().catch((e) => { console.error(e); process.exit(1); });
