// Renders the PWA's PNG icons from the SVGs in public/icons (node mobile/scripts/make-icons.mjs).
// The PNGs are committed: the build copies public/ as it is, with no render step.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Resvg } from '@resvg/resvg-js';

const icons = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];
for (const [svg, png, size] of jobs) {
  const resvg = new Resvg(readFileSync(join(icons, svg)), {
    fitTo: { mode: 'width', value: size },
  });
  writeFileSync(join(icons, png), resvg.render().asPng());
  console.log(`${png} ${size}×${size}`);
}
