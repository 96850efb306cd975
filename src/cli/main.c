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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "output.h"
#include "redline/compare.h"
#include "redline/export.h"

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
	FMT_STATS
};

static const struct {
	const char *name;
	enum format fmt;
} formats[] = {
        {"text", FMT_TEXT},   {"json", FMT_JSON},   {"wdiff", FMT_WDIFF},
        {"plain", FMT_PLAIN}, {"stats", FMT_STATS},
};

static const char usage_text[] =
        "Usage: redline [OPTION]... OFFICIAL REWRITE\n"
        "Show what a rewrite kept, reworded, dropped and added of an official "
        "text.\n"
        "\n"
        "  -e, --export=FORMAT  print the comparison as FORMAT:\n"
        "                         text   passages with their kinds (default "
        "when\n"
        "                                standard output is not a terminal)\n"
        "                         json   the same for other programs\n"
        "                         plain  two columns, word-wrapped (default on "
        "a\n"
        "                                terminal)\n"
        "                         wdiff  inline [-deleted-] {+inserted+}\n"
        "                         stats  the same as --stats\n"
        "  -s, --stats          print word counts (common, deleted, inserted,\n"
        "                       changed) and passages per kind\n"
        "  -o, --output=FILE    write the export to FILE, atomically; never "
        "over\n"
        "                       an input\n"
        "  -W, --width=N        total columns for --export=plain (default: "
        "the\n"
        "                       terminal's width, else $COLUMNS, else 80)\n"
        "  -i, --ignore-case    compare letters regardless of case\n"
        "      --strict         compare bytes as they are: no Unicode\n"
        "                       normalization, no typographic folding\n"
        "  -d, --minimal        exactly the smallest word diff; no heuristics\n"
        "  -a, --text           compare files with NUL bytes or invalid UTF-8\n"
        "                       anyway (bad bytes show as U+FFFD)\n"
        "      --link-min=F     share of a rewrite sentence's content words "
        "an\n"
        "                       official sentence must hold to be its source\n"
        "                       (default 0.3)\n"
        "      --keep-min=F     share of an official sentence's content words "
        "a\n"
        "                       merging rewrite sentence must hold (default "
        "0.4)\n"
        "      --verbatim-min=F share of words kept in order for verbatim\n"
        "                       (default 0.9)\n"
        "      --language=NAME  Snowball stemmer language (default english)\n"
        "  -h, --help           show this help and exit\n"
        "  -V, --version        show the version and exit\n"
        "\n"
        "Either file may be '-' for standard input.\n"
        "Exit status: 0 if the texts are the same, 1 if they differ, 2 on "
        "trouble.\n";

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
	        {"help", no_argument, NULL, 'h'},
	        {"version", no_argument, NULL, 'V'},
	        {NULL, 0, NULL, 0},
	};
	enum format fmt = FMT_DEFAULT;
	struct cmp_opt copt = {.minimal = 0};
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
				      "json, plain, "
				      "wdiff or stats)",
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
	if (argc - optind != 2) {
		warnx(argc - optind < 2 ? "missing file operand"
		                        : "too many file operands (give two)");
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
	c = cmp_run(&cmp, &left, &right, &copt);
	if (c == -2) {
		warnx("--language: no Snowball stemmer for '%s'",
		      copt.language);
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
	/* No viewer yet: a terminal gets the plain export at its width, a
	 * pipe or file the report. */
	if (fmt == FMT_DEFAULT)
		fmt = isatty(STDOUT_FILENO) && !outpath ? FMT_PLAIN : FMT_TEXT;
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
	switch (fmt) {
	case FMT_WDIFF:
		c = export_wdiff(&cmp, &eopt, out.f);
		break;
	case FMT_STATS:
		c = export_stats(&cmp, &eopt, out.f);
		break;
	case FMT_TEXT:
		c = export_report(&cmp, &eopt, out.f);
		break;
	case FMT_JSON:
		c = export_json(&cmp, &eopt, out.f);
		break;
	default:
		c = export_plain(&cmp, &eopt, out.f);
		break;
	}
	if (c < 0) {
		warnx("%s: write error: %s",
		      outpath ? outpath : "standard output",
		      strerror(errno ? errno : EIO));
		output_abort(&out);
		goto done;
	}
	if (output_commit(&out, err, sizeof err) < 0) {
		warnx("%s", err);
		goto done;
	}
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
