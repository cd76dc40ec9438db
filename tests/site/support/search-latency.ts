import type { Page } from 'playwright-core';

/**
 * Milliseconds from the moment the query is in the search box (as the last keystroke leaves
 * it) to the first result row on screen, measured inside the page.
 */
export async function firstResultMs(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (q) =>
      new Promise<number>((resolve, reject) => {
        const input = document.getElementById('q') as HTMLInputElement;
        const tbody = document.querySelector('#documents tbody') as HTMLElement;
        tbody.textContent = '';
        const started = performance.now();
        const timer = setTimeout(() => reject(new Error('no result within 20 s')), 20_000);
        const observer = new MutationObserver(() => {
          if (!tbody.querySelector('tr')) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - started);
        });
        observer.observe(tbody, { childList: true });
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

/** Slows the page's CPU as a mid-range phone would be (4: four times slower). */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}
