/** `npm run bench`: prints the benchmark table that the README quotes. */
import os from 'node:os';
import { runCoreBench } from './core';

const rows = ['| what | median |', '|---|---|', ...runCoreBench()];
console.log(`Benchmarks on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
console.log(rows.join('\n'));
