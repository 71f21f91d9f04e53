// hongfan studio in Chromium, played by three users on a non-local bind
// (logins required): 编辑 writes a news article with a table (toolbar) and a
// photo carrying GPS EXIF (chosen as on a phone, inserted at the cursor),
// sees the live preview rendered by the site's theme, saves and submits,
// imports a Word .docx with an image (made here with python3-docx),
// replaces the points ledger with an Excel workbook (openpyxl) after its
// preview, and changes the first grid's 网格长's phone in the grid form;
// 审核 approves; 发布 publishes. The built site shows the article, the
// Word document, the new phone and the ledger's new row; the published
// photos have no EXIF; public/ passes the Nu checker and linkchecker; git
// log names each user for each step. axe-core finds no violation on any
// studio page (data forms and 网站检查 included). Screenshots at 390 px and
// 1280 px.
//   node studio_browser.js HONGFAN REPO [SCREENSHOT_DIR]
'use strict';
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { tempDir, browser, check, done } = require('./lib/harness');

const [hongfan, repo, shots] = process.argv.slice(2);
const axeSource = fs.readFileSync(path.join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');
const bind = '127.0.0.2';

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

function hash(login) {
  const out = execFileSync(hongfan, ['studio', 'passwd', login], { input: `${login}-pass\n` }).toString();
  return /password_hash: "([^"]+)"/.exec(out)[1];
}

async function axe(page, what) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const v = result.violations.map((x) => `${x.id} (${x.nodes.length}: ${x.nodes[0].target.join(' ')})`);
  check(v.length === 0, `${what}: axe-core finds no violations${v.length ? ': ' + v.join('; ') : ''}`);
}

async function login(b, width, loginName) {
  const context = await b.newContext({ viewport: { width, height: 900 }, isMobile: width < 500, hasTouch: width < 500 });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  await page.goto(`http://${bind}:${global.port}/articles`);
  await page.getByLabel('用户名').fill(loginName);
  await page.getByLabel('密码').fill(`${loginName}-pass`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/articles$/);
  return page;
}

(async () => {
  const tmp = tempDir('hf-studio-');
  const site = path.join(tmp, 'site');
  fs.mkdirSync(site);
  for (const e of ['site.yaml', 'content', 'data', 'static']) fs.cpSync(path.join(repo, e), path.join(site, e), { recursive: true });
  fs.writeFileSync(path.join(site, 'studio.yaml'), `users:
  - {name: 王芳, login: wangfang, password_hash: "${hash('wangfang')}", roles: [编辑]}
  - {name: 李明, login: liming, password_hash: "${hash('liming')}", roles: [审核]}
  - {name: 赵磊, login: zhaolei, password_hash: "${hash('zhaolei')}", roles: [发布]}
`);
  const photo = path.join(tmp, 'phone.jpg');
  execFileSync('vips', ['black', photo + '[Q=90]', '80', '60']);
  execFileSync('exiftool', ['-q', '-overwrite_original', '-GPSLatitude=35.4153', '-GPSLatitudeRef=N',
                            '-GPSLongitude=116.5871', '-GPSLongitudeRef=E', photo]);
  global.port = await freePort();
  const studio = spawn(hongfan, ['studio', '-s', site, '--bind', bind, '--port', String(global.port)], { stdio: 'inherit' });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((r) => net.connect(global.port, bind).on('connect', function () { this.end(); r(true); }).on('error', () => r(false)));
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const b = await browser();
  try {
    // The login page itself.
    const anon = await (await b.newContext({ viewport: { width: 390, height: 800 } })).newPage();
    await anon.goto(`http://${bind}:${global.port}/`);
    check(anon.url().endsWith('/login'), 'no session: the studio asks for a login');
    await axe(anon, 'login');
    if (shots) await anon.screenshot({ path: path.join(shots, 'studio-login-390.png'), fullPage: true });

    // 编辑, on a phone.
    const editor = await login(b, 390, 'wangfang');
    await axe(editor, 'article list (390)');
    if (shots) await editor.screenshot({ path: path.join(shots, 'studio-list-390.png') });
    await editor.goto(`http://${bind}:${global.port}/new`);
    await editor.getByLabel('栏目', { exact: true }).selectOption('news');
    await editor.getByLabel('标题').fill('网格员入户走访独居老人');
    await editor.getByLabel('日期').fill('2024-06-03');
    await editor.getByLabel('摘要').fill('第一网格网格员走访辖区独居老人。');
    await editor.getByLabel('标签').fill('网格, 走访');
    const body = editor.getByRole('textbox', { name: '正文' });
    await body.fill('网格员逐户了解老人的生活情况。\n');
    await body.press('End');
    await editor.getByRole('button', { name: '表格' }).click();
    await body.press('Control+End');
    await editor.getByLabel('照片').setInputFiles(photo);
    await editor.waitForFunction(() => /已插入/.test(document.getElementById('upload-status').textContent));
    const text = await body.inputValue();
    check(/\| 项目 \| 内容 \|/.test(text), 'toolbar: 表格 inserts a table');
    check(/!\[照片\]\(\/images\/\d{4}\/\d{2}\/phone-[0-9a-f]{8}\.jpg\)/.test(text), 'photo: uploaded and inserted at the cursor');
    check(/\|\n\n!\[照片\]/.test(text), 'photo: a paragraph of its own after the table, not a table row');
    // Live preview through the site's own pipeline and theme.
    await editor.waitForFunction(() => /\/preview\//.test(document.getElementById('preview').src), null, { timeout: 60000 });
    const frame = editor.frameLocator('#preview');
    await frame.locator('h1').filter({ hasText: '网格员入户走访独居老人' }).waitFor({ timeout: 60000 });
    check(await frame.locator('table').count() > 0, 'preview: the theme renders the article with its table');
    await axe(editor, 'new article form (390)');
    if (shots) await editor.screenshot({ path: path.join(shots, 'studio-edit-390.png'), fullPage: true });
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.waitForURL(/saved=1/);
    const created = decodeURIComponent(/path=([^&]+)/.exec(editor.url())[1]);
    check(/^content\/news\/2024-06-03-[0-9a-f]{6}\.md$/.test(created), `saved as ${created}`);
    check(/draft: true/.test(fs.readFileSync(path.join(site, created), 'utf8')), 'a new article waits as a draft');
    await editor.getByRole('button', { name: '提交审核' }).click();
    await editor.waitForURL(/\/review$/);
    await axe(editor, 'review page (editor)');

    // A Word document with a heading, bold, a list, a table and a photo.
    const docx = path.join(tmp, '通知.docx');
    execFileSync('/usr/bin/python3', ['-c', `
import docx, sys
d = docx.Document()
d.add_heading('关于开展夏季消防安全检查的通知', 1)
p = d.add_paragraph('请各网格')
p.add_run('于6月10日前').bold = True
p.add_run('完成检查。')
d.add_paragraph('检查楼道杂物', style='List Bullet')
d.add_paragraph('检查电动车充电', style='List Bullet')
t = d.add_table(rows=2, cols=2)
t.cell(0, 0).text = '网格'; t.cell(0, 1).text = '负责人'
t.cell(1, 0).text = '第一网格'; t.cell(1, 1).text = '王芳'
d.add_picture(sys.argv[2])
d.save(sys.argv[1])
`, docx, photo]);
    await editor.goto(`http://${bind}:${global.port}/new`);
    await editor.getByLabel('Word 文档').setInputFiles(docx);
    await editor.getByRole('button', { name: '导入' }).click();
    await editor.waitForURL(/saved=1/);
    const imported = decodeURIComponent(/path=([^&]+)/.exec(editor.url())[1]);
    const md = fs.readFileSync(path.join(site, imported), 'utf8');
    check(/title: 关于开展夏季消防安全检查的通知/.test(md) && /draft: true/.test(md), 'import: the heading is the title; a draft');
    check(/\*\*于6月10日前\*\*/.test(md) && /检查楼道杂物/.test(md) && /\| 第一网格/.test(md),
          'import: bold, list and table kept');
    const wordImage = /!\[[^\]]*\]\((\/images\/\d{4}\/\d{2}\/word-[0-9a-f]{10}\.jpg)\)/.exec(md);
    check(wordImage, 'import: the image is extracted and stored');
    if (wordImage) {
      const exif = execFileSync('exiftool', ['-a', '-EXIF:all', '-GPS:all', path.join(site, 'static' + wordImage[1])]).toString();
      check(!/GPS|Latitude/.test(exif), 'import: the stored image has no EXIF/GPS');
    }
    await editor.getByRole('button', { name: '提交审核' }).click();
    await editor.waitForURL(/\/review$/);
    // The points ledger as an Excel workbook (made with openpyxl from the
    // demo's CSV, plus one row): preview, then replace; the CSV goes, and
    // stays in the history.
    await editor.goto(`http://${bind}:${global.port}/ledger`);
    await axe(editor, 'ledger page');
    const csvLedger = path.join(site, 'data/points.csv');
    const lines = new TextDecoder('gbk').decode(fs.readFileSync(csvLedger)).split(/\r?\n/).filter((l) => l.trim());
    const first = lines[1].split(',');
    const total = lines.slice(1).map((l) => l.split(',')).filter((r) => r[1] === first[1] && r[2] === first[2])
      .reduce((sum, r) => sum + Number(r[4]), 0) + 777;
    const upload = path.join(tmp, '积分台账.xlsx');
    execFileSync('/usr/bin/python3', ['-c', `
import openpyxl, sys
rows = [l.split(',') for l in sys.stdin.read().splitlines() if l.strip()]
wb = openpyxl.Workbook()
ws = wb.active
for r in rows:
    ws.append([int(c) if c.lstrip('-').isdigit() else c for c in r])
ws.append(['2026-11-05', rows[1][1], rows[1][2], rows[1][3], 777, '参加网格巡查'])
wb.save(sys.argv[1])
`, upload], { input: lines.join('\n') });
    await editor.getByLabel('积分台账文件').setInputFiles(upload);
    await editor.getByRole('button', { name: '上传并预览' }).click();
    await editor.getByText('新增 1 行').waitFor();
    await axe(editor, 'ledger preview');
    if (shots) await editor.screenshot({ path: path.join(shots, 'studio-ledger-390.png'), fullPage: true });
    await editor.getByRole('button', { name: '替换台账' }).click();
    await editor.getByText('台账已替换').waitFor();
    const xlsxLedger = path.join(site, 'data/points.xlsx');
    check(fs.existsSync(xlsxLedger) && Buffer.compare(fs.readFileSync(xlsxLedger), fs.readFileSync(upload)) === 0 &&
          !fs.existsSync(csvLedger), 'ledger: the workbook replaced the CSV; one ledger remains');
    const oldCsv = execFileSync('git', ['-C', site, 'show', 'HEAD~1:data/points.csv']).length;
    check(oldCsv > 1000, 'ledger: the old CSV is still in the git history');

    // The grid form: the first grid's 网格长 gets a new phone number.
    await editor.goto(`http://${bind}:${global.port}/data`);
    await axe(editor, 'data files');
    await editor.getByRole('link', { name: '网格', exact: true }).click();
    const chief = editor.getByRole('group', { name: '第1项：网格长 向勤春' });
    await chief.getByLabel('电话').fill('13805379999');
    await axe(editor, 'grid form (390)');
    if (shots) await editor.screenshot({ path: path.join(shots, 'studio-grid-390.png') });
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.waitForURL(/saved=1/);
    const grids = fs.readFileSync(path.join(site, 'data/grids.yaml'), 'utf8');
    check(/\{role: 网格长, name: 向勤春, phone: "13805379999", duty: 社区两委委员\}/.test(grids) &&
          /^# 网格：/.test(grids), 'grid form: the phone changed in place, comments and quotes kept');

    await editor.goto(`http://${bind}:${global.port}/history?path=${encodeURIComponent(created)}`);
    await axe(editor, 'history page');

    // 审核, on a desk.
    const reviewer = await login(b, 1280, 'liming');
    if (shots) await reviewer.screenshot({ path: path.join(shots, 'studio-list-1280.png') });
    await reviewer.goto(`http://${bind}:${global.port}/edit?path=${encodeURIComponent(created)}`);
    await reviewer.locator('#preview').waitFor();
    await reviewer.waitForFunction(() => /\/preview\//.test(document.getElementById('preview').src), null, { timeout: 60000 });
    await axe(reviewer, 'edit form (1280)');
    if (shots) await reviewer.screenshot({ path: path.join(shots, 'studio-edit-1280.png') });
    await reviewer.goto(`http://${bind}:${global.port}/data/edit?file=data/org.yaml`);
    await axe(reviewer, 'org tree form (1280)');
    if (shots) await reviewer.screenshot({ path: path.join(shots, 'studio-org-1280.png') });
    await reviewer.goto(`http://${bind}:${global.port}/check`);
    await axe(reviewer, 'check findings (1280)');
    if (shots) await reviewer.screenshot({ path: path.join(shots, 'studio-check-1280.png') });
    await reviewer.goto(`http://${bind}:${global.port}/review`);
    await axe(reviewer, 'review page (reviewer)');
    if (shots) await reviewer.screenshot({ path: path.join(shots, 'studio-review-1280.png'), fullPage: true });
    for (let i = 0; i < 2; i++) {
      await reviewer.getByRole('button', { name: '通过' }).first().click();
      await reviewer.waitForURL(/\/review$/);
    }
    check(await reviewer.getByRole('button', { name: '通过' }).count() === 0, '审核 approved both');

    // 发布.
    const publisher = await login(b, 1280, 'zhaolei');
    await publisher.goto(`http://${bind}:${global.port}/review`);
    await publisher.getByRole('button', { name: '发布' }).click();
    await publisher.getByText('上一次发布').waitFor({ timeout: 120000 });
    await axe(publisher, 'review page after publishing');
    const pub = path.join(site, 'public');
    const slug = path.basename(created, '.md').replace(/^\d{4}-\d{2}-\d{2}-/, '');
    const articleFile = path.join(pub, 'news', slug, 'index.html');
    const html = fs.existsSync(articleFile) ? fs.readFileSync(articleFile, 'utf8') : '';
    check(/网格员入户走访独居老人/.test(html), `published: the article is on the site (news/${slug}/)`);
    check(/<table/.test(html) && /phone-[0-9a-f]{8}/.test(html), 'published: with its table and photo');
    const notice = execFileSync('grep', ['-rl', '关于开展夏季消防安全检查的通知', path.join(pub, 'news')]).toString();
    check(/news\/[^/]+\/index\.html/.test(notice), 'published: the imported Word document');
    const images = execFileSync('find', [pub, '-name', 'phone-*', '-o', '-name', 'word-*']).toString().trim().split('\n').filter(Boolean);
    const exif = images.length ? execFileSync('exiftool', ['-a', '-EXIF:all', '-GPS:all', ...images]).toString() : 'none';
    check(images.length > 0 && !/GPS|Latitude/.test(exif), `published photos carry no EXIF/GPS (${images.length} files)`);
    const gridPages = execFileSync('grep', ['-rl', '13805379999', pub]).toString();
    check(/grids?\//.test(gridPages) || gridPages.length > 0, 'published: the 网格长\'s new phone is on the site');
    const points = execFileSync('grep', ['-rlw', String(total), pub]).toString();
    check(points.length > 0, `published: the ledger's new row counts (${first[1]} now has ${total} points)`);
    const tools = path.join(repo, 'tests/tools');
    let nu = '';
    try { nu = execFileSync('bash', [path.join(tools, 'check_html.sh'), pub], { env: { ...process.env, HONGFAN_NODE_MODULES: path.join(repo, 'node_modules') } }).toString(); } catch (e) { nu = 'FAILED ' + e.stdout; }
    check(!/FAILED/.test(nu), `public/ passes the Nu checker ${nu.split('\n').slice(-3).join(' ')}`);
    let links = '';
    try { links = execFileSync('bash', [path.join(tools, 'check_links.sh'), pub]).toString(); } catch (e) { links = 'FAILED ' + e.stdout; }
    check(!/FAILED/.test(links), `public/ passes linkchecker ${links.split('\n').slice(-3).join(' ')}`);
    const log = execFileSync('git', ['-C', site, 'log', '--format=%an|%s']).toString();
    for (const [who, what] of [['王芳', '上传照片'], ['王芳', '新建'], ['王芳', '导入 Word'], ['王芳', '更新积分台账'], ['王芳', '修改网格'],
                               ['王芳', '提交审核'], ['李明', '审核通过'], ['赵磊', '发布网站']])
      check(log.split('\n').some((l) => l.startsWith(`${who}|${what}`)), `git log: ${what} by ${who}`);
  } finally {
    await b.close();
    studio.kill();
  }
  done('studio_browser');
})().catch((e) => { console.error(e); process.exit(1); });
