/* The course's service worker: keeps the reader's language readable with no connection.
 *
 * hooks/offline_app.py publishes this file at the site root as sw.js and replaces the
 * marker below with the build's version, per language the files a reader needs (paths
 * relative to the site root; the course's own scripts and style sheets with their '?v='
 * version), the languages' folders and the name of the "no connection" page each folder
 * holds. A page asks for its language ("cache"), for a fresh download ("update") or for the
 * copy to be removed ("forget") by message; see docs/assets/offline.js.
 *
 * Pages: network first, the saved copy when there is no connection, and the small "no
 * connection" page in the reader's language for a page that was never saved. Other files:
 * the saved copy of this build first, then the network.
 */
"use strict";

const OFFLINE = /* course:offline-data */ null;
const ROOT = self.registration.scope;
/* Cache names carry the site's path: builds that share an origin (GitHub project sites all
   live on <user>.github.io) never touch each other's copies. */
const PREFIX = "upr-course-offline:" + new URL(ROOT).pathname + ":";
const LEGACY = /^upr-course-offline-([a-z]+)-[0-9a-f]+$/; // names before they carried the path
const STATE = "__course-offline-state__/"; // per language: when to try the missing files again
const RETRY_FIRST = 60 * 1000; // then doubled after each failed try, up to a day
const RETRY_LONGEST = 24 * 60 * 60 * 1000;
const PARALLEL = 4;

function cacheName(lang) {
  return PREFIX + lang + ":" + OFFLINE.version;
}

/* The address a file is kept under: no fragment, and no query but the course's '?v='. */
function keyOf(url) {
  const address = new URL(url, ROOT);
  const version = address.searchParams.get("v");
  address.hash = "";
  address.search = version ? "?v=" + version : "";
  return address.href;
}

function addresses(lang) {
  return OFFLINE.languages[lang].map(keyOf);
}

function stateKey(lang) {
  return new URL(STATE + lang, ROOT).href;
}

async function missing(cache, lang) {
  const saved = new Set((await cache.keys()).map((request) => request.url));
  return addresses(lang).filter((url) => !saved.has(url));
}

async function readState(cache, lang) {
  const stored = await cache.match(stateKey(lang));
  try {
    return stored ? await stored.json() : null;
  } catch (error) {
    return null;
  }
}

/* Fetch files into the cache a few at a time; returns the addresses that failed. */
async function download(cache, urls, mode) {
  const queue = urls.slice();
  const failed = [];
  async function work() {
    while (queue.length) {
      const url = queue.shift();
      try {
        const response = await fetch(new Request(url, { cache: mode }));
        if (!response.ok) throw new Error(response.status + " " + url);
        await cache.put(url, response);
      } catch (error) {
        failed.push(url);
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, work));
  return failed;
}

async function failedTry(cache, lang, failed) {
  const state = await readState(cache, lang);
  const tries = (state && state.tries ? state.tries : 0) + 1;
  const next = Date.now() + Math.min(RETRY_FIRST * 2 ** (tries - 1), RETRY_LONGEST);
  const body = JSON.stringify({ tries: tries, next: next, missing: failed });
  await cache.put(stateKey(lang), new Response(body, { headers: { "Content-Type": "application/json" } }));
  return new Error(failed.length + " files could not be saved: " + failed.slice(0, 3).join(" "));
}

/* Keep a language complete. Only the files it lacks are fetched; after a failed try, the
   next one waits (longer each time) unless the reader asks by pressing "Update". */
async function ensure(lang) {
  const cache = await caches.open(cacheName(lang));
  const wanted = await missing(cache, lang);
  if (wanted.length) {
    const state = await readState(cache, lang);
    if (state && Date.now() < state.next) {
      throw new Error(wanted.length + " files missing; next try at " + new Date(state.next).toISOString());
    }
    const failed = await download(cache, wanted, "no-cache");
    if (failed.length) throw await failedTry(cache, lang, failed);
    await cache.delete(stateKey(lang));
  }
  await dropOlder(lang);
}

/* The reader's "Update": every file again, from the server. */
async function refresh(lang) {
  const cache = await caches.open(cacheName(lang));
  const failed = await download(cache, addresses(lang), "reload");
  if (failed.length) throw await failedTry(cache, lang, failed);
  await cache.delete(stateKey(lang));
  await dropOlder(lang);
}

/* A copy from before cache names carried the site's path is this site's when it holds this
   language's manifest at this site's address. */
async function isOurLegacy(name, lang) {
  const match = LEGACY.exec(name);
  if (!match || (lang && match[1] !== lang)) return false;
  const root = OFFLINE.roots[match[1]];
  if (root === undefined) return false;
  const cache = await caches.open(name);
  return Boolean(await cache.match(new URL(root + "manifest.webmanifest", ROOT).href));
}

/* Remove this site's copies of a language from other builds (or of every language). */
async function dropOlder(lang, everything) {
  const names = await caches.keys();
  const doomed = [];
  for (const name of names) {
    const ours = name.startsWith(PREFIX + (lang ? lang + ":" : ""));
    if ((ours && (everything || name !== cacheName(lang))) || (await isOurLegacy(name, lang))) doomed.push(name);
  }
  await Promise.all(doomed.map((name) => caches.delete(name)));
}

/* Candidates for a page address: '/x/index.html' and '/x' are saved as '/x/'. */
function pageAddresses(url) {
  const address = new URL(url);
  address.hash = "";
  address.search = "";
  const plain = address.href;
  const found = [plain];
  if (plain.endsWith("/index.html")) found.push(plain.slice(0, -"index.html".length));
  else if (!plain.endsWith("/") && !/\.[a-z0-9]+$/i.test(address.pathname)) found.push(plain + "/");
  return found;
}

async function fromThisBuild(urls) {
  for (const lang of Object.keys(OFFLINE.languages)) {
    if (!(await caches.has(cacheName(lang)))) continue;
    const cache = await caches.open(cacheName(lang));
    for (const url of urls) {
      const hit = await cache.match(url);
      if (hit) return hit;
    }
  }
  return undefined;
}

/* This site's copies of any build (a page saved before the newest publication). */
async function fromOurBuilds(urls) {
  for (const name of (await caches.keys()).filter((key) => key.startsWith(PREFIX))) {
    const cache = await caches.open(name);
    for (const url of urls) {
      const hit = await cache.match(url);
      if (hit) return hit;
    }
  }
  return undefined;
}

/* The language of an address of this site ('ru/...' is Russian; the rest the default). */
function languageOf(url) {
  if (!url || !url.startsWith(ROOT)) return null;
  const path = url.slice(ROOT.length);
  const entries = Object.entries(OFFLINE.roots);
  const found = entries.find(([, root]) => root && path.startsWith(root)) || entries.find(([, root]) => !root);
  return found ? found[0] : null;
}

async function savedLanguages() {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
  return Object.keys(OFFLINE.roots).filter((lang) => names.some((name) => name.startsWith(PREFIX + lang + ":")));
}

/* With no connection, a page never saved: the "no connection" page of the reader's language
   (the one of the page they came from, else of the page asked for, else one that is saved),
   with links to the saved languages and to the asked page in each of them where saved. */
async function offlinePage(request) {
  const saved = await savedLanguages();
  const asked = languageOf(request.url);
  const reader = [languageOf(request.referrer), asked].find((lang) => saved.includes(lang)) || saved[0];
  if (!reader) return undefined;
  const stored = await fromOurBuilds([keyOf(OFFLINE.roots[reader] + OFFLINE.offlinePage)]);
  if (!stored) return undefined;
  const rest = request.url.slice(ROOT.length).split(/[?#]/)[0].slice((OFFLINE.roots[asked] || "").length);
  const base = new URL(OFFLINE.roots[reader] + OFFLINE.offlinePage, ROOT).href;
  let html = (await stored.text()).replace("<head>", '<head><base href="' + base + '">');
  for (const lang of saved) {
    html = html.replace('data-saved="' + lang + '" hidden', 'data-saved="' + lang + '"');
    const same = new URL(OFFLINE.roots[lang] + rest, ROOT).href;
    if (await fromOurBuilds(pageAddresses(same))) {
      html = html.replace(
        '<span data-same-page="' + lang + '" hidden> · <a href=""',
        '<span data-same-page="' + lang + '"> · <a href="' + same.replace(/["<>&]/g, encodeURIComponent) + '"',
      );
    }
  }
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const urls = pageAddresses(request.url);
    const hit = (await fromThisBuild(urls)) || (await fromOurBuilds(urls)) || (await offlinePage(request));
    if (hit) return hit;
    throw error;
  }
}

async function file(request) {
  const urls = [keyOf(request.url)];
  const hit = await fromThisBuild(urls);
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    const older = await fromOurBuilds(urls);
    if (older) return older;
    throw error;
  }
}

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(ROOT)) return;
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});

const JOBS = {
  cache: (lang) => ensure(lang),
  update: (lang) => refresh(lang),
  forget: () => dropOlder(null, true),
};

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports && event.ports[0];
  if (!port || !JOBS[data.type] || (data.type !== "forget" && !OFFLINE.languages[data.lang])) return;
  event.waitUntil(
    JOBS[data.type](data.lang).then(
      () => port.postMessage({ ok: true, version: OFFLINE.version }),
      (error) => port.postMessage({ ok: false, error: String(error) }),
    ),
  );
});
