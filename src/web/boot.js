/* SPDX-License-Identifier: MIT */
/* boot: starts compiling the core as soon as its bytes are read, while the
 * browser goes on reading the data and the page's script (app.js takes the
 * compiled module from window.handoverCore). */
(function () {
	var el = document.getElementById("core"), s, bytes, i, n;
	if (typeof WebAssembly !== "object" || !el) {
		window.handoverCore = Promise.reject(new Error("no-wasm"));
		return;
	}
	s = el.textContent;
	if (Uint8Array.fromBase64) {
		bytes = Uint8Array.fromBase64(s);
	} else {
		s = atob(s);
		n = s.length;
		bytes = new Uint8Array(n);
		for (i = 0; i < n; i++)
			bytes[i] = s.charCodeAt(i);
	}
	el.textContent = "";
	window.handoverCore = WebAssembly.compile(bytes);
	window.handoverCore.catch(function () {});
})();
