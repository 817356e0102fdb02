/* Self-assessment quizzes and the progress page. No dependencies; works from file://.
   Progress lives in localStorage under "<namespace>:v1:<quiz id>", checked against each
   question's answer hash so that answers to a changed question are dropped. */
(function () {
  "use strict";
  var VERSION = "v1";
  var memory = {};
  var store = (function () {
    try {
      var probe = "__upr_probe__";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  })();

  function keyOf(ns, quizId) { return ns + ":" + VERSION + ":" + quizId; }
  function readRaw(key) { return store ? store.getItem(key) : memory[key] || null; }
  /* true when the value is in the browser's storage, false when it only lives in this page */
  function writeRaw(key, value) {
    try {
      if (store) { store.setItem(key, value); return true; }
    } catch (error) { /* storage full or refused: keep it for this page at least */ }
    memory[key] = value;
    return false;
  }
  function removeRaw(key) { if (store) store.removeItem(key); delete memory[key]; }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function validScore(value) { return typeof value === "number" && value >= 0 && value <= 1; }

  /* Stored state, or a fresh one when nothing, something old or something broken is there. */
  function load(ns, quizId) {
    var state = null;
    try { state = JSON.parse(readRaw(keyOf(ns, quizId))); } catch (error) { state = null; }
    if (!isObject(state) || !isObject(state.q)) state = { q: {} };
    Object.keys(state.q).forEach(function (id) {
      var entry = state.q[id];
      if (!isObject(entry) || typeof entry.h !== "string" || (entry.s != null && !validScore(entry.s))) delete state.q[id];
    });
    /* f: each question's score at its first check, kept through retries: the first attempt. */
    if (!isObject(state.f)) state.f = {};
    Object.keys(state.f).forEach(function (id) {
      var entry = state.f[id];
      if (!isObject(entry) || typeof entry.h !== "string" || !validScore(entry.s)) delete state.f[id];
    });
    ["first", "last", "best"].forEach(function (name) {
      var entry = state[name];
      if (entry !== undefined && !(isObject(entry) && validScore(entry.s))) delete state[name];
      else if (entry && typeof entry.d !== "string") delete entry.d;
    });
    return state;
  }
  function save(ns, quizId, state) { writeRaw(keyOf(ns, quizId), JSON.stringify(state)); }

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
    var percent = Math.round(this.score * 100);
    var message = this.score === 1 ? text.correct : this.score === 0 ? text.incorrect : fill(text.partly, percent);
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
    this.showResult(answer);
    this.retryButton.focus();
    this.quiz.announce(this.status.textContent);
    this.quiz.record(this, answer);  /* may add the total to the announcement and focus it */
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
    this.questions = Array.prototype.map.call(root.querySelectorAll("fieldset.mdx-q"), function (el) { return new Question(el, self); });
    this.state = load(this.ns, this.id);
    this.questions.forEach(function (q) { self.start(q); });
    root.addEventListener("click", function (event) { self.onClick(event); });
    root.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches(".mdx-q__input")) {
        event.preventDefault();
        self.find(event.target).check();
      }
    });
    root.addEventListener("change", function (event) { if (event.target.matches(".mdx-q__pair select")) showChoice(event.target); });
    window.addEventListener("resize", function () { showChoices(root); });
    root.classList.add("mdx-quiz--ready");
    this.updateSummary(false);
  }

  Quiz.prototype.find = function (node) {
    var fieldset = node.closest("fieldset.mdx-q");
    for (var i = 0; i < this.questions.length; i++) if (this.questions[i].el === fieldset) return this.questions[i];
    return null;
  };

  Quiz.prototype.start = function (q) {
    q.el.querySelector(".mdx-q__actions").hidden = false;
    q.el.querySelectorAll(".mdx-q__moves").forEach(function (moves) { moves.hidden = false; });
    var saved = this.state.q[q.id];
    if (saved && saved.h !== q.hash) { delete this.state.q[q.id]; saved = null; }
    q.answerBox.hidden = true;
    if (saved) {
      try {
        q.arrange(saved.o);
        q.setAnswer(saved.a);
        if (validScore(saved.s)) { q.score = saved.s; q.showResult(q.answer()); }
        return;
      } catch (error) {
        delete this.state.q[q.id];  /* an answer of the wrong shape: start this question afresh */
        q.clear();
        return;
      }
    }
    q.shuffle();
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
    if (action === "check" && q) q.check();
    else if (action === "retry" && q) { q.clear(); delete this.state.q[q.id]; this.persist(); this.updateSummary(false); this.focusFirst(q); }
    else if (action === "restart") this.restart();
    else if (button.hasAttribute("data-move") && q) { q.move(button.closest("li"), +button.getAttribute("data-move")); button.focus(); }
  };

  Quiz.prototype.focusFirst = function (q) {
    var control = q.el.querySelector("input, select, .mdx-q__move");
    if (control) control.focus();
  };

  Quiz.prototype.record = function (q, answer) {
    this.state.q[q.id] = { h: q.hash, a: answer, s: q.score, o: q.displayOrder() };
    var first = this.state.f[q.id];
    if (!first || first.h !== q.hash) this.state.f[q.id] = { h: q.hash, s: q.score };
    this.updateSummary(true);
    this.persist();
  };

  Quiz.prototype.persist = function () { save(this.ns, this.id, this.state); };

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
    var percent = Math.round(total * 100);
    var first = this.firstAttempt(total);
    var firstPercent = Math.round(first.s * 100);
    scoreNode.textContent = fill(this.text.score, percent);
    scoreNode.setAttribute("data-quiz-score", String(percent));
    var firstNode = this.summary.querySelector(".mdx-quiz__first");
    firstNode.textContent = fill(this.text.first_attempt, firstPercent) + (firstPercent !== percent ? " " + this.text.practice_note : "");
    firstNode.setAttribute("data-first-score", String(firstPercent));
    var verdict = this.summary.querySelector(".mdx-quiz__verdict");
    verdict.textContent = fill(firstPercent >= this.pass ? this.text.passed : this.text.not_passed, this.pass);
    verdict.setAttribute("data-passed", firstPercent >= this.pass ? "true" : "false");
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
    this.questions.forEach(function (q) { q.clear(); delete self.state.q[q.id]; });
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

  /* The "My progress" page: status per quiz, reset, save to and load from a file. */
  function Progress(root) {
    var self = this;
    this.root = root;
    this.ns = root.getAttribute("data-store");
    this.text = readText(root, ".mdx-progress__text");
    this.message = root.querySelector(".mdx-progress__message");
    root.querySelector(".mdx-progress__nostorage").hidden = !!store;
    root.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-action");
      if (action === "save") self.saveFile();
      if (action === "reset") self.reset();
    });
    root.querySelector("input[data-action=load]").addEventListener("change", function (event) { self.loadFile(event.target); });
    this.setUpSummary();
    this.render();
  }

  Progress.prototype.rows = function () { return Array.prototype.slice.call(this.root.querySelectorAll("[data-progress-quiz]")); };

  Progress.prototype.render = function () {
    var self = this;
    this.rows().forEach(function (row) {
      var id = row.getAttribute("data-progress-quiz");
      var questions = row.getAttribute("data-questions").split(" ");
      var state = load(self.ns, id);
      var checked = questions.filter(function (pair) {
        var parts = pair.split(":");
        var entry = state.q[parts[0]];
        return entry && entry.h === parts[1] && validScore(entry.s);
      }).length;
      var pass = +row.getAttribute("data-pass");
      /* progress saved before first attempts were kept: its last complete attempt stands in */
      var decisive = state.first || (checked === questions.length && state.last) || null;
      var first = decisive ? Math.round(decisive.s * 100) : null;
      var diagnostic = row.getAttribute("data-purpose") === "diagnostic";  /* no pass mark: a result only */
      var status = first !== null && diagnostic ? fill(self.text.progress_status_done, first)
        : first !== null ? fill(first >= pass ? self.text.progress_status_passed : self.text.progress_status_not_passed, first, pass)
        : checked === 0 && !state.last ? self.text.progress_status_new
        : fill(self.text.progress_status_started, checked, questions.length);
      if (state.best && first !== null) status += " · " + fill(self.text.progress_best, Math.round(state.best.s * 100), state.best.d || "");
      row.querySelector(".mdx-progress__status").textContent = status;
      row.setAttribute("data-status", first !== null ? (first >= pass ? "passed" : "not-passed") : checked === 0 && !state.last ? "new" : "started");
    });
    this.renderModules();
  };

  Progress.prototype.allStates = function () {
    var self = this;
    var data = {};
    this.rows().forEach(function (row) {
      var id = row.getAttribute("data-progress-quiz");
      if (readRaw(keyOf(self.ns, id)) !== null) data[id] = load(self.ns, id);
    });
    return data;
  };

  Progress.prototype.saveFile = function () {
    var payload = { format: "upr-course-progress", version: 1, saved: new Date().toISOString(), quizzes: this.allStates(),
                    answers: loadAnswers(this.ns) };
    var blob = new Blob([JSON.stringify(payload, null, 1)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "upr-course-progress-" + today() + ".json";
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  };

  Progress.prototype.loadFile = function (input) {
    var self = this;
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var payload = null;
      try { payload = JSON.parse(reader.result); } catch (error) { payload = null; }
      if (!isObject(payload) || payload.format !== "upr-course-progress" || !isObject(payload.quizzes)) {
        self.message.textContent = self.text.progress_load_error;
        input.value = "";
        return;
      }
      var count = 0;
      Object.keys(payload.quizzes).forEach(function (id) {
        if (!isObject(payload.quizzes[id])) return;
        writeRaw(keyOf(self.ns, id), JSON.stringify(payload.quizzes[id]));
        save(self.ns, id, load(self.ns, id));  /* keep only what passes the same checks as stored data */
        count += 1;
      });
      if (isObject(payload.answers)) self.mergeAnswers(payload.answers);
      self.message.textContent = fill(self.text.progress_loaded, count);
      input.value = "";
      self.render();
    };
    reader.readAsText(file);
  };

  /* Answers from a file join the stored ones; of two answers to one exercise the newer stays. */
  Progress.prototype.mergeAnswers = function (loaded) {
    var data = loadAnswers(this.ns);
    Object.keys(loaded).forEach(function (key) {
      var entry = loaded[key];
      if (!validAnswer(key, entry) || !entry.t.trim()) return;
      var mine = data[key];
      if (!mine || String(entry.d || "") > String(mine.d || "")) data[key] = { t: entry.t, d: typeof entry.d === "string" ? entry.d : today() };
    });
    saveAnswers(this.ns, data);
  };

  Progress.prototype.reset = function () {
    var self = this;
    if (!window.confirm(this.text.progress_reset_confirm)) return;
    removeRaw(answersKey(this.ns));
    removeRaw(keyOf(this.ns, "name"));
    var input = this.root.querySelector(".mdx-summary__name");
    if (input) input.value = "";
    this.rows().forEach(function (row) { removeRaw(keyOf(self.ns, row.getAttribute("data-progress-quiz"))); });
    this.message.textContent = this.text.progress_cleared;
    this.render();
  };

  /* A quiz's standing from what is stored: questions checked with the current answers, the
     deciding first complete attempt (percent, or null) and the best one. */
  function quizStanding(ns, quizId, questionsAttr, pass) {
    var questions = questionsAttr ? questionsAttr.split(" ") : [];
    var state = load(ns, quizId);
    var checked = questions.filter(function (pair) {
      var parts = pair.split(":");
      var entry = state.q[parts[0]];
      return entry && entry.h === parts[1] && validScore(entry.s);
    }).length;
    var decisive = state.first || (questions.length && checked === questions.length && state.last) || null;
    var first = decisive ? Math.round(decisive.s * 100) : null;
    return {
      checked: checked, total: questions.length, first: first, passed: first !== null && first >= pass,
      best: state.best ? Math.round(state.best.s * 100) : null, started: checked > 0 || !!state.last
    };
  }

  /* A module's standing: "passed" once its quiz's first complete attempt reaches the pass mark,
     "progress" once any of its questions is checked or any of its exercises has an answer. */
  function moduleStanding(ns, module, answers) {
    var quiz = module.quiz ? quizStanding(ns, module.quiz, module.questions, +module.pass) : null;
    var written = Object.keys(answers).some(function (key) {
      return key.indexOf(module.folder + "/") === 0 && answers[key].t.trim() !== "";
    });
    var state = quiz && quiz.passed ? "passed" : (quiz && quiz.started) || written ? "progress" : "new";
    return { state: state, quiz: quiz };
  }

  function moduleOf(element) {
    return { folder: element.getAttribute("data-module-state"), quiz: element.getAttribute("data-quiz"),
             questions: element.getAttribute("data-questions"), pass: element.getAttribute("data-pass") };
  }

  /* Beside a module's quiz link: the reader's standing in that module. */
  function showModuleState(element) {
    var labels = JSON.parse(element.getAttribute("data-labels"));
    var ns = element.getAttribute("data-store");
    var standing = moduleStanding(ns, moduleOf(element), loadAnswers(ns));
    element.textContent = fill(labels[standing.state], standing.quiz && standing.quiz.first);
    element.setAttribute("data-state", standing.state);
    element.hidden = false;
  }

  /* The home page: once the reader has started, the first module not yet passed. */
  function showContinue(element) {
    var ns = element.getAttribute("data-store");
    var modules = JSON.parse(element.getAttribute("data-modules"));
    var answers = loadAnswers(ns);
    var states = modules.map(function (module) { return moduleStanding(ns, module, answers).state; });
    var next = states.indexOf("progress") >= 0 ? states.indexOf("progress") : states.indexOf("new");
    if (states.every(function (state) { return state === "new"; }) || next < 0) return;
    var link = element.querySelector(".mdx-continue__button");
    link.href = modules[next].href;
    var label = element.querySelector(".mdx-continue__module");
    label.textContent = fill(label.getAttribute("data-label"), next + 1, modules[next].title);
    element.hidden = false;
  }

  /* The progress page: each module's standing, the overall line and the completion summary. */
  Progress.prototype.renderModules = function () {
    var self = this;
    var answers = loadAnswers(this.ns);
    var counts = { passed: 0, progress: 0, total: 0 };
    var summary = this.root.querySelector(".mdx-summary__table tbody");
    if (summary) summary.textContent = "";
    this.root.querySelectorAll("[data-progress-module]").forEach(function (cell) {
      var row = cell.closest("tr");
      var module = { folder: cell.getAttribute("data-progress-module"), quiz: row.getAttribute("data-progress-quiz"),
                     questions: row.getAttribute("data-questions"), pass: row.getAttribute("data-pass") };
      var standing = moduleStanding(self.ns, module, answers);
      counts.total += 1;
      if (standing.state !== "new") counts[standing.state] += 1;
      var label = self.text["progress_module_" + standing.state];
      cell.querySelector(".mdx-progress__module-state").textContent = label;
      cell.setAttribute("data-state", standing.state);
      if (!summary) return;
      var line = document.createElement("tr");
      [cell.querySelector("a") ? cell.querySelector("a").textContent : cell.firstChild.textContent, label,
       standing.quiz && standing.quiz.first !== null ? standing.quiz.first + " % (" + standing.quiz.best + " %)" : "—"
      ].forEach(function (value, index) {
        var node = document.createElement(index ? "td" : "th");
        node.textContent = value;
        line.appendChild(node);
      });
      summary.appendChild(line);
    });
    var overall = this.root.querySelector(".mdx-progress__overall");
    overall.textContent = fill(this.text.progress_overall, counts.passed, counts.total) +
      (counts.progress ? " " + fill(this.text.progress_overall_started, counts.progress) : "");
    overall.hidden = false;
    this.renderSummary();
  };

  Progress.prototype.renderSummary = function () {
    var sheet = this.root.querySelector(".mdx-summary__sheet");
    if (!sheet) return;
    var name = this.root.querySelector(".mdx-summary__name").value.trim();
    sheet.querySelector(".mdx-summary__who").textContent =
      fill(this.text.progress_summary_who, name || this.text.progress_summary_no_name, today());
    var finalRow = this.root.querySelector("tr[data-progress-quiz][data-purpose=final]");
    var final = sheet.querySelector(".mdx-summary__final");
    final.hidden = !finalRow;
    if (finalRow) final.textContent = fill(this.text.progress_summary_final, finalRow.querySelector(".mdx-progress__status").textContent);
  };

  Progress.prototype.setUpSummary = function () {
    var self = this;
    var input = this.root.querySelector(".mdx-summary__name");
    if (!input) return;
    var key = keyOf(this.ns, "name");
    input.value = readRaw(key) || "";
    input.addEventListener("input", function () {
      writeRaw(key, input.value.slice(0, 120));
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
    document.querySelectorAll(".mdx-quiz:not(.mdx-quiz--ready)").forEach(function (root) {
      try { new Quiz(root); } catch (error) { if (window.console) console.error(error); }
    });
    document.querySelectorAll(".mdx-answer:not(.mdx-answer--ready)").forEach(function (root) {
      try { new AnswerBox(root); } catch (error) { if (window.console) console.error(error); }
    });
    document.querySelectorAll(".mdx-progress").forEach(function (root) {
      try { new Progress(root); } catch (error) { if (window.console) console.error(error); }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
