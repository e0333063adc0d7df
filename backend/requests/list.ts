/**
 * The staff desk: the organ's requests, open ones first — those awaiting confirmation of receipt, then by due
 * date (overdue first) — then answered and closed ones, latest first. Due dates depend on today (a paused
 * request's due date moves daily), so open requests (few at a township) are read in full, projected to the row
 * fields, and sorted here; finished ones are paged in the database with skip/limit and counted with count().
 */
import type { z } from 'zod';
import type { listRequestsSchema, RequestPage } from '../../shared/api/requests';
import type { RequestRow } from '../../shared/api/requests';
import type { HandlerContext } from '../runtime';
import { shanghaiDate } from '../time';
import { calendarFor, countIn, deskPageIn, deskRowsIn, DONE_STATUSES, isFinal, OPEN_STATUSES } from './store';
import { rowOf } from './views';

function byUrgency(a: RequestRow, b: RequestRow): number {
  const rank = (r: RequestRow) => (r.deadline ? 1 : 0); // awaiting confirmation first
  return (
    rank(a) - rank(b) ||
    (a.deadline?.dueDate ?? a.submittedDate).localeCompare(b.deadline?.dueDate ?? b.submittedDate) ||
    a.applicationNo.localeCompare(b.applicationNo)
  );
}

export async function listRequests(
  ctx: HandlerContext,
  organId: string,
  input: z.output<typeof listRequestsSchema>,
): Promise<RequestPage> {
  const today = shanghaiDate(ctx.now);
  const calendar = await calendarFor(ctx.db, organId);
  const open = (await deskRowsIn(ctx.db, organId, OPEN_STATUSES)).map((r) => rowOf(r, calendar, today)).sort(byUrgency);
  const counts = {
    open: open.length,
    atRisk: open.filter((r) => r.deadline?.atRisk).length,
    overdue: open.filter((r) => r.deadline?.overdue).length,
  };
  const from = (input.page - 1) * input.pageSize;

  const wanted = input.status;
  const openPart = wanted === undefined ? open : isFinal(wanted) ? [] : open.filter((r) => r.status === wanted);
  const doneStatuses = wanted === undefined ? DONE_STATUSES : isFinal(wanted) ? [wanted] : [];
  const doneTotal = doneStatuses.length === 0 ? 0 : await countIn(ctx.db, organId, doneStatuses);

  const list = openPart.slice(from, from + input.pageSize);
  const room = input.pageSize - list.length;
  if (room > 0 && doneTotal > 0) {
    const skip = Math.max(0, from - openPart.length);
    const done = await deskPageIn(ctx.db, organId, doneStatuses, { skip, limit: room });
    list.push(...done.map((r) => rowOf(r, calendar, today)));
  }
  return { list, total: openPart.length + doneTotal, page: input.page, pageSize: input.pageSize, counts };
}
