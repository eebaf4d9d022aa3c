/* SPDX-License-Identifier: MIT */
/* info: the country view: the registry, lenders and rules the core
 * knows for a country, in the buyer's language. */

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

/* The country picked. */
function wireInfo() {
	$("c-pick").addEventListener("change", guard(renderInfo));
}
