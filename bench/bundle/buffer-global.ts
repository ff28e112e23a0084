// Injected into the GramJS bundle: the browser has no global Buffer, GramJS needs one.
export { Buffer } from 'buffer';
