/* SPDX-License-Identifier: MIT */
/* testing: what the browser tests drive (window.handover): an answers
 * file run as the terminal runs it, the IMEI reader, a bill of sale, the
 * language and a fixed clock. */

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
