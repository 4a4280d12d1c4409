/**
 * Setup file of the `core-workflows-on-sqlite` project: core's payment and refund workflow
 * tests, unchanged, with every world on a fresh migrated SQLite file and the SQL oracle
 * reading it over a second, read-only connection.
 */
import { releaseWorkflowStorages, useWorkflowStorage } from '@statdesk/testing';
import { afterEach } from 'vitest';
import { sqliteFiles } from './sqlite-file';

const files = sqliteFiles('wf');
useWorkflowStorage(files.next);
afterEach(releaseWorkflowStorages);
