export { statdeskRouter, type StatdeskRouterOptions } from './statdesk-router';
export { toFetchRequest } from './to-fetch-request';
export { sendFetchResponse } from './send-fetch-response';
export type { HttpHandlerOptions, Identity, RouteContext } from '@statdesk/http';
export { formBody, type FormBodyOptions } from './form-body';
