import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { FileStoreOracle } from '@statdesk/testing/conformance';

/**
 * Reads the store's directory directly, knowing only the documented format (a JSON sidecar per
 * file naming its blob in the same directory), not the adapter's code.
 */
export function diskOracle(root: string): FileStoreOracle & { paths(): Promise<string[]> } {
  const paths = async () => {
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  };
  return {
    paths,
    async bytes(tenantId, key) {
      for (const path of await paths()) {
        if (!path.endsWith('.json')) continue;
        const sidecar = JSON.parse(await readFile(path, 'utf8')) as { tenantId: string; key: string; blob: string };
        if (sidecar.tenantId === tenantId && sidecar.key === key) return new Uint8Array(await readFile(join(path, '..', sidecar.blob)));
      }
      return undefined;
    },
    async artefacts() {
      return (await paths()).map((p) => relative(root, p));
    },
  };
}
