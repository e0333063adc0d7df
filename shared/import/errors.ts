/** The input is not an annual report at all (no recognisable parts or tables, no year): the CLI exits with 2. */
export class UnreadableReportError extends Error {
  readonly code = 'UNREADABLE' as const;

  constructor(message: string) {
    super(message);
    this.name = 'UnreadableReportError';
  }
}
