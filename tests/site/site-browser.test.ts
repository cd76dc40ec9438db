import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../pipeline/types.ts';
import { ROOT, runCli } from '../support/run-cli.ts';
import { launchChromium } from './support/browser.ts';
import { makeDataset } from './support/make-dataset.ts';
import { firstResultMs, throttleCpu } from './support/search-latency.ts';
import { serveFolder, type StaticServer } from './support/static-server.ts';
import { committedRecords } from '../support/committed-records.ts';

// The landing page in a real browser, served over HTTP from 127.0.0.1 like GitHub Pages would.
const ARTEFACTS = join(ROOT, 'test-results');

// Screenshots are artefacts for a person to look at; Chromium sometimes refuses a capture of a
// tall page on the first try ("Unable to capture screenshot"), so it is asked once more.
async function snapshotOf(
  page: Page,
  options: { path: string; fullPage?: boolean },
): Promise<void> {
  try {
    await page.screenshot(options);
  } catch {
    await page.waitForTimeout(250);
    await page.screenshot(options);
  }
}

let dir: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let records: Document[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kamervragen-site-'));
  await makeDataset(dir);
  const site = await runCli(['site'], { cwd: dir });
  expect(site.code, site.stderr).toBe(0);
  records = committedRecords<Document>(join(dir, 'dist'));
  server = await serveFolder(join(dir, 'dist'));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  page = await context.newPage();
  await page.goto(`${server.origin}/site/index.html`);
  await mkdir(ARTEFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const rowIds = () => page.locator('#documents tbody tr small').allTextContents();

describe('landing page in Chromium', () => {
  it('states the version, the counts and the licence', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'dist', 'manifest.json'), 'utf8')) as {
      version: string;
    };
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Kamervragen/);
    await expect(page.locator('.badge').first().textContent()).resolves.toBe(
      `Version ${manifest.version}`,
    );
    const facts = await page.locator('.facts li').allTextContents();
    expect(facts[0]).toBe(`${records.length}documents`);
    expect(facts[1]).toBe(`${records.reduce((n, r) => n + r.questions.length, 0)}questions`);
    await expect(page.locator('body').textContent()).resolves.toMatch(/CC0 1\.0/);
  });

  it('links every asset of the release with its size and the sha256 of the served bytes', async () => {
    const rows = page.locator('#download table tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(10);
    const jsonRow = rows
      .filter({ has: page.locator('a', { hasText: /^kamervragen-[\d.]+\.json$/ }) })
      .first();
    const href = await jsonRow.locator('a').getAttribute('href');
    const shown = (await jsonRow.locator('td.hash').textContent())?.trim();
    const response = await page.request.get(new URL(href ?? '', page.url()).toString());
    expect(response.status()).toBe(200);
    expect(
      createHash('sha256')
        .update(await response.body())
        .digest('hex'),
    ).toBe(shown);
  });

  it('search finds the seed documents by asker, subject and minister', async () => {
    await page.fill('#q', 'Sjoerdsma emoties');
    await expect.poll(rowIds).toEqual(['ah-tk-20182019-3922']);
    await expect(page.locator('#result-count').textContent()).resolves.toMatch(
      /^Showing 1 of 1 matching/,
    );
    await page.fill('#q', 'minister blok buitenlandse');
    await expect.poll(rowIds).toContain('ah-tk-20202021-2310');
    expect(
      await page
        .locator('#documents tbody tr')
        .evaluateAll((trs) => trs.every((tr) => /Blok/.test(tr.textContent ?? ''))),
    ).toBe(true);
    await page.locator('#browse').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTEFACTS, 'site-search.png') });
    await page.fill('#q', '');
  });

  it('a party filter narrows the table to documents with an asker of that party', async () => {
    await page.fill('#q', '');
    const count = () => page.locator('#result-count').textContent();
    await expect.poll(count).toMatch(new RegExp(`of ${records.length} matching`));
    await page.selectOption('#party', 'CDA');
    const expected = records
      .filter((r) => r.askers?.some((a) => a.party === 'CDA'))
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(records.length);
    await expect.poll(async () => (await rowIds()).sort()).toEqual(expected.sort());
    await page.selectOption('#year', '2021');
    const both = records
      .filter((r) => r.askers?.some((a) => a.party === 'CDA') && r.submitted?.startsWith('2021'))
      .map((r) => r.id);
    await expect.poll(async () => (await rowIds()).sort()).toEqual(both.sort());
    expect(page.url()).toMatch(/party=CDA/);
    await page.click('#filters button[type=reset]');
    await expect.poll(async () => (await rowIds()).length).toBe(Math.min(50, records.length));
  });

  it('the copy button puts the citation of this version on the clipboard', async () => {
    await page.click('button[data-copy=citation-apa]');
    await expect
      .poll(() => page.locator('#copy-status-apa').textContent())
      .toBe('Copied to the clipboard.');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    const shown = (await page.locator('#citation-apa').textContent())?.trim();
    expect(clip).toBe(shown);
    const cff = await readFile(join(dir, 'CITATION.cff'), 'utf8');
    const version = /^version: "?([^"\n]+)"?$/m.exec(cff)?.[1];
    expect(clip).toContain(`(Version ${version})`);
  });

  it('draws the four charts with bars that add up to the data, and marks the 3-week norm', async () => {
    for (const id of ['chart-month', 'chart-response', 'chart-party', 'chart-ministry']) {
      const svg = page.locator(`svg#${id}`);
      const box = await svg.boundingBox();
      expect(box?.width, id).toBeGreaterThan(200);
      expect(await svg.locator('rect.bar').count(), id).toBeGreaterThan(0);
    }
    const values = await page
      .locator('#chart-response rect.bar')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(values.reduce((a, b) => a + b, 0)).toBe(
      records.filter((r) => r.response_days !== null).length,
    );
    await expect(page.locator('#chart-response line.norm').count()).resolves.toBe(1);
    const months = await page
      .locator('#chart-month rect.bar')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(months.reduce((a, b) => a + b, 0)).toBe(
      records.filter((r) => r.submitted).reduce((n, r) => n + r.questions.length, 0),
    );
  });

  it('loads nothing from other servers and is usable from the keyboard', async () => {
    expect(
      server.requests.filter((p) => !p.startsWith('/site/') && !p.startsWith('/releases/')),
    ).toEqual([]);
    await page.goto(`${server.origin}/site/index.html`);
    await page.screenshot({ path: join(ARTEFACTS, 'site-landing.png'), fullPage: false });
    await page.screenshot({ path: join(ARTEFACTS, 'site-landing-full.png'), fullPage: true });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Skip to content',
    );
    const unlabelled = await page
      .locator('input, select')
      .evaluateAll((els) => els.filter((e) => !e.closest('label')).length);
    expect(unlabelled).toBe(0);
    // Searching from the keyboard: focus the search box, type, the results follow.
    await page.locator('#q').focus();
    await page.keyboard.type('Sjoerdsma emoties');
    await expect.poll(rowIds).toEqual(['ah-tk-20182019-3922']);
    await page.fill('#q', '');
  });

  it('text has WCAG AA contrast against its background', async () => {
    const { checked, failures } = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = (c: string) => {
        const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const background = (el: Element | null): string => {
        for (let e = el; e; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor;
          if ((rgb(c)[3] ?? 1) > 0) return c;
        }
        return 'rgb(255, 255, 255)';
      };
      const out: string[] = [];
      let count = 0;
      const selector =
        'p, li, td, th, a, button, label, h1, h2, h3, summary, figcaption small, .badge, .hash';
      for (const el of Array.from(document.querySelectorAll(selector))) {
        if (!(el as HTMLElement).offsetParent || !el.textContent?.trim()) continue;
        count += 1;
        const fg = lum(getComputedStyle(el).color);
        const bg = lum(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio < 4.5)
          out.push(
            `${el.tagName}.${el.className} ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 30)}"`,
          );
      }
      return { checked: count, failures: out };
    });
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('opens a document with its questions and answers side by side and working footnote links', async () => {
    await page.fill('#q', 'Sjoerdsma');
    await page
      .locator('#documents a', { hasText: /emoties/ })
      .first()
      .click();
    await page.waitForURL(/doc\.html\?id=ah-tk-20182019-3922$/);
    const first = page.locator('section.qa').first();
    await first.waitFor();
    const q = await first.locator('.question').boundingBox();
    const a = await first.locator('.answer').boundingBox();
    expect(q && a && a.x > q.x + q.width - 1 && Math.abs(a.y - q.y) < 40).toBe(true);
    await expect(first.locator('.question h3').textContent()).resolves.toBe('Vraag 1');
    await expect(first.locator('.answer h3').textContent()).resolves.toBe('Antwoord 1');
    const marker = first.locator('sup a').first();
    const target = (await marker.getAttribute('href')) ?? '';
    expect(target).toBe('#fn-1');
    await marker.click();
    await expect(
      page.locator(`li${target}`).locator('a').first().getAttribute('href'),
    ).resolves.toMatch(/^https?:\/\//);
    await page.screenshot({ path: join(ARTEFACTS, 'site-document.png') });
  });

  it('works offline from the folder (file://), scripts included', async () => {
    const offline = await context.newPage();
    const errors: string[] = [];
    offline.on('pageerror', (e) => errors.push(e.message));
    await offline.goto(pathToFileURL(join(dir, 'dist', 'site', 'index.html')).toString());
    // The table's data loads when the reader scrolls near it.
    expect(await offline.locator('#documents tbody tr').count()).toBe(0);
    await offline.locator('#browse').scrollIntoViewIfNeeded();
    await expect.poll(() => offline.locator('#documents tbody tr').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await offline.close();
  });
});

describe('the site on a phone (390 px) and the full-text search', () => {
  let phone: Page;
  beforeAll(async () => {
    const small = await browser.newContext({ viewport: { width: 390, height: 844 } });
    phone = await small.newPage();
  });
  const sideways = () =>
    phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );

  it('has no horizontal scroll on the landing page, the search results and a document page', async () => {
    await phone.goto(`${server.origin}/site/index.html`);
    expect(await sideways(), 'landing page').toBe(0);
    await snapshotOf(phone, { path: join(ARTEFACTS, 'site-phone-landing.png'), fullPage: true });
    await phone.goto(`${server.origin}/site/index.html?q=Blok#browse`);
    await phone.locator('#documents tbody tr').first().waitFor();
    expect(await sideways(), 'search results').toBe(0);
    // The table has become cards: every value, "Answered by" and "Days" too, is on screen.
    const cells = await phone
      .locator('#documents tbody tr')
      .first()
      .locator('td')
      .evaluateAll((tds) =>
        tds.map((td) => [td.getAttribute('data-label'), td.getBoundingClientRect().right]),
      );
    expect(cells.map(([label]) => label)).toEqual(
      expect.arrayContaining(['Asked by', 'Answered by', 'Days']),
    );
    for (const [label, right] of cells) expect(right, String(label)).toBeLessThanOrEqual(390);
    await phone.locator('#documents tbody tr').first().scrollIntoViewIfNeeded();
    await snapshotOf(phone, { path: join(ARTEFACTS, 'site-phone-search.png') });
    await phone.goto(`${server.origin}/site/doc.html?id=ah-tk-20182019-3922`);
    await phone.locator('section.qa').first().waitFor();
    expect(await sideways(), 'document page').toBe(0);
    const cut = await phone
      .locator('.meta dd')
      .evaluateAll((dds) => dds.filter((dd) => dd.scrollWidth > dd.clientWidth + 1).length);
    expect(cut, 'metadata values cut off').toBe(0);
    await snapshotOf(phone, { path: join(ARTEFACTS, 'site-phone-document.png'), fullPage: true });
  });

  it('finds a document by a word that occurs only in its answer, and shows it in a snippet', async () => {
    const fold = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    const wordsOf = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u);
    const inQuestions = new Set(
      records.flatMap((r) =>
        wordsOf([r.id, r.title ?? '', ...r.questions.map((q) => q.text)].join(' ')),
      ),
    );
    const count = new Map<string, string[]>();
    for (const r of records)
      for (const w of new Set(r.answers.flatMap((a) => wordsOf(a.text))))
        if (w.length > 7 && !inQuestions.has(w)) count.set(w, [...(count.get(w) ?? []), r.id]);
    const [word, ids] = [...count].find(([, list]) => list.length === 1) ?? [];
    expect(word, 'a word found in one answer only').toBeDefined();
    await phone.goto(`${server.origin}/site/index.html#browse`);
    // A space after the word: the whole word, not every word it begins (as while typing).
    await phone.fill('#q', `${(word ?? '').toUpperCase()} `);
    await expect
      .poll(() => phone.locator('#documents tbody tr small').allTextContents())
      .toEqual(ids);
    const snippet = phone.locator('#documents tbody tr .snippet');
    await expect.poll(() => snippet.count()).toBe(1);
    await expect(snippet.locator('.where').textContent()).resolves.toMatch(/^Answer /);
    await expect(
      snippet
        .locator('mark')
        .textContent()
        .then((t) => fold(t ?? '')),
    ).resolves.toBe(word);
  });

  it('hides "Show more" when every result is shown, and shows the rest when there are more', async () => {
    await phone.goto(`${server.origin}/site/index.html#browse`);
    await phone.fill('#q', 'Sjoerdsma emoties');
    await expect
      .poll(() => phone.locator('#result-count').textContent())
      .toMatch(/^Showing 1 of 1 /);
    expect(await phone.locator('#more').isVisible()).toBe(false);
    await phone.fill('#q', '');
    await expect.poll(() => phone.locator('#documents tbody tr').count()).toBe(50);
    expect(await phone.locator('#more').isVisible()).toBe(true);
    await phone.click('#more');
    await expect.poll(() => phone.locator('#documents tbody tr').count()).toBe(records.length);
    expect(await phone.locator('#more').isVisible()).toBe(false);
  });

  it('filters by answered late: only documents over the 3-week norm', async () => {
    await phone.goto(`${server.origin}/site/index.html#browse`);
    await phone.check('#late');
    const late = records.filter((r) => r.response_days !== null && r.response_days > 21);
    await expect
      .poll(() => phone.locator('#result-count').textContent())
      .toMatch(new RegExp(`of ${late.length} matching`));
    expect(phone.url()).toMatch(/late=1/);
  });

  it('shows the first result within 500 ms of typing with the CPU slowed 4×', async () => {
    await phone.goto(`${server.origin}/site/index.html#browse`);
    await phone.locator('#documents tbody tr').first().waitFor();
    await throttleCpu(phone, 4);
    const ms = await firstResultMs(phone, 'emoties');
    expect(ms).toBeLessThan(500);
    await throttleCpu(phone, 1);
  });

  it('draws the portfolio chart without clipping labels and counts unanswered documents apart', async () => {
    await phone.goto(`${server.origin}/site/index.html`);
    const clipped = await phone
      .locator('#chart-ministry text')
      .evaluateAll((ts) => ts.filter((t) => (t as SVGTextElement).getBBox().x < 0).length);
    expect(clipped).toBe(0);
    const labels = await phone
      .locator('#chart-ministry rect.bar')
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-label')));
    expect(labels).not.toContain('not stated');
  });
});
