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
import { serveFolder, type StaticServer } from './support/static-server.ts';

// The landing page in a real browser, served over HTTP from 127.0.0.1 like GitHub Pages would.
const ARTEFACTS = join(ROOT, 'test-results');
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
  records = JSON.parse(await readFile(join(dir, 'dist', 'kamervragen.json'), 'utf8')) as Document[];
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
    await page.fill('#q', '');
  });

  it('a party filter narrows the table to documents with an asker of that party', async () => {
    await page.fill('#q', '');
    const all = await page.locator('#result-count').textContent();
    expect(all).toMatch(new RegExp(`of ${records.length} matching`));
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
    // Sorting from the keyboard: focus a column header button and press Enter.
    await page.locator('#browse').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#documents tbody tr').count()).toBeGreaterThan(0);
    await page.locator('th[data-key=d] button').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('th[data-key=d]').getAttribute('aria-sort')).resolves.toBe(
      'descending',
    );
    const days = await page.locator('#documents tbody tr td:nth-child(6)').allTextContents();
    const numbers = days.filter((d) => d !== '').map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
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
    await page.waitForURL(/doc\/ah-tk-20182019-3922\.html$/);
    const first = page.locator('section.qa').first();
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
