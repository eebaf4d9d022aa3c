/* SPDX-License-Identifier: MIT */
/* check: the check being made: a question at a time as the core asks
 * it, the answer taps, the stops that stay on screen, saving after each
 * answer and sealing at the end. */

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

/* Opens or closes the status box; open, it lists what the core says:
 * what is done, what is still open and what stands in the way. */
function toggleStatus() {
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
}

/* The question's buttons, fields and help, and the status box. */
function wireCheck() {
	var timer = 0;

	$("help-toggle").addEventListener("click", function () {
		var open = $("q-help").hidden;
		$("q-help").hidden = !open;
		$("help-toggle").setAttribute("aria-expanded", open ? "true" : "false");
	});
	$("status").addEventListener("click", guard(toggleStatus));
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
}
