/* SPDX-License-Identifier: MIT */
/* saved: the list of checks kept on this phone, opening one, resuming
 * an open one, and importing a record file. */

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
			sub.appendChild(document.createTextNode(" · "));
			sub.appendChild(el("span", "whole", state));
			sub.appendChild(document.createTextNode(" · "));
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

/* A new check and an imported record. */
function wireSaved() {
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
}
