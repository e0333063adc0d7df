/** The in-process fuzz (issue #14, item 8) of the stats, cases and reports functions' actions: see fuzz.ts fuzzInProcess. */
import { fuzzInProcess } from './fuzz';

fuzzInProcess('records-reports');
