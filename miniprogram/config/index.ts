/**
 * Settings of the mini program that differ between the local setup and CloudBase. The transport is chosen once,
 * in app.ts, from these values and the version the code runs as (开发版 / 体验版 / 正式版).
 */

/** `cloud`: wx.cloud.callFunction. `dev`: POST to the local server started by `npm start`. */
export type TransportKind = 'cloud' | 'dev';
export type EnvVersion = 'develop' | 'trial' | 'release';

export interface AppConfig {
  transport: TransportKind;
  /** Base URL of the local server; DevTools must have 不校验合法域名 on (project.config.json urlCheck: false). */
  devServer: string;
  /** Default `x-gongkai-login` token for the local server (it stands for an OPENID); '' = not signed in. */
  devLogin: string;
  /** CloudBase environment id; undefined uses the AppID's default environment. */
  cloudEnv: string | undefined;
}

export const DEV_SERVER = 'http://127.0.0.1:8787';
/** Citizen pages need no login. To act as a user, put a token printed by `npm start` here or in storage. */
export const DEV_LOGIN = '';
/** Storage key a developer can set (DevTools → Storage) to a token printed by `npm start`; wins over DEV_LOGIN. */
export const DEV_LOGIN_STORAGE_KEY = 'gongkai.devLogin';
export const CLOUD_ENV: string | undefined = undefined;
/**
 * Set to 'cloud' to try real CloudBase from DevTools, or to 'dev' to use the local server from a 体验版.
 * 真机预览 is also 'develop' but cannot reach 127.0.0.1: use the computer's LAN address in DEV_SERVER, or 'cloud'.
 */
export const FORCED_TRANSPORT: TransportKind | null = null;

/** 开发版 talks to the local server; 体验版 and 正式版 to CloudBase. */
export function transportFor(envVersion: EnvVersion, forced: TransportKind | null = FORCED_TRANSPORT): TransportKind {
  return forced ?? (envVersion === 'develop' ? 'dev' : 'cloud');
}

export function appConfig(envVersion: EnvVersion): AppConfig {
  return { transport: transportFor(envVersion), devServer: DEV_SERVER, devLogin: DEV_LOGIN, cloudEnv: CLOUD_ENV };
}

/**
 * The subscribe-message template (订阅消息 → 我的模板) the organ chose for “申请办理进度通知”, as in the admin
 * console. '' hides the 接收办理进度通知 button on the request result screen.
 */
export const NOTICE_TEMPLATE_ID = '';
