export { toNextHandler, type NextHandlerOptions, type NextRouteContext, type NextRouteHandler, type NextRouteHandlers, type NextHandlerSetup } from './to-next-handler';
export { statdeskServer, type DeskSource, type ServerCreate, type ServerSendOptions, type StatdeskServer, type StatdeskServerOptions } from './statdesk-server';
export { UnauthenticatedError, type HttpHandlerOptions, type Identity, type RouteContext } from '@statdesk/http';
