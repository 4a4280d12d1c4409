// One folder per workflow: machine, events, roles and SLA together.
export {};
export * from './incident';
export * from './information-order';
