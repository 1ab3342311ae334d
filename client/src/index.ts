// The one client of the CircuitCare API for web and mobile: generated services and models
// (src/generated, `npm run client:generate`), plus the few hand-written helpers below.
export * from './generated';
export { type CircuitCareApiOptions, provideCircuitCareApi } from './provide-circuit-care-api';
export { fieldErrorsOf, problemOf } from './problem-details';
export {
  CHANGE_EVENT_NAMES,
  type ChangeEventsOptions,
  type ChangeStreamItem,
  changeEvents,
  type EventSourceLike,
} from './change-events';
export * from './state';
export { type SharedLabels, sharedLabels } from './i18n/shared-labels';
