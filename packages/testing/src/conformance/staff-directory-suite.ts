/**
 * The staff directory conformance suite: what every `StaffDirectory` adapter must do, as named
 * tests derived from the port's contract. Run it from your adapter's test file:
 *
 *   describeStaffDirectoryConformance({ name: 'my-adapter', setup: async () => ({ directory, teardown }) });
 *
 * A test can be disabled only with a written reason.
 */
import { describe, expect } from 'vitest';
import type { StaffDirectory, StaffMember } from '@statdesk/core';
import { namedTest } from './named-test';

/** The staff directory to test, with its clean-up. */
export interface StaffDirectoryUnderTest {
  /** The adapter under test, empty. */
  directory: StaffDirectory;
  /** Called once the test is done. */
  teardown?: () => Promise<void>;
}

/** The names of the staff directory conformance tests, in order. */
export const staffDirectoryConformanceTests = [
  'put then read a member, contacts and roles intact',
  'put replaces a member; remove deletes it',
  'members with a role, ordered by id',
  'tenant isolation on every read and write',
  'returns copies, not live references',
] as const;

/** The name of one staff directory conformance test. */
export type StaffDirectoryConformanceTest = (typeof staffDirectoryConformanceTests)[number];

/** Options of {@link describeStaffDirectoryConformance}. */
export interface StaffDirectoryConformanceOptions {
  /** Label of the `describe` block. */
  name: string;
  /** A fresh, empty directory for each test. */
  setup: () => Promise<StaffDirectoryUnderTest>;
  /** Tests this adapter cannot pass yet, each with the reason. */
  disable?: Partial<Record<StaffDirectoryConformanceTest, string>>;
}

const member = (id: string, roles: string[], extra: Partial<StaffMember> = {}): StaffMember => ({
  id,
  displayName: `کارمند ${id}`,
  roles,
  email: `${id}@office.example.ir`,
  mobile: '09121234567',
  language: 'fa',
  ...extra,
});

/** Registers the staff directory conformance suite with vitest for your adapter. */
export function describeStaffDirectoryConformance(options: StaffDirectoryConformanceOptions): void {
  const test = namedTest<StaffDirectoryConformanceTest, StaffDirectoryUnderTest>(options);

  describe(`staff directory conformance: ${options.name}`, () => {
    test('put then read a member, contacts and roles intact', async ({ directory }) => {
      const boss = member('boss-1', ['supervisor', 'consultant']);
      await directory.putMember('sci', boss);
      expect(await directory.member('sci', 'boss-1')).toEqual(boss);
      const english = member('clerk-1', ['shop-clerk'], { language: 'en', displayName: 'Sara Clerk' });
      delete english.mobile;
      await directory.putMember('sci', english);
      expect(await directory.member('sci', 'clerk-1')).toEqual(english);
      expect(await directory.member('sci', 'missing')).toBeUndefined();
    });

    test('put replaces a member; remove deletes it', async ({ directory }) => {
      await directory.putMember('sci', member('a', ['consultant']));
      const moved = member('a', ['supervisor'], { email: 'new@office.example.ir', displayName: 'A B' });
      delete moved.mobile;
      await directory.putMember('sci', moved);
      expect(await directory.member('sci', 'a')).toEqual(moved);
      expect(await directory.membersWithRole('sci', 'consultant')).toEqual([]);
      await directory.removeMember('sci', 'a');
      await directory.removeMember('sci', 'never-there');
      expect(await directory.member('sci', 'a')).toBeUndefined();
      expect(await directory.membersWithRole('sci', 'supervisor')).toEqual([]);
    });

    test('members with a role, ordered by id', async ({ directory }) => {
      for (const m of [member('c', ['supervisor']), member('a', ['supervisor', 'consultant']), member('b', ['consultant']), member('d', ['super'])]) {
        await directory.putMember('sci', m);
      }
      expect((await directory.membersWithRole('sci', 'supervisor')).map((m) => m.id)).toEqual(['a', 'c']);
      expect((await directory.membersWithRole('sci', 'consultant')).map((m) => m.id)).toEqual(['a', 'b']);
      // Roles match whole names.
      expect((await directory.membersWithRole('sci', 'super')).map((m) => m.id)).toEqual(['d']);
      expect(await directory.membersWithRole('sci', 'nobody')).toEqual([]);
    });

    test('tenant isolation on every read and write', async ({ directory }) => {
      await directory.putMember('sci', member('a', ['supervisor']));
      await directory.putMember('other', member('a', ['consultant'], { displayName: 'Other A' }));
      expect((await directory.member('sci', 'a'))?.roles).toEqual(['supervisor']);
      expect((await directory.member('other', 'a'))?.displayName).toBe('Other A');
      expect(await directory.membersWithRole('other', 'supervisor')).toEqual([]);
      await directory.removeMember('other', 'a');
      expect(await directory.member('sci', 'a')).toBeDefined();
      expect(await directory.member('other', 'a')).toBeUndefined();
    });

    test('returns copies, not live references', async ({ directory }) => {
      const original = member('a', ['supervisor']);
      await directory.putMember('sci', original);
      original.roles.push('mutated');
      const read = (await directory.member('sci', 'a'))!;
      read.roles.push('mutated');
      read.displayName = 'mutated';
      expect(await directory.member('sci', 'a')).toEqual(member('a', ['supervisor']));
    });
  });
}
