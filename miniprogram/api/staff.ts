/**
 * Staff actions: who I am, binding an invitation, writing and approving items, their photos, and withdrawing or
 * correcting a published one. Payloads are checked with the
 * shared schemas before anything is sent; the server checks every permission again (the role comes from its own
 * staff record, never from here). Writes that must not happen twice carry a requestId (the server is idempotent
 * on it), so a retry after a lost answer repeats nothing.
 */
import {
  approveItemSchema,
  bindSchema,
  correctItemSchema,
  createItemSchema,
  getItemSchema,
  listItemsSchema,
  parseWith,
  rejectItemSchema,
  submitItemSchema,
  updateItemSchema,
  withdrawItemSchema,
  type ItemPage,
  type ItemStatus,
  type Result,
} from 'gongkai-core';
import { call, upload } from './client';
import type { UploadedFile, UploadInput } from './transport';
import type {
  ApproveItemPayload,
  BindAnswer,
  CorrectItemPayload,
  CreateItemPayload,
  ItemCorrection,
  ItemHistory,
  ItemMoved,
  ItemWritten,
  RejectItemPayload,
  StaffItem,
  StaffMe,
  UpdateItemPayload,
} from './staff-types';

export type {
  ApproveItemPayload,
  BindAnswer,
  ItemCorrection,
  ItemHistory,
  ItemMoved,
  ItemWritten,
  StaffItem,
  StaffMe,
  TrailView,
} from './staff-types';
export type { UploadedFile, UploadInput } from './transport';

export { newRequestId } from './client';

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

/** A photo for an item: stored in cloud storage (or the local server), answered as the attachment's fileId. */
export function uploadPhoto(file: UploadInput): Promise<Result<UploadedFile>> {
  return upload(file);
}

export async function withdrawItem(id: string, reason: string, requestId: string): Promise<Result<ItemMoved>> {
  const input = parseWith(withdrawItemSchema, { id, reason });
  if (!input.ok) return input;
  return call('items', 'withdraw', input.data, requestId);
}

/** A new draft replacing the published item once it is approved; the published one stays public until then. */
export async function correctItem(payload: CorrectItemPayload, requestId: string): Promise<Result<ItemCorrection>> {
  const input = parseWith(correctItemSchema, payload);
  if (!input.ok) return input;
  return call('items', 'correct', input.data, requestId);
}

export async function fetchItemHistory(id: string): Promise<Result<ItemHistory>> {
  const input = parseWith(getItemSchema, { id });
  if (!input.ok) return input;
  return call('items', 'history', input.data);
}
