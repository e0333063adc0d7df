/**
 * zod's JSON Schema output (core/to-json-schema.js and core/json-schema-processors.js, 18 KB of the 99 KB zod
 * brings into each function) left out of the function bundles. zod's schema classes refer to it (each type's
 * `toJSONSchema()`, `~standard.jsonSchema`, the `minLength`-style getters), so esbuild cannot drop it; but no
 * function turns a schema into JSON Schema or reads those getters. Each of the two modules is replaced by one
 * with the same exports (read from the installed file, so a zod update keeps them in step), each a function
 * that throws naming itself: were a zod update to start calling them while parsing, the function would fail
 * loudly, and test/scripts/build-functions/zod-without-json-schema.test.ts, which runs real calls through a built bundle, would fail.
 */
import { build, type Plugin } from 'esbuild';

/** The two modules of zod 4 that hold JSON Schema output. */
export const ZOD_JSON_SCHEMA = /[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/;

/** The names a module exports, as esbuild reads them. */
async function exportsOf(file: string): Promise<string[]> {
  const result = await build({ entryPoints: [file], bundle: false, write: false, metafile: true, format: 'esm' });
  return Object.values(result.metafile.outputs).flatMap((o) => o.exports);
}

/** A module exporting `names`, each a function that throws saying it was left out. */
export function leftOutModule(names: readonly string[], module: string): string {
  const lines = [
    `function leftOut(name) { return function () { throw new Error("zod " + name + " (${module}) is left out of the function bundles by scripts/build-functions"); }; }`,
  ];
  names.forEach((name, i) => {
    lines.push(`const x${i} = leftOut(${JSON.stringify(name)});`, `export { x${i} as ${name} };`);
  });
  return lines.join('\n') + '\n';
}

export const zodWithoutJsonSchema: Plugin = {
  name: 'zod-without-json-schema',
  setup(b) {
    b.onLoad({ filter: ZOD_JSON_SCHEMA }, async (args) => {
      const module = ZOD_JSON_SCHEMA.exec(args.path)?.[1] ?? 'json-schema';
      return { contents: leftOutModule(await exportsOf(args.path), module), loader: 'js' };
    });
  },
};
