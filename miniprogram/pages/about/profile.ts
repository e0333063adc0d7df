/** The organ's public profile as 关于 and the 指南 open with it: loading, then the profile or the error shown. */
import type { OrganPublicProfile } from 'gongkai-core';
import { getProfileSchema } from 'gongkai-core';
import { callChecked } from '../../api/client';
import { openWith } from '../../kit/page-state';

export function openProfile(page: Parameters<typeof openWith>[0]): Promise<OrganPublicProfile | null> {
  return openWith(page, () => callChecked('organ.getProfile', getProfileSchema, {}));
}
