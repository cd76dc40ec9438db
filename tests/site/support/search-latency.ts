import type { Page } from 'playwright-core';

// Runs in the page as text: a compiled function would carry the test runner's helpers along.
const MEASURE = `(q) => new Promise((resolve, reject) => {
  const input = document.getElementById('q');
  const tbody = document.querySelector('#documents tbody');
  const count = document.getElementById('result-count');
  const before = count.textContent;
  tbody.textContent = '';
  const started = performance.now();
  const timer = setTimeout(() => reject(new Error('no result within 20 s')), 20000);
  // Done when the count is the new query's and its first row is drawn (or it has none).
  const observer = new MutationObserver(() => {
    if (count.textContent === before) return;
    if (!tbody.querySelector('tr') && !/ of 0 /.test(count.textContent)) return;
    observer.disconnect();
    clearTimeout(timer);
    resolve(performance.now() - started);
  });
  observer.observe(tbody, { childList: true });
  observer.observe(count, { childList: true, characterData: true, subtree: true });
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
})`;

/**
 * Milliseconds from the moment the query is in the search box (as the last keystroke leaves
 * it) to the first result row on screen, measured inside the page.
 */
export async function firstResultMs(page: Page, query: string): Promise<number> {
  return page.evaluate(`(${MEASURE})(${JSON.stringify(query)})`) as Promise<number>;
}

/** Slows the page's CPU as a mid-range phone would be (4: four times slower). */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}
