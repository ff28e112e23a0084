import type { Command } from '../command.js';
import { check } from './check.js';
import { conformance } from './conformance.js';
import { decode } from './decode.js';
import { demo } from './demo.js';
import { describe } from './describe.js';
import { diff } from './diff.js';
import { docs } from './docs.js';
import { encode } from './encode.js';
import { explain } from './explain.js';
import { generate } from './generate.js';
import { id } from './id.js';
import { merge } from './merge.js';
import { vectors } from './vectors.js';

/** Every subcommand, in the order `tlwire --help` lists them. */
export const COMMANDS: readonly Command[] = [encode, decode, explain, describe, docs, check, diff, merge, id, generate, vectors, conformance, demo];
