/**
 * Asking WeChat for one-time subscriptions (wx.requestSubscribeMessage, only from a tap): the 工作台's 微信提醒 and
 * the applicant's progress messages. Each accept is then stored with `organ.grantReminder` or `requests.grantNotice`.
 */

/** WeChat takes at most this many template ids per wx.requestSubscribeMessage call. */
export const MAX_TEMPLATES_PER_ASK = 3;

/**
 * Asks WeChat for the given templates; resolves each template id's answer ('accept', 'reject', 'ban', 'filter'),
 * or {} when the dialog failed (no tap, turned off in settings). Call it straight from the tap handler: WeChat
 * refuses a request that does not come from a tap.
 */
export function askSubscriptions(tmplIds: readonly string[]): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: tmplIds.slice(0, MAX_TEMPLATES_PER_ASK),
      success: (res) => resolve(res as unknown as Record<string, string>),
      fail: () => resolve({}),
    });
  });
}
