export { createHttpHandler, type HttpHandler } from './handler';
export type {
  ApiInstanceView,
  ComplaintLookupBody,
  DownloadTarget,
  HttpHandlerOptions,
  Identity,
  PaymentCallbackParams,
  RateLimitSettings,
  RequestInfo,
  RouteContext,
  StoredFileReference,
  UploadSettings,
  ViewContext,
} from './options';
export { ERROR_STATUS, type ErrorBody, type ErrorReporter, type ErrorType } from './error-response';
export { MethodNotAllowedError, PayloadTooLargeError, UnauthenticatedError, UnsupportedMediaTypeError } from './http-errors';
export { JSON_CONTENT_TYPE, jsonResponse, toJson } from './json';
export { buildOpenApiDocument, type JsonSchema, type OpenApiDocument, type OpenApiOptions } from './openapi';
export { DEFAULT_PUBLIC_RATE_LIMIT } from './public-rate-limit';
export { DEFAULT_UPLOAD_POLICIES } from './routes/file-routes';
export { UPLOAD_FIELD } from './receive-upload';
export { readFormBody } from './read-form-body';
export { queryFields, refuseUnsafeText, unsafeTextReason } from './safe-text';
export { MAX_JSON_DEPTH } from './bounded-json';
export { DEFAULT_REPORT_ROLES, type ReportRouteOptions, type SearchRouteOptions } from './report-options';
export { reportCsv, reportXlsx } from './report-export';
