/* SPDX-License-Identifier: MIT */
/* start: wiring the page's buttons and fields, resuming the check the
 * buyer left, and starting it all once the core and the store are
 * ready.  The last file of the page's script. */

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
	wireCheck();
	wireVerdict();
	wireSaved();
	wireImei();
	wireInfo();
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
