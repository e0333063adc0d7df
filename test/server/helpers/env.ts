/**
 * Import this FIRST in any test that loads @cloudbase/node-sdk: with TENCENTCLOUD=true the SDK does not
 * probe the cloud metadata host, so no traffic leaves the machine; the fake keys avoid an unhandled
 * rejection in its credential lookup.
 */
process.env.TENCENTCLOUD = 'true';
process.env.TENCENTCLOUD_SECRETID ??= 'local';
process.env.TENCENTCLOUD_SECRETKEY ??= 'local';
process.env.SILENCE = 'true'; // no "request longer than 3s" warnings from the SDK

// The audit chain's key (backend/audit.ts); npm start keeps its own outside the data directory.
process.env.AUDIT_HMAC_KEY ??= 'test-audit-hmac-key-0123456789';

export {};
