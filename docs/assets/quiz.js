/* Self-assessment quizzes and exercise answers. No dependencies; works from file://.
   Progress lives in localStorage under "<namespace>:v1:<quiz id>", checked against each
   question's answer hash. What the browser refuses to store (storage full or blocked) is
   kept for this tab instead, the learner is told, and a progress file still holds it. */
(function () {
  "use strict";
  var VERSION = "v1";
  var SESSION = "upr-course-unsaved:";
  var RETRY_GUARD = 700;  /* ms after a check during which "Try again" by keyboard is ignored */
  var LARGEST_FILE = 2000000;  /* bytes of a progress file */

  function usable(name) {
    try { window[name].getItem(SESSION); return window[name]; } catch (error) { return null; }
  }
  var store = usable("localStorage");
  var session = usable("sessionStorage");
  var kept = {};

  /* Values localStorage refused, kept for this tab as one object: in sessionStorage, else in
     the tab's name (which outlives page changes; another script's name is left alone). */
  function unsaved() {
    var text = null;
    try { text = session.getItem(SESSION); } catch (error) { text = null; }
    if (text === null && window.name.indexOf(SESSION) === 0) text = window.name.slice(SESSION.length);
    try { return text === null ? kept : JSON.parse(text) || {}; } catch (error) { return kept; }
  }
  function keepUnsaved(key, value) {
    var values = unsaved();
    if (value !== null) values[key] = value;
    else if (Object.prototype.hasOwnProperty.call(values, key)) delete values[key];
    else return;
    kept = values;
    try { session.setItem(SESSION, JSON.stringify(values)); return; } catch (error) { /* refused too */ }
    if (window.name === "" || window.name.indexOf(SESSION) === 0) window.name = SESSION + JSON.stringify(values);
  }
  /* Leaving the site in this tab: the kept progress must not leave with the tab's name. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (link && link.origin !== location.origin && window.name.indexOf(SESSION) === 0) window.name = "";
  }, true);

  function keyOf(ns, quizId) { return ns + ":" + VERSION + ":" + quizId; }
  function readRaw(key) {
    var pending = unsaved();
    if (Object.prototype.hasOwnProperty.call(pending, key)) return pending[key];
    try { return store ? store.getItem(key) : null; } catch (error) { return null; }
  }
  /* false when the value is only kept for this tab */
  function writeRaw(key, value) {
    try {
      if (store) {
        store.setItem(key, value);
        if (Object.prototype.hasOwnProperty.call(unsaved(), key)) keepUnsaved(key, null);
        return true;
      }
    } catch (error) { /* storage full or refused */ }
    keepUnsaved(key, value);
    return false;
  }
  function removeRaw(key) {
    try { if (store) store.removeItem(key); } catch (error) { /* nothing stored */ }
    keepUnsaved(key, null);
  }
  /* Every key of this course (namespace), wherever it is kept. */
  function keysOf(ns) {
    var prefix = ns + ":" + VERSION + ":";
    var keys = Object.keys(unsaved());
    try {
      for (var i = 0; store && i < store.length; i++) keys.push(store.key(i));
    } catch (error) { /* nothing readable */ }
    return keys.filter(function (key, index) { return key.indexOf(prefix) === 0 && keys.indexOf(key) === index; });
  }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function validScore(value) { return typeof value === "number" && value >= 0 && value <= 1; }
  /* The pass rule (trainers' guide): the exact score reaches the pass mark; scores show as
     whole percentages rounded down (1e-9 absorbs binary fractions: 0.7 * 100 = 70.00000000000001). */
  function percent(score) { return Math.floor(score * 100 + 1e-9); }
  function passes(score, passMark) { return score * 100 + 1e-9 >= passMark; }

  /* Stored state, or a fresh one when nothing, something old or something broken is there. */
  function load(ns, quizId) {
    var state = null;
    try { state = JSON.parse(readRaw(keyOf(ns, quizId))); } catch (error) { state = null; }
    return clean(state);
  }
  function clean(state) {
    if (!isObject(state) || !isObject(state.q)) state = { q: {} };
    Object.keys(state.q).forEach(function (id) {
      var entry = state.q[id];
      if (!isObject(entry) || typeof entry.h !== "string" || (entry.s != null && !validScore(entry.s))) delete state.q[id];
    });
    /* f: each question's score at its first check, kept through retries: the first attempt.
       d: answers given but not yet checked (drafts). c: questions changed since the attempt. */
    ["f", "d", "c"].forEach(function (name) { if (!isObject(state[name])) state[name] = {}; });
    Object.keys(state.f).forEach(function (id) {
      var entry = state.f[id];
      if (!isObject(entry) || typeof entry.h !== "string" || !validScore(entry.s)) delete state.f[id];
    });
    Object.keys(state.d).forEach(function (id) {
      var entry = state.d[id];
      if (!isObject(entry) || typeof entry.h !== "string") delete state.d[id];
    });
    Object.keys(state.c).forEach(function (id) { if (state.c[id] !== true) delete state.c[id]; });
    ["first", "last", "best"].forEach(function (name) {
      var entry = state[name];
      if (entry !== undefined && !(isObject(entry) && validScore(entry.s))) delete state[name];
      else if (entry && typeof entry.d !== "string") delete entry.d;
    });
    return state;
  }
  function save(ns, quizId, state) { return writeRaw(keyOf(ns, quizId), JSON.stringify(state)); }

  /* Exercise answers: one stored object for the course, "module/exercise" -> {t: text, d: date}. */
  var ANSWER_KEY = /^[a-z0-9-]+\/[a-z0-9-]+$/;
  var ANSWER_LONGEST = 20000;
  function answersKey(ns) { return keyOf(ns, "answers"); }
  function validAnswer(key, entry) {
    return ANSWER_KEY.test(key) && isObject(entry) && typeof entry.t === "string" && entry.t.length <= ANSWER_LONGEST;
  }
  function loadAnswers(ns) {
    var data = null;
    try { data = JSON.parse(readRaw(answersKey(ns))); } catch (error) { data = null; }
    if (!isObject(data)) data = {};
    Object.keys(data).forEach(function (key) { if (!validAnswer(key, data[key])) delete data[key]; });
    return data;
  }
  function saveAnswers(ns, data) { return writeRaw(answersKey(ns), JSON.stringify(data)); }
  /* "#" and "@" in an interface string stand for a and b (one pass: a value may contain "@"). */
  function fill(template, a, b) {
    return String(template).replace(/[#@]/g, function (mark) { return String(mark === "#" ? a : b == null ? "" : b); });
  }
  function today() { return new Date().toISOString().slice(0, 10); }

  /* "Save progress to a file": every quiz and answer of this course the browser holds. */
  function saveProgressFile(ns) {
    var quizzes = {};
    keysOf(ns).forEach(function (key) {
      var id = key.slice(keyOf(ns, "").length);
      if (id !== "answers") quizzes[id] = load(ns, id);
    });
    var payload = { format: "upr-course-progress", version: 1, saved: new Date().toISOString(), quizzes: quizzes,
                    answers: loadAnswers(ns) };
    var blob = new Blob([JSON.stringify(payload, null, 1)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "upr-course-progress-" + today() + ".json";
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }
  function shuffled(list) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = copy[i]; copy[i] = copy[j]; copy[j] = swap;
    }
    return copy;
  }
  /* A short answer as the accepted ones are written: lower case, single spaces, and the
     letters of the quiz's data-letter-fold table (LETTER_FOLD in course/languages.py) folded:
     Tajik letters typed on a Russian keyboard count (ҳ as х, қ as к ...). */
  function fold(text, table) {
    return Array.prototype.map.call(String(text).normalize("NFC").toLowerCase(), function (letter) {
      return Object.prototype.hasOwnProperty.call(table, letter) ? table[letter] : letter;
    }).join("").split(/\s+/).filter(Boolean).join(" ");
  }
  function readText(root, selector) {
    try { return JSON.parse(root.querySelector(selector).textContent); } catch (error) { return {}; }
  }

  /* A matching answer longer than its drop-down (phones cut it off): shown in full under it. */
  var measure = null;
  function cutOff(select, text) {
    try {
      measure = measure || document.createElement("canvas").getContext("2d");
      var style = window.getComputedStyle(select);
      measure.font = style.font || (style.fontSize + " " + style.fontFamily);
      var room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;  /* the arrow */
      return measure.measureText(text).width > room;
    } catch (error) {
      return true;
    }
  }
  function showChoice(select) {
    var shown = select.nextElementSibling;
    if (!shown || !shown.classList.contains("mdx-q__chosen")) {
      shown = document.createElement("span");
      shown.className = "mdx-q__chosen";
      shown.setAttribute("aria-hidden", "true");  /* screen readers read the whole choice from the select */
      select.parentNode.insertBefore(shown, select.nextSibling);
    }
    var option = select.options[select.selectedIndex];
    var text = select.value !== "" && option ? option.text : "";
    shown.textContent = text;
    shown.hidden = !text || !cutOff(select, text);
  }
  function showChoices(root) { root.querySelectorAll(".mdx-q__pair select").forEach(showChoice); }

  /* One question: reading the answer, scoring it, showing the result. */
  function Question(fieldset, quiz) {
    this.el = fieldset;
    this.quiz = quiz;
    this.id = fieldset.getAttribute("data-question");
    this.type = fieldset.getAttribute("data-type");
    this.hash = fieldset.getAttribute("data-hash");
    this.status = fieldset.querySelector(".mdx-q__status");
    this.answerBox = fieldset.querySelector(".mdx-q__answer");
    this.checkButton = fieldset.querySelector("[data-action=check]");
    this.retryButton = fieldset.querySelector("[data-action=retry]");
    this.container = fieldset.querySelector(".mdx-q__options, .mdx-q__order, .mdx-q__match");
    this.score = null;
  }

  Question.prototype.units = function () {
    if (this.type === "order") return Array.prototype.slice.call(this.container.children);
    if (this.type === "match") return Array.prototype.slice.call(this.el.querySelectorAll("select"));
    if (this.type === "short") return [this.el.querySelector("input")];
    return Array.prototype.slice.call(this.el.querySelectorAll(".mdx-q__option"));
  };

  /* The order the pieces are shown in: option/item indices, or right-hand choices for match. */
  Question.prototype.displayOrder = function () {
    if (this.type === "match") {
      return Array.prototype.slice.call(this.el.querySelector("select").options, 1).map(function (o) { return +o.value; });
    }
    if (this.type === "short" || this.type === "true_false") return [];
    return this.units().map(function (unit) { return +unit.getAttribute(this.type === "order" ? "data-item" : "data-option"); }, this);
  };

  Question.prototype.arrange = function (order) {
    var self = this;
    if (!order || !order.length) return;
    if (this.type === "match") {
      this.units().forEach(function (select) {
        var byValue = {};
        Array.prototype.slice.call(select.options, 1).forEach(function (o) { byValue[o.value] = o; });
        order.forEach(function (value) { if (byValue[value]) select.appendChild(byValue[value]); });
      });
      return;
    }
    var attribute = this.type === "order" ? "data-item" : "data-option";
    var byIndex = {};
    this.units().forEach(function (unit) { byIndex[unit.getAttribute(attribute)] = unit; });
    order.forEach(function (index) {
      var unit = byIndex[index];
      if (!unit) return;
      self.container.appendChild(unit);
      var feedback = self.container.querySelector("[data-feedback='" + index + "']");
      if (feedback) self.container.appendChild(feedback);
    });
  };

  Question.prototype.shuffle = function () {
    if (this.type === "order" || this.type === "match" || ((this.type === "single" || this.type === "multiple") && this.el.hasAttribute("data-shuffle"))) {
      var order = this.displayOrder();
      var fresh = shuffled(order);
      if (this.type === "order" && order.length > 1) {
        for (var tries = 0; tries < 5 && fresh.every(function (v, i) { return v === i; }); tries++) fresh = shuffled(order);
      }
      this.arrange(fresh);
    }
  };

  Question.prototype.answer = function () {
    if (this.type === "order") return this.displayOrder();
    if (this.type === "match") return this.units().map(function (s) { return s.value === "" ? -1 : +s.value; });
    if (this.type === "short") return this.units()[0].value;
    return this.units().filter(function (unit) { return unit.querySelector("input").checked; })
      .map(function (unit) { return +unit.getAttribute("data-option"); });
  };

  Question.prototype.setAnswer = function (answer) {
    if (this.type === "short") { this.units()[0].value = typeof answer === "string" ? answer : ""; return; }
    if (!Array.isArray(answer)) return;
    if (this.type === "order") { this.arrange(answer); return; }
    if (this.type === "match") {
      this.units().forEach(function (select, i) { select.value = answer[i] >= 0 ? String(answer[i]) : ""; showChoice(select); });
      return;
    }
    this.units().forEach(function (unit) {
      unit.querySelector("input").checked = answer.indexOf(+unit.getAttribute("data-option")) >= 0;
    });
  };

  Question.prototype.answered = function (answer) {
    if (this.type === "short") return answer.trim() !== "";
    if (this.type === "match") return answer.indexOf(-1) < 0;
    return answer.length > 0;
  };

  /* Scoring rules shared with the answer keys and exports (see the trainer guide). */
  Question.prototype.grade = function (answer) {
    var units = this.units();
    if (this.type === "order") {
      return answer.filter(function (item, position) { return item === position; }).length / answer.length;
    }
    if (this.type === "match") {
      return answer.filter(function (right, left) { return right === left; }).length / answer.length;
    }
    if (this.type === "short") {
      var accepted = JSON.parse(units[0].getAttribute("data-accept") || "[]");
      return accepted.indexOf(fold(answer, this.quiz.letterFold)) >= 0 ? 1 : 0;
    }
    var correct = units.filter(function (u) { return u.querySelector("input").hasAttribute("data-correct"); })
      .map(function (u) { return +u.getAttribute("data-option"); });
    if (this.type === "multiple") {
      var right = answer.filter(function (a) { return correct.indexOf(a) >= 0; }).length;
      return Math.max(0, (right - (answer.length - right)) / correct.length);
    }
    return answer.length === 1 && correct.indexOf(answer[0]) >= 0 ? 1 : 0;
  };

  Question.prototype.lock = function (locked) {
    this.el.querySelectorAll("input, select, .mdx-q__move").forEach(function (control) { control.disabled = locked; });
    this.checkButton.hidden = locked;
    this.retryButton.hidden = !locked;
  };

  Question.prototype.showResult = function (answer) {
    var text = this.quiz.text;
    var self = this;
    var message = this.score === 1 ? text.correct : this.score === 0 ? text.incorrect : fill(text.partly, percent(this.score));
    this.status.textContent = message;
    this.status.setAttribute("data-result", this.score === 1 ? "correct" : this.score === 0 ? "incorrect" : "partly");
    if (this.type === "single" || this.type === "multiple" || this.type === "true_false") {
      this.units().forEach(function (unit) {
        var index = +unit.getAttribute("data-option");
        var chosen = answer.indexOf(index) >= 0;
        var correct = unit.querySelector("input").hasAttribute("data-correct");
        if (correct) unit.setAttribute("data-mark", "correct");
        else if (chosen) unit.setAttribute("data-mark", "wrong");
        var feedback = self.el.querySelector("[data-feedback='" + index + "']");
        if (feedback) feedback.hidden = !chosen;
      });
    } else if (this.type === "order") {
      this.units().forEach(function (unit, position) {
        unit.setAttribute("data-mark", +unit.getAttribute("data-item") === position ? "correct" : "wrong");
      });
    } else if (this.type === "match") {
      this.units().forEach(function (select, left) {
        select.parentNode.setAttribute("data-mark", answer[left] === left ? "correct" : "wrong");
      });
    } else {
      this.units()[0].parentNode.setAttribute("data-mark", this.score === 1 ? "correct" : "wrong");
    }
    this.answerBox.hidden = false;
    this.answerBox.open = true;
    this.lock(true);
  };

  Question.prototype.clear = function () {
    this.score = null;
    this.showChanged(false);
    this.status.textContent = "";
    this.status.removeAttribute("data-result");
    this.el.querySelectorAll("[data-mark]").forEach(function (node) { node.removeAttribute("data-mark"); });
    this.el.querySelectorAll(".mdx-q__feedback").forEach(function (node) { node.hidden = true; });
    this.setAnswer(this.type === "short" ? "" : this.type === "match" ? this.units().map(function () { return -1; }) : []);
    this.answerBox.open = false;
    this.answerBox.hidden = true;
    this.lock(false);
    this.shuffle();
  };

  Question.prototype.check = function () {
    var answer = this.answer();
    if (!this.answered(answer)) {
      this.status.textContent = this.quiz.text.unanswered;
      this.quiz.announce(this.quiz.text.unanswered);
      return;
    }
    this.score = this.grade(answer);
    this.checkedAt = Date.now();
    this.showChanged(false);
    this.showResult(answer);
    this.retryButton.focus();
    this.quiz.announce(this.status.textContent);
    this.quiz.record(this, answer);  /* may add the total to the announcement and focus it */
  };

  Question.prototype.showChanged = function (changed) {
    var note = this.el.querySelector(".mdx-q__changed");
    if (note) note.hidden = !changed;
  };

  /* "Try again" takes the place and focus of "Check": a double click's second click (detail
     2+) or a second key press (detail 0) soon after the check was meant for "Check". */
  Question.prototype.meantForCheck = function (event) {
    if (event.detail > 1) return true;
    return event.detail === 0 && this.checkedAt !== undefined && Date.now() - this.checkedAt < RETRY_GUARD;
  };

  Question.prototype.move = function (item, step) {
    var items = this.units();
    var position = items.indexOf(item);
    var target = position + step;
    if (target < 0 || target >= items.length) return;
    if (step < 0) this.container.insertBefore(item, items[target]);
    else this.container.insertBefore(items[target], item);
    var label = item.querySelector(".mdx-q__item").textContent.trim();
    this.quiz.announce(fill(this.quiz.text.moved, label, target + 1));
  };

  /* One quiz: its questions, the stored attempt and the summary. */
  function Quiz(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-quiz");
    this.ns = root.getAttribute("data-store");
    this.pass = +root.getAttribute("data-pass");
    this.text = readText(root, ".mdx-quiz__text");
    try { this.letterFold = JSON.parse(root.getAttribute("data-letter-fold")) || {}; } catch (error) { this.letterFold = {}; }
    this.live = root.querySelector(".mdx-quiz__live");
    this.summary = root.querySelector(".mdx-quiz__summary");
    this.advice = root.querySelector(".mdx-quiz__advice");
    this.unsaved = root.querySelector(".mdx-quiz__unsaved");
    this.questions = Array.prototype.map.call(root.querySelectorAll("fieldset.mdx-q"), function (el) { return new Question(el, self); });
    this.state = load(this.ns, this.id);
    this.dirty = false;
    this.questions.forEach(function (q) { self.start(q); });
    if (this.dirty) this.persist();
    root.addEventListener("click", function (event) { self.onClick(event); });
    root.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches(".mdx-q__input")) {
        event.preventDefault();
        var q = self.find(event.target);
        if (q.score === null) q.check();
      }
    });
    root.addEventListener("change", function (event) { if (event.target.matches(".mdx-q__pair select")) showChoice(event.target); });
    window.addEventListener("resize", function () { showChoices(root); });
    root.addEventListener("change", function (event) { self.keepDraft(self.find(event.target), false); });
    root.addEventListener("input", function (event) { self.keepDraft(self.find(event.target), true); });
    root.classList.add("mdx-quiz--ready");
    this.updateSummary(false);
  }

  Quiz.prototype.find = function (node) {
    var fieldset = node.closest("fieldset.mdx-q");
    for (var i = 0; i < this.questions.length; i++) if (this.questions[i].el === fieldset) return this.questions[i];
    return null;
  };

  /* A question as the learner left it: checked (graded again, never taken at a stored score),
     a draft, or new. One whose right answer changed starts afresh, says so, and leaves the
     first attempt, which is worked out again once it is answered. */
  Quiz.prototype.start = function (q) {
    var state = this.state;
    q.el.querySelector(".mdx-q__actions").hidden = false;
    q.el.querySelectorAll(".mdx-q__moves").forEach(function (moves) { moves.hidden = false; });
    q.answerBox.hidden = true;
    var saved = state.q[q.id];
    var first = state.f[q.id];
    var draft = state.d[q.id];
    if ((saved && saved.h !== q.hash) || (first && first.h !== q.hash)) {
      delete state.q[q.id];
      delete state.f[q.id];
      delete state.first;
      state.c[q.id] = true;
      saved = null;
      this.dirty = true;
    }
    if (draft && draft.h !== q.hash) { delete state.d[q.id]; draft = null; this.dirty = true; }
    q.showChanged(Boolean(state.c[q.id]));
    try {
      if (saved && validScore(saved.s)) {
        q.arrange(saved.o);
        q.setAnswer(saved.a);
        var answer = q.answer();
        if (!q.answered(answer)) throw new Error("no answer");
        q.score = q.grade(answer);
        if (q.score !== saved.s) { saved.s = q.score; this.dirty = true; }
        q.showResult(answer);
        return;
      }
      if (draft) {
        q.arrange(draft.o);
        q.setAnswer(draft.a);
        return;
      }
    } catch (error) {
      /* an answer of the wrong shape: start this question afresh */
      delete state.q[q.id];
      delete state.d[q.id];
      this.dirty = true;
      q.clear();
      return;
    }
    if (saved) { delete state.q[q.id]; this.dirty = true; }
    q.shuffle();
  };

  /* Answers not yet checked are kept as a draft, so a reload keeps them. */
  Quiz.prototype.keepDraft = function (q, typing) {
    var self = this;
    if (!q || q.score !== null) return;
    window.clearTimeout(this.draftTimer);
    function keep() {
      if (q.score !== null) return;  /* checked meanwhile */
      var answer = q.answer();
      var started = q.type === "match" ? answer.some(function (right) { return right >= 0; }) : q.answered(answer);
      if (started) self.state.d[q.id] = { h: q.hash, a: answer, o: q.displayOrder() };
      else delete self.state.d[q.id];
      self.persist();
    }
    if (typing) this.draftTimer = window.setTimeout(keep, 400); else keep();
  };

  Quiz.prototype.onClick = function (event) {
    var next = event.target.closest(".mdx-quiz__next");
    if (next) {  /* the page jumps to the question; keyboard users land on its first answer */
      var target = document.getElementById(next.getAttribute("href").slice(1));
      var control = target && target.querySelector("input, select, .mdx-q__move");
      if (control) window.setTimeout(function () { control.focus({ preventScroll: true }); }, 0);
      return;
    }
    var button = event.target.closest("button");
    if (!button || !this.root.contains(button)) return;
    var action = button.getAttribute("data-action");
    var q = this.find(button);
    if (action === "check" && q) { if (q.score === null) q.check(); }
    else if (action === "retry" && q) { if (!q.meantForCheck(event)) this.retry(q); }
    else if (action === "restart") this.restart();
    else if (action === "save-file") saveProgressFile(this.ns);
    else if (button.hasAttribute("data-move") && q) {
      q.move(button.closest("li"), +button.getAttribute("data-move"));
      button.focus();
      this.keepDraft(q, false);
    }
  };

  Quiz.prototype.retry = function (q) {
    q.clear();
    delete this.state.q[q.id];
    delete this.state.d[q.id];
    this.persist();
    this.updateSummary(false);
    this.focusFirst(q);
  };

  Quiz.prototype.focusFirst = function (q) {
    var control = q.el.querySelector("input, select, .mdx-q__move");
    if (control) control.focus();
  };

  Quiz.prototype.record = function (q, answer) {
    this.state.q[q.id] = { h: q.hash, a: answer, s: q.score, o: q.displayOrder() };
    delete this.state.d[q.id];
    delete this.state.c[q.id];
    var first = this.state.f[q.id];
    if (!first || first.h !== q.hash) this.state.f[q.id] = { h: q.hash, s: q.score };
    this.updateSummary(true);
    if (!this.persist()) this.warnUnsaved(q);
  };

  Quiz.prototype.persist = function () {
    this.dirty = false;
    return save(this.ns, this.id, this.state);
  };

  /* An answer the browser would not store: say so under the question. */
  Quiz.prototype.warnUnsaved = function (q) {
    if (!this.unsaved) return;
    q.status.parentNode.insertBefore(this.unsaved, q.status.nextSibling);
    this.unsaved.hidden = false;
    this.announce(this.unsaved.querySelector("p").textContent);
  };

  /* The summary: while questions are left, how many are checked and where the first one not
     checked is; once all are, the score, the verdict and the sections to review. */
  Quiz.prototype.updateSummary = function (justChecked) {
    var checked = this.questions.filter(function (q) { return q.score !== null; });
    this.showAdvice(checked.length === this.questions.length);
    var scoreNode = this.summary.querySelector(".mdx-quiz__score");
    var result = this.summary.querySelector(".mdx-quiz__result");
    this.summary.hidden = false;
    if (checked.length < this.questions.length) {
      result.hidden = true;
      scoreNode.removeAttribute("data-quiz-score");
      this.showProgress(checked.length);
      return;
    }
    this.summary.querySelector(".mdx-quiz__progress").hidden = true;
    result.hidden = false;
    var total = checked.reduce(function (sum, q) { return sum + q.score; }, 0) / checked.length;
    var shown = percent(total);
    var first = this.firstAttempt(total);
    var firstPercent = percent(first.s);
    var passed = passes(first.s, this.pass);
    scoreNode.textContent = fill(this.text.score, shown);
    scoreNode.setAttribute("data-quiz-score", String(shown));
    var firstNode = this.summary.querySelector(".mdx-quiz__first");
    firstNode.textContent = fill(this.text.first_attempt, firstPercent) + (firstPercent !== shown ? " " + this.text.practice_note : "");
    firstNode.setAttribute("data-first-score", String(firstPercent));
    var verdict = this.summary.querySelector(".mdx-quiz__verdict");
    verdict.textContent = fill(passed ? this.text.passed : this.text.not_passed, this.pass);
    verdict.setAttribute("data-passed", passed ? "true" : "false");
    this.listReview();
    if (justChecked) {
      this.state.last = { s: total, d: today() };
      if (!this.state.best || total >= this.state.best.s) this.state.best = { s: total, d: today() };
      this.announce(scoreNode.textContent + " " + firstNode.textContent + " " + verdict.textContent);
      this.summary.focus();
    }
  };

  /* A diagnostic has no pass mark: once every question is checked, it names the modules whose
     questions were not all right, the weakest first, in the course's order among equals. */
  Quiz.prototype.showAdvice = function (complete) {
    if (!this.advice) return;
    this.summary.querySelector(".mdx-quiz__verdict").hidden = true;
    this.advice.hidden = !complete;
    if (!complete) return;
    var byId = {};
    this.questions.forEach(function (q) { byId[q.id] = q; });
    var items = Array.prototype.slice.call(this.advice.querySelectorAll("li[data-module]"));
    var weak = items.map(function (item, position) {
      var scores = item.getAttribute("data-questions").split(" ").map(function (id) { return byId[id] ? byId[id].score || 0 : 1; });
      return { item: item, position: position, score: scores.reduce(function (a, b) { return a + b; }, 0) / scores.length };
    }).filter(function (entry) { return entry.score < 1; });
    weak.sort(function (a, b) { return a.score - b.score || a.position - b.position; });
    var list = this.advice.querySelector("ol");
    items.forEach(function (item) { item.hidden = true; });
    weak.forEach(function (entry) { entry.item.hidden = false; list.appendChild(entry.item); });
    this.advice.querySelector(".mdx-quiz__advice-some").hidden = !weak.length;
    this.advice.querySelector(".mdx-quiz__advice-none").hidden = weak.length > 0;
  };

  Quiz.prototype.showProgress = function (count) {
    var progress = this.summary.querySelector(".mdx-quiz__progress");
    var next = this.questions.filter(function (q) { return q.score === null; })[0];
    progress.querySelector(".mdx-quiz__count").textContent = fill(this.text.checked_count, count, this.questions.length);
    var link = progress.querySelector(".mdx-quiz__next");
    link.href = "#" + next.el.id;
    link.textContent = fill(this.text.first_unchecked, this.questions.indexOf(next) + 1);
    progress.hidden = false;
  };

  /* Questions not fully right, grouped by the section that teaches them, in the quiz's order;
     questions that name no section come last. */
  Quiz.prototype.listReview = function () {
    var self = this;
    var review = this.summary.querySelector(".mdx-quiz__review");
    var list = review.querySelector("ul");
    var groups = [];
    var byHref = {};
    this.questions.forEach(function (q, index) {
      if (q.score >= 1) return;
      var see = q.el.querySelector(".mdx-q__see");
      var key = see ? see.getAttribute("href") : "";
      if (!byHref.hasOwnProperty(key)) {
        byHref[key] = { see: see, numbers: [] };
        if (key) groups.push(byHref[key]);
      }
      byHref[key].numbers.push({ q: q, number: index + 1 });
    });
    if (byHref.hasOwnProperty("")) groups.push(byHref[""]);
    list.textContent = "";
    groups.forEach(function (group) {
      var item = document.createElement("li");
      if (group.see) {
        var section = document.createElement("a");
        section.href = group.see.getAttribute("href");
        section.className = "mdx-quiz__section";
        section.textContent = group.see.getAttribute("data-section") || group.see.textContent;
        item.appendChild(section);
      } else {
        item.appendChild(document.createTextNode(self.text.other_questions));
      }
      item.appendChild(document.createTextNode(" — " + self.text.questions_short + " "));
      group.numbers.forEach(function (entry, position) {
        if (position) item.appendChild(document.createTextNode(", "));
        var link = document.createElement("a");
        link.href = "#" + entry.q.el.id;
        link.textContent = String(entry.number);
        link.setAttribute("aria-label", fill(self.text.question_of, entry.number, self.questions.length));
        item.appendChild(link);
      });
      list.appendChild(item);
    });
    review.hidden = !list.children.length;
  };

  /* The first complete attempt decides "passed": each question's score at its first check.
     Progress saved before first attempts were kept starts from the attempt it holds. */
  Quiz.prototype.firstAttempt = function (current) {
    var self = this;
    if (!this.state.first) {
      var complete = this.questions.every(function (q) { var f = self.state.f[q.id]; return f && f.h === q.hash; });
      var score = complete
        ? this.questions.reduce(function (sum, q) { return sum + self.state.f[q.id].s; }, 0) / this.questions.length
        : current;
      this.state.first = { s: score, d: today() };
      this.persist();
    }
    return this.state.first;
  };

  Quiz.prototype.restart = function () {
    var self = this;
    this.questions.forEach(function (q) { q.clear(); delete self.state.q[q.id]; delete self.state.d[q.id]; });
    this.persist();
    this.updateSummary(false);
    this.focusFirst(this.questions[0]);
  };

  /* Messages of one moment are read together; the short delay makes screen readers notice. */
  Quiz.prototype.announce = function (message) {
    var self = this;
    if (!this.pending) {
      this.pending = [];
      this.live.textContent = "";
      window.setTimeout(function () { self.live.textContent = self.pending.join(" "); self.pending = null; }, 50);
    }
    this.pending.push(message);
  };

  /* An exercise's answer box: the learner writes first; the model answer and checklist that
     follow the box (details elements) open after that, or on request. */
  function AnswerBox(root) {
    var self = this;
    this.root = root;
    this.key = root.getAttribute("data-answer");
    this.ns = root.getAttribute("data-store");
    this.text = readText(root, ".mdx-answer__text");
    this.input = root.querySelector(".mdx-answer__input");
    this.status = root.querySelector(".mdx-answer__status");
    this.mirror = root.querySelector(".mdx-answer__print");
    this.parts = [];
    for (var next = root.nextElementSibling; next && next.tagName === "DETAILS"; next = next.nextElementSibling) this.parts.push(next);
    var saved = loadAnswers(this.ns)[this.key];
    this.input.value = saved ? saved.t : "";
    this.mirror.textContent = this.input.value;
    root.querySelector(".mdx-answer__actions").hidden = false;
    this.show(this.input.value.trim() !== "");
    this.input.addEventListener("input", function () {
      self.mirror.textContent = self.input.value;
      window.clearTimeout(self.timer);
      self.timer = window.setTimeout(function () { self.save(); }, 500);
    });
    this.input.addEventListener("change", function () { window.clearTimeout(self.timer); self.save(); });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.getAttribute("data-action") === "compare") self.compare();
      if (button.getAttribute("data-action") === "reveal") self.reveal();
    });
    root.classList.add("mdx-answer--ready");
  }

  AnswerBox.prototype.show = function (visible) { this.parts.forEach(function (part) { part.hidden = !visible; }); };

  AnswerBox.prototype.save = function () {
    var data = loadAnswers(this.ns);
    var value = this.input.value.slice(0, ANSWER_LONGEST);
    if (value.trim()) data[this.key] = { t: value, d: today() }; else delete data[this.key];
    this.status.textContent = saveAnswers(this.ns, data) ? this.text.saved : this.text.not_saved;
  };

  AnswerBox.prototype.compare = function () {
    if (!this.input.value.trim()) {
      this.status.textContent = this.text.empty;
      this.input.focus();
      return;
    }
    window.clearTimeout(this.timer);
    this.save();
    this.reveal();
  };

  AnswerBox.prototype.reveal = function () {
    this.show(true);
    var first = this.parts[0];
    if (first) {
      first.open = true;
      first.querySelector("summary").focus();
    }
  };

  function init() {
    document.querySelectorAll(".mdx-quiz:not(.mdx-quiz--ready)").forEach(function (root) {
      try { new Quiz(root); } catch (error) { if (window.console) console.error(error); }
    });
    document.querySelectorAll(".mdx-answer:not(.mdx-answer--ready)").forEach(function (root) {
      try { new AnswerBox(root); } catch (error) { if (window.console) console.error(error); }
    });
  }

  /* What the progress page (assets/progress.js) shares of this script. */
  window.uprCourseStore = {
    load: load, clean: clean, save: save, keysOf: keysOf, unsaved: unsaved, removeRaw: removeRaw,
    isObject: isObject, validScore: validScore, percent: percent, passes: passes, fill: fill, today: today,
    readText: readText, saveProgressFile: saveProgressFile, loadAnswers: loadAnswers, saveAnswers: saveAnswers,
    validAnswer: validAnswer, largestFile: LARGEST_FILE
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
