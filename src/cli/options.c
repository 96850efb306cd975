/* options.c - the command line: options and operands into struct options,
 * --help and --version, and the usage errors (exit 2).
 *
 * The help's defaults are printed from the constants the core uses, so
 * that the two cannot disagree.
 */
#include "options.h"

#include "redline/version.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "redline/align.h"

static const struct {
	const char *name;
	enum format fmt;
} formats[] = {
        {"text", FMT_TEXT},   {"json", FMT_JSON},   {"wdiff", FMT_WDIFF},
        {"plain", FMT_PLAIN}, {"stats", FMT_STATS}, {"summary", FMT_SUMMARY},
        {"html", FMT_HTML},
};

int
format_parse(const char *name, enum format *out)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(name, formats[i].name) == 0) {
			*out = formats[i].fmt;
			return 0;
		}
	return -1;
}

/* --help on standard output; 0, or -1 when it could not be written. */
static int
usage(void)
{
	printf("Usage: redline [OPTION]... OFFICIAL REWRITE...\n"
	       "Show what a rewrite kept, reworded, dropped and added of an\n"
	       "official text.  On a terminal a viewer opens; otherwise the\n"
	       "text report is printed.  With several rewrites, an overview "
	       "of\n"
	       "them all (otherwise printed as --export=summary).\n"
	       "\n"
	       "  -e, --export=FORMAT  print the comparison as FORMAT:\n"
	       "                         text   passages with their kinds\n"
	       "                         json   the same for other programs\n"
	       "                         plain  the viewer's two columns as "
	       "text\n"
	       "                         wdiff  inline [-deleted-] "
	       "{+inserted+}\n"
	       "                         stats  the same as --stats\n"
	       "                         summary  several rewrites: the\n"
	       "                                  table and coverage grid\n"
	       "                         html   one self-contained web page\n"
	       "  -s, --stats          word counts (common, deleted, "
	       "inserted,\n"
	       "                       changed) and passages per kind\n"
	       "  -o, --output=FILE    write the export to FILE, atomically;\n"
	       "                       never over an input\n"
	       "  -W, --width=N        columns of the report, plain and "
	       "summary\n"
	       "                       (default: the terminal's width, else\n"
	       "                       $COLUMNS, else %d); 0: the report's "
	       "lines\n"
	       "                       not wrapped, for programs\n"
	       "      --context=WHAT   the report's unchanged passages: "
	       "'changes'\n"
	       "                       (the default) prints each once, 'all'\n"
	       "                       as official, rewrite and changes "
	       "lines\n"
	       "  -i, --ignore-case    compare letters regardless of case\n"
	       "      --strict         compare bytes as they are: no Unicode\n"
	       "                       normalization, no typographic "
	       "folding;\n"
	       "                       any difference in bytes is one\n"
	       "  -d, --minimal        exactly the smallest word diff\n"
	       "  -a, --text           compare files with NUL bytes or "
	       "invalid\n"
	       "                       UTF-8 anyway (bad bytes show as "
	       "U+FFFD)\n"
	       "      --link-min=F     share of a rewrite sentence's content\n"
	       "                       words an official sentence must hold "
	       "to\n"
	       "                       be its source (default %g)\n"
	       "      --keep-min=F     share of an official sentence's "
	       "content\n"
	       "                       words a merging rewrite sentence must\n"
	       "                       hold (default %g)\n"
	       "      --verbatim-min=F share of words kept in order for\n"
	       "                       verbatim (default %g)\n"
	       "      --rules-off=LIST leave out these linking rules, comma-\n"
	       "                       separated (for experiments; names in\n"
	       "                       the man page)\n"
	       "      --language=NAME  Snowball stemmer language (default\n"
	       "                       %s)\n"
	       "      --color=WHEN     colours in the viewer and the text,\n"
	       "                       plain, wdiff and summary exports: auto\n"
	       "                       (default: on a terminal, off when\n"
	       "                       NO_COLOR is set), always or never\n"
	       "      --theme=THEME    colours (viewer and coloured exports) "
	       "for a\n"
	       "                       dark or light terminal: auto "
	       "(default:\n"
	       "                       REDLINE_THEME, else COLORFGBG, else\n"
	       "                       the terminal's background when "
	       "asked\n"
	       "                       (OSC 11, the viewer), else dark), "
	       "dark\n"
	       "                       or light\n"
	       "      --input=TYPE     read the files as text or html "
	       "(default:\n"
	       "                       html when a file looks like a web "
	       "page)\n"
	       "      --keep-chrome    of a web page, keep all it shows, not\n"
	       "                       only its article: navigation, ads,\n"
	       "                       share buttons, related links, comments\n"
	       "  -h, --help           show this help and exit\n"
	       "  -V, --version        show the version and exit\n"
	       "\n"
	       "Any one file may be '-' for standard input.  In the viewer,\n"
	       "press ? for the keys; e exports to a file (the overview's\n"
	       "too), and its prompts edit their line (Left Right Home End,\n"
	       "Ctrl-A Ctrl-E Ctrl-U Ctrl-K Ctrl-W; Tab completes a file "
	       "name).\n"
	       "Exit status: 0 if the texts are the same, 1 if they differ,\n"
	       "2 on trouble.\n",
	       WIDTH_DEFAULT, ALIGN_LINK_MIN, ALIGN_KEEP_MIN,
	       ALIGN_VERBATIM_MIN, CMP_LANGUAGE_DEFAULT);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : -1;
}

/* --help or --version could not be written: say so. */
static enum opt_result
stdout_failed(void)
{
	warnx("standard output: write error: %s",
	      strerror(errno ? errno : EIO));
	return OPT_TROUBLE;
}

/* A threshold option's value: above 0 and at most 1. */
static int
share(const char *name, const char *arg, double *out)
{
	char *end;
	double v = strtod(arg, &end);

	if (*arg == '\0' || *end != '\0' || !(v > 0 && v <= 1)) {
		warnx("--%s: '%s' is not a number above 0 and at most 1", name,
		      arg);
		return -1;
	}
	*out = v;
	return 0;
}

/* The operands: their count, and '-' at most once. */
static enum opt_result
check_operands(const struct options *o)
{
	int stdin_seen = 0;

	if (o->nfiles < 2) {
		warnx("missing file operand");
		try_help();
		return OPT_TROUBLE;
	}
	if (o->fmt == FMT_SUMMARY && o->nfiles == 2) {
		warnx("--export=summary needs two or more rewrites");
		return OPT_TROUBLE;
	}
	for (int i = 0; i < o->nfiles; i++)
		if (strcmp(o->files[i], "-") == 0 && stdin_seen++) {
			warnx(o->nfiles == 2
			              ? "standard input ('-') given for "
			                "both files"
			              : "standard input ('-') given more "
			                "than once");
			return OPT_TROUBLE;
		}
	return OPT_RUN;
}

/* Say what is wrong with the option arg (or the short option opt in it,
 * if not 0), in redline's own words (getopt's would print the program's
 * whole path and the bytes of arg as they are), and how to get help.
 * missing: getopt found it lacks its value. */
static void
bad_option(const struct option *longopts, const char *arg, int opt, int missing)
{
	if (opt && arg[0] == '-' && arg[1] != '-') {
		warnx("option '-%c' %s", opt,
		      missing ? "needs a value" : "is not an option");
		try_help();
		return;
	}
	const char *name = arg + (arg[0] == '-') + (arg[1] == '-');
	size_t n = strcspn(name, "="), matches = 0, exact = 0;
	for (const struct option *l = longopts; l->name; l++)
		if (strncmp(l->name, name, n) == 0) {
			matches++;
			exact |= strlen(l->name) == n;
		}
	warnx("option '--%.*s' %s", (int)(n > 64 ? 64 : n), name,
	      missing                 ? "needs a value"
	      : matches == 1 || exact ? "takes no value"
	      : matches > 1           ? "is ambiguous: give more of it"
	                              : "is not an option");
	try_help();
}

/* Into *off, the bits of the linking rules named in list (comma-separated
 * names of align_rule_name).  0, or -1 after saying which name is
 * unknown. */
static int
rules_parse(const char *list, unsigned *off)
{
	for (const char *p = list;;) {
		size_t n = strcspn(p, ",");
		unsigned k = 0;
		while (align_rule_name(k) &&
		       (strlen(align_rule_name(k)) != n ||
		        strncmp(align_rule_name(k), p, n) != 0))
			k++;
		if (!align_rule_name(k)) {
			char names[256] = "";
			for (unsigned i = 0; align_rule_name(i); i++) {
				strncat(names, i ? ", " : "",
				        sizeof names - strlen(names) - 1);
				strncat(names, align_rule_name(i),
				        sizeof names - strlen(names) - 1);
			}
			warnx("--rules-off: '%.*s' is not a linking rule (%s)",
			      (int)(n > 64 ? 64 : n), p, names);
			return -1;
		}
		*off |= 1u << k;
		if (p[n] == '\0')
			return 0;
		p += n + 1;
	}
}

enum opt_result
options_parse(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
	        {"export", required_argument, NULL, 'e'},
	        {"stats", no_argument, NULL, 's'},
	        {"output", required_argument, NULL, 'o'},
	        {"width", required_argument, NULL, 'W'},
	        {"context", required_argument, NULL, 'X'},
	        {"ignore-case", no_argument, NULL, 'i'},
	        {"strict", no_argument, NULL, 'S'},
	        {"minimal", no_argument, NULL, 'd'},
	        {"text", no_argument, NULL, 'a'},
	        {"link-min", required_argument, NULL, 'L'},
	        {"keep-min", required_argument, NULL, 'K'},
	        {"verbatim-min", required_argument, NULL, 'M'},
	        {"rules-off", required_argument, NULL, 'R'},
	        {"language", required_argument, NULL, 'g'},
	        {"color", required_argument, NULL, 'C'},
	        {"theme", required_argument, NULL, 'T'},
	        {"input", required_argument, NULL, 'I'},
	        {"keep-chrome", no_argument, NULL, 'k'},
	        {"help", no_argument, NULL, 'h'},
	        {"version", no_argument, NULL, 'V'},
	        {NULL, 0, NULL, 0},
	};
	int c;

	memset(o, 0, sizeof *o);
	o->fmt = FMT_DEFAULT;
	o->tui.color = TUI_COLOR_AUTO;
	opterr = 0; /* redline's own messages: one line, every byte visible */
	while ((c = getopt_long(argc, argv, ":e:so:W:idahV", longopts, NULL)) !=
	       -1) {
		switch (c) {
		case ':':
		case '?':
			bad_option(longopts, argv[optind - 1], optopt,
			           c == ':');
			return OPT_TROUBLE;
		case 'e':
			if (format_parse(optarg, &o->fmt) < 0) {
				warnx("unknown export format '%s' (try text, "
				      "json, plain, wdiff, stats, summary or "
				      "html)",
				      optarg);
				return OPT_TROUBLE;
			}
			break;
		case 's':
			o->fmt = FMT_STATS;
			break;
		case 'o':
			o->outpath = optarg;
			break;
		case 'W': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' ||
			    (v != 0 && (v < WIDTH_MIN || v > WIDTH_MAX))) {
				warnx("--width: '%s' is not 0 nor a number "
				      "from "
				      "%d to %d",
				      optarg, WIDTH_MIN, WIDTH_MAX);
				return OPT_TROUBLE;
			}
			o->exp.width = (int)v;
			o->nowrap = v == 0;
			break;
		}
		case 'X':
			if (strcmp(optarg, "all") == 0) {
				o->exp.context = 1;
			} else if (strcmp(optarg, "changes") == 0) {
				o->exp.context = 0;
			} else {
				warnx("--context: '%s' is neither 'all' nor "
				      "'changes'",
				      optarg);
				return OPT_TROUBLE;
			}
			break;
		case 'i':
			o->cmp.keyopts |= TOK_KEY_ICASE;
			break;
		case 'S':
			o->cmp.keyopts |= TOK_KEY_STRICT;
			break;
		case 'd':
			o->cmp.minimal = 1;
			break;
		case 'a':
			o->loadflags |= TEXT_LAX;
			break;
		case 'L':
			if (share("link-min", optarg, &o->cmp.link_min) < 0)
				return OPT_TROUBLE;
			break;
		case 'K':
			if (share("keep-min", optarg, &o->cmp.keep_min) < 0)
				return OPT_TROUBLE;
			break;
		case 'M':
			if (share("verbatim-min", optarg,
			          &o->cmp.verbatim_min) < 0)
				return OPT_TROUBLE;
			break;
		case 'R':
			if (rules_parse(optarg, &o->cmp.rules_off) < 0)
				return OPT_TROUBLE;
			break;
		case 'g':
			o->cmp.language = optarg;
			break;
		case 'C':
			if (strcmp(optarg, "auto") == 0) {
				o->tui.color = TUI_COLOR_AUTO;
			} else if (strcmp(optarg, "always") == 0) {
				o->tui.color = TUI_COLOR_ALWAYS;
			} else if (strcmp(optarg, "never") == 0) {
				o->tui.color = TUI_COLOR_NEVER;
			} else {
				warnx("--color: '%s' is not auto, always or "
				      "never",
				      optarg);
				return OPT_TROUBLE;
			}
			break;
		case 'T':
			if (strcmp(optarg, "auto") == 0) {
				o->tui.theme = TUI_THEME_AUTO;
			} else if (strcmp(optarg, "dark") == 0) {
				o->tui.theme = TUI_THEME_DARK;
			} else if (strcmp(optarg, "light") == 0) {
				o->tui.theme = TUI_THEME_LIGHT;
			} else {
				warnx("--theme: '%s' is not auto, dark or "
				      "light",
				      optarg);
				return OPT_TROUBLE;
			}
			break;
		case 'I':
			if (strcmp(optarg, "html") == 0) {
				o->loadflags |= TEXT_HTML;
			} else if (strcmp(optarg, "text") == 0) {
				o->loadflags |= TEXT_PLAIN;
			} else {
				warnx("--input: '%s' is not text or html",
				      optarg);
				return OPT_TROUBLE;
			}
			o->loadflags &= optarg[0] == 'h' ? ~(unsigned)TEXT_PLAIN
			                                 : ~(unsigned)TEXT_HTML;
			break;
		case 'k':
			o->loadflags |= TEXT_KEEP_CHROME;
			break;
		case 'h':
			return usage() == 0 ? OPT_DONE : stdout_failed();
		case 'V':
			printf("redline %s\n", REDLINE_VERSION);
			return fflush(stdout) == 0 && !ferror(stdout)
			               ? OPT_DONE
			               : stdout_failed();
		default:
			try_help();
			return OPT_TROUBLE;
		}
	}
	o->nfiles = argc - optind;
	o->files = argv + optind;
	return check_operands(o);
}
