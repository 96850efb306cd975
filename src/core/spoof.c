/* spoof.c - words that look like other words, through ICU's spoof checker
 * (uspoof.h), which implements Unicode TR 39: the restriction level of a
 * word (does it mix scripts in a way no language does) and the skeletons
 * of two words (do they look the same).  The checker is opened once per
 * comparison, only when a text holds a word that is not ASCII.
 */
#include "redline/spoof.h"

#include <pthread.h>
#include <stdlib.h>
#include <unicode/uclean.h>
#include <unicode/uspoof.h>

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

/* ICU keeps the data it loads for the life of the process; give it back at
 * exit, when no checker is in use any more, so that a leak checker sees
 * every byte returned. */
static void
release_icu(void)
{
	u_cleanup();
}

static void
register_release(void)
{
	atexit(release_icu);
}

struct spoof *
spoof_new(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	UErrorCode e = U_ZERO_ERROR;
	struct spoof *s;

	pthread_once(&once, register_release);
	s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->mixed = uspoof_open(&e);
	if (U_SUCCESS(e)) {
		uspoof_setChecks(s->mixed, USPOOF_RESTRICTION_LEVEL, &e);
		uspoof_setRestrictionLevel(s->mixed, USPOOF_HIGHLY_RESTRICTIVE);
	}
	if (U_SUCCESS(e))
		s->alike = uspoof_open(&e);
	if (U_SUCCESS(e))
		uspoof_setChecks(s->alike, USPOOF_CONFUSABLE, &e);
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
		uspoof_close(s->mixed);
	if (s->alike)
		uspoof_close(s->alike);
	free(s);
}

int
spoof_mixed(struct spoof *s, const unsigned char *w, size_t n)
{
	UErrorCode e = U_ZERO_ERROR;

	if (ascii(w, n) || n > INT32_MAX)
		return 0;
	int32_t r = uspoof_checkUTF8(s->mixed, (const char *)w, (int32_t)n,
	                             NULL, &e);
	return U_SUCCESS(e) && (r & USPOOF_RESTRICTION_LEVEL) != 0;
}

int
spoof_alike(struct spoof *s, const unsigned char *a, size_t na,
            const unsigned char *b, size_t nb)
{
	UErrorCode e = U_ZERO_ERROR;

	if ((ascii(a, na) && ascii(b, nb)) || na > INT32_MAX || nb > INT32_MAX)
		return 0;
	int32_t r =
	        uspoof_areConfusableUTF8(s->alike, (const char *)a, (int32_t)na,
	                                 (const char *)b, (int32_t)nb, &e);
	return U_SUCCESS(e) && r != 0;
}
