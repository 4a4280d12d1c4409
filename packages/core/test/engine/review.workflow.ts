// The engine tests' workflow lives with the shared engine scenarios in @statdesk/testing.
export * from '../../../testing/src/sample-workflows/review.workflow';
