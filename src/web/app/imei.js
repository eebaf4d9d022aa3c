/* SPDX-License-Identifier: MIT */
/* imei: the IMEI view: a number typed or pasted, read as the core reads
 * it (check digit, TAC, what a spreadsheet did to it). */

var imeiTimer = 0;

function row(dl, key, value) {
	if (value === null || value === undefined || value === "")
		return;
	dl.appendChild(el("dt", null, T(key)));
	dl.appendChild(el("dd", null, value));
}

function renderImei() {
	var text = $("i-input").value.split("\n").filter(function (l) { return l.trim(); });
	var out = clear($("i-out")), ids;
	if (!text.length) {
		out.appendChild(el("p", "note", T("page.imei.none")));
		return;
	}
	ids = J("web_imei", L(text.join("\n")));
	ids.forEach(function (d) {
		var box = el("div", "id"), head = el("p"), dl = el("dl");
		head.appendChild(el("span", "input", d.input));
		head.appendChild(document.createTextNode(" "));
		head.appendChild(el("span", d.valid ? "good" : "bad",
		    d.valid ? "✓ " + T("page.imei.valid") : "✗ " + T("page.imei.invalid")));
		box.appendChild(head);
		/* the engine explains in English; another language says the
		 * problem in its own words first, the English detail after */
		var own = lang !== "en" && d.problem ? T("problem." + d.problem) : "";
		if (own && own !== "problem." + d.problem) {
			box.appendChild(el("p", null, own));
			var detail = el("p", "note", d.message);
			detail.lang = "en";
			box.appendChild(detail);
		} else {
			box.appendChild(el("p", null, d.message));
		}
		row(dl, "page.imei.kind", d.kind === "unknown" ? null : d.kind.toUpperCase());
		row(dl, "page.imei.normalized", d.normalized);
		row(dl, "page.imei.tac", d.tac);
		row(dl, "page.imei.serial", d.serial);
		row(dl, d.kind === "imeisv" ? "page.imei.svn" : "page.imei.check_digit", d.check_digit);
		if (d.reporting_body)
			row(dl, "page.imei.reporting_body", d.reporting_body.code + " " +
			    (d.reporting_body.name || T("page.imei.not_allocated")));
		row(dl, "page.imei.model", [d.brand, d.model].filter(Boolean).join(" "));
		box.appendChild(dl);
		out.appendChild(box);
	});
}

/* The IMEI read as it is typed, once typing pauses. */
function wireImei() {
	$("i-input").addEventListener("input", function () {
		clearTimeout(imeiTimer);
		imeiTimer = setTimeout(guard(renderImei), 150);
	});
}
