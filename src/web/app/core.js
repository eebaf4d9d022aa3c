/* SPDX-License-Identifier: MIT */
/* The page around the core is the files of this folder, joined by
 * gen_page in the order page.html lists them into one strict function's
 * scope: they share their names and leave none on window but
 * window.handover.  Every rule, word and format is the C core's
 * (src/web/api.c over the same session, words and record as the
 * terminal); these files show what the core says, pass it what the buyer
 * taps and types, and give it what only a browser has: the clock, random
 * bytes, the bytes of a picked photo and storage (IndexedDB).  Nothing is
 * loaded from or sent to anywhere.
 *
 * core: the page's way into the C core compiled to WebAssembly: strings
 * and bytes in and out of its memory, calls by name, the clock and random
 * bytes it is given (it makes no system call of its own), and loading
 * the module boot.js began to compile. */

var core = null;		/* the WebAssembly exports */
var stubCalls = 0;		/* system calls the core made: must stay 0 */
var enc = new TextEncoder(), dec = new TextDecoder();
var readyOk, readyFail;
var api = {
	ready: new Promise(function (ok, no) { readyOk = ok; readyFail = no; })
};
window.handover = api;


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
