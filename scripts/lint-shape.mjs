/**
 * The shape checks `npm run lint` runs after ESLint:
 *  - madge over all our TypeScript, type-only imports included: fails on any loop between files, on any loop
 *    between shared/'s modules (shared/import ↔ shared/checks was one: no single file closed it, the folders still
 *    leaned on each other), and on run-time code importing scripts/. It uses miniprogram/tsconfig.json so
 *    `gongkai-core` and `gongkai-staff` resolve as the pages see them (that tsconfig adds only these aliases);
 *  - no line over 200 characters in our code and templates outside test/ (Prettier leaves long strings and WXML).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import madge from 'madge';

const ROOTS = ['shared', 'backend', 'server', 'cli', 'bench', 'scripts', 'cloudfunctions', 'miniprogram', 'test'];
// Nothing: the core bundles' entries live in shared/bundles/ (pages reach them as `gongkai-core`, `gongkai-staff`).
const SCRIPTS_ALLOWED = new Set([]);

const result = await madge(ROOTS, {
  fileExtensions: ['ts'],
  tsConfig: 'miniprogram/tsconfig.json',
  excludeRegExp: [/node_modules/, /miniprogram_npm/, /(^|\/)dist\//, /(^|\/)coverage\//, /(^|\/)\.data\//],
  detectiveOptions: { ts: { skipTypeImports: false, mixedImports: true } },
});

const graph = result.obj();
const problems = [];

for (const loop of result.circular()) problems.push(`file loop: ${[...loop, loop[0]].join(' → ')}`);

// shared/<module> as one node each: a loop between modules is a loop even when no single file closes it.
const moduleOf = (file) => (file.startsWith('shared/') ? file.split('/').slice(0, 2).join('/') : undefined);
const moduleEdges = new Map();
for (const [from, tos] of Object.entries(graph)) {
  const a = moduleOf(from);
  if (!a) continue;
  for (const to of tos) {
    const b = moduleOf(to);
    if (!b || a === b) continue;
    if (!moduleEdges.has(a)) moduleEdges.set(a, new Map());
    if (!moduleEdges.get(a).has(b)) moduleEdges.get(a).set(b, `${from} → ${to}`);
  }
}
const reported = new Set();
for (const start of moduleEdges.keys()) {
  // Depth-first search for a path back to `start`.
  const stack = [[start, [start]]];
  const seen = new Set();
  while (stack.length > 0) {
    const [node, path] = stack.pop();
    for (const next of moduleEdges.get(node)?.keys() ?? []) {
      if (next === start) {
        const key = [...path].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          const via = path.map((m, i) => moduleEdges.get(m).get(path[i + 1] ?? start));
          problems.push(`module loop: ${[...path, start].join(' → ')} (via ${via.join('; ')})`);
        }
      } else if (!seen.has(next)) {
        seen.add(next);
        stack.push([next, [...path, next]]);
      }
    }
  }
}

for (const [from, tos] of Object.entries(graph)) {
  if (from.startsWith('scripts/') || from.startsWith('test/')) continue;
  for (const to of tos) {
    if (to.startsWith('scripts/') && !SCRIPTS_ALLOWED.has(to))
      problems.push(`run-time import of scripts/: ${from} → ${to}`);
  }
}

const MAX_LINE = 200;
const tracked = execFileSync(
  'git',
  ['ls-files', '-co', '--exclude-standard', '--', '*.ts', '*.js', '*.mjs', '*.wxml', '*.wxss'],
  {
    encoding: 'utf8',
  },
);
for (const file of tracked.split('\n')) {
  if (file === '' || file.startsWith('test/') || file.includes('miniprogram_npm/')) continue;
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the work tree, not yet in git
  }
  text.split('\n').forEach((line, i) => {
    if ([...line].length > MAX_LINE) problems.push(`line over ${MAX_LINE} characters: ${file}:${i + 1} — wrap it`);
  });
}

if (problems.length > 0) {
  console.error(`Shape check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Shape check: ${Object.keys(graph).length} files, no import loops, no line over ${MAX_LINE}.`);
