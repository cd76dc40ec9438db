// Measures the search of a built site in Chromium with the CPU slowed 4×: time from a typed
// query to its first result row. Usage: npx tsx tests/site/measure-search.ts SITE_DIR [WORD…]
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { launchChromium } from './support/browser.ts';
import { firstResultMs, throttleCpu } from './support/search-latency.ts';
import { serveFolder } from './support/static-server.ts';

const [dir, ...words] = process.argv.slice(2);
if (!dir) throw new Error('usage: measure-search.ts SITE_DIR [WORD…]');
const root = resolve(dir);
const server = await serveFolder(root);
const browser = await launchChromium();
try {
  for (const [label, url] of [
    ['http', `${server.origin}/index.html#browse`],
    ['file', `${pathToFileURL(join(root, 'index.html')).toString()}#browse`],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(url);
    await page.waitForSelector('#documents tbody tr', { timeout: 60_000 });
    await throttleCpu(page, 4);
    for (const word of words.length
      ? words
      : ['gemeenten', 'cybersecuritymaatregelen', 'stikstof boeren']) {
      const ms = await firstResultMs(page, word);
      const count = await page.locator('#result-count').textContent();
      console.log(`${label}\t${word}\t${ms.toFixed(0)} ms\t${count}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
