/** The desk for server components and server actions, acting as the signed-in person. */
import { statdeskServer } from '@statdesk/next';
import { getPortal } from './portal';
import { currentIdentity } from './session';

export const statdesk = statdeskServer(async () => (await getPortal()).desk, { identify: currentIdentity });
