/* The course's service worker: keeps the reader's language readable with no connection.
 *
 * hooks/offline_app.py publishes this file at the site root as sw.js and replaces the
 * marker below with the build's version and, per language, the files a reader needs
 * (paths relative to the site root). A page asks for its language ("cache") and for a
 * fresh download ("update") by message; see docs/assets/offline.js.
 *
 * Pages: network first, the saved copy when there is no connection (readers online always
 * see the newest build). Other files: the saved copy of this build first, then the network.
 */
"use strict";

const OFFLINE = /* course:offline-data */ null;
const PREFIX = "upr-course-offline-";
const ROOT = self.registration.scope;

function cacheName(lang) {
  return PREFIX + lang + "-" + OFFLINE.version;
}

function addresses(lang) {
  return OFFLINE.languages[lang].map((path) => new URL(path, ROOT).href);
}

async function isComplete(lang) {
  if (!(await caches.has(cacheName(lang)))) return false;
  const cache = await caches.open(cacheName(lang));
  const saved = new Set((await cache.keys()).map((request) => request.url));
  return addresses(lang).every((url) => saved.has(url));
}

/* Download every file of a language; all or nothing, so a failure keeps the previous copy. */
async function save(lang, fresh) {
  const cache = await caches.open(cacheName(lang));
  const mode = fresh ? "reload" : "no-cache";
  await cache.addAll(addresses(lang).map((url) => new Request(url, { cache: mode })));
  const names = await caches.keys();
  const older = names.filter((name) => name.startsWith(PREFIX + lang + "-") && name !== cacheName(lang));
  await Promise.all(older.map((name) => caches.delete(name)));
}

async function ensure(lang) {
  if (!(await isComplete(lang))) await save(lang, false);
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

async function fromAnyBuild(urls) {
  for (const url of urls) {
    const hit = await caches.match(url);
    if (hit) return hit;
  }
  return undefined;
}

async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const urls = pageAddresses(request.url);
    const hit = (await fromThisBuild(urls)) || (await fromAnyBuild(urls));
    if (hit) return hit;
    throw error;
  }
}

async function file(request) {
  const urls = [request.url.split("#")[0]];
  const hit = await fromThisBuild(urls);
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    const older = await fromAnyBuild(urls);
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

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports && event.ports[0];
  if (!port || !OFFLINE.languages[data.lang]) return;
  const job = data.type === "update" ? save(data.lang, true) : ensure(data.lang);
  event.waitUntil(
    job.then(
      () => port.postMessage({ ok: true, version: OFFLINE.version }),
      (error) => port.postMessage({ ok: false, error: String(error) }),
    ),
  );
});
