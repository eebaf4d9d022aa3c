/* SPDX-License-Identifier: MIT */
/* boot: reads the core back from its block (each character is a byte,
 * but U+0100, U+0101 and U+0102 stand for NUL, CR and '<': see
 * src/web/gen_page.c) and starts compiling it while the browser goes on
 * reading the data and the page's script, which takes the compiled
 * module from window.handoverCore. */
(function () {
	var el = document.getElementById("core");

	function bytesOf(s) {
		var n = s.length, b = new Uint8Array(n), i, c;
		for (i = 0; i < n; i++) {
			c = s.charCodeAt(i);
			b[i] = c < 256 ? c : c === 256 ? 0 : c === 257 ? 13 : 60;
		}
		return b;
	}

	if (typeof WebAssembly !== "object" || !el) {
		window.handoverCore = Promise.reject(new Error("no-wasm"));
		return;
	}
	var bytes = bytesOf(el.textContent);
	el.textContent = "";
	window.handoverCore = WebAssembly.compile(bytes);
	window.handoverCore.catch(function () {});
})();
