import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReferenceData, parseSeedPage } from '../../src/reference/build.js';
import { reference as layer133 } from '../../src/reference/data/layer133.js';
import { reference as layer228 } from '../../src/reference/data/layer228.js';
import { RPC_ERRORS } from '../../src/reference/data/errors.js';
import { RPC_ERROR_PATTERNS } from '../../src/reference/data/error-patterns.js';
import { htmlToMarkdown } from '../../src/reference/markdown.js';
import { readReferenceSources, SHIPPED_TARGETS } from '../../src/reference/read-sources.js';
import { ROOT } from '../helpers.js';

const sources = readReferenceSources(join(ROOT, 'reference'));

describe('reference data', () => {
  it('is committed exactly as scripts/reference.ts writes it, and the same every time', () => {
    const files = buildReferenceData([...SHIPPED_TARGETS], sources);
    expect([...files.keys()].sort()).toEqual(['error-patterns.ts', 'errors.ts', 'layer133.ts', 'layer228.ts']);
    for (const [name, text] of files) {
      const committed = readFileSync(join(ROOT, 'src', 'reference', 'data', name), 'utf8');
      // On failure: run `npx tsx scripts/reference.ts`, then `npm run generate`, and commit both.
      expect(committed === text, `src/reference/data/${name} is stale`).toBe(true);
    }
    expect([...buildReferenceData([...SHIPPED_TARGETS], sources)]).toEqual([...files]);
  });

  it('takes messages.getStatsURL of layer 133 from the seed page, every fact of it', () => {
    expect(layer133.combinators['messages.getStatsURL']).toEqual({
      description: 'Returns URL with the chat statistics. Currently this method can be used only for channels',
      params: {
        flags: 'Flags, see [TL conditional fields](https://core.telegram.org/mtproto/TL-combinators#conditional-fields)',
        dark: 'Pass true if a URL with the dark theme must be returned',
        peer: 'Chat identifier',
        params: 'Parameters from `tg://statsrefresh?params=******` link',
      },
      errors: [{ code: 400, name: 'PEER_ID_INVALID', description: 'The provided peer id is invalid' }],
      callers: 'user',
      from: 'seed',
    });
    expect(parseSeedPage(sources.seedPage.replace('\nNo\n', '\nYes\n')).callers).toBe('both');
  });

  it('takes layer 134 entries for layer 133: by id unmarked, by name only marked as from layer 134', () => {
    // inputPeerSelf#7da07ec9 has the same id in 134; chatFull changed its id.
    expect(layer133.combinators.inputPeerSelf).toEqual({ description: 'Defines the current user.' });
    expect(layer133.combinators.chatFull.from).toEqual({ layer: 134, id: expect.any(Number) });
    expect(layer133.combinators.chatFull.from).not.toEqual({ layer: 134, id: SHIPPED_TARGETS[0].model.combinators.find((c) => c.name === 'chatFull')!.id });
    // Service combinators have no entry: nothing is made up for them.
    expect(layer133.combinators.rpc_error).toBeUndefined();
    expect(layer228.combinators.req_pq).toBeUndefined();
    // Where mtcute says nothing, Telethon's word on callers, marked as such.
    expect(layer228.combinators.ping).toEqual({ callers: 'both', callersFrom: "Telethon's methods.csv (layer 158)" });
  });

  it('keeps layer 228 facts: parameters, errors with descriptions, callers', () => {
    const history = layer228.combinators['messages.getHistory'];
    expect(history.params!.offset_id).toBe('Only return messages starting from the specified message ID');
    expect(history.errors).toContainEqual({ code: 406, name: 'CHANNEL_PRIVATE', description: "You haven't joined this channel/supergroup." });
    expect(history.callers).toBe('user');
    expect(layer228.combinators['messages.sendMessage'].callers).toBe('both');
    expect(layer228.types.InputPeer).toBe('Peer');
  });

  it('has no HTML left, links as absolute Markdown links', () => {
    for (const ref of [layer133, layer228]) {
      const text = JSON.stringify(ref);
      expect(text).not.toMatch(/<\/?(a|code|strong|br|em|img)\b/);
      expect(text).not.toContain('{@link');
      expect(text).not.toMatch(/\]\((?!https?:|mailto:)/);
    }
    const links = (name: string) => `<${name}>`;
    expect(htmlToMarkdown('See <a href="#x">here</a>, <code>a</code> &amp; <strong>b</strong><br>{@link N}', 'https://core.telegram.org/method/m', links)).toBe(
      'See [here](https://core.telegram.org/method/m#x), `a` & **b**\n<N>',
    );
  });

  it('names error parameters as the data does', () => {
    expect(RPC_ERRORS['FLOOD_WAIT_%d']).toEqual({ code: 420, description: 'A wait of %d seconds is required', params: ['seconds'] });
    expect(RPC_ERROR_PATTERNS['FLOOD_WAIT_%d']).toEqual(['seconds']);
    expect(RPC_ERROR_PATTERNS['FILE_REFERENCE_%d_EXPIRED']).toEqual([]);
    expect(RPC_ERROR_PATTERNS.PEER_ID_INVALID).toBeUndefined();
  });
});
