import { EntitySchema } from '@mikro-orm/core';

/** A staff member; their name and contacts are one sealed value, never plain columns. */
export interface StaffMemberRow {
  tenantId: string;
  id: string;
  /** Space-separated and space-framed (` consultant supervisor `), matched with `LIKE '% role %'`. */
  roles: string;
  language: string;
  /** AES-256-GCM over `{ displayName, email?, mobile? }`, bound to the row. */
  sealed: string;
  updatedAt: Date;
}

/** Table `statdesk_staff`: the staff directory (roles and sealed contacts) that staff alerts resolve through. */
export const StaffMemberEntity = new EntitySchema<StaffMemberRow>({
  name: 'StatdeskStaffMember',
  tableName: 'statdesk_staff',
  properties: {
    tenantId: { type: 'string', length: 100, primary: true },
    id: { type: 'string', length: 100, primary: true },
    roles: { type: 'string', length: 1000 },
    language: { type: 'string', length: 2 },
    sealed: { type: 'text' },
    updatedAt: { type: 'datetime' },
  },
});
