/**
 * The in-process fuzz (issue #14, item 8) of every function the other fuzz files do not name (requests, and any
 * function added later): see fuzz.ts fuzzInProcess.
 */
import { fuzzInProcess } from './fuzz';

fuzzInProcess('the rest');
