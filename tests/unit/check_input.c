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

static Suite *
suite(void)
{
	Suite *s = suite_create("input");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, lines_with_places);
	tcase_add_test(tc, long_line_grows_the_buffer);
	tcase_add_test(tc, errors);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
