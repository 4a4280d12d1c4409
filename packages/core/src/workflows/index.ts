// One folder per workflow: machine, events, roles and SLA together.
export {};
export * from './incident';
export * from './complaint';
export * from './information-order';
export * from './shop-order';
