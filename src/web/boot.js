/* SPDX-License-Identifier: MIT */
/* boot: reads the core back from its block (each character is a byte,
 * but U+0100, U+0101 and U+0102 stand for NUL, CR and '<': see
 * src/web/gen_page.c) and starts compiling it while the browser goes on
 * reading the data and the page's script, which takes the compiled
 * module from window.handoverCore. */
(function () {
	var el = document.getElementById("core"), s, n, bytes, i, c;
	var three = [0, 13, 60];
	if (typeof WebAssembly !== "object" || !el) {
		window.handoverCore = Promise.reject(new Error("no-wasm"));
		return;
	}
	s = el.textContent;
	n = s.length;
	bytes = new Uint8Array(n);
	for (i = 0; i < n; i++) {
		c = s.charCodeAt(i);
		bytes[i] = c < 256 ? c : three[c - 256];
	}
	el.textContent = "";
	window.handoverCore = WebAssembly.compile(bytes);
	window.handoverCore.catch(function () {});
})();
