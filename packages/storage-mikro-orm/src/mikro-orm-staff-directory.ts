/**
 * `mikroOrmStaffDirectory`: the staff directory in `statdesk_staff`, on the storage's own
 * connection pool. Roles and language are plain (they are what alerts are routed by); a member's
 * name, e-mail and mobile are personal data and sit in one sealed value bound to its row, under
 * the same keys as profiles (see `profile-sealing.ts`).
 */
import { ValidationError, type ProfileKeyProvider, type StaffDirectory, type StaffMember } from '@statdesk/core';
import type { MikroOrmStorage } from './mikro-orm-storage';
import { profileKeysFromSecret } from './profile-keys-from-secret';
import { profileSealer, type ProfileSealer } from './profile-sealing';
import type { SqlDatabase, SqlRow } from './sql/sql-database';
import { sqlValues, type SqlValues } from './sql/sql-values';

const sql = {
  member: 'SELECT tenant_id, id, roles, language, sealed FROM statdesk_staff WHERE tenant_id = ? AND id = ?',
  withRole: "SELECT tenant_id, id, roles, language, sealed FROM statdesk_staff WHERE tenant_id = ? AND roles LIKE ? ESCAPE '!' ORDER BY id LIMIT 200",
  put: `INSERT INTO statdesk_staff (tenant_id, id, roles, language, sealed, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, id) DO UPDATE SET roles = excluded.roles, language = excluded.language, sealed = excluded.sealed, updated_at = excluded.updated_at`,
  remove: 'DELETE FROM statdesk_staff WHERE tenant_id = ? AND id = ?',
};

interface Contacts {
  displayName: string;
  email?: string;
  mobile?: string;
}

/** The staff directory in the storage's database; create it with {@link mikroOrmStaffDirectory}. */
export class MikroOrmStaffDirectory implements StaffDirectory {
  private readonly values: SqlValues;

  /** @internal use `mikroOrmStaffDirectory()`. */
  constructor(
    private readonly db: SqlDatabase,
    private readonly sealer: ProfileSealer,
  ) {
    this.values = sqlValues(db.dialect);
  }

  member(tenantId: string, staffId: string): Promise<StaffMember | undefined> {
    return this.db.session(async (s) => {
      const [row] = await s.all(sql.member, [tenantId, staffId]);
      return row && this.toMember(row);
    });
  }

  membersWithRole(tenantId: string, role: string): Promise<StaffMember[]> {
    return this.db.session(async (s) => {
      const rows = await s.all(sql.withRole, [tenantId, `% ${role.replace(/[!%_]/g, (c) => `!${c}`)} %`]);
      return Promise.all(rows.map((row) => this.toMember(row)));
    });
  }

  async putMember(tenantId: string, member: StaffMember): Promise<void> {
    if (member.roles.some((r) => !r || /\s/.test(r))) throw new ValidationError('staff member', [{ path: 'roles', message: 'roles are names without spaces' }]);
    const contacts: Contacts = { displayName: member.displayName, ...(member.email ? { email: member.email } : {}), ...(member.mobile ? { mobile: member.mobile } : {}) };
    const sealed = await this.sealer.seal(JSON.stringify(contacts), rowOf(tenantId, member.id));
    await this.db.session(async (s) => {
      await s.run(sql.put, [tenantId, member.id, ` ${member.roles.join(' ')} `, member.language, sealed, this.values.time(new Date())]);
    });
  }

  removeMember(tenantId: string, staffId: string): Promise<void> {
    return this.db.session(async (s) => void (await s.run(sql.remove, [tenantId, staffId])));
  }

  private async toMember(row: SqlRow): Promise<StaffMember> {
    const tenantId = String(row.tenant_id);
    const id = String(row.id);
    const contacts = JSON.parse(await this.sealer.open(String(row.sealed), rowOf(tenantId, id))) as Contacts;
    return {
      id,
      displayName: contacts.displayName,
      roles: String(row.roles).split(' ').filter(Boolean),
      ...(contacts.email ? { email: contacts.email } : {}),
      ...(contacts.mobile ? { mobile: contacts.mobile } : {}),
      language: row.language === 'en' ? 'en' : 'fa',
    };
  }
}

function rowOf(tenantId: string, id: string): string {
  return `staff:${tenantId}/${id}`;
}

/** Options of {@link mikroOrmStaffDirectory}: the keys staff contacts are sealed with (as for profiles). */
export interface MikroOrmStaffDirectoryOptions {
  /** A key provider (rotatable keys). */
  keys?: ProfileKeyProvider;
  /** One 32-byte secret (or base64 of one) instead of `keys`. */
  encryptionKey?: Uint8Array | string;
}

/** A staff directory on the storage's database and connection pool; run the storage's migrations first. */
export function mikroOrmStaffDirectory(storage: MikroOrmStorage, options: MikroOrmStaffDirectoryOptions): MikroOrmStaffDirectory {
  if ((options.keys === undefined) === (options.encryptionKey === undefined)) {
    throw new ValidationError('staff directory options', [{ path: 'keys', message: 'give keys or encryptionKey (one of them)' }]);
  }
  return new MikroOrmStaffDirectory(storage.database, profileSealer(options.keys ?? profileKeysFromSecret(options.encryptionKey!)));
}
