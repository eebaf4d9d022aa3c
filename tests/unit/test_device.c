/* SPDX-License-Identifier: MIT */
/* test_device: reading adb output (package list, device_policy dump,
 * kiosk role answer; alone and mixed) and the verdict each combination
 * supports.  The dump lines follow Android's own dump code (OwnersData,
 * DevicePolicyData, DeviceStateCacheImpl) and the role shell command. */
#include <stdlib.h>
#include <string.h>

#include "device/device.h"
#include "harness.h"
#include "kb/blob.h"
#include "kb/kb.h"

static struct kb K;
static struct device_state S;
static struct device_verdict V;

/* Feeds text, split at newlines, then judges. */
static void
feed(const char *text)
{
	const char *p = text;

	device_init(&S, &K);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		device_feed(&S, p, n, NULL, NULL, NULL);
		p += n + (nl ? 1 : 0);
	}
	device_judge(&S, &V);
}

static int
has_reason(const char *code, const char *package, enum device_level level)
{
	size_t i;

	for (i = 0; i < V.nreasons; i++)
		if (strcmp(V.reasons[i].code, code) == 0 &&
		    strcmp(V.reasons[i].package, package) == 0 && V.reasons[i].level == level)
			return 1;
	return 0;
}

static const char DUMP_HEAD[] =
	"Current Device Policy Manager state:\n"
	"  Immutable state:\n"
	"    mHasFeature=true\n"
	"    mSafetyChecker=null\n";

static void
test_package_lines(void)
{
	const char *p;
	size_t n;
	const struct kb_lock_app *a;

	device_init(&S, &K);
	CHECK_INT(device_feed(&S, "package:com.payjoy.access", 25, &p, &n, &a),
	    DEVICE_LINE_PACKAGE);
	CHECK(n == 17 && strncmp(p, "com.payjoy.access", n) == 0 && a != NULL);
	CHECK_INT(device_feed(&S, "package:/data/app/x==/base.apk=com.whatsapp", 43, &p, &n, &a),
	    DEVICE_LINE_PACKAGE);
	CHECK(n == 12 && a == NULL);
	CHECK_INT(device_feed(&S, "com.android.settings\r", 21, NULL, NULL, NULL),
	    DEVICE_LINE_PACKAGE);
	CHECK_INT(device_feed(&S, "   ", 3, NULL, NULL, NULL), DEVICE_LINE_BLANK);
	CHECK_INT(device_feed(&S, "hello world", 11, NULL, NULL, NULL), DEVICE_LINE_IGNORED);
	CHECK_INT(device_feed(&S, "package:", 8, NULL, NULL, NULL), DEVICE_LINE_IGNORED);
	CHECK_INT(S.packages, 3);
	CHECK_INT(S.ignored, 2);
	/* the same known package twice is kept once */
	device_feed(&S, "package:com.payjoy.access", 25, NULL, NULL, NULL);
	CHECK_INT(S.nfound, 1);
	CHECK(device_is_package("a.b", 3));
	CHECK(!device_is_package("a..b", 4));
	CHECK(!device_is_package("ab", 2));
	CHECK(!device_is_package("1a.b", 4));
}

/* A weak, possibly preinstalled app alone stays weak. */
static void
test_weak_alone(void)
{
	feed("package:com.trustonic.telecoms.standard.dlc\npackage:com.android.chrome\n");
	CHECK_INT(V.level, DEVICE_WEAK);
	CHECK(has_reason("lock_app", "com.trustonic.telecoms.standard.dlc", DEVICE_WEAK));
	feed("package:com.whatsapp\n");
	CHECK_INT(V.level, DEVICE_NONE);
	CHECK_INT(V.nreasons, 0);
}

/* The same app as the device owner, of the financed type, is strong. */
static void
test_financed_owner(void)
{
	char buf[2048];

	snprintf(buf, sizeof buf, "%s"
	    "  Device Owner: \n"
	    "    admin=ComponentInfo{com.payjoy.access/com.payjoy.access.AdminReceiver}\n"
	    "    package=com.payjoy.access\n"
	    "    isOrganizationOwnedDevice=true\n"
	    "    User ID: 0\n"
	    "  \n"
	    "  Enabled Device Admins (User 0, provisioningState: 3):\n"
	    "    com.payjoy.access/.AdminReceiver:\n"
	    "      uid=10187\n"
	    "      policies:\n"
	    "        wipe-data\n"
	    "\n"
	    "Device state cache:\n"
	    "  Device provisioned: true\n"
	    "  Device Owner Type: 1\n"
	    "  Has PO:\n"
	    "package:com.payjoy.access\n", DUMP_HEAD);
	feed(buf);
	CHECK(S.seen_policy);
	CHECK(S.has_device_owner);
	CHECK_STR(S.device_owner.package, "com.payjoy.access");
	CHECK_STR(S.device_owner.admin, "com.payjoy.access/com.payjoy.access.AdminReceiver");
	CHECK_INT(S.device_owner.user, 0);
	CHECK_INT(S.device_owner.org_owned, 1);
	CHECK_INT(S.owner_type, DEVICE_OWNER_TYPE_FINANCED);
	CHECK_INT(S.nadmins, 1);
	CHECK_STR(S.admins[0], "com.payjoy.access/.AdminReceiver");
	CHECK_INT(S.packages, 1);
	CHECK_INT(V.level, DEVICE_STRONG);
	CHECK(has_reason("financed_device_owner", "com.payjoy.access", DEVICE_STRONG));
	CHECK(has_reason("lock_app_in_control", "com.payjoy.access", DEVICE_STRONG));
	CHECK(!has_reason("device_owner", "com.payjoy.access", DEVICE_STRONG));
}

/* An organisation's device owner (type default) is strong too; a clean
 * dump (no owner, type -1) adds nothing. */
static void
test_other_owners(void)
{
	char buf[2048];

	snprintf(buf, sizeof buf, "%s"
	    "  Device Owner: \n"
	    "    admin=ComponentInfo{com.google.android.apps.work.clouddpc/.receivers.R}\n"
	    "    name=\n"
	    "    package=com.google.android.apps.work.clouddpc\n"
	    "    User ID: 0\n"
	    "\n"
	    "Device state cache:\n"
	    "  Device Owner Type: 0\n", DUMP_HEAD);
	feed(buf);
	CHECK_INT(S.owner_type, DEVICE_OWNER_TYPE_DEFAULT);
	CHECK_INT(S.device_owner.org_owned, -1);
	CHECK_INT(V.level, DEVICE_STRONG);
	CHECK(has_reason("device_owner", "com.google.android.apps.work.clouddpc", DEVICE_STRONG));

	snprintf(buf, sizeof buf, "%s"
	    "  Profile Owner (User 10): \n"
	    "    admin=ComponentInfo{com.example.mdm/com.example.mdm.R}\n"
	    "    package=com.example.mdm\n"
	    "    isOrganizationOwnedDevice=false\n"
	    "  \n"
	    "  Profile Owner (User 11): \n"
	    "    admin=ComponentInfo{com.example.cope/com.example.cope.R}\n"
	    "    isOrganizationOwnedDevice=true\n"
	    "\n"
	    "Device state cache:\n"
	    "  Device Owner Type: -1\n", DUMP_HEAD);
	feed(buf);
	CHECK(!S.has_device_owner);
	CHECK_INT(S.nprofile_owners, 2);
	CHECK_INT(S.profile_owners[0].user, 10);
	CHECK_STR(S.profile_owners[0].package, "com.example.mdm");
	CHECK_STR(S.profile_owners[1].package, "com.example.cope");	/* from admin= */
	CHECK(has_reason("profile_owner", "com.example.mdm", DEVICE_WEAK));
	CHECK(has_reason("org_owned_profile", "com.example.cope", DEVICE_STRONG));
	CHECK_INT(V.level, DEVICE_STRONG);

	snprintf(buf, sizeof buf, "%s\nDevice state cache:\n  Device Owner Type: -1\n", DUMP_HEAD);
	feed(buf);
	CHECK(S.seen_policy && !S.has_device_owner);
	CHECK_INT(S.owner_type, DEVICE_OWNER_TYPE_NONE);
	CHECK_INT(V.level, DEVICE_NONE);
}

/* The role answer: the line after the command; empty means no holder. */
static void
test_role(void)
{
	feed("package:com.trustonic.telecoms.standard.dlc\n"
	    "$ adb shell cmd role get-role-holders android.app.role.FINANCED_DEVICE_KIOSK\n"
	    "com.trustonic.telecoms.standard.dlc;com.example.kiosk\n");
	CHECK(S.seen_role);
	CHECK_INT(S.nholders, 2);
	CHECK_INT(V.level, DEVICE_STRONG);
	CHECK(has_reason("kiosk_role", "com.example.kiosk", DEVICE_STRONG));
	CHECK(has_reason("lock_app_in_control", "com.trustonic.telecoms.standard.dlc",
	    DEVICE_STRONG));

	feed("cmd role get-role-holders android.app.role.FINANCED_DEVICE_KIOSK\n\n"
	    "package:com.samsung.android.kgclient\n");
	CHECK(S.seen_role);
	CHECK_INT(S.nholders, 0);
	CHECK_INT(V.level, DEVICE_WEAK);

	/* another role is not read as the kiosk role */
	feed("cmd role get-role-holders android.app.role.SMS\ncom.google.android.apps.messaging\n");
	CHECK(!S.seen_role);
	CHECK_INT(S.nholders, 0);
	CHECK_INT(S.packages, 1);

	/* a command with no answer line after it: an error text is not a holder */
	feed("cmd role get-role-holders android.app.role.FINANCED_DEVICE_KIOSK\n"
	    "Error: see logcat for details.\n");
	CHECK(!S.seen_role);
	CHECK_INT(S.nholders, 0);
}

/* Parts in any order; the caps hold. */
static void
test_mixed_and_caps(void)
{
	char *buf;
	size_t i, off = 0, cap = 64 * 1024;

	feed("Current Device Policy Manager state:\n"
	    "  Enabled Device Admins (User 0, provisioningState: 0):\n"
	    "    com.samsung.android.kgclient/.receiver.KGDeviceAdminReceiver:\n"
	    "      uid=1000\n"
	    "com.android.chrome\n"
	    "package:com.samsung.android.kgclient\n");
	CHECK_INT(S.nadmins, 1);
	CHECK_INT(S.packages, 2);	/* a bare name at column 0 ends the dump */
	CHECK_INT(V.level, DEVICE_WEAK);

	buf = malloc(cap);
	CHECK(buf != NULL);
	if (!buf)
		return;
	off += (size_t)snprintf(buf + off, cap - off,
	    "Current Device Policy Manager state:\n");
	for (i = 0; i < DEVICE_MAX_OWNERS + 3; i++)
		off += (size_t)snprintf(buf + off, cap - off,
		    "  Profile Owner (User %zu): \n    package=com.example.p%zu\n", i + 10, i);
	off += (size_t)snprintf(buf + off, cap - off,
	    "  Enabled Device Admins (User 0, provisioningState: 0):\n");
	for (i = 0; i < DEVICE_MAX_ADMINS + 5; i++)
		off += (size_t)snprintf(buf + off, cap - off, "    com.example.a%zu/.R:\n", i);
	feed(buf);
	CHECK_INT(S.nprofile_owners, DEVICE_MAX_OWNERS);
	CHECK_INT(S.nadmins, DEVICE_MAX_ADMINS);
	CHECK_INT(S.dropped, 8);
	free(buf);
}

int
main(void)
{
	struct error e;

	memset(&e, 0, sizeof e);
	if (kb_load(&K, blob_get, NULL, &e) != 0) {
		printf("cannot load the kb: %s\n", e.msg);
		return 1;
	}
	RUN(test_package_lines);
	RUN(test_weak_alone);
	RUN(test_financed_owner);
	RUN(test_other_owners);
	RUN(test_role);
	RUN(test_mixed_and_caps);
	kb_release(&K);
	return h_done();
}
