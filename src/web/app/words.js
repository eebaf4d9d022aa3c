/* SPDX-License-Identifier: MIT */
/* words: the buyer's language: the core's words by key, the page's own
 * labels set from them (marked when only English has them), and the
 * language picked from the browser's or the buyer's choice. */

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
