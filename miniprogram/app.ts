/**
 * The app: chooses the transport to the cloud functions once, at launch (see config/): CloudBase for 体验版 and
 * 正式版, the local server (`npm start`) for 开发版.
 */
import { cloudTransport, devTransport, setTransport } from './api/index';
import { DEV_LOGIN_STORAGE_KEY, appConfig, type AppConfig, type EnvVersion } from './config/index';

export interface GongkaiApp {
  globalData: { transport: AppConfig['transport'] | null };
  /** Sets up the transport; returns the config it used. Called by onLaunch. */
  setupTransport(envVersion: EnvVersion): AppConfig;
}

/** The development login: a token stored by the developer, else the configured default. */
function devLogin(fallback: string): string {
  const stored: unknown = wx.getStorageSync(DEV_LOGIN_STORAGE_KEY);
  return typeof stored === 'string' && stored !== '' ? stored : fallback;
}

function currentEnvVersion(): EnvVersion {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion;
  } catch {
    return 'release';
  }
}

App<GongkaiApp>({
  globalData: { transport: null },

  onLaunch() {
    this.setupTransport(currentEnvVersion());
  },

  setupTransport(envVersion) {
    const config = appConfig(envVersion);
    if (config.transport === 'cloud') {
      wx.cloud.init(config.cloudEnv === undefined ? { traceUser: true } : { env: config.cloudEnv, traceUser: true });
      setTransport(cloudTransport());
    } else {
      setTransport(devTransport({ server: config.devServer, login: () => devLogin(config.devLogin) }));
    }
    this.globalData.transport = config.transport;
    return config;
  },
});
