/* The search worker of every page: Material's own search worker, loaded by this one, with
 * three changes made in the messages that pass between the page and Material's worker.
 *
 * - Online, the index a page fetches (search/search_index.json) is a stub: the index's
 *   settings without the pages. Material's worker and the pages (search/search_docs.json)
 *   are loaded here once the reader opens the search box (or types), not with every page
 *   view: no index download, no parsing and no indexing until someone searches. From file://
 *   (the offline bundle) Material itself loads the whole index when the search box opens.
 * - Russian query words are reduced to their stem first ("тройке" -> "тройк"): Material turns
 *   every query word into a prefix query, which lunr never stems, so a word form with another
 *   ending than the text's would find nothing.
 * - Tajik query words are folded as the index is (ҳ->х, қ->к ...: lunr.tg in ../lunr/min/), so
 *   a word typed on a Russian keyboard ("хукук") finds the Tajik one ("ҳуқуқ"). Results carry
 *   the words as the reader typed them, for highlighting on the page a result opens.
 *
 * What this worker needs comes with the index's settings (config, course/site/search.py):
 * `worker`, the file name of Material's worker in this folder; `docs`, where the pages are;
 * `query_stemmer`; and `lang`, whose lunr support may fold letters (foldText). Nothing is read
 * from this script's address: a service worker serving its saved copy gives the script an
 * address without the '#...' that once named Material's worker, and the worker then imported
 * itself until the stack overflowed.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var MIN_STEM = 3;  // shorter stems would match too many unrelated words
  var own = ((typeof document !== "undefined" && document.currentScript)
    ? document.currentScript.src  // iframe-worker on file://: a script element in an iframe
    : self.location.href).split("#")[0];

  var material = [];        // the message listeners of Material's worker
  var materialLoad = null;  // Promise: Material's worker is loaded
  var indexed = null;       // Promise: Material's worker has indexed every page (online)
  var setup = null;         // the page's last setup message: {config, docs, options}
  var setups = 0;
  var ready = null;         // Promise: Material's worker has the page's whole index (file://)
  var replies = Promise.resolve();  // queries are answered in the order they came
  var typed = {};           // folded query word -> the word as typed
  var swallowReady = null;  // resolves indexEverything() when Material's worker is ready

  /* Material's worker listens through addEventListener and answers through postMessage. */
  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options);
    material.push(listener);
  };
  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === READY && swallowReady) {
      var done = swallowReady;
      swallowReady = null;
      return done();  // the page was told long ago that search is ready
    }
    if (message && message.type === RESULT) asTyped(message.data);
    return post.apply(null, arguments);
  };

  function deliver(message) {
    return Promise.all(material.map(function (listener) { return listener({ data: message }); }));
  }

  function loadMaterial(config) {
    if (materialLoad) return materialLoad;
    var address = config.worker ? new URL(config.worker, own).href : own;
    if (address === own) {
      return Promise.reject(new Error("course-search.js: the search index names no search worker"));
    }
    // importScripts is synchronous in a worker and returns a Promise in the iframe-worker shim
    materialLoad = Promise.resolve().then(function () { return importScripts(address); });
    materialLoad.catch(function () { materialLoad = null; });  // the next search tries again
    return materialLoad;
  }

  /* Online: Material's worker and every page of the language, once. */
  function indexEverything() {
    if (indexed) return indexed;
    var config = setup.config;
    indexed = Promise.all([
      loadMaterial(config),
      fetch(new URL(config.docs, own).href).then(function (response) {
        if (!response.ok) throw new Error("course-search.js: " + response.url + ": HTTP " + response.status);
        return response.json();
      }),
    ]).then(function (loaded) {
      return new Promise(function (resolve) {
        swallowReady = resolve;
        deliver({ type: SETUP, data: { config: config, docs: loaded[1], options: setup.options } });
      });
    });
    indexed.catch(function (error) {
      console.error(String(error));
      indexed = null;  // the next search tries again
    });
    return indexed;
  }

  function stem(word) {
    var language = self.lunr && self.lunr[setup.config.query_stemmer];
    if (!language || typeof language.stemmer !== "function") return word;
    var stemmed = language.stemmer(new self.lunr.Token(word.toLowerCase(), {})).toString();
    return stemmed.length >= MIN_STEM && stemmed.length < word.length ? stemmed : word;
  }

  function fold(word) {
    return (setup.config.lang || []).reduce(function (text, code) {
      var language = self.lunr && self.lunr[code];
      return language && typeof language.foldText === "function" ? language.foldText(text) : text;
    }, word);
  }

  /* Every Cyrillic word folded; then stemmed where it carries no search modifier of its own
     ("тройке", not "тройке~1"). */
  function prepare(query) {
    typed = {};
    var folded = query.replace(/[\u0400-\u04FF]+/g, function (word) {
      var plain = fold(word);
      if (plain !== word) typed[plain.toLowerCase()] = word.toLowerCase();
      return plain;
    });
    if (!setup.config.query_stemmer) return folded;
    return folded.replace(/(^|[\s"+\-])([\u0400-\u04FF]+)(?=$|[\s"])/g, function (match, before, word) {
      return before + stem(word);
    });
  }

  /* Each result's matched terms as typed: the page it opens highlights them. */
  function asTyped(result) {
    (result && result.items || []).forEach(function (group) {
      group.forEach(function (item) {
        var terms = {};
        Object.keys(item.terms || {}).forEach(function (term) { terms[typed[term] || term] = item.terms[term]; });
        item.terms = terms;
      });
    });
  }

  function answer(query) {
    if (!query.trim()) return post({ type: RESULT, data: { items: [] } });
    return deliver({ type: QUERY, data: prepare(query) });
  }

  listen("message", function (event) {
    var message = event.data || {};
    if (message.type === SETUP) {
      setup = message.data || {};
      setup.config = setup.config || {};
      setups += 1;
      if (setup.config.docs && !(setup.docs && setup.docs.length)) {
        post({ type: READY });  // the pages come when the reader searches
        if (setups > 1) indexEverything().catch(function () {});  // the search box was opened
        return;
      }
      ready = loadMaterial(setup.config).then(function () { return deliver(message); });
      ready.catch(function (error) { console.error(String(error)); });
    } else if (message.type === QUERY && typeof message.data === "string" && setup) {
      var query = message.data;
      var before = !query.trim() ? null : setup.config.docs ? indexEverything() : ready;
      replies = replies.then(function () { return before; }).then(
        function () { return answer(query); },
        function () { post({ type: RESULT, data: { items: [] } }); }
      );
    }
  });
})();
