/** Imported first by the server's entry: the SDK must never look up a cloud metadata host from this machine. */
process.env.TENCENTCLOUD = 'true';
process.env.TENCENTCLOUD_SECRETID ??= 'local';
process.env.TENCENTCLOUD_SECRETKEY ??= 'local';
process.env.SILENCE ??= 'true';

export {};
