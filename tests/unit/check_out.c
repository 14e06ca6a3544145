#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>

#include "base/err.h"
#include "base/out.h"
#include "unit.h"

static const char rec1[] =
	"{\"kind\":\"incident\",\"id\":\"2026-001\",\"source\":\"x.txt\",\"line\":3,\"offset\":40,"
	"\"title\":\"見本商事株式会社 不正アクセスのお知らせ\","
	"\"text\":\"【セキュリティ事件簿#2026-001】見本商事株式会社 不正アクセスのお知らせ\"}\n";
static const char rec2[] =
	"{\"kind\":\"incident\",\"id\":\"2026-002\",\"source\":\"x.txt\",\"line\":9,\"offset\":512,"
	"\"title\":\"架空大学 メール誤送信\",\"text\":\"【セキュリティ事件簿#2026-002】架空大学 メール誤送信\"}\n";

static char path[64];

/* A file that holds an older run's output, longer than what follows. */
static void
temp_path(void)
{
	char old[8192];
	int fd;

	snprintf(path, sizeof path, "/tmp/ir-check-out.XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	memset(old, 'x', sizeof old);
	ck_assert_int_eq(write(fd, old, sizeof old), (ssize_t)sizeof old);
	close(fd);
}

static off_t
size_of(const char *p)
{
	struct stat st;

	ck_assert_int_eq(stat(p, &st), 0);
	return st.st_size;
}

/* The whole file, NUL-terminated; the caller frees it. */
static char *
slurp(const char *p, size_t *n)
{
	FILE *f = fopen(p, "rb");
	char *s;

	ck_assert_ptr_nonnull(f);
	*n = (size_t)size_of(p);
	s = malloc(*n + 1);
	ck_assert_uint_eq(fread(s, 1, *n, f), *n);
	s[*n] = '\0';
	fclose(f);
	return s;
}

START_TEST(round_trip)
{
	struct ir_out o;
	size_t n;
	char *got;

	temp_path();
	ck_assert_int_eq(ir_out_file(&o, path), 0);
	ck_assert_str_eq(o.name, path);
	ck_assert_int_eq(o.line_buffered, 0);
	ir_out_write(&o, rec1, strlen(rec1));
	ir_out_end_record(&o);
	/* Small records stay in the buffer until a flush. */
	ck_assert_int_eq(size_of(path), 0);
	ir_buf_adds(ir_out_buf(&o), rec2);
	ir_out_end_record(&o);
	ck_assert_int_eq(size_of(path), 0);
	ir_out_flush(&o);
	ck_assert_int_eq(size_of(path), (off_t)(strlen(rec1) + strlen(rec2)));
	ir_out_write(&o, rec1, strlen(rec1));
	ck_assert_int_eq(ir_out_close(&o), IR_EXIT_OK);
	got = slurp(path, &n);
	ck_assert_uint_eq(n, 2 * strlen(rec1) + strlen(rec2));
	ck_assert(memcmp(got, rec1, strlen(rec1)) == 0);
	ck_assert(memcmp(got + strlen(rec1), rec2, strlen(rec2)) == 0);
	ck_assert(memcmp(got + strlen(rec1) + strlen(rec2), rec1, strlen(rec1)) == 0);
	free(got);
	unlink(path);
}
END_TEST

/* Memory stays bounded: a full buffer is written without being asked. */
START_TEST(full_buffer_writes_itself)
{
	struct ir_out o;
	struct ir_buf want = IR_BUF_INIT;
	size_t n;
	char *got;

	temp_path();
	ck_assert_int_eq(ir_out_file(&o, path), 0);
	while (want.len < 200000) {
		const char *r = want.len % 3 ? rec2 : rec1;

		ir_out_write(&o, r, strlen(r));
		ir_buf_adds(&want, r);
		ck_assert_uint_lt(o.b.len, 1 << 16);
	}
	ck_assert_int_ge(size_of(path), 1 << 16);
	ck_assert_int_eq(ir_out_close(&o), IR_EXIT_OK);
	got = slurp(path, &n);
	ck_assert_uint_eq(n, want.len);
	ck_assert(memcmp(got, want.p, n) == 0);
	free(got);
	ir_buf_free(&want);
	unlink(path);
}
END_TEST

START_TEST(line_buffered_writes_each_record)
{
	struct ir_out o;

	temp_path();
	ck_assert_int_eq(ir_out_file(&o, path), 0);
	o.line_buffered = 1;
	ir_out_write(&o, rec1, strlen(rec1));
	ck_assert_int_eq(size_of(path), 0);
	ir_out_end_record(&o);
	ck_assert_int_eq(size_of(path), (off_t)strlen(rec1));
	ck_assert_int_eq(ir_out_close(&o), IR_EXIT_OK);
	unlink(path);
}
END_TEST

START_TEST(file_that_cannot_be_created)
{
	struct ir_out o;

	errno = 0;
	ck_assert_int_eq(ir_out_file(&o, "/nonexistent-ir-dir/rejects.ndjson"), -1);
	ck_assert_int_eq(errno, ENOENT);
}
END_TEST

START_TEST(stdout_as_asked)
{
	struct ir_out o;
	int fd;

	/* Not a terminal: line-buffered only when asked. */
	temp_path();
	fd = open(path, O_WRONLY | O_TRUNC);
	ck_assert_int_eq(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	close(fd);
	ir_out_stdout(&o, 0);
	ck_assert_int_eq(o.fd, STDOUT_FILENO);
	ck_assert_str_eq(o.name, "standard output");
	ck_assert_int_eq(o.line_buffered, 0);
	ir_out_stdout(&o, 1);
	ck_assert_int_eq(o.line_buffered, 1);
	ir_out_write(&o, rec2, strlen(rec2));
	ir_out_end_record(&o);
	ck_assert_int_eq(size_of(path), (off_t)strlen(rec2));
	ir_buf_free(&o.b);
	unlink(path);
}
END_TEST

/* A closed stdin or stderr must not become the next file opened. */
START_TEST(closed_std_fds_are_occupied)
{
	struct ir_out o, f;
	int fd;

	temp_path();
	fd = open(path, O_WRONLY | O_TRUNC);
	ck_assert_int_eq(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	close(fd);
	close(STDIN_FILENO);
	ir_out_stdout(&o, 0);
	ck_assert_int_ge(fcntl(STDIN_FILENO, F_GETFD), 0);
	/* Write-only, so that reading a closed stdin still fails. */
	ck_assert_int_eq(fcntl(STDIN_FILENO, F_GETFL) & O_ACCMODE, O_WRONLY);
	ck_assert_int_eq(ir_out_file(&f, path), 0);
	ck_assert_int_gt(f.fd, STDERR_FILENO);
	ck_assert_int_eq(ir_out_close(&f), IR_EXIT_OK);
	unlink(path);
}
END_TEST

START_TEST(closed_stdout_fails)
{
	struct ir_out o;

	ir_setprogname("ir-extract");
	unit_expect_stderr("ir-extract: standard output is closed\n");
	close(STDOUT_FILENO);
	ir_out_stdout(&o, 0);
}
END_TEST

static void
full_disk(struct ir_out *o)
{
	ir_setprogname("ir-extract");
	unit_expect_stderr("ir-extract: write error on /dev/full: No space left on device\n");
	ck_assert_int_eq(ir_out_file(o, "/dev/full"), 0);
	ir_out_write(o, rec1, strlen(rec1));
	ir_out_end_record(o);
}

START_TEST(full_disk_fails_at_flush)
{
	struct ir_out o;

	full_disk(&o);
	ir_out_flush(&o);
}
END_TEST

START_TEST(full_disk_fails_at_close)
{
	struct ir_out o;

	full_disk(&o);
	(void)ir_out_close(&o);
}
END_TEST

START_TEST(full_disk_fails_when_the_buffer_fills)
{
	struct ir_out o;
	int i;

	full_disk(&o);
	for (i = 0; i < 1000; i++)
		ir_out_write(&o, rec2, strlen(rec2));
}
END_TEST

/* The reader went away (| head): no message, but not success either. */
START_TEST(gone_reader_ends_quietly)
{
	struct ir_out o;
	int p[2];

	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(dup2(p[1], STDOUT_FILENO), STDOUT_FILENO);
	close(p[1]);
	close(p[0]);
	signal(SIGPIPE, SIG_IGN);
	unit_expect_stderr("");
	ir_out_stdout(&o, 1);
	ir_out_write(&o, rec1, strlen(rec1));
	ir_out_end_record(&o);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("out");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, full_buffer_writes_itself);
	tcase_add_test(tc, line_buffered_writes_each_record);
	tcase_add_test(tc, file_that_cannot_be_created);
	tcase_add_test(tc, stdout_as_asked);
	tcase_add_test(tc, closed_std_fds_are_occupied);
	tcase_add_exit_test(tc, closed_stdout_fails, IR_EXIT_FAIL);
	tcase_add_exit_test(tc, full_disk_fails_at_flush, IR_EXIT_FAIL);
	tcase_add_exit_test(tc, full_disk_fails_at_close, IR_EXIT_FAIL);
	tcase_add_exit_test(tc, full_disk_fails_when_the_buffer_fills, IR_EXIT_FAIL);
	tcase_add_exit_test(tc, gone_reader_ends_quietly, IR_EXIT_FAIL);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(suite)
