/**
 * What the functions never load of @cloudbase/node-sdk, replaced by a stub when the SDK is bundled in: the AI client
 * (`app.ai()`: @cloudbase/ai, @cloudbase/app with its mini program adapter, web-streams-polyfill), the data-model and
 * MySQL clients (@cloudbase/wx-cloud-client-sdk, created in a try/catch at init that ignores a failure), and the XML
 * parser behind storage's COS replies (xml2js). The SDK requires them at load but uses them only inside those
 * features, so the database, the request context and callFunction work as before; calling a trimmed feature throws
 * a clear error. About 480 KB less: each function 1.16–1.29 MB → 0.68–0.81 MB (measured with items … requests).
 * A function that needs storage uploads or AI must be deployed in the SDK-external form.
 */
import type { Plugin } from 'esbuild';

export const TRIMMED_MODULES = [
  '@cloudbase/ai',
  '@cloudbase/app',
  '@cloudbase/wx-cloud-client-sdk',
  'web-streams-polyfill',
  'xml2js',
] as const;

const STUB = `
const message = (name) => 'gongkai: ' + name + ' is not bundled with this cloud function; deploy the SDK-external form to use it';
module.exports = new Proxy({}, {
  get(_target, key) {
    if (key === '__esModule' || typeof key === 'symbol') return undefined;
    throw new Error(message(MODULE_NAME + '.' + String(key)));
  },
});
`;

export const trimmedSdk: Plugin = {
  name: 'trimmed-sdk',
  setup(b) {
    const filter = new RegExp(`^(${TRIMMED_MODULES.map((m) => m.replace(/[/.-]/g, (c) => `\\${c}`)).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'trimmed-sdk' }));
    b.onLoad({ filter: /.*/, namespace: 'trimmed-sdk' }, (args) => ({
      contents: `const MODULE_NAME = ${JSON.stringify(args.path)};${STUB}`,
      loader: 'js',
    }));
  },
};
