import type { Command } from '../command.js';
import { check } from './check.js';
import { decode } from './decode.js';
import { encode } from './encode.js';

/** Every subcommand, in the order `tlwire --help` lists them. */
export const COMMANDS: readonly Command[] = [encode, decode, check];
