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
