// The app's files as the release build names them in index.html: the parts
// each kind of page needs (with their integrity), the glue and the main module.
import { expect } from './test.js';
import { label } from './labels.js';
import { mapPage, articlePage } from './pages.js';

/** The parts each kind of page needs, as the build wrote them into the page's script. */
export async function partsOf(request) {
  const html = await (await request.get('/')).text();
  const found = /var parts = (\{[^;]*?\})\s*[,;]/.exec(html);
  expect(found, 'the build names its parts in index.html').not.toBeNull();
  return JSON.parse(found[1]);
}

/** The app's main module, its glue and the parts' loader, as served
 *  (`/changning-reader-…`, `/wasm-split-…`), each with the integrity the
 *  page's start script fetches it with. */
export async function appFiles(request) {
  const html = await (await request.get('/')).text();
  const wasm = /fetch\('(\/changning-reader-[0-9a-f]+_bg\.wasm)', \{ integrity: '(sha384-[^']+)'/.exec(html);
  const js = /preload\('(\/changning-reader-[0-9a-f]+\.js)', '(sha384-[^']+)'\)/.exec(html);
  const loader = /preload\('(\/wasm-split-[0-9a-f]+\.js)', '(sha384-[^']+)'\)/.exec(html);
  expect(wasm && js && loader, 'the build names the app in its start script').toBeTruthy();
  return {
    wasm: wasm[1],
    js: js[1],
    loader: loader[1],
    integrity: { [wasm[1]]: wasm[2], [js[1]]: js[2], [loader[1]]: loader[2] },
  };
}

/** The map's own part (not one the article's printed parts share), as
 *  `parts` (`partsOf`) names it: its file and integrity. */
export function mapOwnPart(parts) {
  return parts.partners.filter(([f]) => !parts.print.some(([p]) => p === f)).at(-1);
}

/** `file` arrives changed on the way (its last byte flipped from `bytes`):
 *  its integrity no longer holds. */
export async function arrivesTampered(page, file, bytes) {
  const tampered = Buffer.from(bytes);
  tampered[tampered.length - 1] ^= 0xff;
  await page.route((url) => url.pathname === file, (route) =>
    route.fulfill({ status: 200, contentType: 'application/wasm', body: tampered }),
  );
}

/** From the article, in the app, to the map whose part is refused: the page
 *  says so and shows no map; once the part comes as it should, the retry
 *  brings the map. */
export async function mapRefusedThenRetried(page) {
  // Reached in the app (a published map would stay in view: refresh.spec.js).
  await page.goto('/news/595305');
  await articlePage(page).mapLink.click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(label('part_missing'));
  await expect(mapPage(page).marker('sopot')).toHaveCount(0);
  await page.unrouteAll();
  await alert.getByRole('button', { name: label('retry') }).click();
  await expect(mapPage(page).marker('sopot')).toBeVisible();
}
