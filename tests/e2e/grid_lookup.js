// 我的网格 in headless Chromium (acceptance 4 of issue 3): for every building
// of the demo, typing it into the lookup shows its grid(s); with JavaScript
// off, the grouped list has the building under its community, linking to
// its grid.
//   node grid_lookup.js SITE_OUTPUT_DIR REPO_ROOT
// The truth comes from data/grids.yaml and data/org.yaml (read with regular
// expressions: the demo writes one key per line), not from the page.
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");
const nm = process.env.HONGFAN_NODE_MODULES || path.join(__dirname, "..", "..", "node_modules");
const { chromium } = require(path.join(nm, "playwright-core"));

function readDemo(root) {
  const orgText = fs.readFileSync(path.join(root, "data", "org.yaml"), "utf8");
  const orgNames = {};
  for (const m of orgText.matchAll(/- id: ([a-z0-9-]+)\n\s+name: (.+)/g)) orgNames[m[1]] = m[2].trim();
  const gridText = fs.readFileSync(path.join(root, "data", "grids.yaml"), "utf8");
  const grids = [];
  for (const block of gridText.split(/\n  - id: /).slice(1)) {
    const id = block.split("\n")[0].trim();
    const field = (k) => (block.match(new RegExp("\\n    " + k + ": (.+)")) || [])[1];
    const buildings = (field("buildings") || "").replace(/^\[|\]$/g, "").split(",").map((s) => s.trim()).filter(Boolean);
    grids.push({ id, name: field("name").trim(), community: orgNames[field("community").trim()], buildings });
  }
  return grids;
}

(async () => {
  const [site, root] = process.argv.slice(2);
  const grids = readDemo(root);
  const byBuilding = new Map();
  for (const g of grids)
    for (const b of g.buildings) {
      if (!byBuilding.has(b)) byBuilding.set(b, []);
      byBuilding.get(b).push(g);
    }
  if (byBuilding.size === 0) throw new Error("no buildings in data/grids.yaml");
  const url = pathToFileURL(path.join(site, "grids", "index.html")).href;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ["--no-sandbox"],
  });
  const failures = [];
  let checked = 0;
  try {
    // With JavaScript: type each building, read the result box.
    const page = await (await browser.newContext({ viewport: { width: 375, height: 812 } })).newPage();
    await page.goto(url);
    const input = page.locator("#building-query");
    if (!(await input.isVisible())) failures.push("the lookup box is not shown with JavaScript");
    for (const [building, expected] of byBuilding) {
      await input.fill("");
      await input.fill(building);
      const got = await page.$$eval("#lookup-result .lookup-match", (ps) =>
        ps.map((p) => ({ text: p.textContent, href: p.querySelector("a").getAttribute("href") })));
      const want = expected.map((g) => ({ text: `${g.community} ${building} 属于 ${g.name}`, href: `../grids/${g.id}/` }));
      const norm = (xs) => JSON.stringify(xs.map((x) => x.text + " → " + x.href).sort());
      const wantNorm = norm(want);
      if (norm(got) !== wantNorm) failures.push(`JS: '${building}' shows ${norm(got)}, want ${wantNorm}`);
      checked++;
    }
    // Typing only the number finds the same building.
    await input.fill("3");
    const three = await page.$$eval("#lookup-result .lookup-match", (ps) => ps.map((p) => p.textContent));
    if (!three.some((t) => t.includes(" 3号楼 属于 "))) failures.push(`JS: '3' does not find 3号楼 (${three})`);

    // Without JavaScript: the grouped list.
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    const plain = await ctx.newPage();
    await plain.goto(url);
    if (await plain.locator("#building-query").isVisible()) failures.push("no JS: the lookup box shows but cannot work");
    const rows = await plain.$$eval(".building-group", (groups) => groups.flatMap((g) =>
      Array.from(g.querySelectorAll("li[data-building]")).map((li) => ({
        community: g.querySelector("h3").textContent.trim(),
        building: li.querySelector(".b-name").textContent.trim(),
        grid: li.querySelector(".b-grid").textContent.trim(),
        href: li.querySelector("a").getAttribute("href"),
        visible: li.offsetParent !== null,
      }))));
    for (const [building, expected] of byBuilding) {
      for (const g of expected) {
        const hit = rows.find((r) => r.building === building && r.community === g.community);
        if (!hit) failures.push(`no JS: '${building}' is not listed under ${g.community}`);
        else if (hit.grid !== g.name || hit.href !== `../grids/${g.id}/` || !hit.visible)
          failures.push(`no JS: '${building}' under ${g.community} shows ${JSON.stringify(hit)}, want ${g.name}`);
        checked++;
      }
    }
  } finally {
    await browser.close();
  }
  for (const f of failures.slice(0, 30)) console.log("FAIL " + f);
  console.log(`${checked} lookups checked, ${failures.length} failed`);
  process.exit(failures.length || checked === 0 ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
