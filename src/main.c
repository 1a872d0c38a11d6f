/* Command line: parses options and hands over to the reader or an exporter. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/actions.h"
#include "brief/cite.h"
#include "brief/draft.h"
#include "brief/export.h"
#include "brief/export_notes.h"
#include "brief/mapguard.h"
#include "brief/model.h"
#include "brief/notes.h"
#include "brief/ui.h"
#include "brief/util.h"

#define EXIT_IOERR 74

static void usage(FILE *o)
{
	fputs("Usage: brief [OPTION]... [FILE]\n"
	      "Read a commentary in the terminal with its actors, figures and\n"
	      "comparisons highlighted.  Without FILE, the bundled commentary;\n"
	      "with FILE \"-\" or a pipe on standard input, standard input.\n"
	      "\n"
	      "  -a, --annotations=FILE  annotations for the article (default: FILE with\n"
	      "                          its extension replaced by .brief, if present)\n"
	      "  -d, --dump              print the article, actors, figures and\n"
	      "                          comparisons as text (default when stdout is\n"
	      "                          not a terminal)\n"
	      "  -w, --width=N           wrap --dump output at N columns (default: the\n"
	      "                          terminal width, else 80)\n"
	      "  -e, --export=FORMAT     print the model as JSON with byte offsets (json),\n"
	      "                          or the text brief reads, a web page's article\n"
	      "                          (text)\n"
	      "  -e, --export=notes      print the reading notes on the article with\n"
	      "                          their sentences, as Markdown (--format=json: JSON)\n"
	      "      --format=FORMAT     read FILE as text or html (default: HTML when its\n"
	      "                          name or first bytes say so); with --export notes,\n"
	      "                          its output: markdown (default) or json\n"
	      "  -i, --ignore-case       searches ignore case unless the pattern has a\n"
	      "                          capital (the default; -i in brief toggles it)\n"
	      "  -I, --IGNORE-CASE       searches always ignore case\n"
	      "      --draft             print an annotation file drafted from the\n"
	      "                          actors found automatically, to check and save\n"
	      "                          as FILE.brief\n"
	      "      --explain           with --dump: say which rule found each actor\n"
	      "      --no-auto           do not look for actors automatically\n"
	      "      --ascii             no box-drawing or block characters\n"
	      "      --no-color          no colours (also when NO_COLOR is set)\n"
	      "      --no-state          do not remember the reading position (and\n"
	      "                          whether the panel and the comparison show)\n"
	      "      --no-panel          start without the side panel (s shows it)\n"
	      "      --no-compare        start without the comparison (c shows it)\n"
	      "      --no-margins        do not scroll with the terminal's left and\n"
	      "                          right margins, even where it offers them\n"
	      "      --cite=STYLE        how copied text cites its source: plain\n"
	      "                          (default), markdown or apa\n"
	      "      --no-osc52          never copy through the terminal (OSC 52); use\n"
	      "                          BRIEF_COPY or the clips file\n"
	      "      --keys[=man]        list the keys (as roff for the manual) and exit\n"
	      "  -h, --help              show this help and exit\n"
	      "  -V, --version           show the version and exit\n"
	      "\n"
	      "Exit status: 0 ok, 2 usage error, 65 bad annotation file,\n"
	      "66 unreadable input, 71 out of memory, 74 input or output error.\n"
	      "Keys: press h inside brief.  Manual: man brief once installed; from\n"
	      "the build tree, after make: man ./brief.1\n", o);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct buf b = { 0 };
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	/* Arguments are echoed: sanitised, so none can drive the terminal
	 * or start a line of its own. */
	char *safe = doc_sanitize_name(b.data);
	fprintf(stderr, "brief: %s", safe);
	free(safe);
	buf_free(&b);
	fputs("\nTry 'brief --help' for more information.\n", stderr);
	return BRIEF_EXIT_USAGE;
}

/* getopt_long() said '?'.  optopt names a short option, or the long one
 * (argv[optind - 1], as typed) that was given an argument it does not take;
 * 0 is a long option unknown or ambiguous.  A short option that fails inside
 * a cluster ("-Zq") leaves optind on that cluster, so argv[optind - 1] is
 * then the word before it, perhaps an option's argument ("-a --no -Zq"):
 * the long option is looked at only when optopt says it is the one. */
static int bad_option(const struct option *longopts, const char *arg)
{
	if (strncmp(arg, "--", 2) == 0 && arg[2] && arg[2] != '=') {
		const char *name = arg + 2;
		size_t len = strcspn(name, "=");
		const struct option *hit = NULL;
		int matches = 0;
		for (const struct option *o = longopts; o->name; o++) {
			if (strncmp(o->name, name, len) != 0)
				continue;
			if (strlen(o->name) == len) {
				hit = o;        /* exact: never ambiguous */
				matches = 1;
				break;
			}
			hit = o;
			matches++;
		}
		if (!optopt && matches > 1)
			return usage_error("option '--%.*s' is ambiguous", (int)len, name);
		if (hit && optopt == hit->val && hit->has_arg == no_argument)
			return usage_error("option '--%s' takes no argument", hit->name);
	}
	if (!optopt)
		return usage_error("unknown option '%s'", arg);
	return usage_error("unknown option '-%c'", optopt);
}

static int terminal_width(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	long w = c ? strtol(c, NULL, 10) : 0;
	if (w >= 20 && w <= 10000)
		return (int)w;
	return 80;
}

static int output_status(int rc);

/* What --help, --version and --keys printed, flushed: 0, or 74 with a
 * message (a full disk). */
static int flush_output(void)
{
	errno = 0;
	return output_status(fflush(stdout) != 0 || ferror(stdout));
}

/* The key table, from the same list the help screen uses. */
static int print_keys(int man)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		if (!man) {
			printf("%-22s %s\n", action_table[a].keys, action_table[a].help);
			continue;
		}
		/* roff: a leading ' or . would be a request; \ escapes. */
		fputs(".TP\n.B ", stdout);
		for (const char *k = action_table[a].keys; *k; k++) {
			if (*k == '\\')
				fputs("\\e", stdout);
			else if ((*k == '\'' || *k == '.') && (k == action_table[a].keys || k[-1] == ' '))
				printf("\\&%c", *k);
			else
				putchar(*k);
		}
		printf("\n%s\n", action_table[a].help);
	}
	return flush_output();
}

/* With no FILE, a pipe or a file on standard input is the article (as with
 * less); a terminal, /dev/null or a closed stdin leaves the bundled one. */
static int stdin_is_article(void)
{
	struct stat st;
	if (fstat(STDIN_FILENO, &st) != 0)
		return 0;
	return S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode) || S_ISSOCK(st.st_mode);
}

static int output_status(int rc)
{
	if (rc == 0)
		return 0;
	if (errno == 0)
		errno = EIO;            /* ferror without a failing call to name */
	if (errno == EPIPE)
		return 0;       /* the reader went away (| head): not an error */
	fprintf(stderr, "brief: write error: %s\n", strerror(errno));
	return EXIT_IOERR;
}

/* The file was truncated (or failed to read) while mapped: what was read
 * past its new end is blank, not the article, so the session stops there
 * and --dump prints nothing. */
static int shrank(const struct model *m)
{
	if (mapguard_tripped() == MAPGUARD_SHRANK)
		fprintf(stderr, "brief: %s: the file shrank while it was being read "
			"(truncated by another program)\n", m->doc.name);
	else
		fprintf(stderr, "brief: %s: a read of the file failed while it was open "
			"(I/O error)\n", m->doc.name);
	return EXIT_IOERR;
}

/* --export notes: the notes printed, their file's problems said; the
 * exit status of a file with lines not understood is 65 (the rest is
 * printed), of one that cannot be read 66 (nothing is). */
static int notes_export(const struct model *m, const char *path, enum export_notes_format f,
			enum cite_style style)
{
	char *file = notes_path();
	char *warning = NULL;
	errno = 0;
	int rc = export_notes(stdout, m, path, file, f, style, &warning);
	free(file);
	if (rc < 0) {
		free(warning);
		return output_status(-1);
	}
	if (warning) {
		char *shown = doc_sanitize_cstr(warning);
		fprintf(stderr, "brief: %s\n", shown);
		free(shown);
		free(warning);
	}
	return rc == 2 ? BRIEF_EXIT_NOINPUT : rc == 1 ? BRIEF_EXIT_DATAERR : 0;
}

int main(int argc, char **argv)
{
	/* The character set only: numbers in JSON, dumps and the comparison
	 * keep a decimal point whatever LC_NUMERIC says, and the other
	 * categories would only cost start-up time loading them. */
	setlocale(LC_CTYPE, "");
	/* Past a file size limit (ulimit -f) a write fails with EFBIG, an
	 * output error like a full disk (74, the state's warning), instead of
	 * killing brief half way through a dump or a state file. */
	signal(SIGXFSZ, SIG_IGN);
	enum { OPT_ASCII = 256, OPT_NO_COLOR, OPT_NO_STATE, OPT_NO_MARGINS, OPT_KEYS,
	       OPT_DRAFT, OPT_EXPLAIN, OPT_NO_AUTO, OPT_FORMAT, OPT_CITE, OPT_NO_OSC52,
	       OPT_NO_PANEL, OPT_NO_COMPARE };
	/* --export's values: 1 json, 2 text, EXPORT_NOTES notes. */
	enum { EXPORT_NOTES = 3 };
	static const struct option longopts[] = {
		{ "annotations", required_argument, NULL, 'a' },
		{ "dump", no_argument, NULL, 'd' },
		{ "width", required_argument, NULL, 'w' },
		{ "export", required_argument, NULL, 'e' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "ascii", no_argument, NULL, OPT_ASCII },
		{ "no-color", no_argument, NULL, OPT_NO_COLOR },
		{ "no-state", no_argument, NULL, OPT_NO_STATE },
		{ "no-margins", no_argument, NULL, OPT_NO_MARGINS },
		{ "keys", optional_argument, NULL, OPT_KEYS },
		{ "draft", no_argument, NULL, OPT_DRAFT },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "no-auto", no_argument, NULL, OPT_NO_AUTO },
		{ "cite", required_argument, NULL, OPT_CITE },
		{ "no-osc52", no_argument, NULL, OPT_NO_OSC52 },
		{ "no-panel", no_argument, NULL, OPT_NO_PANEL },
		{ "no-compare", no_argument, NULL, OPT_NO_COMPARE },
		{ "ignore-case", no_argument, NULL, 'i' },
		{ "IGNORE-CASE", no_argument, NULL, 'I' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *annot_path = NULL;
	int dump = 0, width = 0, export = 0, draft = 0, explain = 0;   /* export: 1 json, 2 text */
	enum export_notes_format notes_format = EXPORT_NOTES_MARKDOWN;
	int notes_format_given = 0, cite_given = 0;
	struct model_opts mo = { 0 };
	struct ui_options uo = { 0 };
	/* Block and box characters need a UTF-8 locale. */
	uo.ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
	const char *nc = getenv("NO_COLOR");
	uo.no_color = nc && *nc;
	const char *no52 = getenv("BRIEF_NO_OSC52");
	uo.no_osc52 = no52 && *no52;

	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":a:dw:e:iIhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			annot_path = optarg;
			break;
		case 'd':
			dump = 1;
			break;
		case 'w': {
			char *end;
			errno = 0;
			long w = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || w < 20 || w > 10000)
				return usage_error("invalid width '%s' (expected 20 to 10000)", optarg);
			width = (int)w;
			break;
		}
		case 'e':
			if (strcmp(optarg, "json") == 0)
				export = 1;
			else if (strcmp(optarg, "text") == 0)
				export = 2;
			else if (strcmp(optarg, "notes") == 0)
				export = EXPORT_NOTES;
			else
				return usage_error("unknown export format '%s' (expected json, text or notes)", optarg);
			break;
		case OPT_FORMAT:
			/* One option, two uses with values apart: text and html say
			 * how to read FILE, json and markdown the notes export's
			 * output. */
			if (strcmp(optarg, "text") == 0) {
				mo.format = HTML_FORMAT_TEXT;
			} else if (strcmp(optarg, "html") == 0) {
				mo.format = HTML_FORMAT_HTML;
			} else if (strcmp(optarg, "json") == 0) {
				notes_format = EXPORT_NOTES_JSON;
				notes_format_given = 1;
			} else if (strcmp(optarg, "markdown") == 0) {
				notes_format = EXPORT_NOTES_MARKDOWN;
				notes_format_given = 1;
			} else {
				return usage_error("unknown format '%s' (expected text or html, or json "
						   "or markdown with --export notes)", optarg);
			}
			break;
		case 'i':
			uo.search_case = SEARCH_SMART;
			break;
		case 'I':
			uo.search_case = SEARCH_IGNORE;
			break;
		case OPT_ASCII:
			uo.ascii = 1;
			break;
		case OPT_NO_COLOR:
			uo.no_color = 1;
			break;
		case OPT_NO_STATE:
			uo.no_state = 1;
			break;
		case OPT_NO_MARGINS:
			uo.no_margins = 1;
			break;
		case OPT_DRAFT:
			draft = 1;
			break;
		case OPT_EXPLAIN:
			explain = 1;
			break;
		case OPT_NO_AUTO:
			mo.no_auto = 1;
			break;
		case OPT_CITE: {
			enum cite_style st;
			if (cite_style_parse(optarg, &st) != 0)
				return usage_error("unknown citation style '%s' (expected plain, "
						   "markdown or apa)", optarg);
			uo.cite = (int)st;
			cite_given = 1;
			break;
		}
		case OPT_NO_OSC52:
			uo.no_osc52 = 1;
			break;
		case OPT_NO_PANEL:
			uo.no_panel = 1;
			break;
		case OPT_NO_COMPARE:
			uo.no_compare = 1;
			break;
		case OPT_KEYS:
			if (optarg && strcmp(optarg, "man") != 0 && strcmp(optarg, "text") != 0)
				return usage_error("unknown key list format '%s' (expected text or man)", optarg);
			return print_keys(optarg && strcmp(optarg, "man") == 0);
		case 'h':
			usage(stdout);
			return flush_output();
		case 'V':
			/* One line; the libraries that read web pages as loaded. */
			printf("brief %s (web pages: libxml2 %s, zlib %s)\n", PACKAGE_VERSION,
			       html_libxml2_version(), html_zlib_version());
			return flush_output();
		case ':':
			return usage_error("option '%s' needs an argument", argv[optind - 1]);
		default:
			return bad_option(longopts, argv[optind - 1]);
		}
	}
	if (dump && export)
		return usage_error("--dump and --export cannot be used together");
	if (notes_format_given && export != EXPORT_NOTES)
		return usage_error("--format=json or markdown goes with --export notes");
	if (draft && (dump || export))
		return usage_error("--draft cannot be used with --dump or --export");
	if (draft && mo.no_auto)
		return usage_error("--draft needs the automatic actors (not with --no-auto)");
	if (explain && (export || draft))
		return usage_error("--explain goes with --dump");
	if (explain)
		dump = 1;
	if (argc - optind > 1)
		return usage_error("too many files ('%s'): brief reads one article", argv[optind + 1]);
	const char *path = optind < argc ? argv[optind] : NULL;
	if (!path && stdin_is_article())
		path = "-";
	/* Text typed for the reader: a blank screen would wait for ^D.  (For
	 * --dump, pasting an article and ^D is a way to use it.) */
	if (path && strcmp(path, "-") == 0 && isatty(STDIN_FILENO) && !dump && !export && !draft
	    && isatty(STDOUT_FILENO))
		return usage_error("standard input is a terminal: pipe the article in "
				   "(cat FILE | brief) or name FILE");
	if (annot_path && strcmp(annot_path, "-") == 0)
		return usage_error("annotations are read from a file, not standard input ('-a -')");

	struct model m;
	struct model_error err;
	int rc = model_open_opts(&m, path, annot_path, &mo, &err);
	if (rc != 0) {
		fprintf(stderr, "brief: %s\n", err.msg);
		model_free(&m);
		return rc;
	}
	if (doc_shrank(&m.doc)) {
		/* Shrank while it was opened: nothing to show. */
	} else if (draft) {
		signal(SIGPIPE, SIG_IGN);
		model_scan_all(&m);
		model_find_auto(&m);
		errno = 0;
		if (!doc_shrank(&m.doc))
			rc = output_status(draft_write(stdout, &m));
	} else if (export == EXPORT_NOTES) {
		signal(SIGPIPE, SIG_IGN);
		model_scan_all(&m);
		/* The citation in Markdown's style in Markdown, plain in JSON,
		 * unless --cite says which. */
		rc = notes_export(&m, path, notes_format,
				  cite_given ? (enum cite_style)uo.cite
				  : notes_format == EXPORT_NOTES_JSON ? CITE_PLAIN : CITE_MARKDOWN);
	} else if (export || dump || !isatty(STDOUT_FILENO)) {
		signal(SIGPIPE, SIG_IGN);
		if (export == 2) {
			doc_prepare_all(&m.doc);        /* the text only: nothing to scan */
		} else {
			model_scan_all(&m);
			/* The hidden automatic actors are part of the JSON and --explain. */
			if (export || explain)
				model_find_auto(&m);
		}
		errno = 0;
		/* Nothing of a file that shrank while it was scanned; one that
		 * shrinks while it is written stops the output before the first
		 * line or span past its new end (EXPORT_CUT): 74 below. */
		if (!doc_shrank(&m.doc)) {
			int r = export == 2 ? export_text(stdout, &m)
				: export ? export_json(stdout, &m)
				: export_dump_explain(stdout, &m, width ? width : terminal_width(),
						      uo.ascii, explain);
			rc = output_status(r < 0 ? r : 0);
		}
	} else {
		uo.path = path;
		rc = ui_run(&m, &uo);
	}
	if (doc_shrank(&m.doc))
		rc = shrank(&m);
	model_free(&m);
	return rc;
}
