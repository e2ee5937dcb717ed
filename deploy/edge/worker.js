// The site on Cloudflare's edge: a Worker in front of the static assets (the
// release build with its published pages), answering as deploy/nginx.conf
// does. What a header can say is in `_headers` (the security headers, the
// CSP, revalidation, media types), applied by Cloudflare to every file the
// Worker fetches from the assets; what it cannot say is here: which file a
// route is (the published page in the reader's language, else the shell),
// the redirects, the 404s and their pages, `Vary`, the readings header and
// the immutable caching of the build's hashed files.
//
// The tables (routes, languages, file rules) are generated from xtask's
// deploy table (`cargo xtask codegen` writes site.js), the same table
// deploy/nginx.conf is generated from. See ../README.md for what differs.

import {
  ACCEPT_LANGUAGE,
  ALIASES,
  ERROR_PAGE,
  FILE_RULES,
  HASHED,
  IMMUTABLE,
  LANGUAGE_COOKIE,
  LANGUAGES,
  PUBLISHED_DIR,
  READINGS,
  ROUTES,
  SHELL,
  TEXT_TYPES,
  VARY_PUBLISHED,
} from './site.js';

const hashed = new RegExp(HASHED, 'i');
const acceptLanguage = new RegExp(ACCEPT_LANGUAGE, 'i');
const readingsData = new RegExp(READINGS.data);
const withQuery = (pattern) => new RegExp(`^${pattern}(?:\\?.*)?$`);
const routes = ROUTES.map((route) => ({
  ...route,
  page: withQuery(route.pattern),
  slash: route.trailingSlash && withQuery(route.trailingSlash),
}));
const aliases = ALIASES.map(({ pattern, route }) => ({ pattern: withQuery(pattern), route }));
const rules = FILE_RULES.map((rule) => ({
  ...rule,
  matching: rule.matching && new RegExp(rule.matching),
  immutableInside: rule.immutableInside && new RegExp(rule.immutableInside),
}));

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const site = new Site(env, url);
    if (request.method !== 'GET' && request.method !== 'HEAD') return site.finish(await site.error(405), '');
    const path = normalized(url.pathname);
    if (path === null) return site.finish(await site.error(400), '');
    return site.finish(await site.answer(request, path), path);
  },
};

class Site {
  constructor(env, url) {
    this.env = env;
    this.url = url;
  }

  /** The asset at `path`, asked for as `request` asks (method, validators). */
  asset(request, path) {
    return this.env.ASSETS.fetch(new Request(new URL(path, this.url), request));
  }

  async exists(path) {
    const response = await this.env.ASSETS.fetch(new Request(new URL(path, this.url), { method: 'HEAD' }));
    return response.ok;
  }

  /** The site's own error page with `status`. */
  async error(status, page = ERROR_PAGE) {
    const response = await this.env.ASSETS.fetch(new Request(new URL(page, this.url)));
    return { response: withStatus(response, status), caching: 'revalidate' };
  }

  /** What nginx's locations answer for `path` (decoded), in nginx's order:
   * exact, folders, then the regular expressions as written, then routes. */
  async answer(request, path) {
    const rule =
      rules.find((r) => r.exact === path) ??
      rules.find((r) => r.folder && path.startsWith(r.folder)) ??
      (path.startsWith(`/${PUBLISHED_DIR}/`) ? 'internal' : null) ??
      (/\/\./.test(path) ? 'hidden' : null) ??
      (hashed.test(path) ? { immutable: true } : null) ??
      rules.find((r) => r.matching && r.matching.test(path)) ??
      (/\.[A-Za-z0-9]+$/.test(path) ? {} : null);
    if (rule === 'internal' || rule === 'hidden') return this.error(404);
    if (rule) return this.file(request, path, rule);
    return this.route(request);
  }

  async file(request, path, rule) {
    const stored = rule.published ? `/${PUBLISHED_DIR}${path}` : path;
    const response = await this.asset(request, stored);
    if (response.status === 404) return this.error(404);
    const immutable = rule.immutable || (rule.immutableInside && rule.immutableInside.test(path));
    return { response, caching: immutable ? 'immutable' : 'revalidate', type: rule.contentType };
  }

  /** A route: its published page in the reader's language, else the shell;
   * an address that is not exactly a route is the shell with a 404. */
  async route(request) {
    const raw = this.url.pathname + this.url.search;
    const path = this.url.pathname;
    if (routes.some((r) => r.slash && r.slash.test(raw))) return this.redirect(path.slice(0, -1));
    const alias = aliases.find((a) => a.pattern.test(raw));
    if (alias) return this.redirect(alias.route);
    const found = routes.find((r) => r.page.test(raw));
    if (!found) return this.error(404, SHELL);
    const match = raw.match(found.page);
    if (found.article && !(await this.exists(`/data/articles/${match[1]}.json`))) return this.error(404, SHELL);
    if (found.laterPage && !(await this.exists(`/${PUBLISHED_DIR}/pages/${LANGUAGES[0]}${path}.html`))) {
      return this.error(404, SHELL);
    }
    const file = `/${PUBLISHED_DIR}/pages/${this.language(request)}${path === '/' ? '/index' : path}.html`;
    const published = await this.asset(request, file);
    if (published.status !== 404) return { response: published, caching: 'revalidate', vary: VARY_PUBLISHED };
    return { response: await this.asset(request, SHELL), caching: 'revalidate' };
  }

  /** To `route`, keeping the query. */
  async redirect(route) {
    const location = route + this.url.search;
    const { response } = await this.error(301);
    const headers = new Headers(response.headers);
    for (const name of ['content-length', 'etag', 'last-modified']) headers.delete(name);
    headers.set('Location', location);
    return { response: new Response(null, { status: 301, headers }), caching: 'revalidate' };
  }

  /** The interface language: ?lang=, then the cookie, then Accept-Language
   * (reader_core::language; raw values, as nginx reads them). */
  language(request) {
    const known = (value) => (LANGUAGES.includes(value) ? value : null);
    const asked = this.url.search
      .slice(1)
      .split('&')
      .find((pair) => pair.startsWith('lang='));
    const cookie = (request.headers.get('Cookie') ?? '')
      .split(/;\s*/)
      .find((pair) => pair.startsWith(`${LANGUAGE_COOKIE}=`));
    const heard = (request.headers.get('Accept-Language') ?? '').match(acceptLanguage);
    return (
      known(asked?.slice('lang='.length)) ??
      known(cookie?.slice(LANGUAGE_COOKIE.length + 1)) ??
      (heard ? heard.groups.l.toLowerCase() : null) ??
      LANGUAGES[0]
    );
  }

  /** The headers `_headers` cannot give: caching by status, Vary, the
   * readings header, the media type of files named by a regular expression,
   * the charset of text types. */
  async finish({ response, caching, vary, type: ruleType }, path) {
    const headers = new Headers(response.headers);
    if (ruleType && response.ok) headers.set('Content-Type', ruleType);
    const kept = caching === 'immutable' && [200, 206, 304].includes(response.status);
    if (kept) headers.set('Cache-Control', IMMUTABLE);
    if (vary) headers.append('Vary', vary);
    const type = headers.get('Content-Type');
    if (type && TEXT_TYPES.includes(type.split(';')[0].trim()) && !/charset=/i.test(type)) {
      headers.set('Content-Type', `${type}; charset=utf-8`);
    }
    const readings = path.match(readingsData);
    if (readings) {
      const published = await this.exists(`/data/articles/${readings[1]}${READINGS.suffix}`);
      headers.set(READINGS.header, published ? 'published' : 'none');
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** The path as nginx matches its locations with (`$uri`): decoded, `.` and
 * `..` resolved, slashes merged; null where nginx answers 400 (an encoding
 * that is not UTF-8's, `..` above the root). */
function normalized(raw) {
  let decoded;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const segments = decoded.split('/').slice(1);
  const kept = [];
  for (const [i, segment] of segments.entries()) {
    if (segment === '..') {
      if (kept.length === 0) return null;
      kept.pop();
    } else if (segment !== '.' && (segment !== '' || i === segments.length - 1)) {
      kept.push(segment);
    }
  }
  const last = segments.at(-1);
  return `/${kept.join('/')}${(last === '.' || last === '..') && kept.length ? '/' : ''}`;
}

function withStatus(response, status) {
  return new Response(response.body, { status, headers: response.headers });
}
