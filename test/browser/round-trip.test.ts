/**
 * The demo's whole round trip from a real browser: Chromium loads the browser bundle of the demo's
 * client and, over its own WebSocket, talks to the loopback server running here in Node:
 * obfuscated2, the MTProto 2.0 envelope on the portable (browser) crypto path, getStatsURL ->
 * statsURL, and rpc_error 400 PEER_ID_INVALID.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer, type ServerEvent } from '../../src/demo/server.js';
import { ROOT } from '../helpers.js';
import { bundleForBrowser } from './browser-bundle.js';
import { launchChromium, servePages, type Browser } from './chromium.js';

let browser: Browser;
let server: LoopbackServer;
const events: ServerEvent[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  server = await startLoopbackServer({ onEvent: (event) => events.push(event) });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo round trip in Chromium', () => {
  it('getStatsURL answers statsURL and PEER_ID_INVALID over the browser WebSocket, on the browser crypto path', async () => {
    const bundle = await bundleForBrowser(join(ROOT, 'test/browser/round-trip.page.ts'));
    expect(bundle.nodeOnlyImports).toEqual([]);
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const site = await servePages({
      '/': ['text/html', '<!doctype html><script type="module" src="/tlwire.js"></script>'],
      '/tlwire.js': ['text/javascript', bundle.code],
    });
    let result: unknown;
    try {
      await page.goto(site.url);
      await page.waitForFunction(() => 'tlwireRoundTrip' in globalThis);
      expect(await page.evaluate(() => [typeof (globalThis as { Buffer?: unknown }).Buffer, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
      result = await page.evaluate((url) => (globalThis as unknown as { tlwireRoundTrip(url: string): Promise<unknown> }).tlwireRoundTrip(url), server.url);
    } finally {
      await site.close();
    }
    expect(pageErrors).toEqual([]);
    expect(result).toEqual({
      cryptoBackend: 'portable',
      stats: { _: 'statsURL', url: 'https://t.me/stats/1001234567890?dark=1' },
      error: { rpcError: true, code: 400, message: 'PEER_ID_INVALID' },
    });
    const answered = events.filter((event) => event.kind === 'answered');
    expect(answered.map((event) => [event.method, event.error?.message])).toEqual([
      ['messages.getStatsURL', undefined],
      ['messages.getStatsURL', 'PEER_ID_INVALID'],
    ]);
  });
});
