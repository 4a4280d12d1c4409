import { DefinitionError, PermanentDeliveryError } from '../errors';

/** A message's parameters do not fit its declaration (missing, undeclared, wrong kind, personal data). */
export class TemplateParameterError extends PermanentDeliveryError {
  constructor(
    /** The template whose parameters are wrong. */
    readonly template: string,
    /** The parameter at fault. */
    readonly param: string,
    problem: string,
  ) {
    super(`Notification "${template}", parameter "${param}": ${problem}`);
  }
}

/** A template set does not match its catalogue; every problem is listed. Raised at startup. */
export class TemplateSetError extends DefinitionError {
  /** @param problems - every mismatch between the templates and the catalogue */
  constructor(readonly problems: readonly string[]) {
    super(`Invalid notification templates:\n- ${problems.join('\n- ')}`);
  }
}
