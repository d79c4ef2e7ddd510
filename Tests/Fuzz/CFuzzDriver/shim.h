#ifndef TRANSPARENCIA_CFUZZDRIVER_SHIM_H
#define TRANSPARENCIA_CFUZZDRIVER_SHIM_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer). SwiftPM makes an executable's `main` an alias of
/// `<Module>_main`, so libFuzzer's own `main` is never linked: each target's `<Module>_main` calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
