/**
 * The library's test fixtures, for other workspaces' tests: `@circuitcare/topology/testing`
 * resolves here in jest and in the spec type check only (never in the package build).
 */
export { type CircuitSpec, NetworkFixtureBuilder } from './network-fixture.builder';
export { miniNetwork } from './mini-network.fixture';
