/** Placeholder: being built. */
Page<Record<string, never>, Record<never, never>>({
  data: {},
});
