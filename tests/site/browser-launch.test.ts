import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.ts';
import { launchChromium } from './support/browser.ts';
import { npmChromium } from './support/npm-chromium.ts';
import { serveFolder } from './support/static-server.ts';

// The browser tests depend on nothing but `npm ci`: the browser is the one in the npm package.
const shipped = JSON.parse(
  await readFile(
    join(createRequire(import.meta.url).resolve('@sparticuz/chromium'), '../../../package.json'),
    'utf8',
  ),
) as { version: string };
const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true }))));

describe('the browser the tests launch', () => {
  it('is the Chromium from @sparticuz/chromium, unpacked under node_modules/.cache/', async () => {
    const found = await npmChromium();
    expect(found.version).toBe(shipped.version);
    expect(found.executablePath.startsWith(join(ROOT, 'node_modules', '.cache'))).toBe(true);
    const browser = await launchChromium();
    try {
      // The package's major version is Chromium's (143.0.x ships Chromium 143).
      expect(browser.version().split('.')[0]).toBe(shipped.version.split('.')[0]);
    } finally {
      await browser.close();
    }
  });

  it('renders text with its bundled font and runs scripts, on a page from 127.0.0.1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kv-browser-'));
    scratch.push(dir);
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><span id="t" style="font: 20px sans-serif">Kamervragen</span>' +
        '<script>document.title = "ran"</script>',
    );
    const server = await serveFolder(dir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/index.html`);
      expect(await page.title()).toBe('ran');
      const box = await page.locator('#t').boundingBox();
      // Without a font Chromium lays the text out with no width at all.
      expect(box?.width).toBeGreaterThan(50);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('unpacks once when two workers race, and the result runs', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'kv-chromium-cache-'));
    scratch.push(cache);
    const [a, b] = await Promise.all([npmChromium(cache), npmChromium(cache)]);
    expect(a.executablePath).toBe(b.executablePath);
    const run = spawnSync(a.executablePath, ['--version'], {
      env: { ...process.env, ...a.env },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Chromium \d+\./);
  });
});
