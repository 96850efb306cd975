/* main.c - the redline command: inputs, comparison, viewer or export, exit
 * status.
 *
 * Owns the run that options.c has parsed: loading the files (with one
 * message per problem, always "redline: what: problem"), comparing them
 * (one pair, or the overview of several rewrites), the choice between the
 * viewer and an export, and diff(1)'s exit status (0 same, 1 different,
 * 2 trouble).  The work itself is the core's.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "color.h"
#include "heap.h"
#include "msg.h"
#include "options.h"
#include "output.h"
#include "redline/overview.h"
#include "redline/palette.h"
#include "redline/spoof.h"
#include "redline/stem.h"

#define EXIT_SAME      0
#define EXIT_DIFFERENT 1
#define EXIT_TROUBLE   2

/* The columns of a plain export written from the viewer (the e key): the
 * screen's width says nothing about the file's reader. */
#define VIEWER_EXPORT_WIDTH 100

/* What one run compares: two texts, or one official text and several
 * rewrites (several set). */
struct run {
	const struct options *opt;
	struct text *texts; /* opt->nfiles of them, loaded ones first */
	const struct text **inputs;
	const struct text **rewrites; /* the rewrites compared: inputs but
	                                 the official one and any that is
	                                 the official text itself */
	size_t nrewrites;
	int loaded;
	int several;
	struct cmp cmp;     /* one pair */
	struct overview ov; /* several rewrites */
};

/* The standard descriptors (bit 0 input, 1 output, 2 error) that were
 * closed when the program started; /dev/null stands in for them. */
static unsigned std_closed;

/* Put /dev/null on each of descriptors 0 to 2 that is closed, so that no
 * file the run opens takes its number (an input read as '-', an output
 * file receiving messages), and note which were. */
static void
fill_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		std_closed |= 1u << fd;
		int n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
		if (n >= 0 && n != fd) {
			dup2(n, fd);
			close(n);
		}
	}
}

static void
on_fatal_signal(int sig)
{
	output_signal_cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
setup_signals(void)
{
	/* every signal whose default action ends the process (but those
	 * that report a bug in it, like SIGSEGV): the temporary file of an
	 * -o write is removed first */
	static const int fatal[] = {SIGINT,  SIGTERM, SIGHUP,  SIGQUIT,
	                            SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
	                            SIGPROF, SIGXCPU};
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
	/* A file grown past the size limit (ulimit -f) is reported as a
	 * write error (exit 2), not a silent death; a closed pipe on
	 * standard output (a reader that stopped) ends the export quietly
	 * with the comparison's status (export()), and on a file is a
	 * write error. */
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN);
}

static int
terminal_width(void)
{
	struct winsize ws;
	const char *env;

	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	env = getenv("COLUMNS");
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);
		if (*end == '\0' && v >= WIDTH_MIN && v <= WIDTH_MAX)
			return (int)v;
	}
	return WIDTH_DEFAULT;
}

/* How many colours the terminal of a coloured export shows, as an
 * export_opt tint: 2 direct colour (COLORTERM truecolor or 24bit, or a
 * -direct TERM), 1 256 colours (a TERM with 256color), 0 the eight basic
 * ones. */
static int
color_depth(void)
{
	const char *ct = getenv("COLORTERM"), *term = getenv("TERM");

	if ((ct &&
	     (strcmp(ct, "truecolor") == 0 || strcmp(ct, "24bit") == 0)) ||
	    (term && strstr(term, "direct")))
		return 2;
	return term && strstr(term, "256color") ? 1 : 0;
}

static const char *
shown_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "standard input" : path;
}

static int
load(struct text *t, const char *path, unsigned flags)
{
	struct text_where where;
	enum text_error err = text_load(t, path, flags, &where);
	const char *shown = shown_name(path);

	switch (err) {
	case TEXT_OK:
		if (t->html && t->len == 0)
			warnx("%s: no text found in the HTML page", shown);
		if (t->invalid)
			warnx("%s: %zu bytes of invalid UTF-8 shown as U+FFFD",
			      shown, t->invalid);
		return 0;
	case TEXT_ERR_OPEN:
	case TEXT_ERR_READ:
		warnx("%s: %s: %s", shown, text_strerror(err), strerror(errno));
		break;
	case TEXT_ERR_BINARY:
		warnx("%s: binary file (NUL byte at offset %zu); use --text to "
		      "compare it anyway",
		      shown, where.offset);
		break;
	case TEXT_ERR_UTF8:
		warnx("%s: not valid UTF-8 (byte offset %zu, line %zu); use "
		      "--text to compare it anyway",
		      shown, where.offset, where.line);
		break;
	case TEXT_ERR_NOMEM: /* the machine's trouble, not the file's */
		warnx("out of memory reading %s", shown);
		break;
	case TEXT_ERR_CHARSET:
		warnx("%s: the page's character set '%s' is unknown; convert "
		      "it to UTF-8 first (iconv)",
		      shown, where.charset);
		break;
	default:
		warnx("%s: %s", shown, text_strerror(err));
		break;
	}
	return -1;
}

/* One pair's export in fmt (FMT_TEXT for any format without its own). */
static int
export_pair(const struct cmp *c, enum format fmt, const struct export_opt *eo,
            FILE *f)
{
	switch (fmt) {
	case FMT_WDIFF:
		return export_wdiff(c, eo, f);
	case FMT_STATS:
		return export_stats(c, eo, f);
	case FMT_JSON:
		return export_json(c, eo, f);
	case FMT_PLAIN:
		return export_plain(c, eo, f);
	case FMT_HTML:
		return export_html(c, eo, f);
	default:
		return export_report(c, eo, f);
	}
}

/* Several rewrites: the summary, the overview's JSON, or a pair format for
 * every pair in turn, each after a header line naming the two files. */
static int
export_several(const struct overview *ov, enum format fmt,
               const struct export_opt *eo, FILE *f)
{
	size_t *order;
	int rc;

	if (fmt == FMT_JSON)
		return export_json_overview(ov, eo, f);
	if (fmt == FMT_SUMMARY || fmt == FMT_HTML) {
		order = calloc(ov->n + 1, sizeof *order);
		if (!order)
			return -1;
		ov_sort(ov, OV_BY_INPUT, 0, order);
		rc = fmt == FMT_HTML ? export_html_overview(ov, order, eo, f)
		                     : export_summary(ov, order, eo, f);
		free(order);
		return rc;
	}
	for (size_t j = 0; j < ov->n; j++) {
		if (fputs(j ? "\n==> " : "==> ", f) == EOF ||
		    export_name(f, ov->official->name) < 0 ||
		    fputs(" <=> ", f) == EOF ||
		    export_name(f, ov->r[j].text->name) < 0 ||
		    fputs(" <==\n", f) == EOF ||
		    export_pair(&ov->r[j].cmp, fmt, eo, f) < 0)
			return -1;
	}
	return 0;
}

/* Every input of the run, which an export from the viewer never writes
 * over (the official text left out of its own rewrites among them): set
 * by view(). */
static const struct text *const *viewer_inputs;
static int viewer_ninputs;

/* The viewer's e key, in the pair viewer (c) or the overview (ov): write
 * the export in format to path, atomically, the bytes the command line
 * writes off a terminal (the text report and the summary at 80 columns;
 * the plain columns at VIEWER_EXPORT_WIDTH).  0, or -1 with a message in
 * msg. */
static int
viewer_export(const struct cmp *c, const struct overview *ov, const char *path,
              const char *format, char *msg, size_t msglen)
{
	struct export_opt eo = {VIEWER_EXPORT_WIDTH, 0, 0, 0, 0, 0};
	enum format fmt;
	struct output out;
	int rc;

	if (format_parse(format, &fmt) < 0) {
		snprintf(msg, msglen, "unknown format '%s'", format);
		return -1;
	}
	if (fmt == FMT_TEXT || fmt == FMT_DEFAULT || fmt == FMT_SUMMARY)
		eo.width = WIDTH_DEFAULT; /* as the report off a terminal */
	if (output_open(&out, path, viewer_inputs, viewer_ninputs, msg,
	                msglen) < 0)
		return -1;
	if (isatty(fileno(out.f))) {
		/* "-", /dev/tty and the like: the viewer's own screen */
		snprintf(msg, msglen,
		         "%s: is a terminal; export to a file instead", path);
		output_abort(&out);
		return -1;
	}
	errno = 0;
	rc = ov ? export_several(ov, fmt, &eo, out.f)
	        : export_pair(c, fmt, &eo, out.f);
	if (rc < 0) {
		snprintf(msg, msglen, "%s: write error: %s", path,
		         strerror(errno ? errno : EIO));
		output_abort(&out);
		return -1;
	}
	return output_commit(&out, msg, msglen);
}

/* The pair viewer's e key (tui_export_fn). */
static int
export_to(const struct cmp *c, const char *path, const char *format, char *msg,
          size_t msglen)
{
	return viewer_export(c, NULL, path, format, msg, msglen);
}

/* The overview's e key (tui_export_overview_fn). */
static int
export_overview_to(const struct overview *ov, const char *path,
                   const char *format, char *msg, size_t msglen)
{
	return viewer_export(NULL, ov, path, format, msg, msglen);
}

/* The bytes the run will read from files[0..n): SIZE_MAX when one is
 * standard input or not a regular file (its size is not known). */
static size_t
input_bytes(int n, char **files)
{
	size_t sum = 0;
	for (int i = 0; i < n; i++) {
		struct stat st;
		if (strcmp(files[i], "-") == 0 || stat(files[i], &st) != 0 ||
		    !S_ISREG(st.st_mode) ||
		    (uintmax_t)st.st_size > SIZE_MAX - sum)
			return SIZE_MAX;
		sum += (size_t)st.st_size;
	}
	return sum;
}

/* What the operand path is: its file's identity in *st (standard input's
 * for "-"); -1 when it cannot be known (loading will say why). */
static int
identify(const char *path, struct stat *st)
{
	return strcmp(path, "-") == 0 ? fstat(STDIN_FILENO, st)
	                              : stat(path, st);
}

/* Refuse what cannot be read as asked: standard input when it was closed
 * (under any of its names), and one pipe or socket given twice, or
 * standard input under two names ('-' and /dev/stdin), which can be read
 * only once.  0, or -1 after a message. */
static int
check_inputs(int n, char **files)
{
	struct stat in, *st = calloc((size_t)n, sizeof *st);
	char *known = calloc((size_t)n, 1);
	int rc = 0, have_in = fstat(STDIN_FILENO, &in) == 0;

	if (!st || !known) {
		free(st);
		free(known);
		warnx("out of memory");
		return -1;
	}
	for (int i = 0; i < n && rc == 0; i++) {
		known[i] = identify(files[i], &st[i]) == 0;
		int is_in = strcmp(files[i], "-") == 0 ||
		            (known[i] && have_in && st[i].st_dev == in.st_dev &&
		             st[i].st_ino == in.st_ino &&
		             strcmp(files[i], "/dev/null") != 0);
		if ((std_closed & 1u) && is_in) {
			warnx("%s: standard input is closed", files[i]);
			rc = -1;
			break;
		}
		for (int j = 0; j < i && known[i]; j++)
			if (known[j] && st[j].st_dev == st[i].st_dev &&
			    st[j].st_ino == st[i].st_ino &&
			    !S_ISREG(st[i].st_mode) &&
			    (S_ISFIFO(st[i].st_mode) ||
			     S_ISSOCK(st[i].st_mode) ||
			     strcmp(files[i], "-") == 0 ||
			     strcmp(files[j], "-") == 0)) {
				warnx("%s and %s: the same pipe or device, "
				      "which can be read only once",
				      shown_name(files[j]),
				      shown_name(files[i]));
				rc = -1;
				break;
			}
	}
	free(st);
	free(known);
	return rc;
}

/* Is text t the official text o itself: the same file, or the same bytes? */
static int
same_text(const struct text *t, const struct text *o)
{
	return (t->has_id && o->has_id && t->dev == o->dev &&
	        t->ino == o->ino) ||
	       (t->len == o->len && t->html == o->html &&
	        memcmp(t->buf, o->buf, t->len) == 0);
}

/* r->rewrites: of several rewrites, those that are not the official text
 * itself (`redline STATEMENT *.txt` names the statement again), each
 * left out with a note; one left is compared as a pair (but for a summary
 * asked for).  With one rewrite, or when every one is the official text,
 * the first is compared whatever it is.  0, or -1 after a message. */
static int
pick_rewrites(struct run *r)
{
	const struct options *o = r->opt;
	size_t n = 0, others = 0;

	r->rewrites = calloc((size_t)o->nfiles, sizeof *r->rewrites);
	if (!r->rewrites) {
		warnx("out of memory");
		return -1;
	}
	for (int j = 1; j < o->nfiles; j++)
		others += !same_text(r->inputs[j], r->inputs[0]);
	for (int j = 1; j < o->nfiles; j++) {
		if (r->several && others &&
		    same_text(r->inputs[j], r->inputs[0]))
			warnx("%s: the official text itself; left out of the "
			      "rewrites",
			      shown_name(o->files[j]));
		else if (others || n == 0)
			r->rewrites[n++] = r->inputs[j];
	}
	r->nrewrites = n;
	if (n == 1 && o->fmt != FMT_SUMMARY)
		r->several = 0;
	return 0;
}

/* What run_traced returns when the trace could not be written. */
enum { TRACE_FAILED = -100 };

/* One line of the trace (align_opt.link_trace): the sentence's bytes,
 * the rules' decision, the probability, the features; whole, when the
 * overview's threads write at once. */
static void
trace_line(void *arg, size_t start, size_t end, int linked, double p,
           const double *f, size_t nf)
{
	FILE *out = arg;

	flockfile(out);
	fprintf(out, "%zu\t%zu\t%d\t%.6f", start, end, linked, p);
	for (size_t i = 0; i < nf; i++)
		fprintf(out, "\t%.6g", f[i]);
	putc('\n', out);
	funlockfile(out);
}

/* The comparison itself, with the learned verdict's trace written to the
 * file $REDLINE_LINK_TRACE names when it is set (for tests/eval/learn.py:
 * written whole or not at all, never over an input).  0, a CMP_ERR_*
 * code, or TRACE_FAILED after a message about the trace. */
static int
run_traced(struct run *r, struct cmp_opt *copt)
{
	const char *path = getenv("REDLINE_LINK_TRACE");
	struct output trace;
	char err[MSG_MAX];
	int c;

	if (path && *path) {
		if (output_open(&trace, path, r->inputs, r->opt->nfiles, err,
		                sizeof err) < 0) {
			warnx("REDLINE_LINK_TRACE: %s", err);
			return TRACE_FAILED;
		}
		copt->link_trace = trace_line;
		copt->trace_arg = trace.f;
	}
	c = r->several ? ov_run(&r->ov, r->inputs[0], r->rewrites, r->nrewrites,
	                        copt, 0)
	               : cmp_run(&r->cmp, r->inputs[0], r->rewrites[0], copt);
	if (!copt->trace_arg)
		return c;
	if (c < 0 || ferror(trace.f)) {
		output_abort(&trace);
		if (c == 0)
			warnx("REDLINE_LINK_TRACE: %s: write error", path);
		return c < 0 ? c : TRACE_FAILED;
	}
	if (output_commit(&trace, err, sizeof err) < 0) {
		warnx("REDLINE_LINK_TRACE: %s", err);
		return TRACE_FAILED;
	}
	return 0;
}

/* Load every file and compare: 0, or -1 after a message. */
static int
compare(struct run *r)
{
	const struct options *o = r->opt;
	struct cmp_opt copt = o->cmp;
	int c;

	r->texts = calloc((size_t)o->nfiles, sizeof *r->texts);
	r->inputs = calloc((size_t)o->nfiles, sizeof *r->inputs);
	if (!r->texts || !r->inputs) {
		warnx("out of memory");
		return -1;
	}
	if (check_inputs(o->nfiles, o->files) < 0)
		return -1;
	for (; r->loaded < o->nfiles; r->loaded++) {
		if (load(&r->texts[r->loaded], o->files[r->loaded],
		         o->loadflags) < 0)
			return -1;
		r->inputs[r->loaded] = &r->texts[r->loaded];
	}
	/* the word-diff export needs no sentence alignment, with one rewrite
	 * or several (each pair's word diff, one after another); and the word
	 * diff of the whole texts is shown only by that export, the stats
	 * and the viewer (its raw mode, its own exports) */
	copt.words_only = o->fmt == FMT_WDIFF;
	int viewer =
	        o->fmt == FMT_DEFAULT && !o->outpath && isatty(STDOUT_FILENO);
	copt.no_whole_diff =
	        !viewer && o->fmt != FMT_WDIFF && o->fmt != FMT_STATS;
	if (pick_rewrites(r) < 0)
		return -1;
	/* the aligner's working memory, freed, back to the system before
	 * the passages and findings are built (heap.c keeps it otherwise) */
	copt.after_align = heap_release;
	/* and ICU, loaded for the confusable check alone, unloaded once
	 * that is done (its tables are some 3 MB resident) */
	copt.after_marks = spoof_release;
	c = run_traced(r, &copt);
	if (c == TRACE_FAILED)
		return -1;
	if (c == CMP_ERR_STEMMER) {
		const char *why = stem_load_error();
		if (why)
			warnx("cannot load the Snowball stemmer: %s", why);
		else
			warnx("--language: no Snowball stemmer for '%s'",
			      copt.language ? copt.language
			                    : CMP_LANGUAGE_DEFAULT);
		return -1;
	}
	if (c == CMP_ERR_ICU) {
		warnx("cannot load ICU, which checks for confusable words: %s",
		      spoof_load_error());
		return -1;
	}
	if (c < 0) {
		if (r->several)
			warnx("out of memory comparing %d files", o->nfiles);
		else
			warnx("out of memory comparing %s and %s",
			      r->texts[0].name, r->texts[1].name);
		return -1;
	}
	return 0;
}

/* On a terminal, with no export asked for: the viewer.  1 when it ran
 * (the run is over), 0 when the export should follow (no terminal to
 * use, after saying why), -1 after a message. */
static int
view(struct run *r)
{
	struct tui_opt topt = r->opt->tui;
	const char *why;
	int c;

	if (r->opt->fmt != FMT_DEFAULT || r->opt->outpath ||
	    !isatty(STDOUT_FILENO))
		return 0;
	topt.export_to = export_to;
	topt.export_overview = export_overview_to;
	viewer_inputs = r->inputs;
	viewer_ninputs = r->opt->nfiles;
	topt.inputs = r->inputs;
	topt.ninputs = (size_t)r->opt->nfiles;
	c = r->several ? tui_overview(&r->ov, &topt, &why)
	               : tui_run(&r->cmp, &topt, &why);
	if (c == TUI_DONE)
		return 1;
	if (c == TUI_FAILED) {
		warnx("%s", why);
		return -1;
	}
	warnx("%s; printing the %s instead", why,
	      r->several ? "summary" : "text report");
	return 0;
}

/* The export asked for (or the default one) to -o or standard output:
 * 0, or -1 after a message. */
static int export(struct run *r)
{
	const struct options *o = r->opt;
	enum format fmt = o->fmt;
	struct export_opt eo = o->exp;
	struct output out;
	char err[MSG_MAX];
	int c;

	if (fmt == FMT_DEFAULT)
		fmt = r->several ? FMT_SUMMARY : FMT_TEXT;
	if (o->nowrap)
		eo.width = fmt == FMT_TEXT ? 0 : WIDTH_DEFAULT;
	else if (!eo.width)
		eo.width = terminal_width();
	if (output_open(&out, o->outpath, r->inputs, o->nfiles, err,
	                sizeof err) < 0) {
		warnx("%s", err);
		return -1;
	}
	if (!out.target && (std_closed & 2u)) {
		warnx("standard output: write error: %s", strerror(EBADF));
		return -1;
	}
	/* decided on the file opened, not on -o: "-", /dev/tty,
	 * /dev/stdout or /proc/self/fd/1 may all be the terminal */
	eo.visible = isatty(fileno(out.f));
	/* coloured output is for a terminal: cleaned as for one */
	eo.color = color_wanted(o->tui.color, eo.visible);
	eo.tint = eo.color ? color_depth() : 0;
	/* (the terminal is not asked for its background here: only the
	 * viewer, which owns the terminal, does) */
	eo.theme = (int)palette_pick(o->tui.theme, getenv("REDLINE_THEME"),
	                             getenv("COLORFGBG"), -1);
	eo.visible |= eo.color;
	errno = 0;
	c = r->several ? export_several(&r->ov, fmt, &eo, out.f)
	               : export_pair(&r->cmp, fmt, &eo, out.f);
	/* a reader that stopped reading (| head, q in less) is no trouble:
	 * quiet, and the status says what the comparison found, as diff's
	 * does */
	if (c < 0 && !out.target && errno == EPIPE)
		return 0;
	if (c < 0) {
		warnx("%s: write error: %s",
		      o->outpath ? o->outpath : "standard output",
		      strerror(errno ? errno : EIO));
		output_abort(&out);
		return -1;
	}
	if (output_commit(&out, err, sizeof err) < 0) {
		if (!out.target && errno == EPIPE)
			return 0;
		warnx("%s", err);
		return -1;
	}
	return 0;
}

static void
run_free(struct run *r)
{
	if (r->several)
		ov_free(&r->ov);
	else
		cmp_free(&r->cmp);
	for (int i = 0; i < r->loaded; i++)
		text_done(&r->texts[i]);
	free(r->texts);
	free(r->inputs);
	free(r->rewrites);
}

int
main(int argc, char **argv)
{
	struct options opt;
	struct run r;
	int rc = EXIT_TROUBLE, shown;

	fill_std_fds();
	setup_signals();
	switch (options_parse(argc, argv, &opt)) {
	case OPT_DONE: /* --help or --version, written and flushed */
		if (std_closed & 2u) {
			warnx("standard output: write error: %s",
			      strerror(EBADF));
			return EXIT_TROUBLE;
		}
		return EXIT_SAME;
	case OPT_TROUBLE:
		return EXIT_TROUBLE;
	case OPT_RUN:
		break;
	}
	heap_setup(input_bytes(opt.nfiles, opt.files));
	memset(&r, 0, sizeof r);
	r.opt = &opt;
	r.several = opt.nfiles > 2;
	if (compare(&r) == 0 && (shown = view(&r)) >= 0 &&
	    (shown || export(&r) == 0)) {
		int differs =
		        r.several ? ov_differs(&r.ov) : cmp_differs(&r.cmp);
		rc = differs ? EXIT_DIFFERENT : EXIT_SAME;
	}
	run_free(&r);
	/* (a reader that stopped reading: quiet, as in export()) */
	if (fclose(stdout) == EOF && rc != EXIT_TROUBLE && errno != EPIPE) {
		warnx("standard output: write error: %s", strerror(errno));
		rc = EXIT_TROUBLE;
	}
	return rc;
}
