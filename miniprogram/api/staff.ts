/**
 * Staff actions: who I am, binding an invitation, and writing and approving items. Payloads are checked with the
 * shared schemas before anything is sent; the server checks every permission again (the role comes from its own
 * staff record, never from here). Writes that must not happen twice carry a requestId (the server is idempotent
 * on it), so a retry after a lost answer repeats nothing.
 */
import {
  approveItemSchema,
  bindSchema,
  createItemSchema,
  getItemSchema,
  listItemsSchema,
  parseWith,
  rejectItemSchema,
  submitItemSchema,
  updateItemSchema,
  type ItemPage,
  type ItemStatus,
  type Result,
} from 'gongkai-core';
import { call } from './client';
import type { ApproveItemPayload, BindAnswer, CreateItemPayload, ItemMoved, ItemWritten, RejectItemPayload, StaffItem, StaffMe, UpdateItemPayload } from './staff-types';

export type { ApproveItemPayload, BindAnswer, ItemMoved, ItemWritten, StaffItem, StaffMe, TrailView } from './staff-types';

/** A fresh id for one intended write (8–64 characters, as the envelope requires). */
export function newRequestId(): string {
  return `rq-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function fetchMe(): Promise<Result<StaffMe>> {
  return call('organ', 'me', {});
}

export async function bindStaff(code: string, displayName: string): Promise<Result<BindAnswer>> {
  const input = parseWith(bindSchema, { code, displayName });
  if (!input.ok) return input;
  return call('organ', 'bind', input.data);
}

export async function listStaffItems(status: ItemStatus, pageSize = 50): Promise<Result<ItemPage>> {
  const input = parseWith(listItemsSchema, { status, pageSize });
  if (!input.ok) return input;
  return call('items', 'list', input.data);
}

export async function fetchStaffItem(id: string): Promise<Result<StaffItem>> {
  const input = parseWith(getItemSchema, { id });
  if (!input.ok) return input;
  // Staff of the item's organ get the approval step and the trail besides the item (backend toDetail).
  return (await call('items', 'get', input.data)) as Result<StaffItem>;
}

export async function createItem(payload: CreateItemPayload, requestId: string): Promise<Result<ItemWritten>> {
  const input = parseWith(createItemSchema, payload);
  if (!input.ok) return input;
  return call('items', 'create', input.data, requestId);
}

export async function updateItem(payload: UpdateItemPayload): Promise<Result<ItemWritten>> {
  const input = parseWith(updateItemSchema, payload);
  if (!input.ok) return input;
  return call('items', 'update', input.data);
}

export async function submitItem(id: string, requestId: string): Promise<Result<ItemMoved>> {
  const input = parseWith(submitItemSchema, { id });
  if (!input.ok) return input;
  return call('items', 'submit', input.data, requestId);
}

export async function approveItem(payload: ApproveItemPayload, requestId: string): Promise<Result<ItemMoved>> {
  const input = parseWith(approveItemSchema, payload);
  if (!input.ok) return input;
  return call('items', 'approve', input.data, requestId);
}

export async function rejectItem(payload: RejectItemPayload): Promise<Result<ItemMoved>> {
  const input = parseWith(rejectItemSchema, payload);
  if (!input.ok) return input;
  return call('items', 'reject', input.data);
}
