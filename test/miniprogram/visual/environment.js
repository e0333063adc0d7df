/**
 * jsdom (for miniprogram-simulate) plus the Node globals playwright-core needs when it loads (fetch's Request and
 * friends, streams, setImmediate), which jest-environment-jsdom leaves out. Used by the visual page tests only.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = [
  'Request',
  'Response',
  'Headers',
  'fetch',
  'FormData',
  'Blob',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'TextEncoder',
  'TextDecoder',
  'setImmediate',
  'clearImmediate',
  'structuredClone',
];

class BrowserPagesEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of NODE_GLOBALS) if (this.global[name] === undefined) this.global[name] = globalThis[name];
  }
}

module.exports = BrowserPagesEnvironment;
