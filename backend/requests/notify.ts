/**
 * Subscribe messages (订阅消息) to the owner on a status change that matters to them: 补正 or a fee asked, the
 * deadline extended, the answer, the closing. A WeChat one-time subscription allows ONE message per accept, so
 * the citizen page calls wx.requestSubscribeMessage and then `grantNotice`; each grant is stored in
 * `notice_grants` and used up by one message, queued with the change and sent after it commits
 * (backend/notices/). Messages carry the 申请编号, the status and dates — never personal data.
 */
import { outcomeLabel, STATUS_LABELS, type ActionType, type InfoRequest } from '../../shared/requests';
import { addGrant, deliver, GRANTS, useGrant } from '../notices/queue';
import type { HandlerContext } from '../runtime';
import type { Db } from '../sdk';
import type { Store } from './store';

/** Status changes the owner is told of. */
export const NOTIFY_ON: ReadonlySet<ActionType> = new Set([
  'requestCorrection',
  'extend',
  'noticeFee',
  'answer',
  'close',
]);

function noteFor(action: ActionType, request: InfoRequest, dueDate: string | null): string {
  switch (action) {
    case 'requestCorrection': {
      const correctBy = [...request.events].reverse().find((e) => e.type === 'correctionRequested');
      return correctBy && correctBy.type === 'correctionRequested'
        ? `请于${correctBy.correctBy}前补正申请内容`
        : '请补正申请内容';
    }
    case 'extend':
      return dueDate ? `答复期限延长至${dueDate}` : '答复期限已延长';
    case 'noticeFee':
      return '请查看收费通知并按期缴纳信息处理费';
    case 'answer':
      return request.outcome ? `办理结果：${outcomeLabel(request.outcome)}` : '已作出答复';
    default:
      return STATUS_LABELS[request.status];
  }
}

export async function grantNotice(
  ctx: HandlerContext,
  requestId: string,
  openid: string,
  templateId: string,
): Promise<number> {
  await addGrant(ctx.db, 'notice', { requestId, openid, templateId, used: false, grantedAt: ctx.now });
  return pendingGrants(ctx.db, requestId, openid);
}

export async function pendingGrants(db: Db, requestId: string, openid: string | null): Promise<number> {
  if (!openid) return 0;
  return GRANTS.notice.count(await GRANTS.notice.raw(db).where({ requestId, openid, used: false }).count());
}

/**
 * After a status change by `action`, in the same transaction: uses up the owner's oldest grant and queues a
 * message. Returns the queued message's id, or null when none was due. Two changes racing for one grant
 * conflict and one re-runs.
 */
export async function notifyOwner(
  tx: Store,
  args: {
    now: Date;
    requestId: string;
    organId: string;
    owner: string | null;
    action: ActionType;
    request: InfoRequest;
    dueDate: string | null;
    today: string;
  },
): Promise<string | null> {
  if (!args.owner || !NOTIFY_ON.has(args.action)) return null;
  const grant = await useGrant(tx, 'notice', { requestId: args.requestId, openid: args.owner }, args.now);
  if (!grant) return null;
  return deliver(
    {
      toOpenid: args.owner,
      templateId: grant.templateId,
      page: `pages/request/track/index?id=${args.requestId}`,
      data: {
        applicationNo: args.request.applicationNo,
        status: STATUS_LABELS[args.request.status],
        date: args.today,
        note: noteFor(args.action, args.request, args.dueDate),
      },
      requestId: args.requestId,
      organId: args.organId,
      action: args.action,
      createdAt: args.now,
    },
    tx,
  );
}
