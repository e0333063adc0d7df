/** Dates as the law counts them: the calendar day in Asia/Shanghai, whatever the server's own zone. */
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function shanghaiDate(at: Date): string {
  return DAY.format(at);
}
