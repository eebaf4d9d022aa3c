/* SPDX-License-Identifier: MIT */
/* app: the page around the core.  Every rule, word and format is the C
 * core's (src/web/api.c over the same session, words and record as the
 * terminal); this file shows what the core says, passes it what the
 * buyer taps and types, and gives it what only a browser has: the clock,
 * random bytes, the bytes of a picked photo and storage (IndexedDB).
 * Nothing is loaded from or sent to anywhere. */
"use strict";

(function () {
	var core = null;		/* the WebAssembly exports */
	var stubCalls = 0;		/* system calls the core made: must stay 0 */
	var enc = new TextEncoder(), dec = new TextDecoder();
	var readyOk, readyFail;
	var api = {
		ready: new Promise(function (ok, no) { readyOk = ok; readyFail = no; })
	};
	window.handover = api;

	/* ============================================================ core */

	/* Every import the module names, as a stub: the core makes no system
	 * call (tests check stubCalls), libc's stdio only links them in. */
	function stubs(module) {
		var imp = {};
		WebAssembly.Module.imports(module).forEach(function (d) {
			imp[d.module] = imp[d.module] || {};
			imp[d.module][d.name] = function () { stubCalls++; return 52; };
		});
		return imp;
	}

	function mem() {
		return new Uint8Array(core.memory.buffer);
	}

	/* s (a string or bytes) copied into the core, NUL-terminated:
	 * [pointer, length]; the caller frees the pointer. */
	function put(s) {
		var b = typeof s === "string" ? enc.encode(s) : s;
		var p = core.web_alloc(b.length + 1), m = mem();
		m.set(b, p);
		m[p + b.length] = 0;
		return [p, b.length];
	}

	/* A text with its length, for the calls that take (text, len). */
	function L(s) {
		return { withLen: s };
	}

	/* Calls export name with the arguments after it: strings and bytes
	 * are copied in (and freed after), L(s) passes pointer and length,
	 * numbers go as they are.  Returns the export's return value. */
	function C(name) {
		var a = [], frees = [], i, v, pl, rc;
		for (i = 1; i < arguments.length; i++) {
			v = arguments[i];
			if (typeof v === "string" || v instanceof Uint8Array) {
				pl = put(v);
				frees.push(pl[0]);
				a.push(pl[0]);
			} else if (v && v.withLen !== undefined) {
				pl = put(v.withLen);
				frees.push(pl[0]);
				a.push(pl[0], pl[1]);
			} else {
				a.push(v);
			}
		}
		try {
			rc = core[name].apply(null, a);
		} finally {
			frees.forEach(function (p) { core.web_free(p); });
		}
		return rc;
	}

	function result() {
		var p = core.web_result(), n = core.web_result_len();
		return dec.decode(mem().subarray(p, p + n));
	}

	/* C, then the result as JSON; an error (rc < 0) is thrown. */
	function J() {
		var rc = C.apply(null, arguments), t = result();
		if (rc < 0) {
			var e = new Error(t);
			e.core = t;
			throw e;
		}
		return JSON.parse(t);
	}

	/* C, then the result as text, or null on an error. */
	function R() {
		var rc = C.apply(null, arguments);
		return rc < 0 ? null : result();
	}

	function random(n) {
		var b = new Uint8Array(n);
		crypto.getRandomValues(b);
		return b;
	}

	/* A clock the tests fixed (handover.clock), or null. */
	var fixed = null;

	/* [Unix seconds, minutes east of UTC]: now, or what options (or the
	 * tests) fix. */
	function clock(o) {
		o = o || fixed;
		var ms = o && o.now !== undefined ? o.now : Date.now();
		var off = o && o.offset !== undefined ? o.offset : -new Date(ms).getTimezoneOffset();
		return [ms / 1000, off];
	}

	/* The module boot.js began to compile, instantiated; the data handed
	 * over; the tables loaded. */
	function loadCore() {
		if (!window.handoverCore)
			return Promise.reject(new Error("no-wasm"));
		return window.handoverCore.then(function (m) {
			return WebAssembly.instantiate(m, stubs(m));
		}).then(function (inst) {
			core = inst.exports;
			if (core._initialize)
				core._initialize();
			/* the data files, as text in the page, handed over once */
			document.querySelectorAll('script[type="text/tab-separated-values"]').forEach(
			    function (b) {
				var d = put(b.textContent), n = put(b.getAttribute("data-name"));
				C("web_data", n[0], d[0], d[1]);
				core.web_free(n[0]);
			});
			if (core.web_init() !== 0)
				throw new Error(result());
			performance.mark("handover-core");
		});
	}

	/* =========================================================== words */

	var langs = [], lang = "en";

	/* The words of key in the buyer's language, {name}s filled. */
	function T(key, fills) {
		var f = "", k;
		for (k in fills || {})
			f += k + "\x1f" + fills[k] + "\x1e";
		C("web_text", key, f);
		return result();
	}

	/* The page's own words in the language, all at once; an element whose
	 * text is already right (English, as the page is written) is left. */
	/* The page's keys the language lacks (shown in English). */
	var english = {};

	/* Sets e's text to the words of key, marked English when they are. */
	function sayIn(e, key, fills) {
		e.textContent = T(key, fills);
		if (english[key])
			e.lang = "en";
		else
			e.removeAttribute("lang");
	}

	function applyWords() {
		var w = J("web_words", "page.");
		english = {};
		J("web_fallback", "page.").forEach(function (k) { english[k] = true; });
		document.querySelectorAll("[data-w]").forEach(function (el) {
			var k = el.getAttribute("data-w"), t = w[k];
			if (t !== undefined && el.textContent !== t)
				el.textContent = t;
			/* words the language lacks are English: said so, for the
			 * screen reader's voice and the font */
			if (english[k])
				el.lang = "en";
			else
				el.removeAttribute("lang");
		});
		document.title = w["page.title"];
	}

	/* The first of the browser's languages there are words for: "hi-IN"
	 * is hi, and Filipino (fil) is written as Tagalog, as the terminal's
	 * locale reading does. */
	function browserLang() {
		var tags = navigator.languages || [navigator.language || "en"], i, c;
		for (i = 0; i < tags.length; i++) {
			c = String(tags[i]).split(/[-_]/)[0].toLowerCase();
			if (c === "fil")
				c = "tl";
			if (langs.some(function (l) { return l.code === c; }))
				return c;
		}
		return "en";
	}

	function setLang(code) {
		var l = langs.filter(function (x) { return x.code === code; })[0];
		if (!l)
			l = { code: "en", dir: "ltr" };
		C("web_lang", l.code);
		lang = l.code;
		document.documentElement.lang = l.code;
		document.documentElement.dir = l.dir === "rtl" ? "rtl" : "ltr";
		$("lang").value = l.code;
		applyWords();
	}

	/* ========================================================= storage */

	/* IndexedDB when the browser lets the page keep things, else only
	 * this visit's memory (the page works, without a history). */
	var db = null, memStore = {}, memMeta = {};

	function openStore() {
		return new Promise(function (ok) {
			var r;
			try {
				r = indexedDB.open("handover", 1);
			} catch (e) {
				ok(null);
				return;
			}
			r.onupgradeneeded = function () {
				r.result.createObjectStore("checks", { keyPath: "id" });
				r.result.createObjectStore("meta");
			};
			r.onsuccess = function () {
				db = r.result;
				performance.mark("handover-store");
				ok(db);
			};
			r.onerror = r.onblocked = function () { ok(null); };
		});
	}

	function idb(store, mode, fn) {
		return new Promise(function (ok, no) {
			var t, r;
			try {
				t = db.transaction(store, mode);
				r = fn(t.objectStore(store));
			} catch (e) {
				no(e);
				return;
			}
			t.oncomplete = function () { ok(r && r.result); };
			t.onerror = t.onabort = function () { no(t.error); };
		});
	}

	var store = {
		put: function (c) {
			if (!db) {
				memStore[c.id] = c;
				return Promise.resolve();
			}
			return idb("checks", "readwrite", function (s) { return s.put(c); });
		},
		get: function (id) {
			if (!db)
				return Promise.resolve(memStore[id]);
			return idb("checks", "readonly", function (s) { return s.get(id); });
		},
		all: function () {
			if (!db)
				return Promise.resolve(Object.keys(memStore).map(function (k) { return memStore[k]; }));
			return idb("checks", "readonly", function (s) { return s.getAll(); });
		},
		del: function (id) {
			if (!db) {
				delete memStore[id];
				return Promise.resolve();
			}
			return idb("checks", "readwrite", function (s) { return s["delete"](id); });
		},
		meta: function (key, value) {
			if (!db) {
				if (value !== undefined)
					memMeta[key] = value;
				return Promise.resolve(memMeta[key]);
			}
			if (value === undefined)
				return idb("meta", "readonly", function (s) { return s.get(key); });
			return idb("meta", "readwrite", function (s) { return s.put(value, key); });
		}
	};

	/* ============================================================ view */

	function $(id) {
		return document.getElementById(id);
	}

	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls)
			e.className = cls;
		if (text !== undefined && text !== null)
			e.textContent = text;
		return e;
	}

	function clear(e) {
		while (e.firstChild)
			e.removeChild(e.firstChild);
		return e;
	}

	var views = ["check", "verdict", "saved", "imei", "info"], shown = "check";

	function show(name, focus) {
		shown = name;
		views.forEach(function (v) { $("view-" + v).hidden = v !== name; });
		document.querySelectorAll("#tabs button").forEach(function (b) {
			var on = b.getAttribute("data-view") === name ||
			    (name === "verdict" && b.getAttribute("data-view") === "check");
			if (on)
				b.setAttribute("aria-current", "page");
			else
				b.removeAttribute("aria-current");
		});
		if (name === "saved")
			renderSaved();
		if (name === "imei")
			renderImei();
		if (name === "info") {
			if (!$("c-pick").value && cur && cur.view && cur.view.country)
				$("c-pick").value = cur.view.country;
			renderInfo();
		}
		if (focus) {
			var h = $("view-" + name).querySelector("h1");
			window.scrollTo(0, 0);
			if (h) {
				h.setAttribute("tabindex", "-1");
				h.focus();
			}
		}
	}

	function fatal(err) {
		var f = $("fatal");
		$("loading").hidden = true;
		if (!core) {	/* no words without the core: the page's English */
			$("no-wasm").hidden = false;
			return;
		}
		f.hidden = false;
		f.textContent = T0("page.failed", { why: String(err && err.message || err) });
	}

	/* T when the core is there, else the key (the page cannot load). */
	function T0(key, fills) {
		try {
			return core ? T(key, fills) : key;
		} catch (e) {
			return key;
		}
	}

	/* Runs fn, showing what went wrong instead of failing silently. */
	function guard(fn) {
		return function () {
			try {
				var r = fn.apply(this, arguments);
				if (r && r.catch)
					r.catch(fatal);
			} catch (e) {
				fatal(e);
			}
		};
	}

	/* ================================================== the check made */

	var cur = null;	/* {id, view, stops: [{text, todo}], photos, recheck: its title} */

	function newCheck() {
		var c = clock(), id;
		C("web_new_id", c[0], c[1], random(6));
		id = result();
		cur = { id: id, view: null, stops: [], photos: 0, saved: false };
		showQuestion(J("web_start", id, c[0], c[1], random(6)), []);
		$("saved-note").textContent = "";
	}

	/* Saves the check as its record (sealed at the end). */
	function save(seal) {
		var c = clock(), text = R("web_record", c[0], c[1], seal ? 1 : 0), s;
		if (text === null)
			throw new Error(result());
		s = J("web_saved", L(text));
		cur.record = text;
		return store.put(entry(s, text)).then(function () {
			cur.saved = true;
			sayIn($("saved-note"), db ? "page.saved_here" : "page.not_saved");
			if (!cur.persisted && navigator.storage && navigator.storage.persist) {
				cur.persisted = true;
				navigator.storage.persist().catch(function () {});
			}
			return store.meta("current", cur.id);
		}).catch(function () {
			sayIn($("saved-note"), "page.not_saved");
		});
	}

	/* What the store keeps of a record (web_saved's s). */
	function entry(s, text) {
		return {
			id: s.id, record: text, state: s.state, verdict: s.verdict, brand: s.brand,
			model: s.model, country: s.country, updated: s.updated, recheck: s.recheck,
			recheckVerdict: s.recheck_verdict, savedAt: Date.now()
		};
	}

	function tag(kind) {
		return el("span", "tag " + kind, T(kind === "stop" ? "verdict.STOP" : "verdict.CAUTION"));
	}

	/* What the core said: STOP reasons go to the box that stays above the
	 * questions; the rest is shown under it until the next answer. */
	function renderSays(says) {
		var box = clear($("says")), i, s, p, newStop = false, k;
		for (i = 0; i < says.length; i++) {
			s = says[i];
			if (s.kind === "stop") {
				cur.stops.push({ text: s.text, todo: "" });
				newStop = true;
				continue;
			}
			if (s.kind === "todo") {
				/* what to do about a STOP: right after it, or (a resumed
				 * check's recap) after the list, in the same order */
				for (k = 0; k < cur.stops.length && cur.stops[k].todo; k++)
					;
				if (k < cur.stops.length) {
					cur.stops[k].todo = s.text;
					continue;
				}
			}
			/* the recap's list of open questions is the progress view's */
			if (s.kind === "list" || (says[i + 1] && says[i + 1].kind === "list"))
				continue;
			p = el("p", s.kind);
			if (s.kind === "caution")
				p.appendChild(tag("caution"));
			p.appendChild(document.createTextNode(s.text));
			box.appendChild(p);
		}
		if (newStop)
			renderStops();
	}

	function renderStops() {
		var box = clear($("stop"));
		box.hidden = cur.stops.length === 0;
		cur.stops.forEach(function (s) {
			var p = el("p");
			p.appendChild(el("strong", null, T("verdict.STOP") + ": "));
			p.appendChild(document.createTextNode(s.text));
			box.appendChild(p);
			if (s.todo)
				box.appendChild(el("p", "todo", s.todo));
		});
	}

	function button(text, cls, fn, act) {
		var b = el("button", cls, text);
		b.type = "button";
		if (act)
			b.setAttribute("data-act", act);	/* for the tests */
		b.addEventListener("click", guard(fn));
		return b;
	}

	/* A tap that lands just after the question changed was meant for the
	 * one before (a double tap): it is not an answer to this one. */
	var shownAt = 0;

	function settled(fn) {
		return function () {
			if (Date.now() - shownAt < 300)
				return null;
			return fn.apply(this, arguments);
		};
	}

	function tapLink(t) {
		var a = el("a", "button"), host;
		a.rel = "noopener noreferrer";
		if (t.kind === "url") {
			if (!/^https?:\/\//.test(t.target))
				return null;
			try {
				host = new URL(t.target).host;
			} catch (e) {
				return null;
			}
			a.href = t.target;
			a.target = "_blank";
			sayIn(a, "page.tap.open", { host: host });
		} else if (t.kind === "sms") {
			a.href = "sms:" + t.target.replace(/[^0-9+]/g, "") +
			    (t.body ? "?&body=" + encodeURIComponent(t.body) : "");
			sayIn(a, "page.tap.sms", { to: t.target });
		} else if (t.kind === "dial") {
			a.href = "tel:" + encodeURIComponent(t.target);
			sayIn(a, "page.tap.dial", { code: t.target });
		} else {
			return null;
		}
		return a;
	}

	function renderTaps(v) {
		var box = clear($("taps"));
		(v.taps || []).forEach(function (t) {
			var a = tapLink(t);
			if (!a)
				return;
			box.appendChild(a);
			if (t.kind === "sms" && t.body)
				box.appendChild(el("p", "sms-text", T("page.tap.sms_text", { body: t.body })));
		});
		if (v.imei && (v.taps || []).some(function (t) { return t.kind === "url"; }) &&
		    navigator.clipboard) {
			box.appendChild(button(T("page.tap.copy"), "", function () {
				return navigator.clipboard.writeText(v.imei).then(function () {
					sayIn($("q-hint"), "page.tap.copied");
				}, function () {});
			}));
		}
	}

	var inputTypes = {
		imei: { mode: "numeric" }, eid: { mode: "numeric" }, date: { type: "date" },
		amount: { mode: "text" }, last4: { mode: "text" }, country: { list: "countries" }
	};

	function showQuestion(v, says) {
		var i, b, form = $("text-form"), input = $("q-input"), it;
		cur.view = v;
		shownAt = Date.now();
		$("view-check").setAttribute("data-step", v.step || "");
		show("check");
		$("loading").hidden = true;
		if (v.step === null) {
			finish();
			return;
		}
		if (cur.recheck)
			$("check-id").textContent = cur.recheck;
		else
			sayIn($("check-id"), "page.check_id", { id: v.id });
		sayIn($("progress-text"), "page.progress",
		    { answered: String(v.answered), asked: String(v.asked) });
		$("bar").style.width = Math.round(100 * (v.asked - v.open) / Math.max(1, v.asked)) + "%";
		renderSays(says || []);
		renderStops();
		$("q-section").textContent = v.section_title;
		$("q-text").textContent = v.question;
		/* a question that carries the registry's steps reads as text */
		$("q-text").classList.toggle("long", v.question.length > 140);
		$("q-help").textContent = v.help;
		$("q-help").hidden = true;
		$("help-toggle").setAttribute("aria-expanded", "false");
		$("status-box").hidden = true;
		$("status").setAttribute("aria-expanded", "false");
		$("back").disabled = v.first;
		renderTaps(v);
		clear($("choices"));
		$("q-hint").textContent = "";
		$("files").hidden = v.type !== "files";
		form.hidden = v.type === "choice" || v.type === "reply" || v.type === "files";
		if (v.type === "choice" || v.type === "reply") {
			for (i = 0; i < v.choices.length; i++) {
				b = button(v.choices[i].label, "", settled(answerWith(v.choices[i].answer)));
				b.setAttribute("data-answer", v.choices[i].answer);
				if (v.value && v.value === v.choices[i].answer) {
					b.classList.add("previous");
					b.appendChild(el("span", "was", T("page.previous")));
				}
				$("choices").appendChild(b);
			}
		} else if (!form.hidden) {
			it = inputTypes[v.type] || {};
			input.type = it.type || "text";
			input.inputMode = it.mode || "text";
			if (it.list)
				input.setAttribute("list", it.list);
			else
				input.removeAttribute("list");
			if (it.type === "date")
				input.max = v.today;
			input.dir = v.type === "text" || v.type === "country" ? "auto" : "ltr";
			input.value = v.type === "files" ? "" : v.value || "";
			sayIn($("q-label"), v.type === "country" ? "page.country_hint" : "page.answer");
		}
		$("no-eid").hidden = v.type !== "eid";
	}

	function focusQuestion() {
		window.scrollTo(0, 0);
		$("q-text").focus();
	}

	function answerWith(line) {
		return function () { return answer(line); };
	}

	/* Once the country is known, the languages of that country the page
	 * speaks, offered once, unless the buyer chose a language (as the
	 * terminal's check does). */
	var langChosen = false;

	function offerLangs(v) {
		var offer = v.langs.filter(function (l) { return l.code !== lang; }), p;
		if (langChosen || cur.offered || !offer.length ||
		    v.langs.some(function (l) { return l.code === lang; }))
			return;
		cur.offered = true;
		p = el("p", "info lang-offer", T("page.lang_offer"));
		offer.forEach(function (l) {
			var b = button(l.name, "", function () {
				langChosen = true;
				$("lang").value = l.code;
				$("lang").dispatchEvent(new Event("change"));
			});
			b.lang = l.code;
			p.appendChild(b);
		});
		$("says").appendChild(p);
	}

	/* Applies an answer or a command (back, skip, done) and saves. */
	function answer(line) {
		var before = cur.view && cur.view.step, r = J("web_answer", line), p;
		var sec = $("view-check");
		cur.view = r.view;
		p = save(false);
		if (r.view.step === null)
			p = p.then(finish);
		else {
			showQuestion(r.view, r.says);
			if (before === "listing.country" && r.view.step !== before)
				offerLangs(r.view);
			focusQuestion();
		}
		/* how many answers were applied and saved, for tests to wait on */
		return p.then(function () {
			sec.setAttribute("data-answers", String(+(sec.getAttribute("data-answers") || 0) + 1));
		});
	}

	/* The last question answered: sealed, saved, the verdict shown. */
	function finish() {
		return save(true).then(function () {
			showVerdict(cur.record);
			store.meta("current", "");
		});
	}

	/* ========================================================= verdict */

	var shownRecord = null;

	function showVerdict(record) {
		var f = J("web_finished", L(record)), h = $("v-title"), list = clear($("v-reasons"));
		var summary = f.summary.slice(), re = J("web_rechecked", L(record));
		shownRecord = { id: f.id, record: record, failed: f.failed };
		if (re && re.state === "sealed") {
			/* a record that grew: its last re-check's verdict, said as the
			 * terminal's recheck says it */
			f.verdict = re.verdict;
			f.reasons = re.reasons;
			summary = ["recheck.summary." + re.verdict.toLowerCase()];
		}
		h.className = "verdict " + f.verdict;
		h.textContent = T(re && re.state === "sealed" ? "recheck.summary.title" : "summary.title",
		    { verdict: T("verdict." + f.verdict) });
		$("v-summary").textContent = T(summary.shift());
		f.reasons.forEach(function (r) {
			var li = el("li");
			var p = el("p");
			p.appendChild(tag(r.level === "STOP" ? "stop" : "caution"));
			p.appendChild(document.createTextNode(r.text));
			li.appendChild(p);
			if (r.todo)
				li.appendChild(el("p", "todo", r.todo));
			list.appendChild(li);
		});
		$("v-later").textContent = re && re.state === "sealed" ? re.title :
		    summary.map(function (k) { return T(k); }).join(" ");
		sayIn($("v-bill"), f.failed ? "page.verdict.failed_bill" : "page.verdict.bill");
		sayIn($("v-note"), "page.verdict.record_note", { file: f.id + ".record" });
		$("v-share").hidden = !canShare(billFile());
		$("v-share-record").hidden = !canShare(recordFile());
		show("verdict", true);
	}

	function recordFile() {
		return new File([shownRecord.record], shownRecord.id + ".record", { type: "text/plain" });
	}

	function billHtml() {
		var html = R("web_export", L(shownRecord.record));
		if (html === null)
			throw new Error(result());
		return html;
	}

	function billFile() {
		return new File([billHtml()], shownRecord.id + ".html", { type: "text/html" });
	}

	function canShare(file) {
		try {
			return !!(navigator.canShare && navigator.share && navigator.canShare({ files: [file] }));
		} catch (e) {
			return false;
		}
	}

	function download(name, text, type) {
		var a = el("a"), url = URL.createObjectURL(new Blob([text], { type: type }));
		a.href = url;
		a.download = name;
		document.body.appendChild(a);
		a.click();
		document.body.removeChild(a);
		setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
	}

	/* The calendar reminders of a sealed record's re-checks, downloaded. */
	function downloadIcs(id, record) {
		var ics = R("web_ics", L(record), clock()[0]);
		if (ics === null)
			throw new Error(result());
		download(id + ".ics", ics, "text/calendar");
	}

	/* A re-check of a sealed record, or the unfinished one it ends with,
	 * asked in the check's question view; the core says which day it is
	 * and, too early, what that means. */
	function recheck(record) {
		var c = clock(), r = J("web_recheck", L(record), c[0], c[1]);
		shownRecord = null;
		cur = { id: r.view.id, view: r.view, stops: [], photos: 0, record: record, saved: true,
		    recheck: r.title };
		showQuestion(r.view, r.says);
		focusQuestion();
		return store.meta("current", cur.id);
	}

	function openBill() {
		var a = el("a"), url = URL.createObjectURL(new Blob([billHtml()], { type: "text/html" }));
		a.href = url;
		a.target = "_blank";
		a.rel = "noopener";
		document.body.appendChild(a);
		a.click();
		document.body.removeChild(a);
		setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
	}

	/* Prints the bill of sale from a frame of this page. */
	function printBill() {
		var old = $("print-frame"), f = el("iframe");
		if (old)
			old.parentNode.removeChild(old);
		f.id = "print-frame";
		f.title = T("page.verdict.print");
		f.setAttribute("aria-hidden", "true");
		f.tabIndex = -1;
		f.style.position = "fixed";
		f.style.width = "1px";
		f.style.height = "1px";
		f.style.border = "0";
		f.style.insetInlineStart = "-10px";
		f.onload = function () {
			try {
				f.contentWindow.focus();
				f.contentWindow.print();
			} catch (e) {
				openBill();
			}
		};
		f.srcdoc = billHtml();
		document.body.appendChild(f);
	}

	/* ================================================== saved checks */

	function renderSaved() {
		var list = $("s-list");
		$("s-storage").hidden = !!db;
		return store.all().then(function (all) {
			clear(list);
			all.sort(function (a, b) { return (b.savedAt || 0) - (a.savedAt || 0); });
			if (!all.length)
				list.appendChild(el("li", "note", T("page.saved.none")));
			all.forEach(function (c) {
				var li = el("li"), row = el("div", "row");
				var title = [c.brand, c.model].filter(Boolean).join(" ") || c.id;
				var state = c.state === "sealed" && c.verdict ? T("verdict." + c.verdict) :
				    T("page.saved.state_open");
				if (c.recheck)
					state += " · " + T("recheck.summary.title", { verdict: c.recheck === "sealed" &&
					    c.recheckVerdict ? T("verdict." + c.recheckVerdict) : T("page.saved.state_open") });
				li.appendChild(el("p", "title", title));
				/* id and time isolated, so that right to left they stay whole */
				var sub = el("p", "sub");
				sub.appendChild(el("bdi", null, c.id));
				sub.appendChild(document.createTextNode(" · " + state + " · "));
				sub.appendChild(el("bdi", null, c.updated || ""));
				li.appendChild(sub);
				if (c.recheck === "open")
					row.appendChild(button(T("page.saved.open"), "primary", function () {
						return recheck(c.record);
					}, "continue"));
				row.appendChild(button(T(c.state === "sealed" ? "page.saved.show" : "page.saved.open"),
				    c.recheck === "open" ? "" : "primary", function () { return openSaved(c); },
				    c.state === "sealed" ? "show" : "continue"));
				if (c.state === "sealed") {
					if (c.recheck !== "open")
						row.appendChild(button(T("page.saved.recheck"), "", function () {
							return recheck(c.record);
						}, "recheck"));
					row.appendChild(button(T("page.saved.ics"), "", function () {
						downloadIcs(c.id, c.record);
					}, "ics"));
				}
				row.appendChild(button(T("page.saved.download"), "", function () {
					download(c.id + ".record", c.record, "text/plain");
				}, "download"));
				row.appendChild(button(T("page.saved.delete"), "", function () {
					if (!window.confirm(T("page.saved.delete_confirm", { id: c.id })))
						return;
					return store.del(c.id).then(function () {
						sayIn($("s-msg"), "page.saved.deleted", { id: c.id });
						if (cur && cur.id === c.id)
							newCheck();
						return renderSaved();
					});
				}, "delete"));
				li.appendChild(row);
				list.appendChild(li);
			});
		});
	}

	/* Opens a saved check: the verdict of a sealed one, the questions of
	 * an open one where they stopped. */
	function openSaved(c) {
		if (c.state === "sealed") {
			cur = { id: c.id, view: null, stops: [], photos: 0, record: c.record };
			showVerdict(c.record);
			return;
		}
		resume(c.record);
	}

	function resume(record) {
		var c = clock(), r = J("web_resume", L(record), c[0], c[1], random(6));
		cur = { id: r.view.id, view: r.view, stops: [], photos: 0, record: record, saved: true };
		var says = [{ kind: "info", text: T("page.resumed", { id: cur.id }) }].concat(r.says);
		showQuestion(r.view, says);
		focusQuestion();
		return store.meta("current", cur.id);
	}

	function importRecord(file) {
		return file.text().then(function (text) {
			var s = J("web_saved", L(text)), msg = $("s-msg"), f;
			if (s.error && s.seal !== "altered") {
				sayIn(msg, "page.saved.bad", { name: file.name, why: s.error });
				return;
			}
			if (s.seal !== "intact") {
				sayIn(msg, "page.saved.altered", { name: file.name });
				return;
			}
			try {
				f = J("web_finished", L(text));	/* the one reader takes it */
			} catch (e) {
				sayIn(msg, "page.saved.bad", { name: file.name, why: e.core || e.message });
				return;
			}
			return store.get(s.id).then(function (had) {
				/* a finished check is not replaced by an earlier, open copy */
				if (had && had.state === "sealed" && s.state !== "sealed") {
					sayIn(msg, "page.saved.kept", { id: s.id });
					return;
				}
				return store.put(entry(s, text)).then(function () {
					sayIn(msg, "page.saved.imported", { id: f.id });
					return renderSaved();
				});
			});
		});
	}

	/* ============================================================ IMEI */

	var imeiTimer = 0;

	function row(dl, key, value) {
		if (value === null || value === undefined || value === "")
			return;
		dl.appendChild(el("dt", null, T(key)));
		dl.appendChild(el("dd", null, value));
	}

	function renderImei() {
		var text = $("i-input").value.split("\n").filter(function (l) { return l.trim(); });
		var out = clear($("i-out")), ids;
		if (!text.length) {
			out.appendChild(el("p", "note", T("page.imei.none")));
			return;
		}
		ids = J("web_imei", L(text.join("\n")));
		ids.forEach(function (d) {
			var box = el("div", "id"), head = el("p"), dl = el("dl");
			head.appendChild(el("span", "input", d.input));
			head.appendChild(document.createTextNode(" "));
			head.appendChild(el("span", d.valid ? "good" : "bad",
			    d.valid ? "✓ " + T("page.imei.valid") : "✗ " + T("page.imei.invalid")));
			box.appendChild(head);
			/* the engine explains in English; another language says the
			 * problem in its own words first, the English detail after */
			var own = lang !== "en" && d.problem ? T("problem." + d.problem) : "";
			if (own && own !== "problem." + d.problem) {
				box.appendChild(el("p", null, own));
				var detail = el("p", "note", d.message);
				detail.lang = "en";
				box.appendChild(detail);
			} else {
				box.appendChild(el("p", null, d.message));
			}
			row(dl, "page.imei.kind", d.kind === "unknown" ? null : d.kind.toUpperCase());
			row(dl, "page.imei.normalized", d.normalized);
			row(dl, "page.imei.tac", d.tac);
			row(dl, "page.imei.serial", d.serial);
			row(dl, d.kind === "imeisv" ? "page.imei.svn" : "page.imei.check_digit", d.check_digit);
			if (d.reporting_body)
				row(dl, "page.imei.reporting_body", d.reporting_body.code + " " +
				    (d.reporting_body.name || T("page.imei.not_allocated")));
			row(dl, "page.imei.model", [d.brand, d.model].filter(Boolean).join(" "));
			box.appendChild(dl);
			out.appendChild(box);
		});
	}

	/* ===================================================== country info */

	var countries = [];

	function fillCountries() {
		var dl = clear($("countries")), pick = clear($("c-pick")), o;
		countries = J("web_countries");
		o = el("option", null, T("page.info.choose"));
		o.value = "";
		pick.appendChild(o);
		countries.forEach(function (c) {
			var opt = el("option");
			opt.value = c.name;
			dl.appendChild(opt);
			o = el("option", null, c.name + " (" + c.code + ")");
			o.value = c.code;
			pick.appendChild(o);
		});
	}

	function item(box, key, value, fills) {
		var p;
		if (!value)
			return;
		p = el("p", "item");
		p.appendChild(el("span", "label", T(key, fills) + " "));
		p.appendChild(document.createTextNode(value));
		box.appendChild(p);
	}

	function reported(h, r) {
		if (r)
			h.appendChild(document.createTextNode(" " + T("page.info.reported")));
	}

	function wordOr(key, raw) {
		var t = T(key);
		return t === key ? raw : t;
	}

	function renderSystem(sec, s) {
		var h = el("h3", null, s.name), reset;
		reported(h, s.reported);
		sec.appendChild(h);
		if (s.local && s.kind)
			item(sec, "page.info.what", wordOr("page.info.kind." + s.kind, ""));
		item(sec, "page.info.signs", s.visible_signs);
		reset = s.survives_reset === "yes" || s.survives_reset === "no" ? s.survives_reset : "other";
		item(sec, "page.info.reset", T("page.info.reset." + reset));
		item(sec, "page.info.cleared", s.how_cleared);
		item(sec, "page.info.proof", s.proof_document);
	}

	function renderInfo() {
		var cc = $("c-pick").value, out = clear($("c-out")), d, sec, h, ul, local;
		if (!cc)
			return;
		d = J("web_info", cc);
		out.appendChild(el("h2", null, d.name + " (" + d.code + ")"));
		d.checks.forEach(function (c) {
			sec = el("section");
			h = el("h3", null, c.name ? T("page.info.official", { name: c.name }) : T("page.info.no_check"));
			reported(h, c.reported);
			sec.appendChild(h);
			if (!c.name) {
				sec.appendChild(el("p", null, c.how));
				item(sec, "page.info.instead", c.instead);
				out.appendChild(sec);
				return;
			}
			item(sec, "page.info.how", c.how);
			c.taps.forEach(function (t) {
				var a = tapLink(t);
				if (a && t.kind !== "sms")
					sec.appendChild(a);
			});
			item(sec, "page.info.checks", c.checks.map(function (k) {
				return wordOr("page.info.checks." + k, k);
			}).join(", "));
			item(sec, "page.info.answers", c.result_meaning);
			if (c.replies.length) {
				sec.appendChild(el("p", "label", T("page.info.replies")));
				ul = el("ul");
				c.replies.forEach(function (r) {
					ul.appendChild(el("li", null, "“" + r.shown + "” (" +
					    wordOr("page.info.outcome." + r.outcome, r.outcome) +
					    (r.reported ? ", " + T("page.info.reported").replace(/[()]/g, "") : "") +
					    "): " + r.meaning));
				});
				sec.appendChild(ul);
			}
			item(sec, "page.info.limits", c.limits);
			item(sec, "page.info.instead", c.instead);
			out.appendChild(sec);
		});
		local = d.lock_systems.filter(function (s) { return s.local; });
		if (local.length) {
			sec = el("section");
			sec.appendChild(el("h2", null, T("page.info.locks_local", { country: d.name })));
			local.forEach(function (s) { renderSystem(sec, s); });
			out.appendChild(sec);
		}
		sec = el("section");
		sec.appendChild(el("h2", null, T("page.info.locks_global")));
		d.lock_systems.filter(function (s) { return !s.local; }).forEach(function (s) {
			renderSystem(sec, s);
		});
		out.appendChild(sec);
		sec = el("section");
		sec.appendChild(el("h2", null, T("page.info.lenders", { country: d.name })));
		if (!d.lenders.length)
			sec.appendChild(el("p", null, T("page.info.none_known")));
		d.lenders.forEach(function (l) {
			h = el("h3", null, l.name);
			reported(h, l.reported);
			sec.appendChild(h);
			item(sec, "page.info.lender_lock", l.lock || T("page.info.none_known"));
			item(sec, "page.info.closure", l.closure_document);
			item(sec, "page.info.get", l.how_to_get);
		});
		out.appendChild(sec);
		if (d.phrases.length) {
			var by = {};
			sec = el("section");
			sec.appendChild(el("h2", null, T("page.info.phrases")));
			d.phrases.forEach(function (p) { (by[p.language] = by[p.language] || []).push("“" + p.phrase + "”"); });
			Object.keys(by).forEach(function (l) {
				var p = el("p", "phrases");
				p.appendChild(el("span", "label", l + ": "));
				p.appendChild(document.createTextNode(by[l].join(", ")));
				p.lang = l;
				sec.appendChild(p);
			});
			out.appendChild(sec);
		}
		out.appendChild(el("p", "note", T("page.info.reported_note")));
	}

	/* =================================================== photos: hashed */

	/* The SHA-256 of a file, read a slice at a time through the core. */
	function hashFile(file) {
		var CH = 1 << 20, off = 0, buf = core.web_alloc(CH);
		core.web_sha_init();
		function slice(b) {
			if (b.arrayBuffer)
				return b.arrayBuffer();
			return new Promise(function (ok, no) {
				var r = new FileReader();
				r.onload = function () { ok(r.result); };
				r.onerror = function () { no(r.error); };
				r.readAsArrayBuffer(b);
			});
		}
		function next() {
			if (off >= file.size) {
				core.web_free(buf);
				core.web_sha_final();
				return Promise.resolve(result());
			}
			var end = Math.min(off + CH, file.size);
			return slice(file.slice(off, end)).then(function (ab) {
				mem().set(new Uint8Array(ab), buf);
				core.web_sha_update(buf, ab.byteLength);
				off = end;
				return next();
			}, function (e) {
				core.web_free(buf);
				throw e;
			});
		}
		return next();
	}

	function onPhoto(input) {
		var f = input.files && input.files[0];
		input.value = "";
		if (!f)
			return;
		sayIn($("q-hint"), "page.photo.hashing", { name: f.name });
		return hashFile(f).then(function (hex) {
			var path = "photo-" + (++cur.photos) + "/" + f.name.replace(/[\/\\]/g, "_");
			C("web_file", path, hex, f.size);
			return answer(path);
		}, function (e) {
			sayIn($("q-hint"), "page.photo.failed", { name: f.name, why: String(e && e.message || e) });
		});
	}

	/* ================================================== test interface */

	/* An answers file run as 'handover check --answers' runs it.  Files
	 * the answers name are given by options.files: {path: bytes, text or
	 * {sha256, size}}. */
	api.check = function (answers, options) {
		var o = options || {}, files = o.files || {}, c, r;
		Object.keys(files).forEach(function (path) {
			var v = files[path], b, p;
			if (typeof v === "string" || v instanceof Uint8Array) {
				b = typeof v === "string" ? enc.encode(v) : v;
				p = put(b);
				core.web_sha_init();
				core.web_sha_update(p[0], p[1]);
				core.web_free(p[0]);
				core.web_sha_final();
				C("web_file", path, result(), b.length);
			} else {
				C("web_file", path, v.sha256, v.size);
			}
		});
		c = clock(o);
		r = J("web_check", L(answers), c[0], c[1], random(12));
		return { verdict: r.verdict, exit: r.exit, reasons: r.reasons, record: r.record };
	};
	api.imei = function (text) {
		return J("web_imei", L(text));
	};
	/* The bill of sale of a record, as 'handover export --html' makes it. */
	api.billOfSale = function (record) {
		var html = R("web_export", L(record));
		if (html === null)
			throw new Error(result());
		return html;
	};
	api.lang = function (code) {
		setLang(code);
		return lang;
	};
	/* Fixes the page's clock (ms since 1970, minutes east of UTC) for
	 * what the buyer taps next; null gives it back. */
	api.clock = function (now, offset) {
		fixed = now === null || now === undefined ? null : { now: now, offset: offset || 0 };
	};
	api.systemCalls = function () {
		return stubCalls;
	};

	/* ============================================================ start */

	function wire() {
		$("lang").addEventListener("change", guard(function () {
			langChosen = true;
			setLang($("lang").value);
			store.meta("lang", lang).catch(function () {});
			fillCountries();
			if (shown === "check" && cur && cur.view && cur.view.step) {
				if (cur.recheck) {
					/* which re-check it is, in the new words, once saved */
					var re = J("web_rechecked", L(cur.record));
					if (re && re.state === "open")
						cur.recheck = re.title;
				}
				showQuestion(J("web_view"), []);
				renderStops();
			} else if (shown === "verdict" && shownRecord) {
				showVerdict(shownRecord.record);
			} else {
				show(shown);
			}
		}));
		document.querySelectorAll("#tabs button").forEach(function (b) {
			b.addEventListener("click", guard(function () {
				var v = b.getAttribute("data-view");
				if (v === "check" && shownRecord && cur && cur.record === shownRecord.record &&
				    !(cur.view && cur.view.step))
					v = "verdict";
				show(v, true);
			}));
		});
		$("help-toggle").addEventListener("click", function () {
			var open = $("q-help").hidden;
			$("q-help").hidden = !open;
			$("help-toggle").setAttribute("aria-expanded", open ? "true" : "false");
		});
		$("status").addEventListener("click", guard(function () {
			var box = $("status-box"), open = box.hidden, r, ul = null;
			box.hidden = !open;
			$("status").setAttribute("aria-expanded", open ? "true" : "false");
			if (!open)
				return;
			r = J("web_status");
			clear(box);
			r.says.forEach(function (s) {
				var p;
				if (s.kind === "list") {
					if (!ul)
						ul = box.appendChild(el("ul"));
					ul.appendChild(el("li", null, s.text));
					return;
				}
				p = el("p", s.kind === "todo" ? "todo" : null);
				if (s.kind === "stop" || s.kind === "caution")
					p.appendChild(tag(s.kind));
				p.appendChild(document.createTextNode(s.text));
				box.appendChild(p);
			});
		}));
		$("back").addEventListener("click", guard(settled(function () { return answer("back"); })));
		$("skip").addEventListener("click", guard(settled(function () { return answer("skip"); })));
		$("photo-done").addEventListener("click", guard(settled(function () { return answer("done"); })));
		$("no-eid").addEventListener("click", guard(settled(function () { return answer("none"); })));
		$("photo-take").addEventListener("change", guard(function () { return onPhoto($("photo-take")); }));
		$("photo-choose").addEventListener("change", guard(function () { return onPhoto($("photo-choose")); }));
		$("text-form").addEventListener("submit", guard(function (e) {
			e.preventDefault();
			return answer($("q-input").value);
		}));
		var timer = 0;
		$("q-input").addEventListener("input", function () {
			clearTimeout(timer);
			timer = setTimeout(guard(function () {
				var v = $("q-input").value, r;
				if (!v.trim() || !cur || !cur.view || !cur.view.step) {
					$("q-hint").textContent = "";
					return;
				}
				r = J("web_validate", v);
				$("q-hint").textContent = r.message;
				$("q-hint").removeAttribute("lang");
				$("q-hint").className = "hint" + (r.valid < 0 ? " problem" : "");
			}), 200);
		});
		$("v-download").addEventListener("click", guard(function () {
			download(shownRecord.id + ".record", shownRecord.record, "text/plain");
			sayIn($("v-note"), "page.verdict.downloaded", { file: shownRecord.id + ".record" });
		}));
		$("v-bill").addEventListener("click", guard(openBill));
		$("v-print").addEventListener("click", guard(printBill));
		$("v-recheck").addEventListener("click", guard(function () {
			return recheck(shownRecord.record);
		}));
		$("v-ics").addEventListener("click", guard(function () {
			downloadIcs(shownRecord.id, shownRecord.record);
		}));
		$("v-share").addEventListener("click", guard(function () {
			return navigator.share({ files: [billFile()], title: shownRecord.id }).catch(function () {});
		}));
		$("v-share-record").addEventListener("click", guard(function () {
			return navigator.share({ files: [recordFile()], title: shownRecord.id }).catch(function () {});
		}));
		$("v-new").addEventListener("click", guard(function () {
			shownRecord = null;
			newCheck();
			focusQuestion();
		}));
		$("s-new").addEventListener("click", guard(function () {
			if (cur && cur.view && cur.view.step && cur.saved &&
			    !window.confirm(T("page.new_confirm")))
				return;
			shownRecord = null;
			newCheck();
			focusQuestion();
		}));
		$("s-import").addEventListener("change", guard(function () {
			var f = $("s-import").files[0];
			$("s-import").value = "";
			return f ? importRecord(f) : null;
		}));
		$("i-input").addEventListener("input", function () {
			clearTimeout(imeiTimer);
			imeiTimer = setTimeout(guard(renderImei), 150);
		});
		$("c-pick").addEventListener("change", guard(renderInfo));
	}

	/* The open check the buyer left, resumed, if nothing was answered in
	 * the new one shown meanwhile. */
	function resumeLeft() {
		return store.meta("lang").then(function (l) {
			/* the language chosen on an earlier visit */
			if (l)
				langChosen = true;
			if (l && l !== lang && !(cur && cur.saved)) {
				setLang(l);
				fillCountries();
				if (cur && cur.view && cur.view.step)
					showQuestion(J("web_view"), []);
			}
			return store.meta("current");
		}).then(function (id) {
			return id ? store.get(id) : null;
		}).then(function (c) {
			if (!c || !(c.state === "open" || c.recheck === "open") || (cur && cur.saved))
				return;
			try {
				if (c.recheck === "open")
					recheck(c.record);
				else
					resume(c.record);
			} catch (e) {
				/* a record this version cannot resume: it stays in Saved */
			}
		}).catch(function () {});
	}

	/* Storage, when the browser opens it quickly; the first question does
	 * not wait for it longer than that (a first visit creates it). */
	var stored = openStore();
	function storeOrLater(ms) {
		return Promise.race([stored, new Promise(function (ok) { setTimeout(ok, ms); })]);
	}

	/* The check to show first: the open one the buyer left, else a new
	 * one, and the left one as soon as storage answers. */
	function firstCheck() {
		function shown() {
			performance.mark("handover-first-question");
		}
		if (db) {
			return resumeLeft().then(function () {
				if (!cur)
					newCheck();
				shown();
			});
		}
		newCheck();
		shown();
		return stored.then(function (d) {
			if (d)
				return resumeLeft();
			sayIn($("saved-note"), "page.not_saved");
		});
	}

	Promise.all([loadCore(), storeOrLater(40)]).then(function () {
		langs = J("web_langs");
		clear($("lang"));
		langs.forEach(function (l) {
			var o = el("option", null, l.name);
			o.value = l.code;
			o.lang = l.code;
			$("lang").appendChild(o);
		});
		return db ? store.meta("lang").catch(function () { return null; }) : null;
	}).then(function (saved) {
		langChosen = !!saved;
		setLang(saved || browserLang());
		performance.mark("handover-words");
		fillCountries();
		wire();
		return firstCheck();
	}).then(function () {
		readyOk(api);
	}).catch(function (e) {
		fatal(e);
		readyFail(e);
	});
})();
