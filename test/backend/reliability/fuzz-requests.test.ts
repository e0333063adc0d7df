/** The in-process fuzz (issue #14, item 8) of the requests functions' actions: see fuzz.ts fuzzInProcess. */
import { fuzzInProcess } from './fuzz';

fuzzInProcess(['requests']);
