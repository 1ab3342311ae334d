// eslint-disable-next-line no-restricted-imports -- the jest environment, not app code
import { deserialize, serialize } from 'node:v8';

import 'fake-indexeddb/auto';
import { setupZoneTestEnv } from 'jest-preset-angular/setup-env/zone';

// zone.js like the app itself (Ionic 8); IndexedDB from fake-indexeddb for the offline queue.
setupZoneTestEnv();

// jsdom has no structuredClone, which fake-indexeddb stores with; Node's serializer clones alike.
globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;
