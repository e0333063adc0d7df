/** 年度报告编制 (staff subpackage): placeholder until the report builder is built. */
Page<Record<string, never>, Record<never, never>>({
  data: {},
});
