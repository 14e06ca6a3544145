/* unit.h - what every Check unit test shares. */
#ifndef IR_UNIT_H
#define IR_UNIT_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Runs the suite that make_suite builds; exits nonzero if a test failed. */
#define UNIT_MAIN(make_suite) UNIT_MAIN_PREPARED(make_suite, unit_nothing)

/* The same, after prepare(): the start-up a tool does before its threads. */
#define UNIT_MAIN_PREPARED(make_suite, prepare)                         \
	int main(void)                                                  \
	{                                                               \
		SRunner *sr;                                            \
		int failed;                                             \
		prepare();                                              \
		sr = srunner_create(make_suite());                      \
		srunner_run_all(sr, CK_ENV);                            \
		failed = srunner_ntests_failed(sr);                     \
		srunner_free(sr);                                       \
		return failed ? EXIT_FAILURE : EXIT_SUCCESS;            \
	}

static inline void
unit_nothing(void)
{
}

/* Compares a buffer with a string. */
#define ck_assert_buf_eq(p, n, s) \
	do { \
		size_t n_ = (n); \
		ck_assert_msg(n_ == strlen(s) && (n_ == 0 || memcmp((p), (s), n_) == 0), \
			      "got \"%.*s\", want \"%s\"", (int)n_, (p), (s)); \
	} while (0)

/*
 * Standard error caught in a temporary file: unit_stderr_begin sends it
 * there, unit_stderr_end puts it back and returns what was written (kept
 * until the next capture).  The messages are what the tests compare.
 */
struct unit_capture {
	FILE *file;
	int saved;
	const char *want; /* for unit_expect_stderr */
	char text[16384];
};

static inline struct unit_capture *
unit_capture(void)
{
	static struct unit_capture c = {NULL, -1, NULL, ""};

	return &c;
}

static inline void
unit_stderr_begin(void)
{
	struct unit_capture *c = unit_capture();

	fflush(stderr);
	c->file = tmpfile();
	ck_assert_ptr_nonnull(c->file);
	c->saved = dup(STDERR_FILENO);
	ck_assert_int_ge(c->saved, 0);
	ck_assert_int_eq(dup2(fileno(c->file), STDERR_FILENO), STDERR_FILENO);
}

static inline const char *
unit_stderr_end(void)
{
	struct unit_capture *c = unit_capture();
	size_t n;

	fflush(stderr);
	dup2(c->saved, STDERR_FILENO);
	close(c->saved);
	rewind(c->file);
	n = fread(c->text, 1, sizeof c->text - 1, c->file);
	c->text[n] = '\0';
	fclose(c->file);
	return c->text;
}

static inline void
unit_check_stderr_at_exit(void)
{
	struct unit_capture *c = unit_capture();
	const char *got = unit_stderr_end();

	if (strcmp(got, c->want) != 0) {
		fprintf(stderr, "stderr at exit: got \"%s\", want \"%s\"\n", got, c->want);
		_exit(99);
	}
}

/*
 * For an exit test (tcase_add_exit_test): the exit counts only if standard
 * error then holds exactly want; otherwise the test ends with status 99.
 */
static inline void
unit_expect_stderr(const char *want)
{
	unit_capture()->want = want;
	unit_stderr_begin();
	atexit(unit_check_stderr_at_exit);
}

#endif
