/* SPDX-License-Identifier: MIT */
/* device: what a phone's own adb output says about who controls it.
 * Reads, line by line and in any mix, the output of
 *   adb shell pm list packages          (installed apps)
 *   adb shell dumpsys device_policy     (device owner, profile owners,
 *                                        device admins, device owner type)
 *   adb shell cmd role get-role-holders android.app.role.FINANCED_DEVICE_KIOSK
 * in the formats of Android's own source (see docs/handover.1, apps), and
 * judges what the combination supports: an app on the phone is not an app
 * in control of it.  Pure: no printing, no files; the caller feeds lines. */
#ifndef HANDOVER_DEVICE_H
#define HANDOVER_DEVICE_H

#include <stddef.h>

#include "kb/kb.h"

#define DEVICE_NAME_MAX 255	/* an Android package name */
#define DEVICE_MAX_OWNERS 8	/* profile owners kept */
#define DEVICE_MAX_ADMINS 32	/* device admins kept */
#define DEVICE_MAX_HOLDERS 8	/* kiosk role holders kept */
#define DEVICE_MAX_FOUND 128	/* known apps kept */
#define DEVICE_MAX_REASONS 160

/* DevicePolicyManager.DEVICE_OWNER_TYPE_*; the dump prints the number. */
enum {
	DEVICE_OWNER_TYPE_UNSEEN = -2,	/* no "Device Owner Type:" line read */
	DEVICE_OWNER_TYPE_NONE = -1,	/* the dump's NO_DEVICE_OWNER */
	DEVICE_OWNER_TYPE_DEFAULT = 0,
	DEVICE_OWNER_TYPE_FINANCED = 1
};

enum device_level { DEVICE_NONE, DEVICE_WEAK, DEVICE_STRONG };

/* What one input line was. */
enum device_line {
	DEVICE_LINE_BLANK,	/* empty or spaces */
	DEVICE_LINE_PACKAGE,	/* a package of the installed-app list */
	DEVICE_LINE_READ,	/* part of a device_policy dump or a role answer */
	DEVICE_LINE_IGNORED	/* none of these */
};

struct device_owner {		/* a device owner or a profile owner */
	char package[DEVICE_NAME_MAX + 1];
	char admin[2 * DEVICE_NAME_MAX + 2];	/* "package/class" */
	long user;		/* -1 when the dump did not say */
	int org_owned;		/* isOrganizationOwnedDevice: 1, 0, -1 not shown */
};

struct device_found {		/* an installed app the kb knows */
	char package[DEVICE_NAME_MAX + 1];
	const struct kb_lock_app *app;	/* borrowed from the kb */
};

/* Reason codes (stable words, a public interface of --json):
 *   financed_device_owner  the device owner type is financed       strong
 *   kiosk_role             a package holds the financed-kiosk role  strong
 *   device_owner           some other package is device owner      strong
 *   org_owned_profile      a work profile on an organisation-owned
 *                          phone                                   strong
 *   profile_owner          a work profile the seller can remove     weak
 *   lock_app_in_control    a known app that is device owner, profile
 *                          owner of an owned phone, or kiosk holder strong
 *   lock_app               a known app, graded as lock-apps.tsv says */
struct device_reason {
	const char *code;
	enum device_level level;
	char package[DEVICE_NAME_MAX + 1];	/* "" when not about a package */
	const struct kb_lock_app *app;	/* the kb row, or NULL */
};

struct device_verdict {
	enum device_level level;	/* the highest of the reasons */
	struct device_reason reasons[DEVICE_MAX_REASONS];
	size_t nreasons;
};

struct device_state {
	const struct kb *kb;	/* borrowed */
	/* what the input held */
	long packages, ignored;	/* package-list lines read and not understood */
	int seen_policy;	/* a device_policy dump was read */
	int seen_role;		/* a kiosk role answer was read */
	int has_device_owner;
	struct device_owner device_owner;
	long owner_type;	/* DEVICE_OWNER_TYPE_* or the number shown */
	struct device_owner profile_owners[DEVICE_MAX_OWNERS];
	size_t nprofile_owners;
	char admins[DEVICE_MAX_ADMINS][2 * DEVICE_NAME_MAX + 2];
	size_t nadmins;
	char holders[DEVICE_MAX_HOLDERS][DEVICE_NAME_MAX + 1];
	size_t nholders;
	struct device_found found[DEVICE_MAX_FOUND];
	size_t nfound;
	long dropped;		/* owners, admins, holders or apps past the caps */
	/* private: where the parser is */
	int mode, section, role_next;
	size_t section_indent;
};

void device_init(struct device_state *s, const struct kb *kb);
/* Reads one line (without its newline).  For a DEVICE_LINE_PACKAGE line,
 * *pkg and *pkg_len (when not NULL) give the name inside line, and *app
 * (when not NULL) the kb row that knows it, or NULL. */
enum device_line device_feed(struct device_state *s, const char *line, size_t n,
    const char **pkg, size_t *pkg_len, const struct kb_lock_app **app);
/* Judges what was read. */
void device_judge(const struct device_state *s, struct device_verdict *v);
/* 1 when the package is the device owner, the profile owner of an
 * organisation-owned phone, or a financed-kiosk role holder. */
int device_in_control(const struct device_state *s, const char *package);
/* An Android package name: two or more dot-separated parts, each a letter
 * followed by letters, digits or underscores. */
int device_is_package(const char *p, size_t n);

#endif
