/** The catalogue's answer types, apart from its calls so the action contract can name them without an import loop. */
import type { SubscribePurpose } from 'gongkai-core';

/** What `organ.getProfile` answers: the organ's public contact, nothing about its staff. */
export interface OrganPublicProfile {
  id: string;
  name: string;
  contactPhone?: string;
  address?: string;
  reportDueDate?: string;
  creditCode?: string;
  /** The subscribe-message template per purpose (staff reminders, the applicant's progress). */
  templateIds?: Partial<Record<SubscribePurpose, string>>;
}
