/* Search worker for a language whose words lunr can stem (Russian).
 *
 * Material's worker turns every query word into a prefix query ("тройке*"), which lunr never
 * stems, so a word form with another ending than the text's ("тройке" for "тройка") finds
 * nothing. This worker reduces each query word to its stem first ("тройк"), which Material
 * then turns into "тройк*": every form of the word matches. Everything else is Material's own
 * worker, loaded from this folder under the name given after '#' in this script's address.
 * The index names the stemmer to use in config.query_stemmer (hooks/course_search.py).
 */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2;
  var MIN_STEM = 3;  // shorter stems would match too many unrelated words
  var own = (typeof document !== "undefined" && document.currentScript)
    ? document.currentScript.src  // iframe-worker on file://: a script element in an iframe
    : self.location.href;
  var materialName = (own.split("#")[1] || "").split("?")[0];
  var stemmerLanguage = null;

  function stem(word) {
    var language = self.lunr && self.lunr[stemmerLanguage];
    if (!language || typeof language.stemmer !== "function") return word;
    var stemmed = language.stemmer(new self.lunr.Token(word.toLowerCase(), {})).toString();
    return stemmed.length >= MIN_STEM && stemmed.length < word.length ? stemmed : word;
  }

  function stemQuery(query) {
    if (!stemmerLanguage) return query;
    // Cyrillic words that carry no search modifier of their own ("тройке", not "тройке~1")
    return query.replace(/(^|[\s"+\-])([\u0400-\u04FF]+)(?=$|[\s"])/g, function (match, before, word) {
      return before + stem(word);
    });
  }

  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options);
    return listen(type, function (event) {
      var message = event.data || {};
      if (message.type === SETUP) {
        var config = (message.data && message.data.config) || {};
        stemmerLanguage = config.query_stemmer || null;
      } else if (message.type === QUERY && typeof message.data === "string") {
        message = { type: QUERY, data: stemQuery(message.data) };
      }
      return listener({ data: message });
    }, options);
  };

  importScripts(new URL(materialName, own.split("#")[0]).href);
})();
