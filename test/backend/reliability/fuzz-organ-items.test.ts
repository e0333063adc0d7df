/** The in-process fuzz (issue #14, item 8) of the organ and items functions' actions: see fuzz.ts fuzzInProcess. */
import { fuzzInProcess } from './fuzz';

fuzzInProcess('organ-items');
