/* main.c - the redline command: options, inputs, output, exit status.
 *
 * Owns everything a user types and sees of the program's outcome: parsing
 * the command line, the one-line error messages (always "redline: what:
 * problem"), the choice between an export and the screen, and diff(1)'s exit
 * status (0 same, 1 different, 2 trouble).  The work itself is the core's.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../tui/tui.h"
#include "heap.h"
#include "output.h"
#include "redline/compare.h"
#include "redline/export.h"
#include "redline/stem.h"

#define REDLINE_VERSION "0.1.0"
#define EXIT_SAME       0
#define EXIT_DIFFERENT  1
#define EXIT_TROUBLE    2

enum format {
	FMT_DEFAULT,
	FMT_TEXT,
	FMT_JSON,
	FMT_WDIFF,
	FMT_PLAIN,
	FMT_STATS,
	FMT_SUMMARY
};

static const struct {
	const char *name;
	enum format fmt;
} formats[] = {
        {"text", FMT_TEXT},   {"json", FMT_JSON},   {"wdiff", FMT_WDIFF},
        {"plain", FMT_PLAIN}, {"stats", FMT_STATS}, {"summary", FMT_SUMMARY},
};

static const char usage_text[] =
        "Usage: redline [OPTION]... OFFICIAL REWRITE...\n"
        "Show what a rewrite kept, reworded, dropped and added of an\n"
        "official text.  On a terminal a viewer opens; otherwise the\n"
        "text report is printed.  With several rewrites, an overview of\n"
        "them all (otherwise printed as --export=summary).\n"
        "\n"
        "  -e, --export=FORMAT  print the comparison as FORMAT:\n"
        "                         text   passages with their kinds\n"
        "                         json   the same for other programs\n"
        "                         plain  the viewer's two columns as text\n"
        "                         wdiff  inline [-deleted-] {+inserted+}\n"
        "                         stats  the same as --stats\n"
        "                         summary  several rewrites: the\n"
        "                                  table and coverage grid\n"
        "  -s, --stats          word counts (common, deleted, inserted,\n"
        "                       changed) and passages per kind\n"
        "  -o, --output=FILE    write the export to FILE, atomically;\n"
        "                       never over an input\n"
        "  -W, --width=N        columns of plain and summary (default: the\n"
        "                       terminal's width, else $COLUMNS, else 80)\n"
        "  -i, --ignore-case    compare letters regardless of case\n"
        "      --strict         compare bytes as they are: no Unicode\n"
        "                       normalization, no typographic folding\n"
        "  -d, --minimal        exactly the smallest word diff\n"
        "  -a, --text           compare files with NUL bytes or invalid\n"
        "                       UTF-8 anyway (bad bytes show as U+FFFD)\n"
        "      --link-min=F     share of a rewrite sentence's content\n"
        "                       words an official sentence must hold to\n"
        "                       be its source (default 0.3)\n"
        "      --keep-min=F     share of an official sentence's content\n"
        "                       words a merging rewrite sentence must\n"
        "                       hold (default 0.4)\n"
        "      --verbatim-min=F share of words kept in order for\n"
        "                       verbatim (default 0.9)\n"
        "      --language=NAME  Snowball stemmer language (default\n"
        "                       english)\n"
        "      --color=WHEN     colours in the viewer: auto (default; off\n"
        "                       when NO_COLOR is set), always or never\n"
        "  -h, --help           show this help and exit\n"
        "  -V, --version        show the version and exit\n"
        "\n"
        "Any one file may be '-' for standard input.  In the viewer,\n"
        "press ? for the keys.\n"
        "Exit status: 0 if the texts are the same, 1 if they differ,\n"
        "2 on trouble.\n";

static void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
warnx(const char *fmt, ...)
{
	va_list ap;

	fputs("redline: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
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
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* A closed pipe is reported as a write error (exit 2), not a
	 * silent death. */
	signal(SIGPIPE, SIG_IGN);
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
		if (*end == '\0' && v >= 20 && v <= 10000)
			return (int)v;
	}
	return 80;
}

static int
load(struct text *t, const char *path, unsigned flags)
{
	struct text_where where;
	enum text_error err = text_load(t, path, flags, &where);
	const char *shown = strcmp(path, "-") == 0 ? "standard input" : path;

	switch (err) {
	case TEXT_OK:
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
	default:
		warnx("%s: %s", shown, text_strerror(err));
		break;
	}
	return -1;
}

static int
parse_format(const char *s, enum format *out)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(s, formats[i].name) == 0) {
			*out = formats[i].fmt;
			return 0;
		}
	return -1;
}

static int
run_export(const struct cmp *c, enum format fmt, const struct export_opt *eo,
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
	default:
		return export_report(c, eo, f);
	}
}

/* The viewer's e key: write c to path in format, atomically; a plain
 * export is 100 columns wide. */
static int
export_to(const struct cmp *c, const char *path, const char *format, char *msg,
          size_t msglen)
{
	const struct text *inputs[2] = {c->left, c->right};
	struct export_opt eo = {100, 0};
	enum format fmt;
	struct output out;

	if (parse_format(format, &fmt) < 0) {
		snprintf(msg, msglen, "unknown format '%s'", format);
		return -1;
	}
	if (output_open(&out, path, inputs, 2, msg, msglen) < 0)
		return -1;
	errno = 0;
	if (run_export(c, fmt, &eo, out.f) < 0) {
		snprintf(msg, msglen, "%s: write error: %s", path,
		         strerror(errno ? errno : EIO));
		output_abort(&out);
		return -1;
	}
	return output_commit(&out, msg, msglen);
}

/* After an export into out returned c: on failure say so (errno tells
 * why) and drop the output; else commit it.  Returns 0 when the output is
 * complete, -1 after a message. */
static int
finish_output(struct output *out, const char *outpath, int c)
{
	char err[4200];

	if (c < 0) {
		warnx("%s: write error: %s",
		      outpath ? outpath : "standard output",
		      strerror(errno ? errno : EIO));
		output_abort(out);
		return -1;
	}
	if (output_commit(out, err, sizeof err) < 0) {
		warnx("%s", err);
		return -1;
	}
	return 0;
}

/* Say why no stemmer could be made for language (the comparison
 * returned -2): libstemmer would not load, or it has no such language. */
static void
no_stemmer(const char *language)
{
	const char *why = stem_load_error();
	if (why)
		warnx("cannot load the Snowball stemmer: %s", why);
	else
		warnx("--language: no Snowball stemmer for '%s'", language);
}

/* One export of every pair in turn, each after a header line naming the
 * two files, for the pair formats with several rewrites. */
static int
export_each(const struct overview *ov, enum format fmt,
            const struct export_opt *eo, FILE *f)
{
	for (size_t j = 0; j < ov->n; j++) {
		if (fprintf(f, "%s==> %s <=> %s <==\n", j ? "\n" : "",
		            ov->official->name, ov->r[j].text->name) < 0 ||
		    run_export(&ov->r[j].cmp, fmt, eo, f) < 0)
			return -1;
	}
	return 0;
}

/* redline OFFICIAL REWRITE REWRITE...: the overview (viewer on a terminal,
 * else the summary table), or the export asked for. */
static int
overview_main(int nfiles, char **files, enum format fmt,
              const struct cmp_opt *copt, const struct tui_opt *topt,
              struct export_opt *eopt, const char *outpath, unsigned loadflags)
{
	struct text *texts = calloc((size_t)nfiles, sizeof *texts);
	const struct text **inputs = calloc((size_t)nfiles, sizeof *inputs);
	size_t *order = calloc((size_t)nfiles, sizeof *order);
	struct overview ov;
	struct output out;
	char err[4200];
	int loaded = 0, rc = EXIT_TROUBLE, c, stdin_seen = 0;

	memset(&ov, 0, sizeof ov);
	if (!texts || !inputs || !order) {
		warnx("out of memory");
		goto done;
	}
	for (int i = 0; i < nfiles; i++) {
		if (strcmp(files[i], "-") == 0 && stdin_seen++) {
			warnx("standard input ('-') given more than once");
			goto done;
		}
	}
	for (; loaded < nfiles; loaded++) {
		if (load(&texts[loaded], files[loaded], loadflags) < 0)
			goto done;
		inputs[loaded] = &texts[loaded];
	}
	c = ov_run(&ov, inputs[0], inputs + 1, (size_t)nfiles - 1, copt, 0);
	if (c == -2) {
		no_stemmer(copt->language);
		goto done;
	}
	if (c < 0) {
		warnx("out of memory comparing %d files", nfiles);
		goto done;
	}
	if (fmt == FMT_DEFAULT && !outpath && isatty(STDOUT_FILENO)) {
		const char *why;
		c = tui_overview(&ov, topt, &why);
		if (c == 0) {
			rc = ov_differs(&ov) ? EXIT_DIFFERENT : EXIT_SAME;
			goto done;
		}
		if (c == -2) {
			warnx("%s", why);
			goto done;
		}
		warnx("%s; printing the summary instead", why);
	}
	if (fmt == FMT_DEFAULT)
		fmt = FMT_SUMMARY;
	if (!eopt->width)
		eopt->width = terminal_width();
	eopt->visible = !outpath && isatty(STDOUT_FILENO);
	ov_sort(&ov, OV_BY_INPUT, 0, order);
	if (output_open(&out, outpath, inputs, nfiles, err, sizeof err) < 0) {
		warnx("%s", err);
		goto done;
	}
	errno = 0;
	c = fmt == FMT_SUMMARY ? export_summary(&ov, order, eopt, out.f)
	    : fmt == FMT_JSON  ? export_json_overview(&ov, eopt, out.f)
	                       : export_each(&ov, fmt, eopt, out.f);
	if (finish_output(&out, outpath, c) < 0)
		goto done;
	rc = ov_differs(&ov) ? EXIT_DIFFERENT : EXIT_SAME;
done:
	ov_free(&ov);
	for (int i = 0; i < loaded; i++)
		text_done(&texts[i]);
	free(texts);
	free(inputs);
	free(order);
	if (fclose(stdout) == EOF && rc != EXIT_TROUBLE) {
		warnx("standard output: write error: %s", strerror(errno));
		rc = EXIT_TROUBLE;
	}
	return rc;
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

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
	        {"export", required_argument, NULL, 'e'},
	        {"stats", no_argument, NULL, 's'},
	        {"output", required_argument, NULL, 'o'},
	        {"width", required_argument, NULL, 'W'},
	        {"ignore-case", no_argument, NULL, 'i'},
	        {"strict", no_argument, NULL, 'S'},
	        {"minimal", no_argument, NULL, 'd'},
	        {"text", no_argument, NULL, 'a'},
	        {"link-min", required_argument, NULL, 'L'},
	        {"keep-min", required_argument, NULL, 'K'},
	        {"verbatim-min", required_argument, NULL, 'M'},
	        {"language", required_argument, NULL, 'g'},
	        {"color", required_argument, NULL, 'C'},
	        {"help", no_argument, NULL, 'h'},
	        {"version", no_argument, NULL, 'V'},
	        {NULL, 0, NULL, 0},
	};
	enum format fmt = FMT_DEFAULT;
	struct cmp_opt copt = {.minimal = 0};
	struct tui_opt topt = {.color = TUI_COLOR_AUTO, .export_to = export_to};
	struct export_opt eopt = {0, 0};
	const char *outpath = NULL;
	unsigned loadflags = 0;
	struct text left, right;
	struct output out;
	struct cmp cmp;
	char err[4200];
	int c, rc;

	setup_signals();
	while ((c = getopt_long(argc, argv, "e:so:W:idahV", longopts, NULL)) !=
	       -1) {
		switch (c) {
		case 'e':
			if (parse_format(optarg, &fmt) < 0) {
				warnx("unknown export format '%s' (try text, "
				      "json, plain, wdiff, stats or summary)",
				      optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 's':
			fmt = FMT_STATS;
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'W': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || v < 20 ||
			    v > 10000) {
				warnx("--width: '%s' is not a number from 20 "
				      "to "
				      "10000",
				      optarg);
				return EXIT_TROUBLE;
			}
			eopt.width = (int)v;
			break;
		}
		case 'i':
			copt.keyopts |= TOK_KEY_ICASE;
			break;
		case 'S':
			copt.keyopts |= TOK_KEY_STRICT;
			break;
		case 'd':
			copt.minimal = 1;
			break;
		case 'a':
			loadflags |= TEXT_LAX;
			break;
		case 'L':
		case 'K':
		case 'M': {
			char *end;
			double v = strtod(optarg, &end);
			if (*optarg == '\0' || *end != '\0' ||
			    !(v > 0 && v <= 1)) {
				warnx("--%s: '%s' is not a number above 0 and "
				      "at "
				      "most 1",
				      c == 'L'   ? "link-min"
				      : c == 'K' ? "keep-min"
				                 : "verbatim-min",
				      optarg);
				return EXIT_TROUBLE;
			}
			*(c == 'L'   ? &copt.link_min
			  : c == 'K' ? &copt.keep_min
			             : &copt.verbatim_min) = v;
			break;
		}
		case 'g':
			copt.language = optarg;
			break;
		case 'C':
			if (strcmp(optarg, "auto") == 0) {
				topt.color = TUI_COLOR_AUTO;
			} else if (strcmp(optarg, "always") == 0) {
				topt.color = TUI_COLOR_ALWAYS;
			} else if (strcmp(optarg, "never") == 0) {
				topt.color = TUI_COLOR_NEVER;
			} else {
				warnx("--color: '%s' is not auto, always or "
				      "never",
				      optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'h':
			fputs(usage_text, stdout);
			return fflush(stdout) == 0 && !ferror(stdout)
			               ? EXIT_SAME
			               : EXIT_TROUBLE;
		case 'V':
			printf("redline %s\n", REDLINE_VERSION);
			return fflush(stdout) == 0 && !ferror(stdout)
			               ? EXIT_SAME
			               : EXIT_TROUBLE;
		default:
			fputs("Try 'redline --help' for more information.\n",
			      stderr);
			return EXIT_TROUBLE;
		}
	}
	heap_setup(input_bytes(argc - optind, argv + optind));
	if (argc - optind > 2)
		return overview_main(argc - optind, argv + optind, fmt, &copt,
		                     &topt, &eopt, outpath, loadflags);
	if (fmt == FMT_SUMMARY) {
		warnx("--export=summary needs two or more rewrites");
		return EXIT_TROUBLE;
	}
	if (argc - optind != 2) {
		warnx("missing file operand");
		fputs("Try 'redline --help' for more information.\n", stderr);
		return EXIT_TROUBLE;
	}
	if (strcmp(argv[optind], "-") == 0 &&
	    strcmp(argv[optind + 1], "-") == 0) {
		warnx("standard input ('-') given for both files");
		return EXIT_TROUBLE;
	}
	if (load(&left, argv[optind], loadflags) < 0)
		return EXIT_TROUBLE;
	if (load(&right, argv[optind + 1], loadflags) < 0) {
		text_done(&left);
		return EXIT_TROUBLE;
	}
	/* the word-diff exports need no sentence alignment */
	copt.words_only = fmt == FMT_WDIFF;
	c = cmp_run(&cmp, &left, &right, &copt);
	if (c == -2) {
		no_stemmer(copt.language);
		text_done(&left);
		text_done(&right);
		return EXIT_TROUBLE;
	}
	if (c < 0) {
		warnx("out of memory comparing %s and %s", left.name,
		      right.name);
		text_done(&left);
		text_done(&right);
		return EXIT_TROUBLE;
	}
	/* A terminal gets the viewer; a pipe or file, or a terminal the
	 * viewer cannot use, the report. */
	if (fmt == FMT_DEFAULT && !outpath && isatty(STDOUT_FILENO)) {
		const char *why;
		c = tui_run(&cmp, &topt, &why);
		if (c == 0) {
			rc = cmp_differs(&cmp) ? EXIT_DIFFERENT : EXIT_SAME;
			goto done;
		}
		if (c == -2) {
			warnx("%s", why);
			rc = EXIT_TROUBLE;
			goto done;
		}
		warnx("%s; printing the text report instead", why);
	}
	if (fmt == FMT_DEFAULT)
		fmt = FMT_TEXT;
	if (!eopt.width)
		eopt.width = terminal_width();
	eopt.visible = !outpath && isatty(STDOUT_FILENO);

	const struct text *inputs[2] = {&left, &right};
	rc = EXIT_TROUBLE;
	if (output_open(&out, outpath, inputs, 2, err, sizeof err) < 0) {
		warnx("%s", err);
		goto done;
	}
	errno = 0;
	c = run_export(&cmp, fmt, &eopt, out.f);
	if (finish_output(&out, outpath, c) < 0)
		goto done;
	rc = cmp_differs(&cmp) ? EXIT_DIFFERENT : EXIT_SAME;
done:
	cmp_free(&cmp);
	text_done(&left);
	text_done(&right);
	if (fclose(stdout) == EOF && rc != EXIT_TROUBLE) {
		warnx("standard output: write error: %s", strerror(errno));
		rc = EXIT_TROUBLE;
	}
	return rc;
}
