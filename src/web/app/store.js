/* SPDX-License-Identifier: MIT */
/* store: where checks are kept in the browser (IndexedDB, or this
 * visit's memory when the browser will not keep anything). */

/* IndexedDB when the browser lets the page keep things, else only
 * this visit's memory (the page works, without a history). */
var db = null, memStore = {}, memMeta = {};

function openStore() {
	return new Promise(function (ok) {
		var r;
		try {
			r = indexedDB.open("handover", 1);
		} catch (e) {
			ok(null);
			return;
		}
		r.onupgradeneeded = function () {
			r.result.createObjectStore("checks", { keyPath: "id" });
			r.result.createObjectStore("meta");
		};
		r.onsuccess = function () {
			db = r.result;
			performance.mark("handover-store");
			ok(db);
		};
		r.onerror = r.onblocked = function () { ok(null); };
	});
}

function idb(store, mode, fn) {
	return new Promise(function (ok, no) {
		var t, r;
		try {
			t = db.transaction(store, mode);
			r = fn(t.objectStore(store));
		} catch (e) {
			no(e);
			return;
		}
		t.oncomplete = function () { ok(r && r.result); };
		t.onerror = t.onabort = function () { no(t.error); };
	});
}

var store = {
	put: function (c) {
		if (!db) {
			memStore[c.id] = c;
			return Promise.resolve();
		}
		return idb("checks", "readwrite", function (s) { return s.put(c); });
	},
	get: function (id) {
		if (!db)
			return Promise.resolve(memStore[id]);
		return idb("checks", "readonly", function (s) { return s.get(id); });
	},
	all: function () {
		if (!db)
			return Promise.resolve(Object.keys(memStore).map(function (k) { return memStore[k]; }));
		return idb("checks", "readonly", function (s) { return s.getAll(); });
	},
	del: function (id) {
		if (!db) {
			delete memStore[id];
			return Promise.resolve();
		}
		return idb("checks", "readwrite", function (s) { return s["delete"](id); });
	},
	meta: function (key, value) {
		if (!db) {
			if (value !== undefined)
				memMeta[key] = value;
			return Promise.resolve(memMeta[key]);
		}
		if (value === undefined)
			return idb("meta", "readonly", function (s) { return s.get(key); });
		return idb("meta", "readwrite", function (s) { return s.put(value, key); });
	}
};
