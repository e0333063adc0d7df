/** 依申请 (tab): filing an information request online. Placeholder until the requests stage. */
Page<Record<string, never>, Record<never, never>>({
  data: {},
});
