/** 工作台 (staff subpackage): sign-in and the staff work list come in a later stage. */
Page<Record<string, never>, Record<never, never>>({
  data: {},
});
