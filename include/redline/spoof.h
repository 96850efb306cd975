/* spoof.h - words that look like other words: Unicode TR 39's
 * mixed-script and confusable checks (ICU's spoof checker). */
#ifndef REDLINE_SPOOF_H
#define REDLINE_SPOOF_H

#include <stddef.h>

struct spoof;

/* A checker, or NULL when memory ran out or ICU could not be loaded (then
 * spoof_load_error says why).  ICU is loaded by the first call. */
struct spoof *spoof_new(void);

/* Why ICU could not be loaded (dlerror's words), or NULL if it was, or was
 * never asked for. */
const char *spoof_load_error(void);

/* Release it.  NULL is fine. */
void spoof_free(struct spoof *s);

/* ICU unloaded, with the memory it keeps, if no checker is in use (the
 * next spoof_new loads it again).  Not while another thread may call
 * spoof_new. */
void spoof_release(void);

/* 1 when the word w[0..n) (valid UTF-8) mixes scripts as no one writes a
 * word (TR 39's highly restrictive level: Latin with Cyrillic or Greek,
 * as in a "Putin" whose t is Cyrillic; Latin with Han and kana, as
 * Japanese is written, passes), else 0.  An ASCII word is never mixed. */
int spoof_mixed(struct spoof *s, const unsigned char *w, size_t n);

/* 1 when the different words a[0..na) and b[0..nb) look alike (their TR 39
 * skeletons are equal: "Putin" and a "Рutin" with a Cyrillic Р), else 0.
 * Two ASCII words are not compared: their difference shows. */
int spoof_alike(struct spoof *s, const unsigned char *a, size_t na,
                const unsigned char *b, size_t nb);

#endif
