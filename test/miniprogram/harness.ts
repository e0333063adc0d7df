/**
 * Test harness for mini program pages (jsdom + miniprogram-simulate), per shared/reference/miniprogram-testing.md:
 *  - installs the App / Page / getApp / getCurrentPages shim (Page runs as a Component);
 *  - mocks `wx` at the network edge only (wx.request, wx.cloud): everything else is simulate's own stubs;
 *  - loads a page with rootPath miniprogram/ and usingComponents built from app.json + the page json, throwing
 *    when a component's json is missing (simulate would render an empty tag instead);
 *  - taps TDesign buttons through their inner node (their hosts are virtualHost and drop events);
 *  - lets one test file load several pages that share components (see replayDefinitions).
 * Import it before anything that touches a page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';

export const MINIPROGRAM_ROOT = `${path.resolve(__dirname, '..', '..', 'miniprogram')}${path.sep}`;

type Options = Record<string, unknown>;
type Lifecycle = (this: unknown, ...args: unknown[]) => unknown;

/**
 * The parts of a rendered page the tests use (j-component's own types target api-typings 3.x). The DOM is
 * described here rather than through lib "dom", which miniprogram/tsconfig.json leaves out on purpose.
 */
export interface DomNode {
  readonly textContent: string | null;
  readonly className: string;
}

export interface Node {
  readonly dom: DomNode | undefined;
  readonly data: Record<string, unknown>;
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
  querySelector(selector: string): Node | undefined;
  querySelectorAll(selector: string): Node[];
}

export interface RenderedPage<TData> extends Node {
  readonly data: TData & Record<string, unknown>;
  readonly instance: Record<string, Lifecycle | undefined> & { setData(data: Partial<TData>): void };
  attach(parent: unknown): void;
  detach(): void;
}

interface ShimGlobals {
  App: (options: Options) => void;
  getApp: () => Options;
  getCurrentPages: () => unknown[];
  Page: (options: Options) => void;
  Component: (options: Options) => void;
}

let app: Options = {};
const pages: unknown[] = [];

function installShim(): void {
  const g = globalThis as unknown as ShimGlobals;
  g.App = (options) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.Page = ({ data = {}, ...rest }) => {
    const methods: Options = {};
    const fields: Options = {};
    for (const [key, value] of Object.entries(rest)) (typeof value === 'function' ? methods : fields)[key] = value;
    g.Component({
      data,
      methods,
      lifetimes: {
        created(this: Options) {
          Object.assign(this, JSON.parse(JSON.stringify(fields)) as Options);
        },
      },
    });
  };
}
installShim();

/**
 * simulate runs each component's JS with `require` and then deletes it from require.cache so that the next
 * load runs it again; Jest ignores that delete, so a component (a TDesign one, or a page) required by an
 * earlier load never calls Component() again and renders as an empty tag. Record each file's Component()
 * options on first run and replay them on later loads. Relies on simulate 1.6.2's `src/utils.runJs`.
 */
function replayDefinitions(): void {
  const g = globalThis as unknown as ShimGlobals;
  const utils = require('miniprogram-simulate/src/utils') as { runJs: (file: string) => void };
  const register = g.Component;
  const recorded = new Map<string, Options>();
  // simulate rewrites `relations` in place (paths → ids): hand it a fresh copy every time.
  const copy = (options: Options): Options => {
    const relations = options.relations as Record<string, Options> | undefined;
    return relations
      ? { ...options, relations: Object.fromEntries(Object.entries(relations).map(([k, v]) => [k, { ...v }])) }
      : { ...options };
  };
  let running: string | null = null;
  g.Component = (options) => {
    if (running !== null && !recorded.has(running)) recorded.set(running, copy(options));
    register(options);
  };
  utils.runJs = (file) => {
    const known = recorded.get(file);
    if (known) {
      register(copy(known));
      return;
    }
    running = file;
    try {
      require(file);
    } finally {
      running = null;
    }
  };
}
replayDefinitions();

export interface NetworkEdge {
  request: jest.Mock;
  callFunction: jest.Mock;
  cloudInit: jest.Mock;
}

/**
 * Fresh mocks for wx.request and wx.cloud. By default every call fails as a network error, so a test that
 * forgot to answer can never reach a real server.
 */
export function mockNetworkEdge(): NetworkEdge {
  const blocked = (options: { fail?: (e: { errMsg: string }) => void }): void =>
    options.fail?.({ errMsg: 'request:fail blocked by the test harness' });
  const edge: NetworkEdge = { request: jest.fn(blocked), callFunction: jest.fn(blocked), cloudInit: jest.fn() };
  Object.assign(wx, { request: edge.request, cloud: { init: edge.cloudInit, callFunction: edge.callFunction } });
  return edge;
}
mockNetworkEdge();

function readJson(file: string): Options {
  return JSON.parse(readFileSync(file, 'utf8')) as Options;
}

function usingOf(json: Options): Record<string, string> {
  const using = json.usingComponents;
  return typeof using === 'object' && using !== null ? (using as Record<string, string>) : {};
}

/** `tdesign-miniprogram/button/button` → `/miniprogram_npm/tdesign-miniprogram/button/button`; relative → root-absolute. */
function rootAbsolute(route: string, value: string): string {
  if (value.startsWith('/')) return value;
  if (value.startsWith('.')) return `/${path.posix.join(path.posix.dirname(route), value)}`;
  return `/miniprogram_npm/${value}`;
}

/** usingComponents for a page: app.json's, then the page json's, each checked to exist. */
export function usingComponentsFor(route: string): Record<string, string> {
  const appJson = readJson(path.join(MINIPROGRAM_ROOT, 'app.json'));
  const pageJson = readJson(path.join(MINIPROGRAM_ROOT, `${route}.json`));
  const merged = { ...usingOf(appJson), ...usingOf(pageJson) };
  return Object.fromEntries(
    Object.entries(merged).map(([tag, value]) => {
      const target = rootAbsolute(route, value);
      const json = path.join(MINIPROGRAM_ROOT, `${target}.json`);
      if (!existsSync(json)) throw new Error(`${route}: <${tag}> → ${value}: ${json} is missing (run npm run build?)`);
      return [tag, target];
    }),
  );
}

const loaded = new Map<string, string>();

/** Loads a page once per test file (a second load of the same path would not run Page() again). */
export function loadPage(route: string): string {
  const known = loaded.get(route);
  if (known !== undefined) return known;
  const id = simulate.load(path.join(MINIPROGRAM_ROOT, route), {
    rootPath: MINIPROGRAM_ROOT,
    usingComponents: usingComponentsFor(route),
    compilerOptions: { maxBuffer: 32 * 1024 * 1024 },
  });
  loaded.set(route, id);
  return id;
}

/** Renders a page, pushes it on the page stack and runs onLoad(query), onShow and onReady. */
export function openPage<TData>(route: string, query: Record<string, string> = {}): RenderedPage<TData> {
  const page = simulate.render(loadPage(route)) as unknown as RenderedPage<TData>;
  const { document } = globalThis as unknown as { document: { createElement(tag: string): unknown } };
  page.attach(document.createElement('parent-wrapper'));
  Object.assign(page.instance, { route });
  pages.push(page.instance);
  for (const [hook, args] of [
    ['onLoad', [query]],
    ['onShow', []],
    ['onReady', []],
  ] as const) {
    page.instance[hook]?.call(page.instance, ...args);
  }
  return page;
}

/** Lets pending promises and the microtask that delivers events run. */
export async function flush(times = 3): Promise<void> {
  for (let i = 0; i < times; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

export function find(page: Node, selector: string): Node {
  const node = page.querySelector(selector);
  if (!node) throw new Error(`nothing matches ${selector}`);
  return node;
}

export function textOf(page: Node, selector?: string): string {
  const node = selector === undefined ? page : find(page, selector);
  return node.dom?.textContent ?? '';
}

/** Class names as written in WXML (jsdom sees them prefixed `<tag>--`). */
export function classesOf(node: Node): string[] {
  const names: string[] = (node.dom?.className ?? '').split(/\s+/);
  return names.filter((c) => c !== '').map((c) => c.replace(/^[^-]+--/, ''));
}

/** Taps one of our own elements. */
export async function tap(page: Node, selector: string): Promise<void> {
  find(page, selector).dispatchEvent('tap');
  await flush();
}

/** Taps a TDesign button through its inner node; the host is virtualHost and would drop the event. */
export async function tapButton(page: Node, selector: string): Promise<void> {
  find(page, `${selector} >>> .t-button`).dispatchEvent('tap');
  await flush();
}
