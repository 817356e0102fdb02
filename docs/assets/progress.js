/* The "My progress" page: each quiz's status, saving progress to a file and loading one,
   and resetting. Runs after assets/quiz.js, whose storage it uses (window.uprCourseStore). */
(function () {
  "use strict";
  var store = window.uprCourseStore;
  if (!store) return;

  /* Whether this browser stores progress now (a write that is taken back at once). */
  function storing() {
    var probe = "upr-course-probe";
    try {
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return true;
    } catch (error) {
      return false;
    }
  }

  /* How a stored attempt stands against the questions as they are now ("id:hash" pairs). */
  function standing(state, pairs) {
    var changed = 0;
    var checked = 0;
    pairs.forEach(function (pair) {
      var parts = pair.split(":");
      var entry = state.q[parts[0]];
      var first = state.f[parts[0]];
      if (state.c[parts[0]] || (entry && entry.h !== parts[1]) || (first && first.h !== parts[1])) changed += 1;
      else if (entry && store.validScore(entry.s)) checked += 1;
    });
    /* the decisive attempt; progress saved before first attempts were kept: its last complete one */
    var decisive = changed ? null : state.first || (checked === pairs.length && state.last) || null;
    return { changed: changed, checked: checked, decisive: decisive };
  }


  /* How good a stored attempt is, to keep the better of two: a decided quiz before one in
     progress, then the higher first attempt, more questions checked, the higher best score,
     the later last attempt. */
  function rank(state, pairs) {
    var stand = standing(state, pairs);
    return [stand.decisive ? 1 : 0, stand.decisive ? stand.decisive.s : -1, stand.checked,
            state.best ? state.best.s : -1, (state.last && state.last.d) || ""];
  }
  function better(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
    return false;
  }
  function attempted(state) {
    return Object.keys(state.q).length + Object.keys(state.f).length > 0 || Boolean(state.first || state.last);
  }
  /* Keep what belongs to these questions ("id:hash" pairs); true when an answer's hash matches. */
  function belongs(state, pairs) {
    var ids = pairs.map(function (pair) { return pair.split(":")[0]; });
    var matching = false;
    ["q", "f", "d", "c"].forEach(function (part) {
      Object.keys(state[part]).forEach(function (id) {
        var index = ids.indexOf(id);
        if (index < 0) { delete state[part][id]; return; }
        if (part !== "c" && state[part][id].h === pairs[index].split(":")[1]) matching = true;
      });
    });
    return matching;
  }

  /* The "My progress" page: status per quiz, reset, save to and load from a file. */
  function Progress(root) {
    var self = this;
    this.root = root;
    this.ns = root.getAttribute("data-store");
    this.text = store.readText(root, ".mdx-progress__text");
    this.message = root.querySelector(".mdx-progress__message");
    var pending = store.unsaved();
    root.querySelector(".mdx-progress__nostorage").hidden =
      storing() && !store.keysOf(this.ns).some(function (key) { return Object.prototype.hasOwnProperty.call(pending, key); });
    root.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-action");
      if (action === "save") store.saveProgressFile(self.ns);
      if (action === "reset") self.reset();
    });
    root.querySelector("input[data-action=load]").addEventListener("change", function (event) { self.loadFile(event.target); });
    this.render();
  }

  Progress.prototype.rows = function () { return Array.prototype.slice.call(this.root.querySelectorAll("[data-progress-quiz]")); };

  Progress.prototype.quizzes = function () {
    var known = {};
    this.rows().forEach(function (row) { known[row.getAttribute("data-progress-quiz")] = row.getAttribute("data-questions").split(" "); });
    return known;
  };

  Progress.prototype.render = function () {
    var self = this;
    this.rows().forEach(function (row) {
      var id = row.getAttribute("data-progress-quiz");
      var questions = row.getAttribute("data-questions").split(" ");
      var state = store.load(self.ns, id);
      var stand = standing(state, questions);
      var pass = +row.getAttribute("data-pass");
      var decisive = stand.decisive;
      var passed = decisive ? store.passes(decisive.s, pass) : false;
      var status = decisive ? store.fill(passed ? self.text.progress_status_passed : self.text.progress_status_not_passed, store.percent(decisive.s), pass)
        : stand.checked === 0 && !stand.changed && !state.last ? self.text.progress_status_new
        : store.fill(self.text.progress_status_started, stand.checked, questions.length);
      if (stand.changed) status += " · " + store.fill(self.text.progress_changed, stand.changed);
      if (state.best && decisive) status += " · " + store.fill(self.text.progress_best, store.percent(state.best.s), state.best.d || "");
      row.querySelector(".mdx-progress__status").textContent = status;
      row.setAttribute("data-status", decisive ? (passed ? "passed" : "not-passed")
        : stand.changed ? "changed" : stand.checked === 0 && !state.last ? "new" : "started");
    });
  };

  /* A file's quizzes join the stored ones: only quizzes of this course whose answers match the
     questions as they are; of two attempts at one quiz the better stays (and the best score). */
  Progress.prototype.loadFile = function (input) {
    var self = this;
    var file = input.files && input.files[0];
    if (!file) return;
    if (file.size > store.largestFile) {
      this.message.textContent = store.fill(this.text.progress_load_too_large, store.largestFile / 1000000);
      input.value = "";
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var payload = null;
      try { payload = JSON.parse(reader.result); } catch (error) { payload = null; }
      input.value = "";
      if (!store.isObject(payload) || payload.format !== "upr-course-progress" || !store.isObject(payload.quizzes)) {
        self.message.textContent = self.text.progress_load_error;
        return;
      }
      var counts = self.merge(payload.quizzes);
      if (store.isObject(payload.answers)) self.mergeAnswers(payload.answers);
      var message = [store.fill(self.text.progress_loaded, counts.loaded)];
      if (counts.kept) message.push(store.fill(self.text.progress_kept, counts.kept));
      if (counts.skipped) message.push(store.fill(self.text.progress_skipped, counts.skipped));
      self.message.textContent = message.join(" ");
      self.render();
    };
    reader.readAsText(file);
  };

  Progress.prototype.merge = function (quizzes) {
    var self = this;
    var known = this.quizzes();
    var counts = { loaded: 0, kept: 0, skipped: 0 };
    Object.keys(quizzes).forEach(function (id) {
      var pairs = Object.prototype.hasOwnProperty.call(known, id) ? known[id] : null;
      var incoming = pairs && store.isObject(quizzes[id]) ? store.clean(JSON.parse(JSON.stringify(quizzes[id]))) : null;
      if (!incoming || !belongs(incoming, pairs)) { counts.skipped += 1; return; }
      var mine = store.load(self.ns, id);
      var keep = attempted(mine) && !better(rank(incoming, pairs), rank(mine, pairs));
      var winner = keep ? mine : incoming;
      var other = keep ? incoming : mine;
      if (other.best && (!winner.best || other.best.s > winner.best.s)) winner.best = other.best;
      store.save(self.ns, id, winner);
      counts[keep ? "kept" : "loaded"] += 1;
    });
    return counts;
  };

  /* Answers from a file join the stored ones; of two answers to one exercise the newer stays. */
  Progress.prototype.mergeAnswers = function (loaded) {
    var data = store.loadAnswers(this.ns);
    Object.keys(loaded).forEach(function (key) {
      var entry = loaded[key];
      if (!store.validAnswer(key, entry) || !entry.t.trim()) return;
      var mine = data[key];
      if (!mine || String(entry.d || "") > String(mine.d || "")) data[key] = { t: entry.t, d: typeof entry.d === "string" ? entry.d : store.today() };
    });
    store.saveAnswers(this.ns, data);
  };

  /* Everything of this course that this browser holds, answers and quizzes the page does
     not list included. */
  Progress.prototype.reset = function () {
    if (!window.confirm(this.text.progress_reset_confirm)) return;
    store.keysOf(this.ns).forEach(store.removeRaw);
    this.message.textContent = this.text.progress_cleared;
    this.render();
  };

  function init() {
    document.querySelectorAll(".mdx-progress").forEach(function (root) {
      try { new Progress(root); } catch (error) { if (window.console) console.error(error); }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
