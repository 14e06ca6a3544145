#include <unistd.h>

#include "base/input.h"
#include "unit.h"

static char path[64];

static void
write_file(const char *data, size_t n)
{
	int fd;

	snprintf(path, sizeof path, "/tmp/ir-check-input.XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, data, n), (ssize_t)n);
	close(fd);
}

START_TEST(lines_with_places)
{
	struct ir_input in;
	const char *line;

	write_file("一行目\n\n三行目\r\n最後", strlen("一行目\n\n三行目\r\n最後"));
	ck_assert_int_eq(ir_input_open(&in, path), 0);
	ck_assert_int_eq(ir_input_getline(&in, &line), strlen("一行目\n"));
	ck_assert_int_eq(in.lineno, 1);
	ck_assert_uint_eq(in.offset, 0);
	ck_assert_int_eq(ir_input_getline(&in, &line), 1);
	ck_assert_int_eq(ir_input_getline(&in, &line), strlen("三行目\r\n"));
	ck_assert_uint_eq(in.offset, strlen("一行目\n\n"));
	ck_assert_int_eq(ir_input_getline(&in, &line), strlen("最後"));
	ck_assert_buf_eq(line, strlen("最後"), "最後");
	ck_assert_int_eq(in.lineno, 4);
	ck_assert_int_eq(ir_input_getline(&in, &line), 0);
	ir_input_close(&in);
	unlink(path);
}
END_TEST

START_TEST(what_is_read_ahead)
{
	static const char text[] = "一行目\n二行目\n最後";
	struct ir_input in;
	const char *line;

	write_file(text, strlen(text));
	ck_assert_int_eq(ir_input_open(&in, path), 0);
	ck_assert_int_eq(ir_input_getline(&in, &line), strlen("一行目\n"));
	/* The whole small file is read at once: the line and all after it. */
	ck_assert_uint_eq(ir_input_ahead(&in, line), strlen(text));
	ck_assert_buf_eq(line, ir_input_ahead(&in, line), text);
	ck_assert_int_eq(ir_input_getline(&in, &line), strlen("二行目\n"));
	ck_assert_buf_eq(line, ir_input_ahead(&in, line), "二行目\n最後");
	ck_assert_int_eq(ir_input_getline(&in, &line), strlen("最後"));
	ck_assert_uint_eq(ir_input_ahead(&in, line), strlen("最後"));
	ir_input_close(&in);
	unlink(path);
}
END_TEST

START_TEST(long_line_grows_the_buffer)
{
	size_t n = 3 * (1 << 20) + 17;
	char *data = malloc(n);
	struct ir_input in;
	const char *line;

	memset(data, 'x', n);
	data[n - 1] = '\n';
	write_file(data, n);
	ck_assert_int_eq(ir_input_open(&in, path), 0);
	ck_assert_int_eq(ir_input_getline(&in, &line), (ssize_t)n);
	ck_assert(memcmp(line, data, n) == 0);
	ck_assert_int_eq(ir_input_getline(&in, &line), 0);
	ir_input_close(&in);
	unlink(path);
	free(data);
}
END_TEST

START_TEST(errors)
{
	struct ir_input in;
	const char *line;

	ck_assert_int_eq(ir_input_open(&in, "/nonexistent/ir-input"), -1);
	ck_assert_int_eq(ir_input_open(&in, "/"), 0);
	ck_assert_int_eq(ir_input_getline(&in, &line), -1);
	ir_input_close(&in);
}
END_TEST

/* The lengths of the lines of data read with cr_detect, as "3 1 4"; *cr the mode. */
static const char *
cr_lines(const char *data, size_t n, size_t max_line, int *cr)
{
	static char out[256];
	struct ir_input in;
	const char *line;
	size_t used = 0;
	ssize_t len;

	write_file(data, n);
	ck_assert_int_eq(ir_input_open(&in, path), 0);
	in.cr_detect = 1;
	in.max_line = max_line;
	out[0] = '\0';
	while ((len = ir_input_getline(&in, &line)) > 0 && used < sizeof out - 24)
		used += (size_t)snprintf(out + used, sizeof out - used, "%s%zd%s", used ? " " : "",
					 len, line == NULL ? "!" : "");
	ck_assert_int_eq(len, 0);
	*cr = in.cr_ends;
	ir_input_close(&in);
	unlink(path);
	return out;
}

START_TEST(cr_line_ends)
{
	int cr;

	/* No LF: CR ends lines, a CRLF among them is one line end. */
	ck_assert_str_eq(cr_lines("ab\rc\r\rdef", 9, 0, &cr), "3 2 1 3");
	ck_assert(cr);
	ck_assert_str_eq(cr_lines("ab\rc\r\nd\r", 8, 0, &cr), "6 2");
	ck_assert(!cr); /* an LF in the start: LF files keep their stray CRs */
	ck_assert_str_eq(cr_lines("a\rb\r", 4, 0, &cr), "2 2");
	ck_assert(cr);
	ck_assert_str_eq(cr_lines("no line end", 11, 0, &cr), "11");
	ck_assert(!cr);
	ck_assert_str_eq(cr_lines("", 0, 0, &cr), "");
	ck_assert(!cr);
	/* Lines longer than max_line are read through in CR files too. */
	ck_assert_str_eq(cr_lines("ab\rcdefgh\ri\r", 12, 4, &cr), "3 7! 2");
	ck_assert(cr);
}
END_TEST

START_TEST(cr_at_the_end_of_a_read)
{
	/* A CRLF whose CR is the last byte of the first read (1 MiB): one line end. */
	size_t chunk = 1 << 20, n = chunk + 4, i, at = 0;
	char *data = malloc(n);
	struct ir_input in;
	const char *line;
	ssize_t len;

	for (i = 0; i < n; i++)
		data[i] = i % 100 == 99 ? '\r' : 'x';
	data[chunk - 1] = '\r';
	data[chunk] = '\n';
	write_file(data, n);
	ck_assert_int_eq(ir_input_open(&in, path), 0);
	in.cr_detect = 1;
	while ((len = ir_input_getline(&in, &line)) > 0) {
		/* Every line ends with its CR, and the one at the seam with CRLF. */
		if (at + (size_t)len == chunk + 1)
			ck_assert(line[len - 2] == '\r' && line[len - 1] == '\n');
		else if (at + (size_t)len < n)
			ck_assert_int_eq(line[len - 1], '\r');
		at += (size_t)len;
	}
	ck_assert_uint_eq(at, n);
	ck_assert(in.cr_ends);
	ck_assert_int_eq(in.lineno, (long)(chunk / 100) + 2);
	ir_input_close(&in);
	unlink(path);
	free(data);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("input");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, lines_with_places);
	tcase_add_test(tc, what_is_read_ahead);
	tcase_add_test(tc, long_line_grows_the_buffer);
	tcase_add_test(tc, errors);
	tcase_add_test(tc, cr_line_ends);
	tcase_add_test(tc, cr_at_the_end_of_a_read);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
