/**
 * statdesk's JSON API under `/api`, through `toNextHandler`: uploads, event posts from the
 * upload forms, download links, the bank's payment callback, the public lookups and the
 * OpenAPI document. Who calls is the demo session; unsafe requests must also carry the
 * session's CSRF token in `x-csrf-token` (as in the Express portal).
 */
import { createOfficeReports, createStaffSearch, slaTargetTitles } from '@statdesk/core';
import { knownLabel } from '@statdesk/example-express-portal/i18n';
import { toNextHandler } from '@statdesk/next';
import { portalApiOptions, SAFE_METHODS } from '@statdesk/example-express-portal/api-options';
import { sameText } from '@statdesk/example-express-portal/session';
import { clientAddress } from '../../../lib/client-address';
import { getPortal } from '../../../lib/portal';
import { currentIdentity, readSession } from '../../../lib/session';

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toNextHandler(async () => {
  const portal = await getPortal();
  return {
    desk: portal.desk,
    options: {
      identify: async (request) => {
        const session = await readSession();
        if (!session) return null;
        if (!SAFE_METHODS.has(request.method)) {
          const token = request.headers.get('x-csrf-token');
          if (!token || !sameText(token, session.csrf)) return null;
        }
        return currentIdentity();
      },
      clientAddress: (request) => clientAddress(request.headers),
      ...portalApiOptions(portal),
      reports: {
        source: createOfficeReports({ storage: portal.storage }),
        labels: { state: (_workflow, state) => knownLabel(state), target: slaTargetTitles(portal.desk.registry) },
      },
      search: { source: createStaffSearch({ desk: portal.desk, profiles: portal.profiles }) },
    },
  };
});

