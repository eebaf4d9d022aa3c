/* SPDX-License-Identifier: MIT */
/* verdict: a sealed check's verdict and reasons, and what can be done
 * with it: the record and the bill of sale downloaded, shared or
 * printed, re-check reminders, a re-check. */

var shownRecord = null;

function showVerdict(record) {
	var f = J("web_finished", L(record)), h = $("v-title"), list = clear($("v-reasons"));
	var summary = f.summary.slice(), re = J("web_rechecked", L(record));
	shownRecord = { id: f.id, record: record, failed: f.failed };
	if (re && re.state === "sealed") {
		/* a record that grew: its last re-check's verdict, said as the
		 * terminal's recheck says it */
		f.verdict = re.verdict;
		f.reasons = re.reasons;
		summary = ["recheck.summary." + re.verdict.toLowerCase()];
	}
	h.className = "verdict " + f.verdict;
	h.textContent = T(re && re.state === "sealed" ? "recheck.summary.title" : "summary.title",
	    { verdict: T("verdict." + f.verdict) });
	$("v-summary").textContent = T(summary.shift());
	f.reasons.forEach(function (r) {
		var li = el("li");
		var p = el("p");
		p.appendChild(tag(r.level === "STOP" ? "stop" : "caution"));
		p.appendChild(document.createTextNode(r.text));
		li.appendChild(p);
		if (r.todo)
			li.appendChild(el("p", "todo", r.todo));
		list.appendChild(li);
	});
	$("v-later").textContent = re && re.state === "sealed" ? re.title :
	    summary.map(function (k) { return T(k); }).join(" ");
	sayIn($("v-bill"), f.failed ? "page.verdict.failed_bill" : "page.verdict.bill");
	sayIn($("v-note"), "page.verdict.record_note", { file: f.id + ".record" });
	$("v-share").hidden = !canShare(billFile());
	$("v-share-record").hidden = !canShare(recordFile());
	show("verdict", true);
}

function recordFile() {
	return new File([shownRecord.record], shownRecord.id + ".record", { type: "text/plain" });
}

function billHtml() {
	var html = R("web_export", L(shownRecord.record));
	if (html === null)
		throw new Error(result());
	return html;
}

function billFile() {
	return new File([billHtml()], shownRecord.id + ".html", { type: "text/html" });
}

function canShare(file) {
	try {
		return !!(navigator.canShare && navigator.share && navigator.canShare({ files: [file] }));
	} catch (e) {
		return false;
	}
}

function download(name, text, type) {
	var a = el("a"), url = URL.createObjectURL(new Blob([text], { type: type }));
	a.href = url;
	a.download = name;
	document.body.appendChild(a);
	a.click();
	document.body.removeChild(a);
	setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
}

/* The calendar reminders of a sealed record's re-checks, downloaded. */
function downloadIcs(id, record) {
	var ics = R("web_ics", L(record), clock()[0]);
	if (ics === null)
		throw new Error(result());
	download(id + ".ics", ics, "text/calendar");
}

/* A re-check of a sealed record, or the unfinished one it ends with,
 * asked in the check's question view; the core says which day it is
 * and, too early, what that means. */
function recheck(record) {
	var c = clock(), r = J("web_recheck", L(record), c[0], c[1]);
	shownRecord = null;
	cur = { id: r.view.id, view: r.view, stops: [], photos: 0, record: record, saved: true,
	    recheck: r.title };
	showQuestion(r.view, r.says);
	focusQuestion();
	return store.meta("current", cur.id);
}

function openBill() {
	var a = el("a"), url = URL.createObjectURL(new Blob([billHtml()], { type: "text/html" }));
	a.href = url;
	a.target = "_blank";
	a.rel = "noopener";
	document.body.appendChild(a);
	a.click();
	document.body.removeChild(a);
	setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
}

/* Prints the bill of sale from a frame of this page. */
function printBill() {
	var old = $("print-frame"), f = el("iframe");
	if (old)
		old.parentNode.removeChild(old);
	f.id = "print-frame";
	f.title = T("page.verdict.print");
	f.setAttribute("aria-hidden", "true");
	f.tabIndex = -1;
	f.style.position = "fixed";
	f.style.width = "1px";
	f.style.height = "1px";
	f.style.border = "0";
	f.style.insetInlineStart = "-10px";
	f.onload = function () {
		try {
			f.contentWindow.focus();
			f.contentWindow.print();
		} catch (e) {
			openBill();
		}
	};
	f.srcdoc = billHtml();
	document.body.appendChild(f);
}

/* The verdict's buttons. */
function wireVerdict() {
	$("v-download").addEventListener("click", guard(function () {
		download(shownRecord.id + ".record", shownRecord.record, "text/plain");
		sayIn($("v-note"), "page.verdict.downloaded", { file: shownRecord.id + ".record" });
	}));
	$("v-bill").addEventListener("click", guard(openBill));
	$("v-print").addEventListener("click", guard(printBill));
	$("v-recheck").addEventListener("click", guard(function () {
		return recheck(shownRecord.record);
	}));
	$("v-ics").addEventListener("click", guard(function () {
		downloadIcs(shownRecord.id, shownRecord.record);
	}));
	$("v-share").addEventListener("click", guard(function () {
		return navigator.share({ files: [billFile()], title: shownRecord.id }).catch(function () {});
	}));
	$("v-share-record").addEventListener("click", guard(function () {
		return navigator.share({ files: [recordFile()], title: shownRecord.id }).catch(function () {});
	}));
	$("v-new").addEventListener("click", guard(function () {
		shownRecord = null;
		newCheck();
		focusQuestion();
	}));
}
