/* fuzz.h - what the libFuzzer harnesses share.
 *
 * Each harness feeds arbitrary bytes to one parser of lib/ and checks
 * what must hold whatever the input; a failed check aborts, which the
 * fuzzer reports as a crash.  Parsers that read normalised text get the
 * input repaired (ill-formed UTF-8 replaced) and normalised first, as the
 * tools do.
 */
#ifndef IR_FUZZ_H
#define IR_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "classify/classify.h"
#include "extract/extract.h"
#include "ja/norm.h"
#include "split/noise.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The start-up every tool does before its threads; each harness is one
 * file, so this one definition stands once in each binary. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	ir_extract_prepare();
	ir_classify_prepare();
	ir_noise_prepare();
	return 0;
}

#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

/* The input as valid UTF-8 (in b) and normalised (in n). */
static inline void
fuzz_text(const uint8_t *data, size_t size, struct ir_buf *b, struct ir_norm *n)
{
	b->len = 0;
	ir_utf8_repair((const char *)data, size, b);
	ir_norm(n, b->p ? b->p : "", b->len);
}

#endif
