/** A `StaffDirectory` in memory, for tests and demos; passes the staff directory conformance suite. */
import type { StaffDirectory, StaffMember } from '@statdesk/core';
import { copyRow } from './copy-row';

/** The staff directory in memory (see the port's contract). */
export class MemoryStaffDirectory implements StaffDirectory {
  private readonly members = new Map<string, Map<string, StaffMember>>();

  constructor(seed: Readonly<Record<string, readonly StaffMember[]>> = {}) {
    for (const [tenantId, members] of Object.entries(seed)) for (const m of members) this.tenant(tenantId).set(m.id, copyRow(m));
  }

  private tenant(tenantId: string): Map<string, StaffMember> {
    let members = this.members.get(tenantId);
    if (!members) this.members.set(tenantId, (members = new Map()));
    return members;
  }

  async member(tenantId: string, staffId: string): Promise<StaffMember | undefined> {
    return copyRow(this.members.get(tenantId)?.get(staffId));
  }

  async membersWithRole(tenantId: string, role: string): Promise<StaffMember[]> {
    return [...(this.members.get(tenantId)?.values() ?? [])]
      .filter((m) => m.roles.includes(role))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, 200)
      .map(copyRow);
  }

  async putMember(tenantId: string, member: StaffMember): Promise<void> {
    this.tenant(tenantId).set(member.id, copyRow(member));
  }

  async removeMember(tenantId: string, staffId: string): Promise<void> {
    this.members.get(tenantId)?.delete(staffId);
  }
}
