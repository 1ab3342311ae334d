/**
 * Debian's Chromium (apt `chromium`, scripts/services/install.sh), headless, with nothing
 * reaching out beyond loopback: the browser of the web end-to-end tests and bench:web.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
