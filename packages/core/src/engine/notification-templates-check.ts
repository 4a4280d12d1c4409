/**
 * The start-up check of notification templates: every template a workflow declares (its
 * `notifications`) must be one the notifier can render. Without it, an unknown template shows up
 * only when the first message dead-letters, after the command that caused it has succeeded.
 */
import { DefinitionError } from '../errors';
import type { Notifier } from '../ports/notification';
import type { WorkflowDefinition } from './definition';

/** Throws a `DefinitionError` naming every declared template the notifier does not know, and how to add one. */
export function checkNotificationTemplates(workflows: readonly WorkflowDefinition[], notifier: Notifier | undefined): void {
  if (!notifier?.knowsTemplate) return;
  const unknown = new Map<string, string[]>();
  for (const definition of workflows) {
    for (const template of definition.notifications ?? []) {
      if (notifier.knowsTemplate(template)) continue;
      unknown.set(template, [...(unknown.get(template) ?? []), `${definition.name}@${definition.version}`]);
    }
  }
  if (!unknown.size) return;
  const listed = [...unknown].map(([template, by]) => `"${template}" (notified by ${by.join(', ')})`).join('; ');
  const example = [...unknown.keys()][0]!;
  throw new DefinitionError(
    `The notifier has no template for ${listed}. ` +
      `Declare each in the template set's catalogue and write its wording: createTemplateSet({ catalogue: { ...notificationCatalogue, '${example}': { description, params } }, ` +
      `templates: { ...shippedTemplates(), '${example}': { fa: { email, sms }, en: { email, sms } } } }), and pass that set to createTemplateNotifier ` +
      `(docs/notifications.md, "Adding a template").`,
  );
}
