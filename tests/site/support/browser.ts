import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { npmChromium } from './npm-chromium.ts';

// The one browser every browser test uses: the Chromium that `npm ci` brings (npm-chromium.ts),
// never whatever the system has, so the tests see the same browser on every machine. Headless,
// with everything that would phone home switched off (the machine's network may be closed).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches the npm-shipped Chromium through playwright-core; options are passed on. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const browser = await npmChromium();
  return chromium.launch({
    ...options,
    executablePath: browser.executablePath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    env: { ...process.env, ...options.env, ...browser.env },
  });
}
