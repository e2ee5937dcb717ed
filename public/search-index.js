// Pagefind's search index (`cargo xtask publish` writes it to /pagefind/),
// for the app's search page (src/api.rs), which adds this module only when
// a reader searches. The app's wasm cannot `import()`, and the site's CSP
// allows no inline or evaluated script, so this module of the site's own
// does it. After a failure the app asks again with `attempt`, under another
// address: a document keeps a module it could not fetch as failed.
//
// The index is in parts (publish builds one per few hundred articles, so
// that its memory does not grow with the archive), listed in
// /pagefind/parts.json: the first is Pagefind's own instance, the others are
// merged into it, and a search ranks the results of all of them together.
// `options` (Pagefind's) apply to every part.
globalThis.readerSearchIndex = async (attempt, options = {}) => {
  const again = attempt ? `?attempt=${Number(attempt)}` : '';
  const pagefind = await import(`/pagefind/pagefind.js${again}`);
  const response = await fetch(`/pagefind/parts.json${again}`);
  if (!response.ok) throw new Error(`/pagefind/parts.json: ${response.status}`);
  const [first, ...rest] = await response.json();
  if (typeof first !== 'string') throw new Error('/pagefind/parts.json names no part');
  await pagefind.options({ ...options, basePath: first });
  await Promise.all(rest.map((part) => pagefind.mergeIndex(part, options)));
  return pagefind;
};
