/**
 * Run in a fresh process by gzip.test.ts, so that its peak RSS is this inflate's alone:
 * inflates the 1 GiB bomb with the limit given as argv[2] (default: the library's) and prints
 * the error code and memory figures as JSON.
 */
import { gunzipLimited, ServiceError } from '../../../src/mtproto/service/index.js';
import { gibibyteBomb } from './bomb.js';

const limit = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
const bomb = gibibyteBomb();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let code = 'INFLATED';
try {
  gunzipLimited(bomb, limit === undefined ? {} : { maxBytes: limit });
} catch (e) {
  code = e instanceof ServiceError ? e.code : `unexpected ${String(e)}`;
}
const elapsedMs = performance.now() - started;
// maxRSS is in KiB: the peak over the whole process, so peak - rssBefore bounds this inflate's growth.
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ code, bombBytes: bomb.length, rssBefore, peakRss, growth: peakRss - rssBefore, elapsedMs }));
