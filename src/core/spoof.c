/* spoof.c - words that look like other words, through ICU's spoof checker
 * (uspoof.h), which implements Unicode TR 39: the restriction level of a
 * word (does it mix scripts in a way no language does) and the skeletons
 * of two words (do they look the same).  A checker is made at most once
 * per comparison, when the first word that is not all ASCII is to be
 * checked (compare.c).
 *
 * Also owns loading ICU.  Like libstemmer (stem.c) it is opened with dlopen
 * when the first checker is made, not linked: its data library maps some
 * 30 MiB of address space, which a run under a small `ulimit -v` could not
 * even start with, and most comparisons (all-ASCII texts, the word-diff
 * export) never need it; and a program that has no more words to check
 * may give it back (spoof_release: the command does once the confusable
 * check is done, as ICU's tables would otherwise stay resident beside the
 * findings).  The Makefile names the library by the soname of
 * the one it compiled against (ICU_SONAME); ICU's functions carry its
 * version in their names (uspoof_open_72), which its headers give.
 */
#include "redline/spoof.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unicode/uclean.h>
#include <unicode/uspoof.h>

#ifndef ICU_SONAME
#define ICU_SONAME "libicui18n.so"
#endif

/* The name of ICU's function f in the library: its headers define f as a
 * macro for the name with the version (uspoof_open_72), which this
 * expands before making it a string. */
#define ICU_NAME2(f) #f
#define ICU_NAME(f)  ICU_NAME2(f)

/* ICU's functions, once it is loaded. */
static struct {
	void *lib;
	USpoofChecker *(*open)(UErrorCode *);
	void (*close)(USpoofChecker *);
	void (*set_checks)(USpoofChecker *, int32_t, UErrorCode *);
	void (*set_level)(USpoofChecker *, URestrictionLevel);
	int32_t (*check)(const USpoofChecker *, const char *, int32_t,
	                 int32_t *, UErrorCode *);
	int32_t (*confusable)(const USpoofChecker *, const char *, int32_t,
	                      const char *, int32_t, UErrorCode *);
	void (*cleanup)(void);
	char why[256]; /* why it could not be loaded, if it could not */
} icu;
/* Whether ICU is loaded (icu.lib), and how many checkers are in use: a
 * checker loads it, spoof_release unloads it once none is left. */
static pthread_mutex_t icu_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t icu_users;
static int icu_atexit; /* 1 once icu_unload is set to run at exit */

/* When no checker is in use: ICU gives back the data it keeps for the
 * life of the process (so a leak checker sees every byte returned), then
 * the library is closed.  The caller holds icu_lock, or the process is
 * ending. */
static void
icu_close(void)
{
	if (!icu.lib)
		return;
	icu.cleanup();
	dlclose(icu.lib);
	icu.lib = NULL;
}

/* At exit. */
static void
icu_unload(void)
{
	icu_close();
}

/* ICU loaded, if it is not yet and it will load (icu.why says why not
 * otherwise).  The caller holds icu_lock. */
static void
icu_load(void)
{
	const char *err;

	if (icu.lib)
		return;
	icu.why[0] = '\0';
	icu.lib = dlopen(ICU_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (icu.lib) {
		/* POSIX's way to take a function from dlsym */
		*(void **)&icu.open = dlsym(icu.lib, ICU_NAME(uspoof_open));
		*(void **)&icu.close = dlsym(icu.lib, ICU_NAME(uspoof_close));
		*(void **)&icu.set_checks =
		        dlsym(icu.lib, ICU_NAME(uspoof_setChecks));
		*(void **)&icu.set_level =
		        dlsym(icu.lib, ICU_NAME(uspoof_setRestrictionLevel));
		*(void **)&icu.check =
		        dlsym(icu.lib, ICU_NAME(uspoof_checkUTF8));
		*(void **)&icu.confusable =
		        dlsym(icu.lib, ICU_NAME(uspoof_areConfusableUTF8));
		*(void **)&icu.cleanup = dlsym(icu.lib, ICU_NAME(u_cleanup));
		if (icu.open && icu.close && icu.set_checks && icu.set_level &&
		    icu.check && icu.confusable && icu.cleanup) {
			if (!icu_atexit)
				icu_atexit = atexit(icu_unload) == 0;
			if (icu_atexit)
				return;
		}
	}
	err = dlerror();
	snprintf(icu.why, sizeof icu.why, "%s",
	         err ? err : ICU_SONAME ": not usable");
	if (icu.lib)
		dlclose(icu.lib);
	icu.lib = NULL;
}

void
spoof_release(void)
{
	pthread_mutex_lock(&icu_lock);
	if (!icu_users)
		icu_close();
	pthread_mutex_unlock(&icu_lock);
}

const char *
spoof_load_error(void)
{
	return icu.why[0] ? icu.why : NULL;
}

struct spoof {
	USpoofChecker *mixed; /* restriction level only */
	USpoofChecker *alike; /* confusables */
};

/* Is w[0..n) all ASCII? */
static int
ascii(const unsigned char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] >= 0x80)
			return 0;
	return 1;
}

struct spoof *
spoof_new(void)
{
	UErrorCode e = U_ZERO_ERROR;
	struct spoof *s;

	pthread_mutex_lock(&icu_lock);
	icu_load();
	s = icu.lib ? calloc(1, sizeof *s) : NULL;
	icu_users += s != NULL;
	pthread_mutex_unlock(&icu_lock);
	if (!s)
		return NULL;
	s->mixed = icu.open(&e);
	if (U_SUCCESS(e)) {
		icu.set_checks(s->mixed, USPOOF_RESTRICTION_LEVEL, &e);
		icu.set_level(s->mixed, USPOOF_HIGHLY_RESTRICTIVE);
	}
	if (U_SUCCESS(e))
		s->alike = icu.open(&e);
	if (U_SUCCESS(e))
		icu.set_checks(s->alike, USPOOF_CONFUSABLE, &e);
	if (U_FAILURE(e)) {
		spoof_free(s);
		return NULL;
	}
	return s;
}

void
spoof_free(struct spoof *s)
{
	if (!s)
		return;
	if (s->mixed)
		icu.close(s->mixed);
	if (s->alike)
		icu.close(s->alike);
	free(s);
	pthread_mutex_lock(&icu_lock);
	icu_users--;
	pthread_mutex_unlock(&icu_lock);
}

int
spoof_mixed(struct spoof *s, const unsigned char *w, size_t n)
{
	UErrorCode e = U_ZERO_ERROR;

	if (ascii(w, n) || n > INT32_MAX)
		return 0;
	int32_t r = icu.check(s->mixed, (const char *)w, (int32_t)n, NULL, &e);
	return U_SUCCESS(e) && (r & USPOOF_RESTRICTION_LEVEL) != 0;
}

int
spoof_alike(struct spoof *s, const unsigned char *a, size_t na,
            const unsigned char *b, size_t nb)
{
	UErrorCode e = U_ZERO_ERROR;

	if ((ascii(a, na) && ascii(b, nb)) || na > INT32_MAX || nb > INT32_MAX)
		return 0;
	int32_t r = icu.confusable(s->alike, (const char *)a, (int32_t)na,
	                           (const char *)b, (int32_t)nb, &e);
	return U_SUCCESS(e) && r != 0;
}
