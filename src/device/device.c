/* SPDX-License-Identifier: MIT */
/* device: reads a phone's package list, device_policy dump and kiosk role
 * answer, and judges who controls the phone.  The formats follow Android's
 * own source: Owners/OwnersData.dump() ("Device Owner: ", "admin=",
 * "package=", "isOrganizationOwnedDevice=", "User ID: ", "Profile Owner
 * (User N): "), DevicePolicyData.dump() ("Enabled Device Admins (User N,
 * provisioningState: M):" then "pkg/.Class:" a line), DeviceStateCacheImpl
 * ("Device Owner Type: N"), and the role shell command (holders joined by
 * ';' on one line, an empty line when there is none). */
#include <stdlib.h>
#include <string.h>

#include "device/device.h"

enum { M_PLAIN, M_POLICY };
enum { S_NONE, S_DEVICE_OWNER, S_PROFILE_OWNER, S_ADMINS };

#define KIOSK_ROLE "android.app.role.FINANCED_DEVICE_KIOSK"

/* ---- small helpers ----------------------------------------------------- */

static int
starts(const char *s, size_t n, const char *lit)
{
	size_t m = strlen(lit);

	return n >= m && memcmp(s, lit, m) == 0;
}

static int
same(const char *s, size_t n, const char *lit)
{
	return n == strlen(lit) && memcmp(s, lit, n) == 0;
}

/* 1 when lit occurs in s[0..n). */
static int
contains(const char *s, size_t n, const char *lit)
{
	size_t m = strlen(lit), i;

	for (i = 0; m <= n && i <= n - m; i++)
		if (memcmp(s + i, lit, m) == 0)
			return 1;
	return 0;
}

/* Copies s[0..n) into dst[cap] with a NUL; 0 when it does not fit. */
static int
copy(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		return 0;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 1;
}

/* A decimal number (an optional '-', then digits) filling s[0..n), in *v;
 * 0 when it is not one or is out of range. */
static int
number(const char *s, size_t n, long *v)
{
	size_t i = 0;
	int neg = 0;
	long x = 0;

	if (n > 0 && s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == n || n - i > 9)
		return 0;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = neg ? -x : x;
	return 1;
}

int
device_is_package(const char *s, size_t n)
{
	size_t i, parts = 1;
	int start = 1;

	if (n == 0 || n > DEVICE_NAME_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

		if (c == '.') {
			if (start)
				return 0;
			start = 1;
			parts++;
		} else if (start) {
			if (!letter)
				return 0;
			start = 0;
		} else if (!letter && !(c >= '0' && c <= '9') && c != '_') {
			return 0;
		}
	}
	return !start && parts >= 2;
}

/* A component "package/class" (class may start with '.' and hold '$'):
 * 1 with the package's length in *plen. */
static int
component(const char *s, size_t n, size_t *plen)
{
	const char *slash = memchr(s, '/', n);
	size_t i;

	if (!slash || !device_is_package(s, (size_t)(slash - s)) || slash + 1 == s + n)
		return 0;
	for (i = (size_t)(slash - s) + 1; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '$'))
			return 0;
	}
	*plen = (size_t)(slash - s);
	return 1;
}

/* ---- the package list --------------------------------------------------- */

/* The package name in a "package:" line: "package:NAME", "package:PATH=NAME"
 * (pm list packages -f), "package:NAME uid:1000" or "installer=..." (-U,
 * -i).  The path may hold '=' too: the last one counts. */
static void
package_field(const char *s, size_t n, const char **p, size_t *len)
{
	size_t i;

	s += 8;
	n -= 8;
	for (i = 0; i < n && s[i] != ' ' && s[i] != '\t'; i++)
		;
	n = i;
	for (i = n; i > 0; i--)
		if (s[i - 1] == '=') {
			s += i;
			n -= i;
			break;
		}
	*p = s;
	*len = n;
}

static const struct kb_lock_app *
remember(struct device_state *s, const char *p, size_t n)
{
	const struct kb_lock_app *a;
	char name[DEVICE_NAME_MAX + 1];
	size_t i;

	s->packages++;
	if (!s->kb || !copy(name, sizeof name, p, n) || !(a = kb_lock_app_find(s->kb, name)))
		return NULL;
	for (i = 0; i < s->nfound; i++)
		if (strcmp(s->found[i].package, name) == 0)
			return a;
	if (s->nfound == DEVICE_MAX_FOUND) {
		s->dropped++;
		return a;
	}
	memcpy(s->found[s->nfound].package, name, n + 1);
	s->found[s->nfound++].app = a;
	return a;
}

/* ---- the device_policy dump --------------------------------------------- */

static struct device_owner *
current_owner(struct device_state *s)
{
	if (s->section == S_DEVICE_OWNER)
		return &s->device_owner;
	if (s->section == S_PROFILE_OWNER && s->nprofile_owners > 0)
		return &s->profile_owners[s->nprofile_owners - 1];
	return NULL;
}

static void
owner_clear(struct device_owner *o)
{
	memset(o, 0, sizeof *o);
	o->user = -1;
	o->org_owned = -1;
}

/* A line inside an owner block: "admin=ComponentInfo{pkg/cls}",
 * "package=pkg", "isOrganizationOwnedDevice=true", "User ID: 0". */
static void
owner_line(struct device_owner *o, const char *c, size_t n)
{
	size_t plen;
	long v;

	if (starts(c, n, "admin=ComponentInfo{") && c[n - 1] == '}') {
		const char *comp = c + 20;
		size_t m = n - 21;

		if (component(comp, m, &plen)) {
			copy(o->admin, sizeof o->admin, comp, m);
			if (!o->package[0])
				copy(o->package, sizeof o->package, comp, plen);
		}
	} else if (starts(c, n, "package=") && device_is_package(c + 8, n - 8)) {
		copy(o->package, sizeof o->package, c + 8, n - 8);
	} else if (same(c, n, "isOrganizationOwnedDevice=true")) {
		o->org_owned = 1;
	} else if (same(c, n, "isOrganizationOwnedDevice=false")) {
		o->org_owned = 0;
	} else if (starts(c, n, "User ID: ") && number(c + 9, n - 9, &v)) {
		o->user = v;
	}
}

/* One line of the dump, content c[0..n) after indent spaces. */
static void
policy_line(struct device_state *s, size_t indent, const char *c, size_t n)
{
	struct device_owner *o;
	size_t plen;
	long v;

	if (same(c, n, "Device Owner:")) {
		s->has_device_owner = 1;
		owner_clear(&s->device_owner);
		s->section = S_DEVICE_OWNER;
		s->section_indent = indent;
		return;
	}
	if (starts(c, n, "Profile Owner (User ") && n > 22 && same(c + n - 2, 2, "):")) {
		if (s->nprofile_owners == DEVICE_MAX_OWNERS) {
			s->dropped++;
			s->section = S_NONE;
			return;
		}
		o = &s->profile_owners[s->nprofile_owners++];
		owner_clear(o);
		if (number(c + 20, n - 22, &v))
			o->user = v;
		s->section = S_PROFILE_OWNER;
		s->section_indent = indent;
		return;
	}
	if (starts(c, n, "Enabled Device Admins (User ")) {
		s->section = S_ADMINS;
		s->section_indent = indent;
		return;
	}
	if (starts(c, n, "Device Owner Type: ") && number(c + 19, n - 19, &v)) {
		s->owner_type = v;
		return;
	}
	if (s->section == S_NONE)
		return;
	if (indent <= s->section_indent) {	/* the block has ended */
		s->section = S_NONE;
		return;
	}
	if ((o = current_owner(s))) {
		owner_line(o, c, n);
	} else if (s->section == S_ADMINS && indent == s->section_indent + 2 && n > 1 &&
	    c[n - 1] == ':' && component(c, n - 1, &plen)) {
		if (s->nadmins == DEVICE_MAX_ADMINS)
			s->dropped++;
		else
			copy(s->admins[s->nadmins++], sizeof s->admins[0], c, n - 1);
	}
}

/* ---- the kiosk role answer ---------------------------------------------- */

/* "pkg" or "pkg1;pkg2": 1 and the holders kept, 0 when it is not such a
 * line (then nothing is kept). */
static int
role_answer(struct device_state *s, const char *c, size_t n)
{
	const char *p = c, *end = c + n;

	while (p < end) {	/* check first, keep after */
		const char *semi = memchr(p, ';', (size_t)(end - p));
		size_t m = semi ? (size_t)(semi - p) : (size_t)(end - p);

		if (!device_is_package(p, m))
			return 0;
		p += m + (semi ? 1 : 0);
	}
	for (p = c; p < end;) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		size_t m = semi ? (size_t)(semi - p) : (size_t)(end - p);

		if (s->nholders == DEVICE_MAX_HOLDERS)
			s->dropped++;
		else
			copy(s->holders[s->nholders++], sizeof s->holders[0], p, m);
		p += m + (semi ? 1 : 0);
	}
	return 1;
}

/* ---- public ------------------------------------------------------------- */

void
device_init(struct device_state *s, const struct kb *kb)
{
	memset(s, 0, sizeof *s);
	s->kb = kb;
	s->owner_type = DEVICE_OWNER_TYPE_UNSEEN;
	owner_clear(&s->device_owner);
}

enum device_line
device_feed(struct device_state *s, const char *line, size_t n, const char **pkg,
    size_t *pkg_len, const struct kb_lock_app **app)
{
	const struct kb_lock_app *a;
	const char *c = line, *p;
	size_t indent = 0, len;

	if (pkg)
		*pkg = NULL;
	if (pkg_len)
		*pkg_len = 0;
	if (app)
		*app = NULL;
	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
		n--;
	while (indent < n && (c[indent] == ' ' || c[indent] == '\t'))
		indent++;
	c += indent;
	n -= indent;

	if (s->role_next) {	/* the line after the role command: its answer */
		s->role_next = 0;
		if (n == 0 || role_answer(s, c, n)) {
			s->seen_role = 1;
			return DEVICE_LINE_READ;
		}
	}
	if (n == 0) {
		if (s->mode == M_POLICY)
			s->section = S_NONE;
		return DEVICE_LINE_BLANK;
	}
	if (contains(c, n, "get-role-holders")) {
		if (!contains(c, n, KIOSK_ROLE))
			return DEVICE_LINE_IGNORED;	/* another role */
		s->role_next = 1;
		s->mode = M_PLAIN;
		return DEVICE_LINE_READ;
	}
	if (same(c, n, "Current Device Policy Manager state:")) {
		s->mode = M_POLICY;
		s->seen_policy = 1;
		s->section = S_NONE;
		return DEVICE_LINE_READ;
	}
	if (starts(c, n, "package:")) {
		package_field(c, n, &p, &len);
		if (!device_is_package(p, len)) {
			s->ignored++;
			return DEVICE_LINE_IGNORED;
		}
		s->mode = M_PLAIN;
	} else if (s->mode == M_POLICY && !(indent == 0 && device_is_package(c, n))) {
		policy_line(s, indent, c, n);
		return DEVICE_LINE_READ;
	} else if (device_is_package(c, n)) {
		s->mode = M_PLAIN;
		p = c;
		len = n;
	} else {
		s->ignored++;
		return DEVICE_LINE_IGNORED;
	}
	a = remember(s, p, len);
	if (pkg)
		*pkg = p;
	if (pkg_len)
		*pkg_len = len;
	if (app)
		*app = a;
	return DEVICE_LINE_PACKAGE;
}

int
device_in_control(const struct device_state *s, const char *package)
{
	size_t i;

	if (s->has_device_owner && strcmp(s->device_owner.package, package) == 0)
		return 1;
	for (i = 0; i < s->nholders; i++)
		if (strcmp(s->holders[i], package) == 0)
			return 1;
	for (i = 0; i < s->nprofile_owners; i++)
		if (s->profile_owners[i].org_owned == 1 &&
		    strcmp(s->profile_owners[i].package, package) == 0)
			return 1;
	return 0;
}

static void
add(struct device_verdict *v, const char *code, enum device_level level, const char *package,
    const struct kb_lock_app *app)
{
	struct device_reason *r;

	if (v->nreasons == DEVICE_MAX_REASONS)
		return;
	r = &v->reasons[v->nreasons++];
	r->code = code;
	r->level = level;
	copy(r->package, sizeof r->package, package, strlen(package));
	r->app = app;
	if (level > v->level)
		v->level = level;
}

void
device_judge(const struct device_state *s, struct device_verdict *v)
{
	const struct kb_lock_app *a;
	size_t i;

	memset(v, 0, sizeof *v);
	v->level = DEVICE_NONE;
	if (s->owner_type == DEVICE_OWNER_TYPE_FINANCED) {
		a = s->kb && s->has_device_owner && s->device_owner.package[0] ?
		    kb_lock_app_find(s->kb, s->device_owner.package) : NULL;
		add(v, "financed_device_owner", DEVICE_STRONG,
		    s->has_device_owner ? s->device_owner.package : "", a);
	}
	for (i = 0; i < s->nholders; i++)
		add(v, "kiosk_role", DEVICE_STRONG, s->holders[i],
		    s->kb ? kb_lock_app_find(s->kb, s->holders[i]) : NULL);
	if (s->has_device_owner && s->owner_type != DEVICE_OWNER_TYPE_FINANCED)
		add(v, "device_owner", DEVICE_STRONG, s->device_owner.package,
		    s->kb && s->device_owner.package[0] ?
		    kb_lock_app_find(s->kb, s->device_owner.package) : NULL);
	for (i = 0; i < s->nprofile_owners; i++) {
		const struct device_owner *o = &s->profile_owners[i];

		add(v, o->org_owned == 1 ? "org_owned_profile" : "profile_owner",
		    o->org_owned == 1 ? DEVICE_STRONG : DEVICE_WEAK, o->package,
		    s->kb && o->package[0] ? kb_lock_app_find(s->kb, o->package) : NULL);
	}
	for (i = 0; i < s->nfound; i++) {
		const struct device_found *f = &s->found[i];

		if (device_in_control(s, f->package))
			add(v, "lock_app_in_control", DEVICE_STRONG, f->package, f->app);
		else
			add(v, "lock_app", strcmp(f->app->strength, "strong") == 0 ?
			    DEVICE_STRONG : DEVICE_WEAK, f->package, f->app);
	}
}
