// The app's files as the release build names them in index.html: the parts
// each kind of page needs (with their integrity), the glue and the main module.
import { expect } from './test.js';

/** The parts each kind of page needs, as the build wrote them into the page's script. */
export async function partsOf(request) {
  const html = await (await request.get('/')).text();
  const found = /var parts = (\{[^;]*?\})\s*[,;]/.exec(html);
  expect(found, 'the build names its parts in index.html').not.toBeNull();
  return JSON.parse(found[1]);
}

/** The app's main module and its glue, as served (`/changning-reader-…`). */
export async function appFiles(request) {
  const html = await (await request.get('/')).text();
  const wasm = /href="(\/changning-reader-[0-9a-f]+_bg\.wasm)"/.exec(html);
  const js = /href="(\/changning-reader-[0-9a-f]+\.js)"/.exec(html);
  expect(wasm && js, 'the build names the app in index.html').toBeTruthy();
  return { wasm: wasm[1], js: js[1] };
}
