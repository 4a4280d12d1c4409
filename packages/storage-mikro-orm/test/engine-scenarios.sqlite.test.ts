/** The engine's shared scenarios end to end on a SQLite file: the embedded default behaves as the reference does. */
import { describeEngineScenarios } from '@statdesk/testing/conformance';
import { sqliteFiles } from './support/sqlite-file';

describeEngineScenarios({ name: 'sqlite file', setup: sqliteFiles('scenarios').next });
