/* unit.h - what every Check unit test shares. */
#ifndef IR_UNIT_H
#define IR_UNIT_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#endif
