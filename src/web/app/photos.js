/* SPDX-License-Identifier: MIT */
/* photos: a picked photo hashed through the core a slice at a time;
 * the photo itself is never copied, kept or sent. */

/* The SHA-256 of a file, read a slice at a time through the core. */
function hashFile(file) {
	var CH = 1 << 20, off = 0, buf = core.web_alloc(CH);
	core.web_sha_init();
	function slice(b) {
		if (b.arrayBuffer)
			return b.arrayBuffer();
		return new Promise(function (ok, no) {
			var r = new FileReader();
			r.onload = function () { ok(r.result); };
			r.onerror = function () { no(r.error); };
			r.readAsArrayBuffer(b);
		});
	}
	function next() {
		if (off >= file.size) {
			core.web_free(buf);
			core.web_sha_final();
			return Promise.resolve(result());
		}
		var end = Math.min(off + CH, file.size);
		return slice(file.slice(off, end)).then(function (ab) {
			mem().set(new Uint8Array(ab), buf);
			core.web_sha_update(buf, ab.byteLength);
			off = end;
			return next();
		}, function (e) {
			core.web_free(buf);
			throw e;
		});
	}
	return next();
}

function onPhoto(input) {
	var f = input.files && input.files[0];
	input.value = "";
	if (!f)
		return;
	sayIn($("q-hint"), "page.photo.hashing", { name: f.name });
	return hashFile(f).then(function (hex) {
		var path = "photo-" + (++cur.photos) + "/" + f.name.replace(/[\/\\]/g, "_");
		C("web_file", path, hex, f.size);
		return answer(path);
	}, function (e) {
		sayIn($("q-hint"), "page.photo.failed", { name: f.name, why: String(e && e.message || e) });
	});
}
