/*
 * failio.c - an LD_PRELOAD shim that makes standard output fail on purpose,
 * for the tests of the tools' error paths.
 *
 *   IR_FAIL_WRITE=N  write(2) to descriptor 1 fails with ENOSPC once N bytes
 *                    have been written (0: the first write fails)
 *   IR_FAIL_CLOSE=1  close(2) of descriptor 1 fails with EIO
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* RTLD_NEXT */
#endif
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

static long written;

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	const char *limit = getenv("IR_FAIL_WRITE");
	ssize_t r;

	if (real == NULL)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	if (fd == 1 && limit != NULL && written + (long)n > atol(limit)) {
		errno = ENOSPC;
		return -1;
	}
	r = real(fd, buf, n);
	if (fd == 1 && r > 0)
		written += r;
	return r;
}

int
close(int fd)
{
	static int (*real)(int);
	const char *fail = getenv("IR_FAIL_CLOSE");

	if (real == NULL)
		real = (int (*)(int))dlsym(RTLD_NEXT, "close");
	if (fd == 1 && fail != NULL && *fail == '1') {
		real(fd);
		errno = EIO;
		return -1;
	}
	return real(fd);
}
