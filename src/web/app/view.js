/* SPDX-License-Identifier: MIT */
/* view: the small DOM helpers and the switch between the page's views
 * (check, verdict, saved, IMEI, country), and what a failure shows. */

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
