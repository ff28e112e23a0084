/**
 * `tlwire docs --layer 133 --out DIR` opened from disk in Chromium: the messages.getStatsURL page
 * states every fact of the seed page, and its live panel encodes, explains and decodes with the
 * shared layer script.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docs } from '../../src/cli/commands/docs.js';
import { buildSiteScripts } from '../../scripts/build-site.js';
import { runCommand } from '../cli/run-command.js';
import { ROOT } from '../helpers.js';
import { launchChromium, type Browser } from './chromium.js';

const README_HEX = 'e62a2c8101000000c97ea07d03616263';
let browser: Browser;
let site: string;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  await buildSiteScripts();
  site = mkdtempSync(join(tmpdir(), 'tlwire-site-'));
  const { code, err } = await runCommand(docs, ['--layer', '133', '--out', site]);
  expect([code, err]).toEqual([0, '']);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(pathToFileURL(join(site, 'messages.getStatsURL.html')).href);
});
afterAll(async () => {
  await browser?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

const text = (selector: string) => page.locator(selector).innerText();

describe('the layer 133 reference site, from disk', () => {
  it('the getStatsURL page shows every fact of the seed page', async () => {
    const body = await text('body');
    const seed = readFileSync(join(ROOT, 'reference', 'seed-messages.getStatsURL.md'), 'utf8');
    expect(body).toContain('Returns URL with the chat statistics. Currently this method can be used only for channels');
    for (const row of seed.split('\n').filter((l) => l.startsWith('| **'))) {
      const [name, , description] = row.split('|').slice(1, 4).map((cell) => cell.trim());
      expect(body).toContain(name.replace(/\*/g, ''));
      // As the page shows the seed page's Markdown: links as their text, code without backticks.
      expect(body).toContain(description.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\\/g, '').replace(/`/g, ''));
    }
    expect(body).toContain('flags.0?true');
    expect(await page.locator('a[href="https://core.telegram.org/mtproto/TL-combinators#conditional-fields"]').count()).toBe(1);
    expect(body).toMatch(/Result\s+StatsURL: statsURL/);
    expect(body).toMatch(/400\s+PEER_ID_INVALID\s+The provided peer id is invalid/);
    expect(body).toMatch(/Can bots use this method\?\s+No/);
    expect(body).toContain(`tlwire encode --layer 133 '{"_":"messages.getStatsURL","dark":true,"peer":{"_":"inputPeerSelf"},"params":"abc"}'\n${README_HEX}`);
    expect(body).toContain('crc32("messages.getStatsURL flags:# peer:InputPeer params:string = StatsURL") = #812c2ae6, the declared id');
    expect(body).toContain('layer 133: #812c2ae6');
    // One shared script, loaded once.
    expect(await page.locator('script[src]').evaluateAll((s) => s.map((e) => e.getAttribute('src')))).toEqual(['layer133.js']);
  });

  it('editing "dark": true to false changes the flags word from 01000000 to 00000000', async () => {
    expect((await text('#bytes')).slice(8, 16)).toBe('01000000');
    expect(await text('#explain')).toContain('flags');
    const json = await page.locator('#value').inputValue();
    expect(json).toContain('"dark": true');
    await page.locator('#value').fill(json.replace('"dark": true', '"dark": false'));
    expect((await text('#bytes')).slice(8, 16)).toBe('00000000');
    expect(await text('#value-error')).toBe('');
  });

  it('decodes the README hex, and names the truncation of 3 bytes with its offset', async () => {
    await page.locator('#hex').fill(README_HEX);
    expect(JSON.parse(await text('#decoded'))).toEqual({ _: 'messages.getStatsURL', dark: true, peer: { _: 'inputPeerSelf' }, params: 'abc' });
    await page.locator('#hex').fill('e62a2c');
    expect(await text('#decoded')).toBe('');
    expect(await text('#hex-error')).toMatch(/^TRUNCATED: truncated constructor id: need 4 bytes, 3 left \(at offset 0\)/);
    expect(pageErrors).toEqual([]);
    // docs/reference-site.png: SCREENSHOT=1 npx vitest run test/browser/site.test.ts
    if (process.env.SCREENSHOT) {
      await page.locator('#hex').fill(README_HEX);
      await page.locator('#live').screenshot({ path: join(ROOT, 'docs', 'reference-site.png') });
    }
  });

  it('the index lists every entry and searches them', async () => {
    const index = await browser.context.newPage();
    await index.goto(pathToFileURL(join(site, 'index.html')).href);
    await index.locator('#search').fill('getstatsurl');
    expect(await index.locator('#entries li:visible').allInnerTexts()).toEqual(['messages.getStatsURL method']);
    await index.locator('#entries a', { hasText: 'messages.getStatsURL' }).click();
    expect(await index.locator('h1').innerText()).toBe('messages.getStatsURL');
  });
});
