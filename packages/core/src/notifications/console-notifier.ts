import type { ContactDirectory, Notifier } from '../ports/notification';
import { consoleTransports, type ConsoleTransportOptions } from './console-transport';
import { createTemplateNotifier, type TemplateNotifierOptions } from './template-notifier';
import { createTemplateSet, type TemplateSet } from './template-set';

/** Options of `consoleNotifier`. */
export interface ConsoleNotifierOptions extends ConsoleTransportOptions {
  /** Where the recipients' contacts come from. */
  contacts: ContactDirectory;
  /** Default: the shipped templates. */
  templates?: TemplateSet;
  /** The portal's origin for root-relative links (see `createTemplateNotifier`). */
  portalUrl?: TemplateNotifierOptions['portalUrl'];
}

/** For development: renders every notification as it would be sent and prints it, addresses masked. */
export function consoleNotifier(options: ConsoleNotifierOptions): Notifier {
  return createTemplateNotifier({
    contacts: options.contacts,
    templates: options.templates ?? createTemplateSet(),
    transports: consoleTransports(options.write ? { write: options.write } : {}),
    ...(options.portalUrl ? { portalUrl: options.portalUrl } : {}),
  });
}
