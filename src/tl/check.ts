import type { Combinator, SchemaFile } from './ast.js';
import { SchemaError } from './errors.js';
import { computeId, normalizeForId } from './id.js';
import { formatId } from '../common/bytes.js';

/**
 * Lines whose declared id is not the CRC32 of the line, and must be taken as declared.
 * Each is keyed by name and declared id, so a changed line is checked again.
 */
export const KNOWN_ID_EXCEPTIONS: ReadonlyArray<{ name: string; id: number; why: string }> = [
  // Defined by hand for the DC-config-over-DNS payload before the CRC32 rule applied to them.
  { name: 'ipPortSecret', id: 0x37982646, why: 'historical id, fixed before the CRC32 rule (help.configSimple payload)' },
  { name: 'accessPointRule', id: 0x4679b65f, why: 'historical id, fixed before the CRC32 rule (help.configSimple payload)' },
  { name: 'help.configSimple', id: 0x5a592a6c, why: 'historical id, fixed before the CRC32 rule' },
  // tdlib keeps old layouts under new names so that it can still read them.
  { name: 'inputPeerPhotoFileLocationLegacy', id: 0x27d69997, why: 'tdlib-only: renames an older inputPeerPhotoFileLocation layout, keeping its id' },
  { name: 'inputStickerSetThumbLegacy', id: 0x0dbaeae9, why: 'tdlib-only: renames an older inputStickerSetThumb layout, keeping its id' },
  // tdlib's pseudo-functions that write only the header of the real invokeWith* wrappers.
  { name: 'invokeWithBusinessConnectionPrefix', id: 0xdd289f8e, why: 'tdlib-only prefix of invokeWithBusinessConnection, reuses its id' },
  { name: 'invokeWithGooglePlayIntegrityPrefix', id: 0x1df92984, why: 'tdlib-only prefix of invokeWithGooglePlayIntegrity, reuses its id' },
  { name: 'invokeWithApnsSecretPrefix', id: 0x0dae54f8, why: 'tdlib-only prefix of invokeWithApnsSecret, reuses its id' },
  { name: 'invokeWithReCaptchaPrefix', id: 0xadbb0f94, why: 'tdlib-only prefix of invokeWithReCaptcha, reuses its id' },
  // tdlib declares the result type as GzipPacked where the official line says Object.
  { name: 'gzip_packed', id: 0x3072cfa1, why: 'tdlib writes `= GzipPacked` for the official `= Object`' },
];

/** The known exception a line is, if it is one (same name and declared id). */
export function knownIdException(c: Combinator): { why: string } | undefined {
  return KNOWN_ID_EXCEPTIONS.find((e) => e.name === c.name && e.id === c.id);
}

export interface AllowedException {
  combinator: Combinator;
  computed: number;
  why: string;
}

export interface IdReport {
  /** Lines whose declared id equals the computed one. */
  verified: number;
  /** Lines with no `#id` (builtins, tdesktop's tls* lines, tdlib's pseudo-functions). */
  withoutId: number;
  allowed: AllowedException[];
  errors: SchemaError[];
}

/** Checks every declared `#id` against the CRC32 of its normalized line. */
export function verifyIds(files: SchemaFile[]): IdReport {
  const report: IdReport = { verified: 0, withoutId: 0, allowed: [], errors: [] };
  for (const file of files) {
    for (const c of file.combinators) {
      if (c.id === undefined) {
        report.withoutId++;
        continue;
      }
      const computed = computeId(c);
      if (computed === c.id) {
        report.verified++;
        continue;
      }
      const exception = knownIdException(c);
      if (exception) {
        report.allowed.push({ combinator: c, computed, why: exception.why });
        continue;
      }
      report.errors.push(
        new SchemaError('ID_MISMATCH', c.pos, `${c.name} declares #${formatId(c.id)} but the line gives #${formatId(computed)} (from "${normalizeForId(c)}")`),
      );
    }
  }
  return report;
}
