/* The "My progress" page: each quiz's status, each module's standing, saving progress to a
   file and loading one, resetting, and the printable completion summary; on module pages and
   the home page, the reader's standing in a module and where to continue. Runs after
   assets/quiz.js, whose storage it uses (window.uprCourseStore). */
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
    this.setUpSummary();
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
    this.renderQuizzes();
    this.renderModules();
  };

  Progress.prototype.renderQuizzes = function () {
    var self = this;
    this.rows().forEach(function (row) {
      var id = row.getAttribute("data-progress-quiz");
      var questions = row.getAttribute("data-questions").split(" ");
      var state = store.load(self.ns, id);
      var stand = standing(state, questions);
      var pass = +row.getAttribute("data-pass");
      var decisive = stand.decisive;
      var passed = decisive ? store.passes(decisive.s, pass) : false;
      var diagnostic = row.getAttribute("data-purpose") === "diagnostic";  /* no pass mark: a result only */
      var status = decisive && diagnostic ? store.fill(self.text.progress_status_done, store.percent(decisive.s))
        : decisive ? store.fill(passed ? self.text.progress_status_passed : self.text.progress_status_not_passed, store.percent(decisive.s), pass)
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
    this.root.querySelector(".mdx-summary__name").value = "";
    this.message.textContent = this.text.progress_cleared;
    this.render();
  };

  /* A module's standing: "passed" once its quiz's first complete attempt reaches the pass mark,
     "progress" once any of its questions is checked or any of its exercises has an answer. */
  function moduleStanding(ns, module, answers) {
    var quiz = null;
    if (module.quiz) {
      var state = store.load(ns, module.quiz);
      var stand = standing(state, module.questions.split(" "));
      quiz = { passed: stand.decisive ? store.passes(stand.decisive.s, +module.pass) : false,
               first: stand.decisive ? store.percent(stand.decisive.s) : null,
               best: state.best ? store.percent(state.best.s) : null,
               started: stand.checked > 0 || stand.changed > 0 || Boolean(state.last) };
    }
    var written = Object.keys(answers).some(function (key) {
      return key.indexOf(module.folder + "/") === 0 && answers[key].t.trim() !== "";
    });
    return { state: quiz && quiz.passed ? "passed" : (quiz && quiz.started) || written ? "progress" : "new", quiz: quiz };
  }

  /* Beside a module's quiz link: the reader's standing in that module. */
  function showModuleState(element) {
    var labels = JSON.parse(element.getAttribute("data-labels"));
    var ns = element.getAttribute("data-store");
    var module = { folder: element.getAttribute("data-module-state"), quiz: element.getAttribute("data-quiz"),
                   questions: element.getAttribute("data-questions"), pass: element.getAttribute("data-pass") };
    var result = moduleStanding(ns, module, store.loadAnswers(ns));
    element.textContent = store.fill(labels[result.state], result.quiz && result.quiz.first);
    element.setAttribute("data-state", result.state);
    element.hidden = false;
  }

  /* The home page: once the reader has started, the first module in progress, else the first
     not started. */
  function showContinue(element) {
    var ns = element.getAttribute("data-store");
    var modules = JSON.parse(element.getAttribute("data-modules"));
    var answers = store.loadAnswers(ns);
    var states = modules.map(function (module) { return moduleStanding(ns, module, answers).state; });
    var next = states.indexOf("progress") >= 0 ? states.indexOf("progress") : states.indexOf("new");
    if (next < 0 || states.every(function (state) { return state === "new"; })) return;
    element.querySelector(".mdx-continue__button").href = modules[next].href;
    var label = element.querySelector(".mdx-continue__module");
    label.textContent = store.fill(label.getAttribute("data-label"), next + 1, modules[next].title);
    element.hidden = false;
  }

  /* The progress page: each module's standing, the overall line and the summary's table. */
  Progress.prototype.renderModules = function () {
    var self = this;
    var answers = store.loadAnswers(this.ns);
    var counts = { passed: 0, progress: 0, total: 0 };
    var table = this.root.querySelector(".mdx-summary__table tbody");
    table.textContent = "";
    this.root.querySelectorAll("[data-progress-module]").forEach(function (cell) {
      var row = cell.closest("tr");
      var module = { folder: cell.getAttribute("data-progress-module"), quiz: row.getAttribute("data-progress-quiz"),
                     questions: row.getAttribute("data-questions") || "", pass: row.getAttribute("data-pass") };
      var result = moduleStanding(self.ns, module, answers);
      var label = self.text["progress_module_" + result.state];
      counts.total += 1;
      if (result.state !== "new") counts[result.state] += 1;
      cell.querySelector(".mdx-progress__module-state").textContent = label;
      cell.setAttribute("data-state", result.state);
      var line = document.createElement("tr");
      var score = result.quiz && result.quiz.first !== null ? result.quiz.first + " % (" + result.quiz.best + " %)" : "—";
      [(cell.querySelector("a") || cell).firstChild.textContent, label, score].forEach(function (value, index) {
        var node = document.createElement(index ? "td" : "th");
        node.textContent = value;
        line.appendChild(node);
      });
      table.appendChild(line);
    });
    var overall = this.root.querySelector(".mdx-progress__overall");
    overall.textContent = store.fill(this.text.progress_overall, counts.passed, counts.total) +
      (counts.progress ? " " + store.fill(this.text.progress_overall_started, counts.progress) : "");
    overall.hidden = false;
    this.renderSummary();
  };

  Progress.prototype.renderSummary = function () {
    var sheet = this.root.querySelector(".mdx-summary__sheet");
    var name = this.root.querySelector(".mdx-summary__name").value.trim();
    sheet.querySelector(".mdx-summary__who").textContent =
      store.fill(this.text.progress_summary_who, name || this.text.progress_summary_no_name, store.today());
    var finalRow = this.root.querySelector("tr[data-purpose=final]");
    var final = sheet.querySelector(".mdx-summary__final");
    final.hidden = !finalRow;
    if (finalRow) final.textContent = store.fill(this.text.progress_summary_final, finalRow.querySelector(".mdx-progress__status").textContent);
  };

  /* The learner's name is kept in this browser with the rest of the course's progress. */
  Progress.prototype.setUpSummary = function () {
    var self = this;
    var input = this.root.querySelector(".mdx-summary__name");
    var key = this.ns + ":v1:name";
    try { input.value = window.localStorage.getItem(key) || ""; } catch (error) { input.value = ""; }
    input.addEventListener("input", function () {
      try { window.localStorage.setItem(key, input.value.slice(0, 120)); } catch (error) { /* the summary still prints */ }
      self.renderSummary();
    });
    this.root.querySelector("[data-action=print-summary]").addEventListener("click", function () {
      self.render();
      document.documentElement.classList.add("mdx-printing-summary");
      window.print();
    });
    window.addEventListener("afterprint", function () { document.documentElement.classList.remove("mdx-printing-summary"); });
  };

  function init() {
    document.querySelectorAll("[data-module-state]").forEach(function (element) {
      try { showModuleState(element); } catch (error) { if (window.console) console.error(error); }
    });
    document.querySelectorAll(".mdx-continue").forEach(function (element) {
      try { showContinue(element); } catch (error) { if (window.console) console.error(error); }
    });
    document.querySelectorAll(".mdx-progress").forEach(function (root) {
      try { new Progress(root); } catch (error) { if (window.console) console.error(error); }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
