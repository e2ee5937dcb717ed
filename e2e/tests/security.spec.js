// The deployment's hardening: headers from nginx with deploy/nginx.conf, the
// content security policy holding on every route, integrity on every asset.
import { appFiles } from '../support/parts.js';
import { test, expect } from '../support/test.js';
import { mapPage } from '../support/pages.js';
import { writeSiteFile } from '../support/site.js';

const ROUTES = ['/', '/news/595305', '/news/595305/print', '/partners', '/partners/sopot', '/no/such/page'];

test('every route runs without a content security policy violation', async ({ page }) => {
  const reported = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) reported.push(message.text());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  for (const route of ROUTES) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (route.startsWith('/partners')) {
      await mapPage(page).zoomIn.click();
    }
    expect(await page.evaluate(() => window.__violations), route).toEqual([]);
  }
  expect(reported).toEqual([]);
});

test('the policy is strict and the security headers are sent', async ({ request }) => {
  const response = await request.get('/news/595305');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  const csp = headers['content-security-policy'];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['script-src']).toContain("'self'");
  expect(directives['script-src']).toContain("'wasm-unsafe-eval'");
  expect(directives['script-src'].some((s) => s.startsWith("'sha384-"))).toBe(true);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  expect(directives['frame-ancestors']).toEqual(["'none'"]);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cache-control']).toBe('no-cache');
});

test('assets are cached by their hash, data is revalidated, wasm is typed and gzipped', async ({ request }) => {
  const { wasm, js } = await appFiles(request);
  const wasmResponse = await request.get(wasm, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(wasmResponse.headers()['content-type']).toBe('application/wasm');
  expect(wasmResponse.headers()['content-encoding']).toBe('gzip');
  expect(wasmResponse.headers()['cache-control']).toMatch(/max-age=\d{8,}/);
  expect((await request.get(js)).headers()['cache-control']).toMatch(/max-age=\d{8,}/);
  const data = await request.get('/data/cities.json');
  expect(data.headers()['cache-control']).toBe('no-cache');
  expect(data.headers()['content-type']).toContain('application/json');
  expect(data.headers()['content-security-policy']).toContain("default-src 'self'");
  // A missing data file is a real 404, and so is a missing asset; routes are the app.
  expect((await request.get('/data/articles/none.json')).status()).toBe(404);
  expect((await request.get('/missing-0123456789abcdef.js')).status()).toBe(404);
  expect((await request.get('/partners/sopot')).status()).toBe(200);
});

test('a hashed asset is cached however many digits its hash has', async ({ request }) => {
  // Trunk prints its 64-bit hash without leading zeros: one build in sixteen
  // names its files with 15 digits (a CI run met one and got no caching).
  for (const name of ['e2e-app-0123456789abcdef.js', 'e2e-app-123456789abcdef_bg.wasm', 'e2e-style-9abcdef0123.css']) {
    writeSiteFile(name, 'x'.repeat(300));
    await expect.poll(async () => (await request.get(`/${name}`)).status(), { message: name }).toBe(200);
    const response = await request.get(`/${name}`);
    expect(response.status(), name).toBe(200);
    expect(response.headers()['cache-control'], name).toMatch(/max-age=\d{8,}/);
  }
});

test('every script, style and wasm the page loads carries subresource integrity', async ({ request }) => {
  // The shell preloads the app; a published page fetches it from its start
  // script, with the same integrity (app-start.spec.js).
  for (const [address, preloads] of [['/index.html', true], ['/', false]]) {
    const html = await (await request.get(address)).text();
    const tags = html.match(/<link[^>]+(rel="(stylesheet|modulepreload|preload)")[^>]*>/g);
    // The stylesheet, the JS modules and the wasm, each with its hash.
    expect(tags.filter((t) => t.includes('rel="stylesheet"')), address).not.toHaveLength(0);
    expect(tags.filter((t) => t.includes('rel="modulepreload"')).length > 0, address).toBe(preloads);
    expect(tags.filter((t) => t.includes('.wasm"')).length > 0, address).toBe(preloads);
    for (const tag of tags) expect(tag, tag).toMatch(/integrity="sha384-[A-Za-z0-9+/=]+"/);
  }
});
