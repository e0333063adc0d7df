/** Sharing a page that is the same for everyone (a tab: the catalogue, the reports list). */

/** Spread into the Page: shared to a chat it opens `path`; shared to Moments it shows `title`. */
export function sharedAs(title: string, path: string) {
  return {
    onShareAppMessage: () => ({ title, path }),
    onShareTimeline: () => ({ title }),
  };
}
